/**
 * Every page a French-speaking site publishes, read as text (what is shown, and what is read
 * aloud or by search engines and social networks: alt, aria-label, title, placeholder, meta
 * content), holds no sentence of the English interface. The francais fixture
 * (test/fixtures/sites/francais, `languages: [fr-CA, en]`), built once for the run by
 * test/setup/fixture-sites.ts: its French pages are scanned, and its English ones (under en/)
 * show that the scan finds English where there is some.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { englishPagePhrases, englishVerifierPhrases } from '../helpers/english-phrases.ts';

const { dist } = inject('sites').francais;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  );

/**
 * What a reader, a screen reader or a crawler reads of a page in its language: its text and its
 * described attributes, leaving out what is marked as English (the language switch's link to the
 * English page says so in English, `lang="en"`).
 */
function readableText(html: string): string {
  return readable(html.replace(/<(a|span|p|div)\b[^>]*\slang="en[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' '));
}

function readable(html: string): string {
  const attributes = [...html.matchAll(/\s(?:alt|aria-label|title|placeholder|content)="([^"]*)"/g)].map(([, value]) => value!);
  const text = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decode([text, ...attributes].join('\n')).replace(/[ \t\r\n]+/g, ' ');
}

function pagesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
}

describe('a French-speaking site', () => {
  const pages = pagesUnder(dist);
  const english = pages.filter((file) => file.split(path.sep)[0] === 'en');
  const french = pages.filter((file) => !english.includes(file));
  const phrases = [...englishPagePhrases(), ...englishVerifierPhrases()];

  it('publishes no sentence of the English interface on any French page', () => {
    expect(phrases.length).toBeGreaterThan(150);
    // Every kind of page the site has: certificates, achievements, home, verify, how to verify, wallet.
    const kinds = new Set(french.map((file) => file.split(path.sep).slice(0, -1).join('/').replace(/^(credentials|achievements)\/.*$/, '$1')));
    expect([...kinds].sort()).toEqual(['', 'achievements', 'credentials', 'verify', 'verify/how', 'wallet']);
    for (const file of french) {
      const text = readableText(readFileSync(path.join(dist, file), 'utf8'));
      const found = phrases.filter((phrase) => text.includes(phrase));
      expect(found, file).toEqual([]);
    }
  });

  it('finds the English interface on its English pages, where it belongs', () => {
    expect(english.length).toBe(french.length);
    for (const file of english) {
      const text = readableText(readFileSync(path.join(dist, file), 'utf8'));
      expect(phrases.filter((phrase) => text.includes(phrase)).length, file).toBeGreaterThan(0);
    }
  });
});
