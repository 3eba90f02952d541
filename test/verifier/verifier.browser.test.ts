/**
 * The verify page and the certificate panel in headless Chromium (Debian's, via playwright-core),
 * on the academy fixture site (test/fixtures/sites/academy, built once for the run by
 * test/setup/fixture-sites.ts) served from its dist/, with the site's public URL answered from
 * the same folder so did:web and status lists resolve offline. One browser for the file, a fresh
 * context per test; generous timeouts for a loaded machine.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { extractPng, extractSvg } from '../../src/core/baking.ts';
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import { identityHash } from '../../src/core/identity-hash.ts';
import { decodeSecretKeyMultibase, keyPairFromSeed } from '../../src/core/multikey.ts';
import { createProof, type ProofOptions } from '../../src/core/proof.ts';
import { CHECK_IDS, type VerificationReport } from '../../src/core/verify/check.ts';
import { verifyCredentialJson } from '../../src/core/verify/verify.ts';
import { routeSiteUrl } from '../../src/commands/bench/browser.ts';
import { useBrowserOnSite } from '../helpers/browser-suite.ts';
import { pressDownload } from '../helpers/certificate-downloads.ts';
import rdfcVector from '../fixtures/vectors/eddsa-rdfc-2022-vector.json' with { type: 'json' };
import { states, verdict, WAIT } from '../helpers/verifier-page.ts';
import { ANCHOR_HEADER, ANCHOR_HEIGHT, LOG, anchoredLog, loggedSite } from '../helpers/logged-site.ts';
import { SITE as HELPER_SITE, sign, unsignedCredential } from '../helpers/verify-site.ts';
import { readBlockHeader } from '../../src/core/timestamp/bitcoin.ts';

// Shared with every browser test of the run: read only, never written.
const { dist: DIST, siteUrl: SITE_URL, dir: SITE_DIR } = inject('sites').academy;
const site = useBrowserOnSite(DIST);

type Json = Record<string, unknown>;

/** Zainab Okoye's Accessible Interfaces (valid until October 2027): listed, neither revoked nor suspended. */
const GOOD = '1a521cf3-550f-4750-b1e0-ba0987d85b45';
/** Omar Haddad's Incident Response Basics, revoked (content/awards/2026/incident-response-omar-haddad.yaml). */
const REVOKED = '73489e9e-719b-476c-983c-93afceae3c91';
/** Ravi Shankar's Incident Response Basics of May 2024, valid for a year: expired (content/awards/2024/incident-response-2024-05.yaml). */
const EXPIRED = '3fcb4b70-f79a-4ffc-a71b-9592244ececa';
/** A phone's screen, in CSS pixels. */
const PHONE = { width: 390, height: 844 };

/** The credential that verifies: its id, published URL, hosted JSON text and that JSON parsed. */
let good: { id: string; url: string; text: string; json: Json };
const revokedUrl = `${SITE_URL}credentials/${REVOKED}.json`;

/** Answers the site's public URLs from dist/, as the CLI's --site does. */
async function verifyFromDist(text: string): Promise<VerificationReport> {
  return verifyCredentialJson(text, {
    now: new Date(),
    fetchJson: async (url) => {
      if (!url.startsWith(SITE_URL)) return { ok: false, reason: 'offline' };
      try {
        return { ok: true, json: JSON.parse(readFileSync(path.join(DIST, new URL(url).pathname), 'utf8')) as unknown };
      } catch {
        return { ok: false, reason: 'not found' };
      }
    },
    fetchLogFile: async (url) => {
      if (!url.startsWith(SITE_URL)) return { ok: false, reason: 'offline' };
      try {
        return { ok: true, bytes: new Uint8Array(readFileSync(path.join(DIST, new URL(url).pathname))) };
      } catch {
        return { ok: false, reason: 'not found' };
      }
    },
  });
}

// Checked with the engine itself first, so that a broken build fails here, once, with a clear message.
beforeAll(async () => {
  const text = readFileSync(path.join(DIST, 'credentials', `${GOOD}.json`), 'utf8');
  const report = await verifyFromDist(text);
  if (report.status !== 'verified') throw new Error(`${GOOD} does not verify from dist/ (${report.status}); is the build broken?`);
  good = { id: GOOD, url: `${SITE_URL}credentials/${GOOD}.json`, text, json: JSON.parse(text) as Json };
}, 120_000);

interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** CSP violations reported in the page. */
  violations: () => Promise<string[]>;
}

