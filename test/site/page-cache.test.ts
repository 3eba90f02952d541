/**
 * The page cache's keys (a page is rendered again exactly when what it shows, or the code that
 * renders it, changed), its round trip on disk, and the search records that stand in for the
 * certificate pages in the search index, checked against what Pagefind makes of a page.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent } from '../../src/content/validate.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite, type SignedSite } from '../../src/issue/signed-site.ts';
import { certificatePageKeys, pageCache, pagesFingerprint } from '../../src/site/page-cache.ts';
import { CERTIFICATES_INDEX, indexPages } from '../../src/site/search-index.ts';
import { certificateSearchRecords } from '../../src/site/search-records.ts';
import { allCertificateViews } from '../../src/site/page-model.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const NOW = new Date('2026-06-01T12:00:00Z');
const FINGERPRINT = 'f'.repeat(64);
const scratch = await mkdtemp(path.join(tmpdir(), 'laurel-page-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const award = (id: string, name: string, statusIndex: number, extra = '') =>
  `id: ${id}\nachievement: teamwork\nstatusIndex: ${statusIndex}\nrecipient:\n  name: ${name}\n  identity:\n    type: sourcedId\n    value: ${id.slice(0, 8)}\nawardedOn: 2026-03-01\n${extra}`;

/** The minimal fixture with two more awards, one expiring, one unlisted; `change` edits the tree first. */
async function site(change: (tree: Map<string, string>) => void = () => {}): Promise<SignedSite> {
  const tree = fixtureTree();
  tree.set('content/awards/bea.yaml', award('bea-0000-expiring', 'Bea Example', 7, 'validUntil: 2026-07-01\n'));
  tree.set('content/awards/cal.yaml', award('cal-0000-unlisted', 'Cal Example', 8, 'listed: false\n'));
  change(tree);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
}

describe('certificatePageKeys', async () => {
  const base = await site();
  const keys = certificatePageKeys(base, NOW, FINGERPRINT);
  const ids = [...keys.keys()];

  it('gives every award its own key, the same on every call', () => {
    expect(keys.size).toBe(base.awards.length);
    expect(new Set(keys.values()).size).toBe(keys.size);
    expect(certificatePageKeys(base, NOW, FINGERPRINT)).toEqual(keys);
  });

  it('changes the key of an edited award only', async () => {
    const edited = certificatePageKeys(await site((tree) => tree.set('content/awards/bea.yaml', award('bea-0000-expiring', 'Béa Example', 7, 'validUntil: 2026-07-01\n'))), NOW, FINGERPRINT);
    const changed = ids.filter((id) => edited.get(id) !== keys.get(id));
    expect(changed).toEqual(['bea-0000-expiring']);
  });

  it('changes the key of a page whose status changes with the day: an award that has expired', () => {
    const later = certificatePageKeys(base, new Date('2026-07-02T00:00:00Z'), FINGERPRINT);
    expect(ids.filter((id) => later.get(id) !== keys.get(id))).toEqual(['bea-0000-expiring']);
  });

  it('changes every key when the issuer, the achievement or the rendering code changes', async () => {
    const renamed = certificatePageKeys(await site((tree) => tree.set('content/issuer.yaml', tree.get('content/issuer.yaml')!.replace(/^name: .*$/m, 'name: Another Name'))), NOW, FINGERPRINT);
    const achievement = certificatePageKeys(await site((tree) => tree.set('content/achievements/teamwork.md', tree.get('content/achievements/teamwork.md')!.replace(/^description: .*$/m, 'description: Works well with others, and says so.'))), NOW, FINGERPRINT);
    const code = certificatePageKeys(base, NOW, 'e'.repeat(64));
    for (const other of [renamed, achievement, code]) for (const id of ids) expect(other.get(id), id).not.toBe(keys.get(id));
  });

  it('fingerprints the rendering code: any file under src/, the Astro configuration, the lock file', async () => {
    const root = path.join(scratch, 'fingerprint');
    await mkdir(path.join(root, 'src', 'site'), { recursive: true });
    await writeFile(path.join(root, 'src', 'site', 'page.astro'), '<p>one</p>');
    await writeFile(path.join(root, 'astro.config.mjs'), 'export default {};');
    const first = await pagesFingerprint(root);
    expect(await pagesFingerprint(root)).toBe(first);
    await writeFile(path.join(root, 'src', 'site', 'page.astro'), '<p>two</p>');
    const second = await pagesFingerprint(root);
    expect(second).not.toBe(first);
    await writeFile(path.join(root, 'package-lock.json'), '{}');
    expect(await pagesFingerprint(root)).not.toBe(second);
  });
});

