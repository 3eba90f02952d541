/**
 * `npm run dev` serves the same site as `npm run build`: a real `astro dev` server, started in a
 * copy of the built academy fixture (same content, same development key), answers every path of
 * the published layout with the right media type and the very bytes the build wrote, makes the
 * same downloads in the browser as the built site, picks up an edited award file without a restart, shows a content error with its file and line until it
 * is fixed, and moves under a new base path when issuer.yaml's url changes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { launchBrowser } from '../../src/commands/bench/browser.ts';
import { startAstro, type AstroServer } from '../helpers/astro-server.ts';
import { expectedBakedBadge, expectedCertificatePdf, pdfText, pressDownload } from '../helpers/certificate-downloads.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

const sites = inject('sites');
let repo: Repository;
let server: AstroServer;
let content: SiteContent;

beforeAll(async () => {
  repo = await makeRepository({ from: sites.academy.dir, cacheDirectory: sites.cacheDirectory });
  const validated = validateContent(await readContentFiles(repo.dir));
  if (!validated.ok) throw new Error('the academy fixture does not validate');
  content = validated.content;
  server = await startAstro('dev', repo.dir, { env: { LAUREL_CACHE_DIR: sites.cacheDirectory } });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await repo?.cleanup();
});

const get = (pathname: string) => fetch(`${server.origin}/${pathname}`, { signal: AbortSignal.timeout(60_000) });

/**
 * Every file of dist/ but the pages, the search index, Astro's bundles and the transparency log
 * (which builds append to; the dev server serves one that starts afresh at every signing): the
 * hosted documents and images.
 */
async function hostedFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.endsWith('.html') && !file.startsWith('pagefind/') && !file.startsWith('_astro/') && !file.startsWith('log/') && file !== '.nojekyll' && file !== 'logo.svg')
    .sort();
}

