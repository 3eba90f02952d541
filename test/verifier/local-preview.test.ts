/**
 * When the verifier reads a site's URLs from the local server: only on a page served from this
 * computer (localhost, 127.0.0.0/8, [::1]), only for the site the page belongs to, and only for
 * URLs under that site's path.
 */
import { describe, expect, it } from 'vitest';
import { localPreview, toLocal } from '../../src/verifier/local-preview.ts';

const SITE = 'https://badges.example.org/programmes/';

describe('localPreview', () => {
  it('is on for a page on a loopback address of another origin than the site', () => {
    for (const page of ['http://localhost:4321/programmes/verify/', 'http://127.0.0.1:4321/programmes/', 'http://127.12.0.3:8080/', 'http://[::1]:4321/programmes/']) {
      const preview = localPreview(SITE, new URL(page));
      expect(preview, page).toEqual({ siteUrl: SITE, localUrl: `${new URL(page).origin}/programmes/` });
    }
  });

  it('is off on the published site, on any other host, and without a site URL', () => {
    expect(localPreview(SITE, new URL('https://badges.example.org/programmes/verify/'))).toBeUndefined();
    for (const page of ['https://evil.example/programmes/', 'http://192.168.1.10:4321/', 'http://localhost.evil.example/', 'http://127.0.0.1.evil.example/', 'http://10.0.0.1/']) {
      expect(localPreview(SITE, new URL(page)), page).toBeUndefined();
    }
    expect(localPreview(undefined, new URL('http://localhost:4321/'))).toBeUndefined();
  });
});

describe('toLocal', () => {
  const preview = localPreview(SITE, new URL('http://127.0.0.1:4321/programmes/'));

  it("maps the site's own URLs to the local server, and nothing else", () => {
    expect(toLocal(preview, `${SITE}credentials/x.json`)).toBe('http://127.0.0.1:4321/programmes/credentials/x.json');
    expect(toLocal(preview, `${SITE}did.json`)).toBe('http://127.0.0.1:4321/programmes/did.json');
    // Another path of the same host, another host, or a lookalike prefix stay as they are.
    for (const url of ['https://badges.example.org/other/did.json', 'https://badges.example.org/programmes-extra/did.json', 'https://badges.example.org.evil.example/programmes/did.json', 'https://other.example/programmes/did.json']) {
      expect(toLocal(preview, url), url).toBe(url);
    }
    expect(toLocal(undefined, `${SITE}did.json`)).toBe(`${SITE}did.json`);
  });
});
