/**
 * `npm run dev` as an issuer runs it while writing content: a real `astro dev` server on 127.0.0.1,
 * started in a copy of the academy fixture (test/fixtures/sites/academy), and Chromium on it with
 * nothing routed. As under `npm run preview`, its credentials name the published site, which does
 * not answer here: the verifier must say that this is a local preview and check the credential,
 * the issuer's DID document and the status lists against the dev server, and nowhere else.
 */
import { describe, expect, inject, it } from 'vitest';
import { expectLocalPreviewNote, expectOnlyLocalRequests, useBrowserOnAstro, VERIFIED_STATES } from '../helpers/local-preview.ts';
import { states, verdict } from '../helpers/verifier-page.ts';

const sites = inject('sites');
const SITE_URL = sites.academy.siteUrl;
/** How long `astro dev` may take to sign the site and answer on a loaded machine. */
const START_TIMEOUT_MS = 180_000;

/** Zainab Okoye's Accessible Interfaces (valid until October 2027): neither revoked nor suspended. */
const GOOD = '1a521cf3-550f-4750-b1e0-ba0987d85b45';
/** Omar Haddad's Incident Response, revoked in May 2026. */
const REVOKED = '73489e9e-719b-476c-983c-93afceae3c91';

// The first request makes the dev server sign the site: it is ready once a certificate page answers.
const site = useBrowserOnAstro('dev', sites.academy.dir, { cacheDirectory: sites.cacheDirectory, readyPath: `/credentials/${GOOD}/`, timeoutMs: START_TIMEOUT_MS });

describe('astro dev', () => {
  it('verifies a certificate in place against the dev server, says so, and sends nothing elsewhere', async () => {
    const { page, requests, close } = await site.open(`/credentials/${GOOD}/`);
    try {
      await expectLocalPreviewNote(page, site.origin, SITE_URL);
      await page.click('laurel-verifier button[data-action="verify"]');
      expect(await verdict(page)).toBe('verified');
      expect(await states(page)).toEqual(VERIFIED_STATES);
      expectOnlyLocalRequests(requests, site.origin, GOOD);
    } finally {
      await close();
    }
  });

  it('reads a revoked award as revoked, from the dev server’s status list', async () => {
    const { page, requests, close } = await site.open(`/credentials/${REVOKED}/`);
    try {
      await expectLocalPreviewNote(page, site.origin, SITE_URL);
      await page.click('laurel-verifier button[data-action="verify"]');
      expect(await verdict(page)).toBe('failed');
      expect(await states(page)).toMatchObject({ proof: 'passed', status: 'failed' });
      expect(await page.textContent('[data-check="status"] .lv-summary')).toContain('revoked');
      expectOnlyLocalRequests(requests, site.origin, REVOKED);
    } finally {
      await close();
    }
  });

  it('verifies the published URL of a credential from /verify/?url= against the dev server too', async () => {
    const { page, requests, close } = await site.open(`/verify/?url=${encodeURIComponent(`${SITE_URL}credentials/${GOOD}.json`)}`);
    try {
      expect(await verdict(page)).toBe('verified');
      await expectLocalPreviewNote(page, site.origin, SITE_URL);
      expectOnlyLocalRequests(requests, site.origin, GOOD);
    } finally {
      await close();
    }
  });
});