async function open(pathname = 'verify/', options: { bypassCSP?: boolean; javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const context = await site.browser.newContext(options);
  await routeSiteUrl(context, SITE_URL, DIST);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  // At the site's own URL, answered from dist/: the verifier runs as it does once published.
  await page.goto(`${SITE_URL}${pathname}`);
  // With JavaScript, once the verifier has built its parts (its words load first).
  if (options.javaScriptEnabled !== false && (await page.locator('laurel-verifier').count()) > 0) await page.locator('laurel-verifier[data-ready]').waitFor({ state: 'attached' });
  return { context, page, requests, violations: () => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp) };
}

/** Drops a file on the drop zone, as a visitor dragging it from their desktop would. */
async function drop(page: Page, name: string, type: string, bytes: Uint8Array): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, type, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name, type, data: [...bytes] },
  );
  await page.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer: transfer });
}

async function paste(page: Page, text: string): Promise<void> {
  await page.fill('form[data-input="text"] textarea', text);
  await page.click('form[data-input="text"] button[type="submit"]');
}

/** The note of a local preview; the element itself also gets a data-local-site attribute (the local URL). */
const LOCAL_PREVIEW_NOTE = 'laurel-verifier [data-local-preview]';

/** The verifier's parts in the order they show (its children, by first class), and whether each is shown. */
const layout = (page: Page) =>
  page.$$eval('laurel-verifier > :not(noscript)', (parts) => parts.map((part) => [part.classList[0] ?? part.tagName.toLowerCase(), (part as HTMLElement).hidden ? 'hidden' : 'shown']));

/** The result as a live region that takes focus when a run ends (role, aria-live, tabindex), and where focus is. */
const resultRegion = (page: Page) =>
  page.$eval('laurel-verifier [data-result]', (result) => ({
    role: result.getAttribute('role'),
    live: result.getAttribute('aria-live'),
    tabindex: result.getAttribute('tabindex'),
    verdict: result.querySelector('[data-verdict]')?.textContent,
    detail: result.querySelector('[data-verdict-detail]') !== null,
    focused: document.activeElement === result,
  }));

// The site's build keeps a transparency log, so its log check passes too.
const VERIFIED_STATES = { format: 'passed', contexts: 'passed', schema: 'passed', 'issuer-key': 'passed', proof: 'passed', status: 'passed', log: 'passed', validity: 'passed', recipient: 'skipped' };