describe('pageCache', async () => {
  const signed = await site();
  const keys = certificatePageKeys(signed, NOW, FINGERPRINT);
  const pageOf = (out: string, id: string) => path.join(out, 'credentials', id, 'index.html');
  const cacheDir = path.join(scratch, 'cache');
  const cache = pageCache(cacheDir);

  it('keeps the pages a build rendered, and puts them into the next build that renders none', async () => {
    expect(await cache.missing(keys)).toEqual(new Set(keys.keys()));
    const first = path.join(scratch, 'first');
    for (const id of keys.keys()) {
      await mkdir(path.dirname(pageOf(first, id)), { recursive: true });
      await writeFile(pageOf(first, id), `<p>${id}</p>`);
    }
    expect(await cache.complete(first, signed, keys, new Set(keys.keys()), { prune: true })).toHaveLength(0);
    expect(await cache.missing(keys)).toEqual(new Set());

    const second = path.join(scratch, 'second');
    await mkdir(second);
    expect((await cache.complete(second, signed, keys, new Set(), { prune: true })).sort()).toEqual([...keys.keys()].map((id) => pageOf(second, id)).sort());
    for (const id of keys.keys()) expect(await readFile(pageOf(second, id), 'utf8')).toBe(`<p>${id}</p>`);
  });

  it('links the reused pages to the cache rather than copying them, and never writes into a linked page', async () => {
    const out = path.join(scratch, 'linked');
    await mkdir(out);
    await cache.complete(out, signed, keys, new Set(), { prune: true });
    const [id] = keys.keys();
    const cached = path.join(cacheDir, keys.get(id!)!.slice(0, 2), `${keys.get(id!)}.html`);
    expect((await stat(pageOf(out, id!))).ino).toBe((await stat(cached)).ino);
    // The same page rendered again (same key) into another output: the entry, which the first
    // output links to, is left as it was.
    const again = path.join(scratch, 'again');
    await mkdir(path.dirname(pageOf(again, id!)), { recursive: true });
    await writeFile(pageOf(again, id!), '<p>other bytes</p>');
    await cache.complete(again, signed, new Map([[id!, keys.get(id!)!]]), new Set([id!]), { prune: false });
    expect(await readFile(pageOf(out, id!), 'utf8')).toBe(`<p>${id}</p>`);
  });

  it('removes the pages no award has any more, unless the cache is shared', async () => {
    const fewer = new Map([...keys].slice(1));
    const out = path.join(scratch, 'third');
    await mkdir(out);
    await cache.complete(out, signed, fewer, new Set(), { prune: false });
    expect(await cache.missing(keys)).toEqual(new Set());
    await cache.complete(out, signed, fewer, new Set(), { prune: true });
    expect(await cache.missing(keys)).toEqual(new Set([[...keys.keys()][0]]));
    const left = (await readdir(cacheDir, { recursive: true })).filter((name) => name.endsWith('.html'));
    expect(left).toHaveLength(fewer.size);
  });
});

