/**
 * Every word a reader meets on Laurel's pages comes from the catalogs (src/core/locale/): no page,
 * layout or component writes interface text of its own, in its markup or in the attributes a
 * reader hears or sees (alt, title, aria-label, placeholder). A prose component written for one
 * language (`…English.astro`, `…French.astro`) is the exception by design: it is that language's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SITE = path.join(import.meta.dirname, '..', '..', 'src', 'site');
/** Names and notations that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['npm run award', 'JSON', 'PNG', 'SVG', 'PDF', 'Open Badges 3.0', 'LinkedIn', 'did:web', 'Laurel']);

/**
 * What is still written in English whatever the page's language, as docs/languages.md lists it:
 * the "How to verify" page's prose, and the checklist's state before the verifier's script runs.
 */
const STILL_ENGLISH: string[] = [];

function astroFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro') && !/(English|French)\.astro$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The markup of an Astro file without its frontmatter, scripts, styles, comments and expressions. */
function markup(source: string): string {
  let text = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  text = text.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  // A single-quoted attribute may hold braces (a JSON sample as a placeholder): it is no expression.
  text = text.replace(/=\s*'[^']*'/g, '=""');
  // Expressions of code alone, innermost first; one that holds markup keeps it (its code is left
  // in pieces with braces, which literalText drops), so that text inside a condition is read too.
  let previous;
  do {
    previous = text;
    text = text.replace(/\{[^{}<]*\}/g, ' ');
  } while (text !== previous);
  return text;
}

/** Words a reader meets: text between tags, and the values of the attributes read out or shown. */
function literalText(source: string): string[] {
  const body = markup(source);
  const attributes = [...body.matchAll(/\s(?:alt|title|aria-label|placeholder|aria-description)="([^"]*)"/g)].map(([, value]) => value!);
  const texts = body.replace(/<[^>]*>/g, '\n').split('\n').filter((piece) => !/[{}]|=>|===|&&|\) :|\? \(/.test(piece));
  // An address or a file name reads the same in every language.
  const notation = (value: string) => !/\s/.test(value) && /[/.:@]/.test(value);
  return [...texts, ...attributes].map((value) => value.trim()).filter((value) => /\p{L}{2,}/u.test(value) && !SAME_IN_EVERY_LANGUAGE.has(value) && !notation(value));
}

describe('interface strings', () => {
  it('come from the catalogs: no page, layout or component writes its own', () => {
    const files = astroFiles(SITE);
    expect(files.length).toBeGreaterThan(15);
    const found = files.flatMap((file) => literalText(readFileSync(file, 'utf8')).map((text) => `${path.relative(SITE, file)}: ${text}`));
    expect(found.filter((entry) => !STILL_ENGLISH.some((known) => entry.startsWith(known)))).toEqual([]);
  });

  it('would notice a literal sentence, a literal attribute and text beside an expression', () => {
    expect(literalText('---\nconst a = 1;\n---\n<p>{t.title}</p>')).toEqual([]);
    expect(literalText('<p>Verify this credential</p>')).toEqual(['Verify this credential']);
    expect(literalText('<img alt="A badge" src={x} />')).toEqual(['A badge']);
    expect(literalText('<p>{t.before} <a href={x}>here</a></p>')).toEqual(['here']);
    expect(literalText('<p>{cond ? <span>Shown</span> : t.other}</p>')).toEqual(['Shown']);
    expect(literalText(`<textarea placeholder='{"a": 1}'></textarea><input placeholder="https://…/x.json" />`)).toEqual([]);
  });
});
