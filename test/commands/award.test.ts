/** npm run award, end to end in a temporary copy of the repository. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchesIdentityHash } from '../../src/core/identity-hash.ts';
import { demoAwardCounts } from '../helpers/demo-counts.ts';
import { makeTempRepo, readTree, type TempRepo } from '../helpers/temp-repo.ts';

let repo: TempRepo;
beforeAll(async () => {
  repo = await makeTempRepo();
});
afterAll(() => repo.cleanup());

const EMAIL = 'Ada.Lovelace@Example.org';

describe('npm run award', () => {
  it('writes one award with the hash of the email, never the email, and check passes', async () => {
    const result = await repo.run('scripts/award.ts', ['web-accessibility', '--name', 'Ada Lovelace', '--email', EMAIL, '--date', '2026-03-14', '--evidence', 'https://example.org/audit', '--narrative', 'Audited the council website.', '--unlisted']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = /Wrote (content\/awards\/2026\/web-accessibility-ada-lovelace-[0-9a-f]{8}\.yaml)/.exec(result.stdout)?.[1];
    expect(file).toBeDefined();
    const id = /credentials\/([0-9a-f-]{36})\//.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`https://badges.northbridge.example/credentials/${id}/`);
    expect(result.stdout).toContain(`https://badges.northbridge.example/credentials/${id}.json`);
    expect(result.stdout).toContain('The email was hashed; it is not stored.');
    expect(result.stdout.toLowerCase()).not.toContain(EMAIL.toLowerCase());

    const text = await readFile(path.join(repo.dir, file!), 'utf8');
    expect(text.toLowerCase()).not.toContain('lovelace@example.org');
    const award = parse(text);
    expect(award).toMatchObject({ id, achievement: 'web-accessibility', awardedOn: '2026-03-14', listed: false, evidence: [{ url: 'https://example.org/audit' }], narrative: 'Audited the council website.' });
    expect(award.statusIndex).toBeGreaterThanOrEqual(0);
    expect(award.statusIndex).toBeLessThan(131_072);
    expect(award.recipient.identity.salt).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(matchesIdentityHash('ada.lovelace@example.org', award.recipient.identity.salt, award.recipient.identity.hash)).toBe(true);

    const check = await repo.run('scripts/check.ts');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${(await demoAwardCounts()).live + 1} awards`);
  });

  it('refuses an unknown achievement, names the closest, and writes nothing', async () => {
    const before = await readTree(repo.dir);
    const result = await repo.run('scripts/award.ts', ['web-accesibility', '--name', 'Grace Hopper', '--email', 'grace@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"web-accesibility" is not an achievement. Did you mean "web-accessibility"?');
    expect(result.stderr).toContain('one of applied-machine-learning, back-end-apis');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readTree(repo.dir)).toEqual(before);
  });

  it('treats a missing name, a bad email or a bad date as bad usage (exit 2) without echoing the email', async () => {
    const noName = await repo.run('scripts/award.ts', ['web-accessibility', '--email', 'grace@example.org']);
    expect([noName.code, noName.stderr]).toEqual([2, expect.stringContaining('--name is required')]);
    const badEmail = await repo.run('scripts/award.ts', ['web-accessibility', '--name', 'Grace', '--email', 'grace.at.example.org']);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--email is not an email address');
    expect(badEmail.stderr).not.toContain('grace.at.example.org');
    const badDate = await repo.run('scripts/award.ts', ['web-accessibility', '--name', 'Grace', '--email', 'grace@example.org', '--date', '2026-02-30']);
    expect([badDate.code, badDate.stderr]).toEqual([2, expect.stringContaining('--date "2026-02-30" is not a date')]);
  });

  it('validates the new file with the whole tree: an email in the name is refused with its position', async () => {
    const before = await readTree(repo.dir);
    const result = await repo.run('scripts/award.ts', ['web-accessibility', '--name', 'Grace grace@example.org', '--email', 'grace@example.org']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/awards\/\d{4}\/web-accessibility-grace-grace-example-org-[0-9a-f]{8}\.yaml:5:\d+ error\[plain-email\] recipient\.name/);
    expect(result.stderr).toContain('Nothing was written.');
    expect(await readTree(repo.dir)).toEqual(before);
  });
});