describe('certificateSearchRecords', async () => {
  const signed = await site((tree) => tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!.replace(/^language: .*\n/m, '')}language: en-GB\n`));
  const records = certificateSearchRecords(signed, NOW);

  it('has one record per listed certificate, with its filters and title, and none for an unlisted one', () => {
    expect(records.map((record) => record.page).sort()).toEqual(['credentials/00000000-0000-4000-8000-000000000001/', 'credentials/bea-0000-expiring/']);
    const bea = records.find((record) => record.page === 'credentials/bea-0000-expiring/')!;
    expect(bea.meta).toMatchObject({ title: `Bea Example · ${signed.content.achievements.get('teamwork')!.data.name}`, kind: 'Certificate' });
    expect(bea.filters['year']).toEqual(['2026']);
    expect(bea.content).toContain('Bea Example');
  });

  it('gives each record words of its own: who earned what, and when, without the issuer every record shares', () => {
    expect(new Set(records.map((record) => record.content)).size).toBe(records.length);
    for (const record of records) expect(record.content).not.toContain(signed.content.issuer.name);
    const bea = records.find((record) => record.page === 'credentials/bea-0000-expiring/')!;
    expect(bea.content).toMatch(/^Bea Example earned .+ on \d{1,2} \w+ 2026\.$/);
  });

  it('is filed under the same language as the pages, as Pagefind reads their <html lang>', async () => {
    const files = await indexPages([{ url: '/achievements/teamwork/', html: '<html lang="en-GB"><body><main data-pagefind-body><h1>Teamwork</h1></main></body></html>' }], records, '/');
    const entry = (file: string) => JSON.parse(new TextDecoder().decode(files.get(file))) as { languages: Record<string, { page_count: number }> };
    // The pages' index and the certificates' (merged in the browser) under the one language.
    const counts = (file: string) => Object.entries(entry(file).languages).map(([language, { page_count }]) => [language, page_count]);
    expect(counts('pagefind-entry.json')).toEqual([['en-gb', 1]]);
    expect(counts(`${CERTIFICATES_INDEX}/pagefind-entry.json`)).toEqual([['en-gb', records.length]]);
  });
});

describe('a site in two languages', async () => {
  const signed = await site((tree) => tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!.replace(/^language: .*\n/m, '')}languages: [en-GB, fr-CA]\n`));
  const views = allCertificateViews(signed, NOW);
  const keys = certificatePageKeys(signed, NOW, FINGERPRINT, views);
  const ids = signed.awards.map((award) => award.record.id);

  it('keys each certificate page in each language, by id in the default and under its folder in the other', () => {
    expect([...keys.keys()].sort()).toEqual([...ids, ...ids.map((id) => `fr/${id}`)].sort());
    expect(new Set(keys.values()).size).toBe(keys.size);
    // Only the language changes between the two pages of an award: the key tells them apart.
    expect(keys.get(ids[0]!)).not.toBe(keys.get(`fr/${ids[0]}`));
  });

  it("puts the other language's cached pages under its folder", async () => {
    const cache = pageCache(path.join(scratch, 'bilingual-cache'));
    const first = path.join(scratch, 'bilingual-first');
    const file = (out: string, name: string) => path.join(out, ...(name.startsWith('fr/') ? ['fr', 'credentials', name.slice(3)] : ['credentials', name]), 'index.html');
    for (const name of keys.keys()) {
      await mkdir(path.dirname(file(first, name)), { recursive: true });
      await writeFile(file(first, name), `<p>${name}</p>`);
    }
    await cache.complete(first, signed, keys, new Set(keys.keys()), { prune: true });
    const second = path.join(scratch, 'bilingual-second');
    await mkdir(second);
    expect((await cache.complete(second, signed, keys, new Set(), { prune: true })).sort()).toEqual([...keys.keys()].map((name) => file(second, name)).sort());
    expect(await readFile(file(second, `fr/${ids[0]}`), 'utf8')).toBe(`<p>fr/${ids[0]}</p>`);
  });

  it('has a search record per listed certificate in each language, in its words and filed under its language', () => {
    const records = certificateSearchRecords(signed, NOW, views);
    const bea = records.filter((record) => record.page.endsWith('credentials/bea-0000-expiring/'));
    expect(bea.map((record) => [record.page, record.language, record.meta['kind']])).toEqual([
      ['credentials/bea-0000-expiring/', 'en-gb', 'Certificate'],
      ['fr/credentials/bea-0000-expiring/', 'fr-ca', 'Attestation'],
    ]);
    expect(bea[1]!.content).toMatch(/^Bea Example a obtenu .+ le 1er mars 2026\.$/);
  });
});
