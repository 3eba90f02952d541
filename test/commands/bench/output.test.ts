/**
 * The benchmark's measure of a GitHub Pages upload: dist/ as upload-pages-artifact packs it, hard
 * links followed (each counted in full, as the deployment copies them), then compressed.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kindOf, pagesArtifactBytes } from '../../../src/commands/bench/site-build.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'laurel-bench-output-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('pagesArtifactBytes', () => {
  it('counts a hard-linked file as many times as it is linked, compressed', async () => {
    // Random bytes do not compress: the upload is about as large as what the tar holds.
    const noise = randomBytes(200_000);
    const once = path.join(scratch, 'once');
    await mkdir(once);
    await writeFile(path.join(once, 'a.bin'), noise);
    const twice = path.join(scratch, 'twice');
    await mkdir(twice);
    await writeFile(path.join(twice, 'a.bin'), noise);
    await link(path.join(twice, 'a.bin'), path.join(twice, 'b.bin'));
    const single = pagesArtifactBytes(once)!;
    expect(single).toBeGreaterThan(200_000);
    expect(single).toBeLessThan(210_000);
    expect(pagesArtifactBytes(twice)!).toBeGreaterThan(2 * 200_000);
  });

  it('compresses what repeats, as pages of one template do', async () => {
    const pages = path.join(scratch, 'pages');
    await mkdir(pages);
    for (let page = 0; page < 100; page += 1) await writeFile(path.join(pages, `${page}.html`), `<!doctype html><title>Page ${page}</title>${'<p>The same paragraph on every page.</p>'.repeat(100)}`);
    expect(pagesArtifactBytes(pages)!).toBeLessThan(100 * 4_000 / 10);
  });
});

describe('kindOf', () => {
  it('sorts the published files by what they are, the certificate pages of each language apart', () => {
    expect(kindOf('credentials/0bc14f83/index.html')).toBe('certificate pages');
    expect(kindOf('fr/credentials/0bc14f83/index.html')).toBe('certificate pages, other languages');
    expect(kindOf('pt-br/credentials/0bc14f83/index.html')).toBe('certificate pages, other languages');
    expect(kindOf('credentials/0bc14f83.json')).toBe('signed JSON');
    expect(kindOf('pagefind/certificates/fragment/en_1.pf_fragment')).toBe('search index');
    expect(kindOf('fr/index.html')).toBe('everything else');
    expect(kindOf('fr/achievements/a/index.html')).toBe('everything else');
  });
});
