/**
 * Which language a page is in and where the same page is in another: the default language's
 * pages at the site's paths, each other language's under its folder, on a site at a domain's root
 * and under a path alike.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/locale/en.ts';
import { fr } from '../../src/core/locale/fr.ts';
import { languageOfPath, samePageIn, siteLanguages } from '../../src/site/page-language.ts';
import { routesFor } from '../../src/site/routes.ts';

const site = (url: string, languages: string[]) => ({ urls: { site: url }, content: { issuer: { languages } } });

describe('the languages of a site', () => {
  const [french, english] = siteLanguages(site('https://attestations.example/', ['fr-CA', 'en']));

  it('puts the default language at the site paths and the others under their folder, each with its catalog', () => {
    expect(french).toMatchObject({ tag: 'fr-CA', folder: '', messages: fr });
    expect(english).toMatchObject({ tag: 'en', folder: 'en/', messages: en });
    expect(french!.pages.credentialPage('abc')).toBe('https://attestations.example/credentials/abc/');
    expect(english!.pages.credentialPage('abc')).toBe('https://attestations.example/en/credentials/abc/');
    expect(english!.pages.home).toBe('https://attestations.example/en/');
    expect(english!.pages.verifyHowPage).toBe('https://attestations.example/en/verify/how/');
    const [, underPath] = siteLanguages(site('https://org.example/badges/', ['en', 'fr-FR']));
    expect(underPath!.folder).toBe('fr/');
    expect(underPath!.pages.achievementPage('web')).toBe('https://org.example/badges/fr/achievements/web/');
  });

  it("reads a page's language from the first folder of its path or route pattern only", () => {
    const languages = [french!, english!];
    for (const path of ['en/', 'en', '/en/credentials/[id]', 'en/achievements/teamwork/']) expect(languageOfPath(languages, path), path).toBe(english);
    // An achievement whose slug is a language code is no language.
    for (const path of ['', '/', 'credentials/abc/', 'achievements/en/', '/credentials/[id]', 'english/']) expect(languageOfPath(languages, path), path).toBe(french);
  });

  it('finds the same page in each language', () => {
    expect(samePageIn('credentials/abc/', french!, english!)).toBe('en/credentials/abc/');
    expect(samePageIn('en/credentials/abc/', english!, french!)).toBe('credentials/abc/');
    expect(samePageIn('en/', english!, french!)).toBe('');
    expect(samePageIn('', french!, english!)).toBe('en/');
    expect(samePageIn('verify/how/', french!, french!)).toBe('verify/how/');
  });

  it('serves every page in each language and every document once', () => {
    const patterns = routesFor('https://attestations.example/', ['', 'en/']).map((route) => route.pattern);
    const pages = ['/', '/achievements/[slug]', '/credentials/[id]', '/verify', '/verify/how', '/wallet'];
    for (const page of pages) {
      expect(patterns).toContain(page);
      expect(patterns).toContain(`/en${page === '/' ? '' : page}`);
    }
    expect(patterns.filter((pattern) => pattern === '/credentials/[id].json')).toHaveLength(1);
    expect(patterns.some((pattern) => pattern.startsWith('/en/') && pattern.endsWith('.json'))).toBe(false);
    expect(routesFor('https://attestations.example/').map((route) => route.pattern).filter((pattern) => pattern.startsWith('/en'))).toEqual([]);
  });
});