describe('the verify page', () => {
  it('shows the named checks before anything runs, and has a strict CSP', async () => {
    const { page, context } = await open();
    expect(await page.$$eval('[data-checklist] [data-check]', (rows) => rows.map((row) => row.getAttribute('data-check')))).toEqual([...CHECK_IDS]);
    expect(new Set(Object.values(await states(page)))).toEqual(new Set(['pending']));
    // The parts the element adds sit between the inputs and the list of checks the page sends.
    expect(await layout(page)).toEqual([['lv-inputs', 'shown'], ['lv-result', 'shown'], ['lv-claims', 'hidden'], ['lv-tools', 'shown'], ['lv-checklist', 'shown']]);
    expect(await resultRegion(page)).toEqual({ role: 'status', live: 'polite', tabindex: '-1', verdict: 'Give a credential above to see each check below run.', detail: true, focused: false });
    expect(await page.isVisible('laurel-verifier [data-tools] button[data-action="show-work"][aria-pressed="false"]')).toBe(true);
    const csp = await page.getAttribute('meta[http-equiv="content-security-policy" i]', 'content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    // WebAssembly (the search index) is allowed; JavaScript eval is not.
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    await context.close();
  });

  it('verifies a credential of the built site from the deep link /verify/?url=, fetching only its own site', async () => {
    const { page, context, requests, violations } = await open(`verify/?url=${encodeURIComponent(good.url)}`);
    expect(await verdict(page)).toBe('verified');
    expect(await states(page)).toEqual(VERIFIED_STATES);
    expect(await page.textContent('[data-verdict]')).toContain('Verified');
    expect(await page.textContent('[data-claims]')).toContain((good.json['issuer'] as Json)['name'] as string);
    expect(await violations()).toEqual([]);
    // The page's own files, then the credential, the issuer's DID document and status lists.
    const elsewhere = requests.filter((url) => !url.startsWith(SITE_URL));
    expect(elsewhere).toEqual([]);
    expect(requests).toEqual(expect.arrayContaining([good.url, `${SITE_URL}.well-known/did.json`, `${SITE_URL}status/revocation.json`, `${SITE_URL}status/suspension.json`]));
    // Every script is the site's own.
    expect(requests.filter((url) => url.endsWith('.js')).every((url) => url.startsWith(`${SITE_URL}_astro/`) || url.startsWith(`${SITE_URL}pagefind/`))).toBe(true);
    await context.close();
  });

  it('verifies the certificate page link people share, following the page to its credential', async () => {
    const pageUrl = `${SITE_URL}credentials/${good.id}/`;
    const { page, context, requests } = await open(`verify/?url=${encodeURIComponent(pageUrl)}`);
    expect(await verdict(page)).toBe('verified');
    expect(await states(page)).toEqual(VERIFIED_STATES);
    expect(requests).toEqual(expect.arrayContaining([pageUrl, good.url]));
    // The headline names the issuer and the host that publishes its key.
    const issuer = (good.json['issuer'] as Json)['name'] as string;
    expect(await page.textContent('[data-verdict-detail]')).toContain(`Issued by ${issuer}, whose key is published by ${new URL(SITE_URL).hostname}.`);
    await context.close();
  });

  // Expired once read "Verified, with warnings"; it is not in force (OB 3.0 §Verification).
  it('says "Expired" for an expired credential, its signature still authentic, its date in words', async () => {
    const { page, context } = await open(`verify/?url=${encodeURIComponent(`${SITE_URL}credentials/${EXPIRED}.json`)}`);
    expect(await verdict(page)).toBe('expired');
    expect(await states(page)).toMatchObject({ 'issuer-key': 'passed', proof: 'passed', status: 'passed', validity: 'failed' });
    expect((await page.textContent('[data-verdict]'))?.trim()).toBe('✗ Expired');
    expect(await page.textContent('[data-verdict-detail]')).toContain('no longer in force');
    const validity = (await page.textContent('[data-check="validity"] .lv-summary')) ?? '';
    expect(validity).toContain('expired on');
    expect(validity).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await context.close();
  });

  it('keeps every check\'s work under three screen heights on a phone, with nothing wider than the screen', async () => {
    const { page, context } = await open('verify/', { viewport: PHONE });
    await paste(page, good.text);
    expect(await verdict(page)).toBe('verified');
    await page.click('button[data-action="show-work"]');
    const sizes = await page.$$eval('[data-checklist] [data-check]', (rows) => rows.map((row) => [row.getAttribute('data-check'), Math.round(row.getBoundingClientRect().height)] as const));
    for (const [id, height] of sizes) expect(height, id ?? '').toBeLessThan(3 * PHONE.height);
    // Nothing in the verifier reaches past the screen's right edge (long values wrap or scroll in their box).
    const overflowing = await page.$$eval('laurel-verifier *', (elements, width) => elements.filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('.lv-pre')).map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`), PHONE.width);
    expect(overflowing).toEqual([]);
    await context.close();
  });

  it('verifies a typed address and keeps it in the address bar', async () => {
    const { page, context } = await open();
    await page.fill('form[data-input="url"] input', good.url);
    await page.click('form[data-input="url"] button[type="submit"]');
    expect(await verdict(page)).toBe('verified');
    expect(new URL(page.url()).searchParams.get('url')).toBe(good.url);
    await context.close();
  });

  it('verifies pasted JSON, and shows the work on request', async () => {
    const { page, context } = await open();
    await paste(page, good.text);
    expect(await verdict(page)).toBe('verified');
    await page.click('button[data-action="show-work"]');
    const proofWork = (await page.textContent('[data-check="proof"] .lv-work-slot')) ?? '';
    expect(proofWork).toContain('<https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential>');
    expect(proofWork).toMatch(/[0-9a-f]{128}/);
    const keyWork = (await page.textContent('[data-check="issuer-key"] .lv-work-slot')) ?? '';
    expect(keyWork).toContain(`${SITE_URL}.well-known/did.json`);
    expect(keyWork).toContain('did:web');
    // The issuer's DID history, which its DID document names, lists the key.
    expect(keyWork).toContain("The key in the issuer's DID history (did:webvh)");
    expect(await page.textContent('[data-check="issuer-key"] .lv-summary')).toContain("verifiable DID history (did:webvh) has listed it since");
    const statusWork = (await page.textContent('[data-check="status"] .lv-work-slot')) ?? '';
    expect(statusWork).toContain(`${SITE_URL}status/revocation.json`);
    expect(statusWork).toContain(`${SITE_URL}status/suspension.json`);
    expect(statusWork).toMatch(/Bit mask in that byte.*0x[0-9a-f]{2}/s);
    await context.close();
  });

  /** The badge images a learner downloads from the good credential's page, made there: each must carry its JSON. */
  const baked = async (format: 'png' | 'svg'): Promise<Uint8Array> => {
    const certificate = await open(`credentials/${good.id}/`);
    const bytes = new Uint8Array((await pressDownload(certificate.page, format)).bytes);
    await certificate.context.close();
    const carried = format === 'png' ? extractPng(bytes) : extractSvg(new TextDecoder().decode(bytes));
    expect(carried, `the baked ${format}`).toBe(good.text);
    return bytes;
  };

  it.each([
    ['png', 'image/png'],
    ['svg', 'image/svg+xml'],
  ] as const)('verifies a dropped baked %s badge', async (format, type) => {
    const { page, context, violations } = await open();
    await drop(page, `badge.${format}`, type, await baked(format));
    expect(await verdict(page)).toBe('verified');
    expect(await states(page)).toEqual(VERIFIED_STATES);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('verifies a baked badge picked with the file chooser', async () => {
    const { page, context } = await open();
    await page.setInputFiles('input[data-input="file"]', { name: 'badge.png', mimeType: 'image/png', buffer: Buffer.from(await baked('png')) });
    expect(await verdict(page)).toBe('verified');
    await context.close();
  });

  it('fails a tampered copy at the signature, and renders its fields as text only', async () => {
    const { page, context } = await open();
    const tampered = structuredClone(good.json);
    tampered['name'] = '<img src=x onerror="document.title=`pwned`">Honours';
    await paste(page, JSON.stringify(tampered));
    expect(await verdict(page)).toBe('failed');
    // After a failed signature the dates mean nothing: not checked, never "passed".
    expect(await states(page)).toMatchObject({ format: 'passed', contexts: 'passed', 'issuer-key': 'passed', proof: 'failed', status: 'skipped', validity: 'skipped', recipient: 'skipped' });
    expect(await page.textContent('[data-check="proof"] .lv-summary')).toContain('does not match');
    expect(await page.textContent('[data-verdict]')).toContain('Not verified');
    expect(await page.textContent('[data-claims]')).toContain('<img src=x onerror=');
    expect(await page.locator('laurel-verifier img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await context.close();
  });

  it('refuses a credential with an unknown context without any network request for it', async () => {
    const { page, context, requests } = await open();
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    const evil = 'https://contexts.evil.example/v1.json';
    const withUnknown = { ...good.json, '@context': [...(good.json['@context'] as string[]), evil] };
    await paste(page, JSON.stringify(withUnknown));
    expect(await verdict(page)).toBe('failed');
    expect(await states(page)).toMatchObject({ contexts: 'failed', proof: 'skipped' });
    expect(await page.textContent('[data-check="contexts"] .lv-summary')).toContain(evil);
    // Nothing was fetched for it; only the issuer's key was looked up (its DID document, and the history it names).
    expect(requests.slice(before).filter((url) => !url.startsWith(`${SITE_URL}_astro/`))).toEqual([`${SITE_URL}.well-known/did.json`, `${SITE_URL}.well-known/did.jsonl`]);
    expect(requests.some((url) => url.includes('evil.example'))).toBe(false);
    await context.close();
  });

  // Once "Verified, with warnings": unrevoked cannot be told, so it is not called verified.
  it('says "could not be fully checked", not verified, when a status list cannot be fetched', async () => {
    const { page, context } = await open();
    await context.route(`${SITE_URL}status/revocation.json`, (route) => route.fulfill({ status: 503, body: 'down' }));
    await paste(page, good.text);
    expect(await verdict(page)).toBe('unchecked');
    expect(await states(page)).toMatchObject({ proof: 'passed', status: 'unknown' });
    expect(await page.textContent('[data-check="status"] .lv-state')).toBe('Could not check');
    expect(await page.textContent('[data-verdict]')).toContain('Could not be fully checked');
    await context.close();
  });

  it("fails a credential signed with the site's own key that its transparency log never listed, and passes the published one", async () => {
    // What an issuer could sign on the side: the site's key (its development key here), an id of the site's, never published.
    const key = JSON.parse(readFileSync(path.join(SITE_DIR, '.laurel', 'development-key.json'), 'utf8')) as { secretKeyMultibase: string; publicKeyMultibase: string };
    const credential: Json = { ...structuredClone(good.json), id: `${SITE_URL}credentials/0b8f2c9e-6d3a-4f1e-9a7b-5c2d8e4f6a10.json` };
    const { proofValue: _, ...options } = (credential['proof'] as ProofOptions[])[0]!;
    delete credential['proof'];
    const signed = await createProof(credential, options, decodeSecretKeyMultibase(key.secretKeyMultibase)!, createDocumentLoader());
    if (!signed.ok) throw new Error(JSON.stringify(signed.failure));
    const { page, context, requests } = await open();
    await paste(page, JSON.stringify({ ...credential, proof: [signed.proof] }));
    expect(await verdict(page)).toBe('failed');
    expect(await states(page)).toMatchObject({ 'issuer-key': 'passed', proof: 'passed', log: 'failed' });
    expect(await page.textContent('[data-check="log"]')).toContain("not in the issuer's public log");
    expect(requests).toEqual(expect.arrayContaining([`${SITE_URL}log/checkpoint`]));
    // The published one: in the log since its build, with its history.
    await page.goto(`${SITE_URL}verify/?url=${encodeURIComponent(good.url)}`);
    expect(await verdict(page)).toBe('verified');
    expect(await page.textContent('[data-check="log"]')).toMatch(/In the issuer's public log since .+: issued /);
    await context.close();
  });

  it("says when Bitcoin proves a credential was logged, checking another site's OpenTimestamps anchor in the page", async () => {
    // A site of the test helpers (badges.example.org/academy), its log anchored in a block
    // (test/fixtures/anchored-log), answered from memory.
    const credential = await sign(unsignedCredential('ada'));
    const { log, files: anchors } = await anchoredLog(credential);
    const served = await loggedSite(log, (files) => {
      for (const [file, bytes] of anchors) files.set(LOG + file, bytes);
    });
    const { page, context } = await open();
    await context.route(`${HELPER_SITE}**`, async (route) => {
      const url = route.request().url();
      const json = served.site.get(url);
      const bytes = served.files.get(url);
      if (json !== undefined) return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(json) });
      if (bytes) return route.fulfill({ status: 200, contentType: 'application/octet-stream', headers: { 'access-control-allow-origin': '*' }, body: Buffer.from(bytes) });
      return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' });
    });
    await paste(page, JSON.stringify(credential));
    expect(await verdict(page)).toBe('verified');
    const row = (await page.textContent('[data-check="log"]')) ?? '';
    expect(row).toContain('Bitcoin proves it was in the log by');
    expect(row).toContain(`timestamped in block ${ANCHOR_HEIGHT}, whose hash ${readBlockHeader(ANCHOR_HEADER)!.hash}`);
    await context.close();
  });

  it('fails a revoked credential at the status check', async () => {
    const { page, context } = await open(`verify/?url=${encodeURIComponent(revokedUrl)}`);
    expect(await verdict(page)).toBe('failed');
    expect(await states(page)).toMatchObject({ proof: 'passed', status: 'failed' });
    expect(await page.textContent('[data-check="status"] .lv-summary')).toContain('revoked');
    await context.close();
  });

  it('W3C vector (did:key): verifies with no network, with warnings that it is no Open Badge and names an unconfirmed issuer', async () => {
    const { page, context, requests } = await open();
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    await paste(page, JSON.stringify(rdfcVector.expectedSigned));
    expect(await verdict(page)).toBe('warning');
    expect(await states(page)).toMatchObject({ format: 'warning', contexts: 'passed', schema: 'skipped', 'issuer-key': 'warning', proof: 'passed', validity: 'passed' });
    expect(await page.textContent('[data-check="format"] .lv-summary')).toContain('not an Open Badge');
    expect(await page.textContent('[data-check="issuer-key"] .lv-summary')).toContain('names https://vc.example/issuers/5678 as its issuer, which that key does not confirm');
    expect(requests.slice(before)).toEqual([]);
    await context.close();
  });

  it('reads a valid non-Open-Badge credential as "verified, with warnings"', async () => {
    const { page, context } = await open();
    // The W3C vector naming its own did:key as issuer, re-signed with the vector's published key.
    const didKey = `did:key:${rdfcVector.publicKeyMultibase}`;
    const unsigned = { ...rdfcVector.unsigned, issuer: didKey };
    const signed = await createProof(unsigned, { ...rdfcVector.proofOptions, type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }, hexToBytes(rdfcVector.secretKeySeedHex), createDocumentLoader());
    if (!signed.ok) throw new Error('signing failed');
    await paste(page, JSON.stringify({ ...unsigned, proof: signed.proof }));
    expect(await verdict(page)).toBe('warning');
    expect(await states(page)).toMatchObject({ format: 'warning', 'issuer-key': 'passed', proof: 'passed', status: 'passed', validity: 'passed' });
    await context.close();
  });

  it("checks the recipient's email locally, sending nothing", async () => {
    // Another issuer's badge: issued by a did:key, recipient ada@example.org hashed with a salt.
    const keys = keyPairFromSeed(new Uint8Array(32).fill(9));
    const didKey = `did:key:${keys.publicKeyMultibase}`;
    const credential: Json = {
      ...structuredClone(good.json),
      id: 'urn:uuid:8f1f5b3e-2a57-4c53-9d63-3e0b6c0e51aa',
      issuer: { id: didKey, type: ['Profile'], name: 'Another Academy' },
    };
    delete credential['proof'];
    delete credential['credentialStatus'];
    const subject = credential['credentialSubject'] as Json;
    subject['identifier'] = [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'pepper', identityHash: identityHash('ada@example.org', 'pepper') }];
    const signed = await createProof(credential, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z', verificationMethod: `${didKey}#${keys.publicKeyMultibase}`, proofPurpose: 'assertionMethod' }, keys.secretKey, createDocumentLoader());
    if (!signed.ok) throw new Error(JSON.stringify(signed.failure));
    const { page, context, requests } = await open();
    await paste(page, JSON.stringify({ ...credential, proof: [signed.proof] }));
    expect(await verdict(page)).toBe('verified');
    const before = requests.length;
    await page.fill('form[data-recipient] input', 'eve@example.org');
    await page.click('form[data-recipient] button');
    await page.waitForSelector('[data-check="recipient"][data-state="failed"]', WAIT);
    expect(await verdict(page)).toBe('failed');
    await page.fill('form[data-recipient] input', '  Ada@Example.org ');
    await page.click('form[data-recipient] button');
    await page.waitForSelector('[data-check="recipient"][data-state="passed"]', WAIT);
    expect(await verdict(page)).toBe('verified');
    expect(requests.slice(before)).toEqual([]);
    await context.close();
  });

  it("fails a forgery whose key the named https issuer does not publish, at the issuer's key", async () => {
    // The forger names a real-looking https issuer, which serves its profile (listing no keys),
    // signs with their own key and spells that key into the verification method's name.
    const forger = keyPairFromSeed(new Uint8Array(32).fill(66));
    const issuer = 'https://www.university.example/';
    const credential: Json = { ...structuredClone(good.json), id: 'urn:uuid:0b8f2c9e-6d3a-4f1e-9a7b-5c2d8e4f6a10', issuer: { id: issuer, type: ['Profile'], name: 'A University' } };
    delete credential['proof'];
    delete credential['credentialStatus'];
    const signed = await createProof(credential, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z', verificationMethod: `${issuer}#${forger.publicKeyMultibase}`, proofPurpose: 'assertionMethod' }, forger.secretKey, createDocumentLoader());
    if (!signed.ok) throw new Error(JSON.stringify(signed.failure));
    const { page, context, requests } = await open();
    await context.route(`${issuer}**`, (route) => route.fulfill({ json: { id: issuer, type: ['Profile'], name: 'A University' }, headers: { 'access-control-allow-origin': '*' } }));
    await paste(page, JSON.stringify({ ...credential, proof: signed.proof }));
    expect(await verdict(page)).toBe('failed');
    expect(await states(page)).toMatchObject({ 'issuer-key': 'failed' });
    expect(await page.textContent('[data-check="issuer-key"] .lv-summary')).toContain('could not be found');
    expect(requests).toContain(issuer);
    await context.close();
  });

  it('refuses oversized and deeply nested input with a clear message', async () => {
    const { page, context } = await open();
    await paste(page, JSON.stringify({ ...good.json, padding: 'x'.repeat(1024 * 1024) }));
    expect(await verdict(page)).toBe('failed');
    expect(await page.textContent('[data-check="format"] .lv-summary')).toContain('larger than 1 MB');
    await paste(page, `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    await page.waitForSelector('[data-check="format"] .lv-summary:has-text("nested more than 64 levels")', WAIT);
    expect(await verdict(page)).toBe('failed');
    await paste(page, 'not json');
    await page.waitForSelector('[data-check="format"] .lv-summary:has-text("not valid JSON")', WAIT);
    await context.close();
  });

  it('keeps the verifier JavaScript within 150 KB gzipped', async () => {
    const { page, context } = await open();
    await paste(page, good.text);
    expect(await verdict(page)).toBe('verified');
    await page.waitForLoadState('networkidle');
    // Every script the page loaded, dynamic imports included, measured from its file in dist/.
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => new URL(name).pathname.endsWith('.js')));
    const sizes = urls.map((url) => gzipSync(readFileSync(path.join(DIST, new URL(url).pathname)), { level: 9 }).length);
    expect(urls.length).toBeGreaterThan(1);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(150 * 1024);
    await context.close();
  });
});

describe('accessibility', () => {
  const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  it.each(['verified', 'failed', 'unchecked', 'expired', 'expired on a phone'] as const)('the %s result passes an axe-core audit (WCAG 2.2 AA)', async (name) => {
    const expected = name === 'expired on a phone' ? 'expired' : name;
    // CSP bypassed only so the audit script can be injected.
    const { page, context } = await open('verify/', { bypassCSP: true, ...(name === 'expired on a phone' ? { viewport: PHONE } : {}) });
    if (expected === 'unchecked') await context.route(`${SITE_URL}status/revocation.json`, (route) => route.fulfill({ status: 503, body: 'down' }));
    if (expected === 'expired') await paste(page, readFileSync(path.join(DIST, 'credentials', `${EXPIRED}.json`), 'utf8'));
    else await paste(page, expected === 'failed' ? JSON.stringify({ ...good.json, name: 'Changed' }) : good.text);
    expect(await verdict(page)).toBe(expected);
    await page.click('button[data-action="show-work"]');
    // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const result = await axe.run(document.querySelector('laurel-verifier')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
      return result.violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the "How to verify without Laurel" page passes it too, and links every check', async () => {
    const { page, context } = await open('verify/how/', { bypassCSP: true });
    for (const id of CHECK_IDS) expect(await page.locator(`h2[id="${id}"]`).count(), id).toBe(1);
    // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Array<{ id: string }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
      return result.violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('the certificate page panel', () => {
  it('is sent without the parts that need JavaScript, which the verifier adds when it loads and then verifies with', async () => {
    // What the server sends: the heading, the sentence, the link to the verify page and the note for browsers without JavaScript.
    const html = readFileSync(path.join(DIST, 'credentials', good.id, 'index.html'), 'utf8');
    const sent = /<section class="verify-panel"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(sent).toContain('>Verify this credential</h2>');
    expect(sent).toContain('in your own browser. Nothing is sent anywhere.</p>');
    expect(sent).toContain(`<a href="/verify/?url=${encodeURIComponent(good.url)}">Open in the verifier</a>`);
    expect(sent).toMatch(/<noscript>.*How to verify without Laurel.*<\/noscript>/s);
    for (const part of ['data-local-preview', 'data-action', 'data-result', 'data-verdict', 'data-claims', 'data-tools', 'data-checklist', 'role="status"', 'aria-live', ' hidden', '<button', '<h3']) expect(sent, part).not.toContain(part);

    const { page, context, violations } = await open(`credentials/${good.id}/`);
    // Once loaded, the parts are there in the order the panel had them, shown as before: the button, and the result, an empty live region.
    expect(await layout(page)).toEqual([['lv-inputs', 'shown'], ['lv-result', 'shown'], ['lv-claims', 'hidden'], ['lv-tools', 'hidden'], ['lv-checklist', 'hidden']]);
    expect(await page.$$eval('laurel-verifier .lv-inputs > *', (items) => items.map((item) => `${item.tagName.toLowerCase()} ${item.textContent}`))).toEqual(['button Verify this credential', 'a Open in the verifier']);
    expect(await page.isVisible('laurel-verifier button[data-action="verify"][type="button"]')).toBe(true);
    expect(await resultRegion(page)).toEqual({ role: 'status', live: 'polite', tabindex: '-1', verdict: '', detail: true, focused: false });
    expect(await page.getAttribute('laurel-verifier [data-tools] a', 'href')).toBe('/verify/how/');
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).toBe('verified');
    expect(await page.textContent('laurel-verifier [data-verdict]')).toContain('Verified');
    // The result takes focus when the run ends, so a screen reader reads it; the tools and the checklist appear.
    expect((await resultRegion(page)).focused).toBe(true);
    expect(await layout(page)).toEqual([['lv-inputs', 'shown'], ['lv-result', 'shown'], ['lv-claims', 'shown'], ['lv-tools', 'shown'], ['lv-checklist', 'shown']]);
    expect(await page.isVisible('laurel-verifier [data-tools] button[data-action="show-work"][aria-pressed="false"]')).toBe(true);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('without JavaScript offers the link to the verify page and the way to check by hand, and no button', async () => {
    const { page, context } = await open(`credentials/${good.id}/`, { javaScriptEnabled: false });
    expect(await page.isVisible('#verify-heading')).toBe(true);
    expect(await page.isVisible('laurel-verifier a[href*="verify/?url="]')).toBe(true);
    expect(await page.textContent('laurel-verifier')).toContain('This verifier runs in your browser and needs JavaScript.');
    expect(await page.isVisible('laurel-verifier a[href="/verify/how/"]')).toBe(true);
    expect(await page.locator('laurel-verifier button').count()).toBe(0);
    await context.close();
  });

  it('verifies the credential in place when pressed', async () => {
    const { page, context } = await open(`credentials/${good.id}/`);
    expect(await page.locator('laurel-verifier[data-mode="panel"]').count()).toBe(1);
    // Once the element has built its parts (its words come in their own small file).
    await page.locator('laurel-verifier button[data-action="verify"]').waitFor();
    // Before anyone presses Verify, no checklist of "waiting" checks.
    expect(await page.isVisible('laurel-verifier [data-checklist]')).toBe(false);
    expect(await page.locator('laurel-verifier :text("Waiting"):visible').count()).toBe(0);
    // The page names its credential for verifiers given the page's link.
    expect(await page.getAttribute('link[rel="alternate"][type="application/json"]', 'href')).toBe(good.url);
    // On its published site, the page is no local preview and says nothing of one.
    expect(await page.isVisible(LOCAL_PREVIEW_NOTE)).toBe(false);
    expect(await page.getAttribute('laurel-verifier', 'data-local-site')).toBeNull();
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).toBe('verified');
    expect(await states(page)).toEqual(VERIFIED_STATES);
    expect(await page.getAttribute('laurel-verifier a[href*="verify/?url="]', 'href')).toContain(encodeURIComponent(good.url));
    await context.close();
  });

  it('offers, once verified, a verification bundle that /verify/ then checks with the network off, saying what it cannot confirm', async () => {
    const { page, context, requests } = await open(`credentials/${good.id}/`);
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).toBe('verified');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('laurel-verifier [data-save-bundle] a')]);
    expect(download.suggestedFilename()).toBe(`${good.id}.verification-bundle.json`);
    const saved = await readFile(await download.path());
    const bundle = JSON.parse(saved.toString('utf8')) as { type: string; credential: Json; files: Record<string, unknown> };
    expect(bundle.type).toBe('LaurelVerificationBundle');
    expect(bundle.credential).toEqual(good.json);
    expect(Object.keys(bundle.files)).toEqual(expect.arrayContaining([`${SITE_URL}log/checkpoint`, expect.stringMatching(/did\.json$/)]));
    // The verify page, loaded; then no network at all.
    await page.goto(`${SITE_URL}verify/`);
    await page.waitForLoadState('networkidle');
    await context.unrouteAll();
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    const before = requests.length;
    await page.setInputFiles('input[data-input="file"]', { name: download.suggestedFilename(), mimeType: 'application/json', buffer: saved });
    expect(await verdict(page)).toBe('unchecked');
    expect(await states(page)).toEqual({ ...VERIFIED_STATES, 'issuer-key': 'unknown', status: 'unknown' });
    const detail = (await page.textContent('[data-verdict-detail]')) ?? '';
    expect(detail).toContain('This is a verification bundle saved on');
    expect(detail).toContain("saved files stood in for the issuer's, which could not be fetched");
    expect(await page.textContent('[data-check="issuer-key"]')).toContain('anyone can write a bundle');
    expect(await page.textContent('[data-check="log"]')).toContain('This is the log as the verification bundle saved it on');
    // Only the issuer's files were asked for (and failed), and no new bundle is offered from saved files.
    expect(requests.slice(before).every((url) => url.startsWith(SITE_URL))).toBe(true);
    expect(await page.locator('[data-save-bundle]').count()).toBe(0);
    await context.close();
  });

  it('draws, when pressed, the same checks as the verify page, with their questions, how-to links and the recipient form', async () => {
    const rows = (page: Page) =>
      page.$$eval('laurel-verifier [data-check]', (items) =>
        items.map((item) => ({
          id: item.getAttribute('data-check'),
          title: item.querySelector('.lv-title strong')?.textContent,
          how: item.querySelector('a.lv-how')?.getAttribute('href'),
          form: item.querySelector('form[data-recipient] input[type="email"][name="email"]') !== null,
        })),
      );
    const verifyPage = await open('verify/');
    const planned = await rows(verifyPage.page);
    const questions = await verifyPage.page.$$eval('laurel-verifier [data-check] .lv-summary', (items) => items.map((item) => item.textContent));
    await verifyPage.context.close();
    const { page, context } = await open(`credentials/${good.id}/`);
    // Not carried by the page: the rows come with the verifier when it runs.
    expect(await page.locator('laurel-verifier [data-check]').count()).toBe(0);
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).toBe('verified');
    expect(await rows(page)).toEqual(planned);
    expect(planned.length).toBeGreaterThan(0);
    expect(await page.$$eval('laurel-verifier [data-check] .lv-summary', (items) => items.map((item) => item.dataset['planned']))).toEqual(questions);
    await context.close();
  });
});

describe('a local preview', () => {
  it('verifies the site\'s own credential against the local server, says so, and sends nothing elsewhere', async () => {
    const context = await site.browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    await page.goto(`${site.origin}/credentials/${good.id}/`);
    await page.locator(LOCAL_PREVIEW_NOTE).waitFor();
    expect(await page.textContent(LOCAL_PREVIEW_NOTE)).toContain(`${site.origin}/`);
    expect(await page.getAttribute('laurel-verifier', 'data-local-site')).toBe(`${site.origin}/`);
    await page.click('laurel-verifier button[data-action="verify"]');
    expect(await verdict(page)).toBe('verified');
    expect(await states(page)).toEqual(VERIFIED_STATES);
    expect(requests.filter((url) => !url.startsWith(`${site.origin}/`))).toEqual([]);
    expect(requests).toEqual(expect.arrayContaining([`${site.origin}/credentials/${good.id}.json`, `${site.origin}/.well-known/did.json`, `${site.origin}/status/revocation.json`]));
    await context.close();
  });
});
