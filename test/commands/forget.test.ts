/**
 * npm run forget, in a repository with the academy fixture's content: no trace of the learner left
 * anywhere in content/, and the credential withdrawn: a copy signed before fails as revoked after.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../src/commands/check.ts';
import { forget, personalData } from '../../src/commands/forget.ts';
import { IMPERSONAL_AWARD_FIELDS, PERSONAL_AWARD_FIELDS, batchEntrySchema, singleAwardSchema } from '../../src/content/schemas/award.ts';
import type { z } from 'zod';
import type { FetchJson } from '../../src/core/did.ts';
import { verifyCredentialJson } from '../../src/core/verify/verify.ts';
import { jsonArtifacts } from '../../src/issue/hosted-documents.ts';
import { openProofCache } from '../../src/issue/proof-cache.ts';
import { signRepository } from '../../src/issue/sign-repository.ts';
import type { SignedSite } from '../../src/issue/signed-site.ts';
import { awardCounts } from '../helpers/content-counts.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

/** Every file under content/ that mentions any of the needles, case-insensitively, in its path or text. */
async function mentions(...needles: string[]): Promise<string[]> {
  const tree = await readTree(repo.dir);
  return [...tree].filter(([file, text]) => needles.some((needle) => `${file}\n${text}`.toLowerCase().includes(needle.toLowerCase()))).map(([file]) => file);
}

