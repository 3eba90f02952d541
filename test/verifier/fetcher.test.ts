/**
 * The fetcher the command line and the verify page share, with the fetch function injected: https
 * only (or an allowed origin), no body past its limit whatever the server claims, no redirect
 * away from https, no web page taken for JSON, and a time limit.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REDIRECTS } from '../../src/core/limits.ts';
import { MAX_INPUT_BYTES } from '../../src/core/verify/input.ts';
import { createFetcher } from '../../src/verifier/fetcher.ts';
import { frenchWords } from '../../src/verifier/words-fr.ts';

type Responder = (url: URL, init: RequestInit) => Promise<Response>;

function recording(respond: Responder) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  return { calls, fetch: async (url: URL, init: RequestInit) => (calls.push({ url: url.href, init }), respond(url, init)) };
}

const json = (value: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json', ...headers } });

describe('createFetcher', () => {
  it('fetches JSON over https with the caller\'s options, and nothing else', async () => {
    const server = recording(async () => json({ id: 'did:web:example.org' }));
    const fetcher = createFetcher({ fetch: server.fetch, init: { credentials: 'omit', referrerPolicy: 'no-referrer' } });
    expect(await fetcher.fetchJson('https://example.org/.well-known/did.json')).toEqual({ ok: true, json: { id: 'did:web:example.org' } });
    expect(server.calls[0]).toMatchObject({ url: 'https://example.org/.well-known/did.json', init: { credentials: 'omit', referrerPolicy: 'no-referrer' } });
    expect(await fetcher.fetchJson('http://example.org/did.json')).toEqual({ ok: false, reason: 'only https:// addresses are fetched, not http:' });
    expect(await fetcher.fetchJson('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(server.calls).toHaveLength(1);
  });

  it('allows the origins it is told to, such as a local preview\'s own', async () => {
    const server = recording(async () => json({ ok: 1 }));
    const fetcher = createFetcher({ fetch: server.fetch, allowedOrigins: ['http://127.0.0.1:4321'], base: 'http://127.0.0.1:4321/verify/' });
    expect(await fetcher.fetchJson('/status/revocation.json')).toEqual({ ok: true, json: { ok: 1 } });
    expect(server.calls[0]!.url).toBe('http://127.0.0.1:4321/status/revocation.json');
    expect((await fetcher.fetchJson('http://127.0.0.1:9999/x.json')).ok).toBe(false);
  });

  it('refuses a body over the limit, whatever Content-Length says, and a redirect away from https', async () => {
    const big = 'x'.repeat(MAX_INPUT_BYTES + 10);
    const lying = createFetcher({ fetch: async () => new Response(`"${big}"`, { headers: { 'content-type': 'application/json', 'content-length': '10' } }) });
    expect(await lying.fetchJson('https://example.org/big.json')).toEqual({ ok: false, reason: 'the response is larger than 1 MB' });
    const honest = createFetcher({ fetch: async () => new Response(`"${big}"`, { headers: { 'content-length': String(big.length + 2) } }) });
    expect(await honest.fetchJson('https://example.org/big.json')).toEqual({ ok: false, reason: 'the response is larger than 1 MB' });
    const redirected = createFetcher({ fetch: async () => Object.defineProperty(json({}), 'url', { value: 'http://evil.example/' }) });
    expect(await redirected.fetchJson('https://example.org/a.json')).toEqual({ ok: false, reason: 'https://example.org/a.json redirected away from https' });
  });

  it('says why in the reader\'s language when given its words', async () => {
    const reasons = frenchWords.fetchReasons;
    const insecure = createFetcher({ fetch: async () => json({}), reasons });
    expect(await insecure.fetchJson('http://example.org/did.json')).toEqual({ ok: false, reason: 'seules les adresses https:// sont téléchargées, pas http:' });
    expect(await insecure.fetchJson('https://10.0.0.1/did.json')).toEqual({ ok: false, reason: 'seules les adresses sur un nom de domaine sont téléchargées, pas 10.0.0.1' });
    const missing = createFetcher({ fetch: async () => new Response('no', { status: 404 }), reasons });
    expect(await missing.fetchJson('https://example.org/did.json')).toEqual({ ok: false, reason: 'le serveur a répondu HTTP 404' });
    const big = createFetcher({ fetch: async () => new Response('x', { headers: { 'content-length': String(MAX_INPUT_BYTES + 1) } }), reasons });
    expect(await big.fetchJson('https://example.org/big.json')).toEqual({ ok: false, reason: 'la réponse dépasse 1 Mo' });
    const page = createFetcher({ fetch: async () => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }), reasons });
    expect(await page.fetchJson('https://example.org/did.json')).toEqual({ ok: false, reason: 'https://example.org/did.json est une page web, pas du JSON' });
    const deep = createFetcher({ fetch: async () => new Response('['.repeat(100) + ']'.repeat(100)), reasons });
    expect(await deep.fetchJson('https://example.org/a.json')).toEqual({ ok: false, reason: 'https://example.org/a.json comporte plus de 64 niveaux d’imbrication' });
  });

  it('does not take a web page, an error status or broken JSON for a document', async () => {
    const page = createFetcher({ fetch: async () => new Response('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }) });
    expect(await page.fetchJson('https://example.org/did.json')).toEqual({ ok: false, reason: 'https://example.org/did.json is a web page, not JSON' });
    expect(await page.fetchCredential('https://example.org/credentials/x/')).toEqual({ ok: false, code: 'web-page', params: { url: 'https://example.org/credentials/x/' } });
    const missing = createFetcher({ fetch: async () => new Response('no', { status: 404 }) });
    expect(await missing.fetchJson('https://example.org/did.json')).toEqual({ ok: false, reason: 'the server answered HTTP 404' });
    expect(await missing.fetchCredential('https://example.org/c.json')).toEqual({ ok: false, code: 'fetch-failed', params: { url: 'https://example.org/c.json', reason: 'the server answered HTTP 404' } });
    const broken = createFetcher({ fetch: async () => new Response('{"a":') });
    expect(await broken.fetchJson('https://example.org/a.json')).toEqual({ ok: false, reason: 'https://example.org/a.json is not valid JSON' });
    const deep = createFetcher({ fetch: async () => new Response('['.repeat(100) + ']'.repeat(100)) });
    expect(await deep.fetchJson('https://example.org/a.json')).toEqual({ ok: false, reason: 'https://example.org/a.json is nested more than 64 levels deep' });
  });

  it('follows redirects one hop at a time, checking each before it is requested', async () => {
    const redirect = (location: string) => new Response(null, { status: 302, headers: { location } });
    // https → http: refused before the http address is requested.
    const toHttp = recording(async (url) => (url.protocol === 'https:' ? redirect('http://example.org/a.json') : json({ leaked: true })));
    expect(await createFetcher({ fetch: toHttp.fetch }).fetchJson('https://example.org/a.json')).toMatchObject({ ok: false, reason: expect.stringContaining('redirected away from https') });
    expect(toHttp.calls.map((call) => call.url)).toEqual(['https://example.org/a.json']);
    expect(toHttp.calls[0]!.init.redirect).toBe('manual');
    // To an internal address: refused the same way.
    const toInternal = recording(async () => redirect('https://0x7f.1/admin.json'));
    expect(await createFetcher({ fetch: toInternal.fetch }).fetchJson('https://example.org/a.json')).toMatchObject({ ok: false, reason: expect.stringContaining('not 127.0.0.1') });
    expect(toInternal.calls).toHaveLength(1);
    // A relative hop on https is followed; a loop is cut at MAX_REDIRECTS.
    const relative = recording(async (url) => (url.pathname === '/old.json' ? redirect('/new.json') : json({ moved: true })));
    expect(await createFetcher({ fetch: relative.fetch }).fetchJson('https://example.org/old.json')).toEqual({ ok: true, json: { moved: true } });
    expect(relative.calls.map((call) => call.url)).toEqual(['https://example.org/old.json', 'https://example.org/new.json']);
    const loop = recording(async (url) => redirect(url.pathname === '/a' ? '/b' : '/a'));
    expect(await createFetcher({ fetch: loop.fetch }).fetchJson('https://example.org/a')).toEqual({ ok: false, reason: `https://example.org/a redirected more than ${MAX_REDIRECTS} times` });
    expect(loop.calls).toHaveLength(MAX_REDIRECTS + 1);
    // A browser follows redirects itself; then the final address is what is checked.
    const platform = recording(async () => Object.defineProperty(json({}), 'url', { value: 'http://evil.example/' }));
    expect(await createFetcher({ fetch: platform.fetch, redirects: 'platform' }).fetchJson('https://example.org/a.json')).toMatchObject({ ok: false, reason: expect.stringContaining('redirected away from https') });
    expect(platform.calls[0]!.init.redirect).toBeUndefined();
  });

  it('fetches nothing from an IP address, a single-label name or localhost, unless the origin is allowed', async () => {
    const server = recording(async () => json({}));
    const fetcher = createFetcher({ fetch: server.fetch });
    for (const address of ['https://127.0.0.1/a.json', 'https://0x7f.1/a.json', 'https://0177.0.0.1/a.json', 'https://[::1]/a.json', 'https://intranet/a.json', 'https://localhost/a.json', 'https://api.localhost/a.json', 'https://169.254.169.254/latest/meta-data']) {
      expect(await fetcher.fetchJson(address), address).toMatchObject({ ok: false, reason: expect.stringContaining('only addresses on a domain name are fetched') });
    }
    expect(server.calls).toEqual([]);
  });

  it('gives up after its time limit, and words a failure the caller\'s way', async () => {
    const slow = createFetcher({ timeoutMs: 50, fetch: (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))) });
    expect(await slow.fetchJson('https://example.org/slow.json')).toEqual({ ok: false, reason: 'no answer within 0.05 seconds' });
    const offline = createFetcher({ fetch: async () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })), describeError: (error) => String((error as { cause?: { code?: string } }).cause?.code) });
    expect(await offline.fetchJson('https://example.org/a.json')).toEqual({ ok: false, reason: 'ENOTFOUND' });
  });
});

describe('a certificate page given as the address', () => {
  const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  const page = (head: string) => `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><p>Certificate</p></body></html>`;
  const CREDENTIAL = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] };

  it('follows the head\'s <link rel="alternate"> to the credential, resolved against the page', async () => {
    const server = recording(async (url) => (url.pathname === '/credentials/x/' ? html(page('<link rel="alternate" type="application/json" href="../x.json?v=1&amp;a=2">')) : json(CREDENTIAL)));
    const loaded = await createFetcher({ fetch: server.fetch }).fetchCredential('https://badges.example.org/credentials/x/');
    expect(loaded).toMatchObject({ ok: true, origin: 'json' });
    expect(server.calls.map((call) => call.url)).toEqual(['https://badges.example.org/credentials/x/', 'https://badges.example.org/credentials/x.json?v=1&a=2']);
  });

  it('reads only link elements of the head, of a credential type; otherwise it is a web page', async () => {
    const cases = [
      '<link rel="stylesheet" href="/x.json">',
      '<link rel="alternate" type="application/rss+xml" href="/feed.xml">',
      '<!-- <link rel="alternate" type="application/json" href="/x.json"> -->',
      '<script>"<link rel=alternate type=application/json href=/x.json>"</script>',
      '</head><body><link rel="alternate" type="application/json" href="/x.json">',
    ];
    for (const head of cases) {
      const server = recording(async () => html(page(head)));
      expect(await createFetcher({ fetch: server.fetch }).fetchCredential('https://badges.example.org/c/'), head).toEqual({ ok: false, code: 'web-page', params: { url: 'https://badges.example.org/c/' } });
      expect(server.calls, head).toHaveLength(1);
    }
  });

  it('follows one hop only, and only to an https address on a domain name', async () => {
    const loop = recording(async () => html(page('<link rel=alternate type="application/vc+ld+json" href="/next/">')));
    expect(await createFetcher({ fetch: loop.fetch }).fetchCredential('https://badges.example.org/c/')).toEqual({ ok: false, code: 'web-page', params: { url: 'https://badges.example.org/next/' } });
    expect(loop.calls).toHaveLength(2);
    for (const href of ['http://badges.example.org/x.json', 'https://127.0.0.1/x.json', 'javascript:alert(1)']) {
      const server = recording(async () => html(page(`<link rel="alternate" type="application/json" href="${href}">`)));
      expect(await createFetcher({ fetch: server.fetch }).fetchCredential('https://badges.example.org/c/'), href).toMatchObject({ ok: false, code: 'fetch-failed' });
      expect(server.calls, href).toHaveLength(1);
    }
  });

  it('scans a hostile page once, in bounded time, reading no further than its head limit', async () => {
    // Thousands of unclosed attributes and tags: a backtracking parser would stall here.
    const hostile = `<head>${'<link rel="alternate '.repeat(20_000)}${'<a '.repeat(50_000)}`;
    const server = recording(async () => html(hostile));
    expect(await createFetcher({ fetch: server.fetch }).fetchCredential('https://badges.example.org/c/')).toMatchObject({ ok: false, code: 'web-page' });
    const late = `<head>${' '.repeat(70 * 1024)}<link rel="alternate" type="application/json" href="/x.json"></head>`;
    const far = recording(async () => html(late));
    expect(await createFetcher({ fetch: far.fetch }).fetchCredential('https://badges.example.org/c/')).toMatchObject({ ok: false, code: 'web-page' });
    expect(far.calls).toHaveLength(1);
  });
});
