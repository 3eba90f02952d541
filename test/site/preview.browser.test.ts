/**
 * `npm run preview` as an issuer runs it before publishing: the real `astro preview` server on
 * 127.0.0.1, serving a copy of the built academy fixture (test/fixtures/sites/academy), and
 * Chromium on it with nothing routed. Its credentials name the published site
 * (https://credentials.harbourside.example/), which does not answer here; the verifier must see
 * that it is a local preview, say so, and check the credential, the issuer's DID document and the
 * status lists against the local server, sending no request anywhere else. The certificate page's
 * downloads, made in the browser, read only the local server too, and give the core's bytes.
 */
import { describe, expect, inject, it } from 'vitest';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { CHECK_IDS } from '../../src/core/verify/check.ts';
import { startAstro } from '../helpers/astro-server.ts';
import { expectedBakedBadge, expectedCertificatePdf, pressDownload } from '../helpers/certificate-downloads.ts';
import { expectLocalPreviewNote, expectOnlyLocalRequests, openRecorded, useBrowserOnAstro, VERIFIED_STATES } from '../helpers/local-preview.ts';
import { makeRepository } from '../helpers/repository.ts';
import { states, verdict } from '../helpers/verifier-page.ts';

// Shared with every browser test of the run, so started in a copy (see useBrowserOnAstro).
const { dir: BUILT, dist: BUILT_DIST, siteUrl: SITE_URL } = inject('sites').academy;
/** How long `astro preview` may take to answer on a loaded machine. */
const START_TIMEOUT_MS = 90_000;

/** Zainab Okoye's Accessible Interfaces (valid until October 2027): neither revoked nor suspended. */
const GOOD = '1a521cf3-550f-4750-b1e0-ba0987d85b45';
/** The address its credential names as its own: the published site, not this computer. */
const PUBLISHED_URL = `${SITE_URL}credentials/${GOOD}.json`;

const site = useBrowserOnAstro('preview', BUILT, { timeoutMs: START_TIMEOUT_MS });

describe('astro preview', () => {
  it('verifies a certificate in place against the local server, says so, and sends nothing elsewhere', async () => {
    const { page, requests, close } = await site.open(`/credentials/${GOOD}/`);
    expect(await page.locator('laurel-verifier[data-mode="panel"]').count()).toBe(1);
    await expectLocalPreviewNote(page, site.origin, SITE_URL);
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).toBe('verified');
    expect(Object.keys(await states(page))).toEqual([...CHECK_IDS]);
    expect(await states(page)).toEqual(VERIFIED_STATES);
    expectOnlyLocalRequests(requests, site.origin, GOOD);
    await close();
  });

  it('verifies the published URL of a credential from /verify/?url= against the local server too', async () => {
    const { page, requests, close } = await site.open(`/verify/?url=${encodeURIComponent(PUBLISHED_URL)}`);
    expect(await verdict(page)).toBe('verified');
    expect(await states(page)).toEqual(VERIFIED_STATES);
    await expectLocalPreviewNote(page, site.origin, SITE_URL);
    expectOnlyLocalRequests(requests, site.origin, GOOD);
    await close();
  });
});

/** The content a fixture site was built from. */
async function contentOf(dir: string): Promise<SiteContent> {
  const validated = validateContent(await readContentFiles(dir));
  if (!validated.ok) throw new Error(`${dir} does not validate`);
  return validated.content;
}

describe('astro preview downloads', () => {
  it('makes the baked badge and the PDF from the local server, the core’s bytes, and sends nothing elsewhere', async () => {
    const { page, requests, close } = await site.open(`/credentials/${GOOD}/`);
    const content = await contentOf(BUILT);
    const png = await pressDownload(page, 'png');
    expect(png.bytes.equals(await expectedBakedBadge(BUILT_DIST, content, GOOD, 'png'))).toBe(true);
    const pdf = await pressDownload(page, 'pdf');
    expect(pdf.bytes.equals(await expectedCertificatePdf(BUILT_DIST, content, GOOD))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(`${site.origin}/`))).toEqual([]);
    expect(requests).toContain(`${site.origin}/credentials/${GOOD}.json`);
    await close();
  });
});

describe('astro preview of a site under a path', () => {
  it('serves it under its base path, and verifies its credential there', async () => {
    const subPath = inject('sites')['sub-path'];
    const copy = await makeRepository({ from: subPath.dir });
    const preview = await startAstro('preview', copy.dir, { readyPath: new URL(subPath.siteUrl).pathname, timeoutMs: START_TIMEOUT_MS });
    try {
      const base = new URL(subPath.siteUrl).pathname;
      expect((await fetch(`${preview.origin}${base}`)).status).toBe(200);
      expect((await fetch(`${preview.origin}${base}did.json`)).status).toBe(200);
      const { page, requests, close } = await openRecorded(site.browser, `${preview.origin}${base}credentials/00000000-0000-4000-8000-000000000001/`);
      await page.click('laurel-verifier button[data-action="verify"]');
      expect(await verdict(page)).toBe('verified');
      // Its downloads too, under the base path.
      const content = await contentOf(subPath.dir);
      const id = '00000000-0000-4000-8000-000000000001';
      expect((await pressDownload(page, 'svg')).bytes.equals(await expectedBakedBadge(subPath.dist, content, id, 'svg'))).toBe(true);
      expect((await pressDownload(page, 'pdf')).bytes.equals(await expectedCertificatePdf(subPath.dist, content, id))).toBe(true);
      expect(requests.filter((url) => !url.startsWith(`${preview.origin}${base}`))).toEqual([]);
      expect(requests).toContain(`${preview.origin}${base}did.json`);
      await close();
    } finally {
      await preview.stop();
      await copy.cleanup();
    }
  });
});