describe('npm run forget', () => {
  it('turns a single-award file named after the learner into a tombstone', async () => {
    const file = 'content/awards/2026/incident-response-omar-haddad.yaml';
    const award = parse(await readFile(path.join(repo.dir, file), 'utf8'));
    const { hash, salt } = award.recipient.identity;
    // Not "Haddad" alone: Laila Haddad, another learner, keeps her name.
    const traces = ['Omar', 'Omar Haddad', 'omar-haddad', hash.slice(7), salt];
    expect(await mentions(...traces)).toEqual([file]);
    const before = await awardCounts(repo.dir);

    const result = await repo.command(forget, [award.id, '--date', '2026-05-10']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await mentions(...traces)).toEqual([]);
    const tombstoneFile = `content/awards/2026/incident-response-erased-${award.id.slice(0, 8)}.yaml`;
    expect(parse(await readFile(path.join(repo.dir, tombstoneFile), 'utf8'))).toEqual({ id: award.id, achievement: 'incident-response', statusIndex: award.statusIndex, erased: { on: '2026-05-10' }, revoked: { on: award.revoked.on } });
    // The award was revoked: the tombstone keeps the date (not the reason) so the status bit stays set.
    expect(award.revoked.on).toBe('2026-05-02');

    expect(result.stdout).toContain('README, "Erasing personal data"');
    expect(result.stdout).toMatch(new RegExp(`git filter-repo --replace-text /\\S*/\\.laurel/erase/${award.id}\\.txt --replace-message \\S+ --invert-paths --path ${file}`));
    expect(result.stdout).toContain('git push --force');
    const replacements = await readFile(path.join(repo.dir, '.laurel', 'erase', `${award.id}.txt`), 'utf8');
    expect(replacements.split('\n')).toEqual(expect.arrayContaining([`${hash.slice(7)}==>[erased]`, `${salt}==>[erased]`, 'Omar Haddad==>[erased]']));

    const checked = await repo.command(check);
    expect([checked.code, checked.stdout]).toEqual([0, expect.stringContaining(`${before.erased + 1} erased`)]);
  });

  it('erases one entry of a batch, keeps its status index, and leaves the others', async () => {
    const file = 'content/awards/2025/accessible-interfaces-2025-10.yaml';
    const salt = 'fixtureSaltThao1';
    // Give the entry evidence, a narrative and a comment about the learner, so there is more to erase.
    const original = await readFile(path.join(repo.dir, file), 'utf8');
    const text = original.replace(`salt: "${salt}"`, `salt: "${salt}" # Thảo asked for a paper copy\n    narrative: Thảo rebuilt the checkout flow.\n    evidence:\n      - url: https://github.com/thao-demo/audit`);
    expect(text).not.toBe(original);
    await writeFile(path.join(repo.dir, file), text);
    const batch = parse(text);
    const index = batch.awards.findIndex((award: { recipient: { name: string } }) => award.recipient.name === 'Thảo Nguyễn');
    const award = batch.awards[index];
    const hash = award.recipient.identity.hash as string;
    const traces = ['Nguyễn', 'Thảo', 'thao-demo', 'checkout', hash.slice(7), salt];
    expect(await mentions('Thảo Nguyễn')).toEqual([file]);
    expect(await mentions(...traces)).toEqual([file]);

    const result = await repo.command(forget, [award.id], { now: new Date('2026-11-20T08:00:00Z') });
    expect(result.code).toBe(0);
    expect(await mentions(...traces)).toEqual([]);
    const after = parse(await readFile(path.join(repo.dir, file), 'utf8'));
    // Without --date, the erasure is dated by the command's clock.
    expect(after.awards[index]).toEqual({ id: award.id, statusIndex: award.statusIndex, erased: { on: '2026-11-20' } });
    expect(after.awards.filter((entry: { erased?: unknown }) => !entry.erased)).toHaveLength(batch.awards.length - 1);
    expect(result.stdout).not.toContain('--invert-paths');

    const replacements = (await readFile(path.join(repo.dir, '.laurel', 'erase', `${award.id}.txt`), 'utf8')).split('\n');
    expect(replacements).toEqual(expect.arrayContaining(['Thảo rebuilt the checkout flow.==>[erased]', 'https://github.com/thao-demo/audit==>[erased]', `${salt}==>[erased]`]));

    const again = await repo.command(forget, [award.id]);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is already erased')]);
  });

  it('warns when the learner has other awards that still name them', async () => {
    // Kenji Mori holds two awards: erasing one leaves the name in the other.
    const file = 'content/awards/2026/data-privacy-2026-03.yaml';
    const id = parse(await readFile(path.join(repo.dir, file), 'utf8')).awards.find((award: { recipient?: { name: string } }) => award.recipient?.name === 'Kenji Mori').id as string;
    const result = await repo.command(forget, [id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/! The learner's name still appears in content\/ at content\/awards\/2026\/design-systems-2026-02\.yaml:\d+/);
    expect(await readFile(path.join(repo.dir, '.laurel', 'erase', `${id}.txt`), 'utf8')).not.toContain('Kenji');
  });
});

/**
 * Every leaf field of a schema, by path (`[]` for the items of a list), read from the zod schema
 * itself: a field added to the award schemas appears here without anyone listing it.
 */
function leafFields(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional': case 'default': case 'nullable': case 'readonly': case 'prefault':
      return leafFields(def['innerType'] as z.ZodType, prefix);
    case 'pipe':
      return leafFields(def['in'] as z.ZodType, prefix);
    case 'object':
      return Object.entries(def['shape'] as Record<string, z.ZodType>).flatMap(([key, field]) => leafFields(field, prefix ? `${prefix}.${key}` : key));
    case 'array':
      return leafFields(def['element'] as z.ZodType, `${prefix}[]`);
    case 'union': {
      const options = def['options'] as z.ZodType[];
      const objects = options.filter((option) => (option as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'object');
      return objects.length ? [...new Set(objects.flatMap((option) => leafFields(option, prefix)))] : [prefix];
    }
    default:
      return [prefix];
  }
}

/** An award holding, at each field of the list, a text of its own: "<field> of this learner". */
function awardWith(fields: readonly string[]): Record<string, unknown> {
  const award: Record<string, unknown> = {};
  for (const field of fields) {
    let node: Record<string, unknown> = award;
    const segments = field.split('.');
    segments.forEach((segment, index) => {
      const last = index === segments.length - 1;
      const key = segment.replace(/\[\]$/, '');
      if (segment.endsWith('[]')) {
        const list = (node[key] ??= [{}]) as Array<Record<string, unknown>>;
        if (last) node[key] = [`${field} of this learner`];
        else node = list[0]!;
      } else if (last) node[key] = `${field} of this learner`;
      else node = (node[key] ??= {}) as Record<string, unknown>;
    });
  }
  return award;
}

describe('the replacements list for the git history', () => {
  const schemaFields = [...new Set([...leafFields(singleAwardSchema), ...leafFields(batchEntrySchema)])].sort();

  it('classifies every field of the award schemas as personal or not, once', () => {
    // A field added to the schemas fails here until it is put in one of the two lists.
    expect([...PERSONAL_AWARD_FIELDS, ...IMPERSONAL_AWARD_FIELDS].sort()).toEqual(schemaFields);
  });

  it('holds every personal field the award has, the narrative included, and no other field', () => {
    const award = awardWith(schemaFields);
    const { name, unique } = personalData(award);
    expect(name).toBe('recipient.name of this learner');
    for (const field of PERSONAL_AWARD_FIELDS.filter((field) => field !== 'recipient.name')) expect(unique, field).toContain(`${field} of this learner`);
    for (const field of IMPERSONAL_AWARD_FIELDS) expect(unique, field).not.toContain(`${field} of this learner`);
  });

  it('holds a narrative line by line, as parsed and as the commands quote it, and leaves out text too short to be the award\'s alone', () => {
    const { unique } = personalData({ narrative: 'Rebuilt the "checkout" flow.\nThen taught it.', results: [{ resultDescription: 'score', value: '91' }], evidence: [{ url: 'https://example.org/x', genre: 'Portfolio' }] });
    expect(unique).toEqual(['Rebuilt the "checkout" flow.', 'Then taught it.', 'Rebuilt the \\"checkout\\" flow.', 'https://example.org/x']);
  });
});

describe('an erased credential', () => {
  // An award of test/fixtures/sites/academy that is neither revoked nor suspended.
  const AWARD = { id: 'e28a4715-c804-4e45-90d6-e3b35e1b9849', statusIndex: 8197 };
  const NOW = new Date('2026-11-02T12:00:00Z');
  let fresh: Repository;
  beforeAll(async () => {
    fresh = await makeRepository({ fixture: 'academy' });
  });
  afterAll(() => fresh.cleanup());

  const sign = async (): Promise<SignedSite> =>
    signRepository({ root: fresh.dir, production: false, secret: undefined, now: NOW, cache: await openProofCache(path.join(fresh.dir, '.laurel', 'cache')) });

  /** The hosted JSON documents of a signed site, by URL. */
  function fetcherOf(site: SignedSite): FetchJson {
    const documents = new Map(jsonArtifacts(site).map((artifact) => [site.urls.site + artifact.path, typeof artifact.bytes === 'string' ? artifact.bytes : new TextDecoder().decode(artifact.bytes)]));
    return async (url) => {
      const text = documents.get(url);
      return text === undefined ? { ok: false, reason: `404 Not Found: ${url}` } : { ok: true, json: JSON.parse(text) };
    };
  }

  it('is withdrawn: a copy saved before the erasure fails as revoked after it, as the page says', async () => {
    const before = await sign();
    const saved = before.awards.find((award) => award.record.id === AWARD.id)!.json;
    const status = async (site: SignedSite) => (await verifyCredentialJson(saved, { now: NOW, fetchJson: fetcherOf(site) })).checks.find((c) => c.id === 'status');
    expect(await status(before)).toMatchObject({ state: 'passed', code: 'status.clear' });

    const erased = await fresh.command(forget, [AWARD.id, '--date', '2026-10-01']);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('a copy saved before fails verification as revoked');

    const after = await sign();
    expect(after.awards.map((award) => award.record.id)).not.toContain(AWARD.id);
    expect(await status(after)).toMatchObject({ state: 'failed', code: 'status.revoked', details: { entries: expect.arrayContaining([expect.objectContaining({ statusPurpose: 'revocation', statusListIndex: String(AWARD.statusIndex), value: 1 })]) } });
    // The 1EdTech revocation list, for displayers that read it, says the same.
    expect(after.revocationList['revokedCredential']).toContainEqual({ id: after.urls.credentialJson(AWARD.id), revoked: true });
  });
});