/** Waits until `check` holds, asking every half second, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s; the server said:\n${server.output().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('npm run dev', () => {
  it('answers every path of the published layout, with its media type', async () => {
    const [award] = content.awards;
    const [slug] = [...content.achievements.keys()].filter((key) => !content.achievements.get(key)!.data.draft);
    const erased = content.erased[0]!;
    const expected: Array<[string, RegExp]> = [
      ['', /^text\/html/],
      [`achievements/${slug}/`, /^text\/html/],
      [`achievements/${slug}.json`, /^application\/json/],
      [`achievements/${slug}.png`, /^image\/png/],
      [`achievements/${slug}.svg`, /^image\/svg\+xml/],
      [`achievements/${slug}/share.png`, /^image\/png/],
      [`credentials/${award!.id}/`, /^text\/html/],
      [`credentials/${award!.id}.json`, /^application\/json/],
      [`credentials/${erased.id}/`, /^text\/html/],
      ['issuer.json', /^application\/json/],
      ['.well-known/did.json', /^application\/json/],
      ['status/revocation.json', /^application\/json/],
      ['status/suspension.json', /^application\/json/],
      ['status/1edtech-revocation-list.json', /^application\/json/],
      ['verify/', /^text\/html/],
      ['verify/how/', /^text\/html/],
      ['pagefind/pagefind.js', /^text\/javascript/],
      ['icons.svg', /^image\/svg\+xml/],
      // The dev server's own transparency log, as a build publishes one (c2sp.org/tlog-tiles).
      ['log/checkpoint', /^text\/plain/],
      ['log/index/00.json', /^application\/json/],
    ];
    for (const [pathname, type] of expected) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type'), pathname).toMatch(type);
      await response.arrayBuffer();
    }
    // An erased award has its notice, never its JSON or images.
    expect((await get(`credentials/${erased.id}.json`)).status).toBe(404);
    // No award has images or a PDF of its own: its page makes them (and the academy's link
    // previews are its achievements' cards).
    for (const file of [`${award!.id}.png`, `${award!.id}.svg`, `${award!.id}.pdf`, `${award!.id}/share.png`]) expect((await get(`credentials/${file}`)).status, file).toBe(404);
  });

  it('makes the same downloads in the browser as the built site: baked badges and the PDF', async () => {
    const id = '1a521cf3-550f-4750-b1e0-ba0987d85b45'; // Zainab Okoye's Accessible Interfaces
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => void requests.push(request.url()));
      await page.goto(`${server.origin}/credentials/${id}/`);
      for (const format of ['png', 'svg'] as const) {
        const file = await pressDownload(page, format);
        expect(file.bytes.equals(await expectedBakedBadge(sites.academy.dist, content, id, format)), format).toBe(true);
      }
      const pdf = await pressDownload(page, 'pdf');
      expect(pdf.bytes.equals(await expectedCertificatePdf(sites.academy.dist, content, id))).toBe(true);
      expect(pdfText(pdf.bytes)).toContain('Zainab Okoye');
      // The fonts come from the dev server, as from the built site.
      const fonts = requests.filter((url) => /\.woff(\?|$)/.test(url));
      expect(fonts.length).toBeGreaterThan(0);
      for (const url of fonts) expect(url.startsWith(`${server.origin}/`), url).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('serves the very bytes the build wrote: every credential, document and image', async () => {
    const files = await hostedFiles(sites.academy.dist);
    expect(files).toContain(`credentials/${content.awards[0]!.id}.json`);
    expect(files.filter((file) => /^credentials\/[^/]+\.json$/.test(file))).toHaveLength(content.awards.length);
    for (const file of files) {
      const served = Buffer.from(await (await get(file)).arrayBuffer());
      expect(served.equals(await readFile(path.join(sites.academy.dist, file))), file).toBe(true);
    }
  });

  it('finds an achievement with the search index it makes from its own pages', async () => {
    const response = await get('pagefind/pagefind-entry.json');
    expect(response.status).toBe(200);
    const entry = (await response.json()) as { languages: Record<string, { page_count: number }> };
    const built = JSON.parse(await readFile(path.join(sites.academy.dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as typeof entry;
    // The same pages are indexed as in the build: the achievements and the listed certificates.
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual(Object.values(built.languages).map((language) => language.page_count));
  });

  it('picks up an edited award file within seconds, without a restart', async () => {
    const file = 'content/awards/2026/design-systems-2026-02.yaml';
    const id = 'f03ab81a-54ba-4f1b-a4ca-8e178ad8d519'; // Kenji Mori, awards[1]
    const original = await readFile(path.join(repo.dir, file), 'utf8');
    expect(original).toContain('name: "Kenji Mori"');
    await writeFile(path.join(repo.dir, file), original.replace('name: "Kenji Mori"', 'name: "Kenji Mori-Watanabe"'));
    await eventually(async () => (await (await get(`credentials/${id}.json`)).text()).includes('Kenji Mori-Watanabe'));
    expect(await (await get(`credentials/${id}/`)).text()).toContain('Kenji Mori-Watanabe');
    await writeFile(path.join(repo.dir, file), original);
    await eventually(async () => !(await (await get(`credentials/${id}.json`)).text()).includes('Mori-Watanabe'));
  });

  it('shows a content error with its file, line and code on the page until it is fixed', async () => {
    const file = 'content/awards/2026/data-privacy-sofia-reyes.yaml';
    const id = '3c64d9ce-4257-4cb4-8cd6-2a215bf4c082';
    const original = await readFile(path.join(repo.dir, file), 'utf8');
    await writeFile(path.join(repo.dir, file), original.replace('achievement: data-privacy', 'achievement: data-privasy'));
    await eventually(async () => (await get(`credentials/${id}/`)).status >= 500);
    expect(await (await get(`credentials/${id}/`)).text()).toContain('<title>Laurel could not sign the site</title>');
    // The terminal says it all, without a stack trace…
    const located = 'content/awards/2026/data-privacy-sofia-reyes.yaml:2:14 error[unknown-achievement] achievement: "data-privasy" is not an achievement. Did you mean "data-privacy"?';
    await eventually(async () => server.output().includes(located));
    expect(server.output()).not.toMatch(/\n\s+at .*content-error\.ts/);
    // …and so does Astro's error overlay, in the browser.
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/credentials/${id}/`);
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(async () => overlay.evaluate((element) => element.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toContain(located);
    } finally {
      await browser.close();
    }
    await writeFile(path.join(repo.dir, file), original);
    await eventually(async () => (await get(`credentials/${id}/`)).status === 200);
  });

  // Last: it moves the site.
  it('moves the whole site, search included, under the path of a new url in issuer.yaml', async () => {
    const file = path.join(repo.dir, 'content', 'issuer.yaml');
    const original = await readFile(file, 'utf8');
    const url = /^url: (\S+)$/m.exec(original)![1]!;
    const moved = new URL('badges/', url).href;
    const id = content.awards[0]!.id;
    await writeFile(file, original.replace(`url: ${url}`, `url: ${moved}`));
    // The base path changes every route: the server restarts on its own and serves the new layout.
    await eventually(async () => (await get(`badges/credentials/${id}.json`).catch(() => undefined))?.status === 200, 90_000);
    const credential = (await (await get(`badges/credentials/${id}.json`)).json()) as { id: string; issuer: { id: string } };
    expect(credential.id).toBe(`${moved}credentials/${id}.json`);
    expect(credential.issuer.id).toBe(`did:web:${new URL(moved).host}:badges`);
    const page = await (await get(`badges/credentials/${id}/`)).text();
    expect(page).toContain('href="/badges/verify/');
    // The search index is made from the pages under the new path.
    const entry = await get('badges/pagefind/pagefind-entry.json');
    expect(entry.status).toBe(200);
    const pages = (await entry.json()) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(pages.languages).reduce((sum, language) => sum + language.page_count, 0)).toBeGreaterThan(0);
    // (Astro's dev server also answers without the base path; the build has only the paths under it.)
    await writeFile(file, original);
    await eventually(async () => {
      const text = await (await get(`credentials/${id}.json`).catch(() => undefined))?.text();
      try {
        return (JSON.parse(text ?? '') as { id?: unknown }).id === `${url}credentials/${id}.json`;
      } catch {
        return false;
      }
    }, 90_000);
  });
});
