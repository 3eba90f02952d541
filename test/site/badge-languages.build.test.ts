/**
 * The badge in each language, as a real build publishes it: the francais fixture
 * (test/fixtures/sites/francais, `languages: [fr-CA, en]`) has an achievement in French with an
 * English translation, whose name and programme part put other words on the badge; its dist/
 * holds the English badge beside the French one, the English pages show it, and the English
 * edition's JSON names it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const { dist } = inject('sites').francais;
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
/** The `src` of the badge at the top of an achievement page. */
const heroBadge = (html: string) => /<header class="achievement-hero">\s*<img src="([^"]+)"/.exec(html)?.[1];

describe('a bilingual site with a translated badge', () => {
  const slug = 'travail-equipe';

  it('publishes the English badge beside the French one, each with its own words', () => {
    const own = read(`achievements/${slug}.svg`);
    const english = read(`achievements/${slug}.en.svg`);
    expect(own).toContain('<title>Travail en équipe, ');
    expect(english).toContain('<title>Teamwork, ');
    const png = readFileSync(path.join(dist, `achievements/${slug}.en.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it("shows each language's pages their badge, and names it in each edition", () => {
    expect(heroBadge(read(`achievements/${slug}/index.html`))).toBe(`/achievements/${slug}.svg`);
    expect(heroBadge(read(`en/achievements/${slug}/index.html`))).toBe(`/achievements/${slug}.en.svg`);
    expect(read(`en/achievements/${slug}/index.html`)).toContain('Transferable Skills Pathway');
    const edition = JSON.parse(read(`achievements/${slug}.en.json`)) as { image: { id: string } };
    expect(edition.image.id).toMatch(new RegExp(`/achievements/${slug}\\.en\\.png$`));
    const own = JSON.parse(read(`achievements/${slug}.json`)) as { image: { id: string } };
    expect(own.image.id).toMatch(new RegExp(`/achievements/${slug}\\.png$`));
  });
});
