/**
 * Badge images against golden files in test/fixtures/golden/ (see golden.ts for how to
 * regenerate them with UPDATE_GOLDEN=1).
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BADGE_SHAPES, resolveBadgeDesign } from '../../src/content/badge-design.ts';
import { BADGE_SIZE, MIN_TEXT_PIXELS, renderBadge, renderBadgeSvg, renderPng, renderSmallBadge, SMALL_BADGE_SIZE } from '../../src/render/badge-image.ts';
import { bakePng, bakeSvg, extractPng, extractSvg } from '../../src/core/baking.ts';
import { FIXED_DESIGN, FIXED_SEAL, golden, pixelDifference, pngSize } from './golden.ts';

/** How many pixels tall a text set at `size` on the 600×600 grid is when the badge is shown `width` pixels wide. */
const displayed = (size: number, width: number) => (size * width) / BADGE_SIZE;
const sealOf = (shape: (typeof BADGE_SHAPES)[number]) =>
  resolveBadgeDesign({ shape }, { slug: `golden-${shape}`, name: 'Peer Mentoring in Practice', programme: { part: 'Block 3 of 4' } }, 'Harbourside College of Art');


describe('renderBadgeSvg', () => {
  it('matches the golden SVG for a fixed design', async () => {
    const svg = await renderBadgeSvg(FIXED_DESIGN);
    expect(svg).toBe(golden('badge-fixed.svg', svg));
  });

  it.each(BADGE_SHAPES)('matches the golden SVG for the default %s badge', async (shape) => {
    const design = resolveBadgeDesign({ shape }, { slug: `golden-${shape}`, name: 'Peer Mentoring in Practice' });
    const svg = await renderBadgeSvg(design);
    expect(svg).toBe(golden(`badge-${shape}.svg`, svg));
  });

  it('is a standalone 600×600 SVG with a title, and no text left to a font', async () => {
    const svg = await renderBadgeSvg(FIXED_DESIGN);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="600" viewBox="0 0 600 600" role="img"/);
    expect(svg).toContain('<title>Accessible Front-End Development</title>');
    expect(svg).not.toMatch(/<text|font-family|@font-face|href="http/);
  });

  it('renders twice to the same bytes', async () => {
    const design = resolveBadgeDesign({ shape: 'rosette' }, { slug: 'twice', name: 'Zoë’s Łódź Праздник' });
    expect(await renderBadgeSvg(design)).toBe(await renderBadgeSvg(design));
  });

  it('escapes the label in the title', async () => {
    const svg = await renderBadgeSvg({ ...FIXED_DESIGN, label: 'R&D <Lab> "One"' });
    expect(svg).toContain('<title>R&#38;D &#60;Lab&#62; &#34;One&#34;</title>');
  });

  it('fits a very long label without spilling', async () => {
    const label = 'Advanced Interdisciplinary Approaches to Sustainable Urban Infrastructure Planning';
    const svg = await renderBadgeSvg({ ...FIXED_DESIGN, label });
    const png = renderPng(svg, BADGE_SIZE);
    expect(pngSize(png)).toEqual({ width: 600, height: 600 });
  });
});

describe('renderBadge with the issuer and a ribbon', () => {
  it.each(BADGE_SHAPES)('matches the golden SVG for the %s badge with ring and ribbon', async (shape) => {
    const { svg } = await renderBadge(sealOf(shape));
    expect(svg).toBe(golden(`badge-seal-${shape}.svg`, svg));
  });

  it('renders twice to the same bytes', async () => {
    expect((await renderBadge(FIXED_SEAL)).svg).toBe((await renderBadge(FIXED_SEAL)).svg);
  });

  it('sets the issuer, the label and the ribbon, and names the issuer in the title', async () => {
    const { svg, texts } = await renderBadge(FIXED_SEAL);
    expect(texts.map((text) => [text.role, text.text])).toEqual([
      ['issuer', 'HARBOURSIDE COLLEGE OF ART AND DESIGN'],
      ['label', 'Accessible Front-End Development'],
      ['ribbon', 'LEVEL 2'],
    ]);
    expect(svg).toContain('<title>Accessible Front-End Development, Harbourside College of Art and Design</title>');
    expect(svg).not.toMatch(/<text|font-family|@font-face|href="http/);
  });

  it('cuts an issuer name too long for the ring with an ellipsis rather than shrinking it away', async () => {
    const issuerName = 'The Royal Northern Academy of Applied Sciences, Engineering and Fine Arts';
    const { texts } = await renderBadge({ ...FIXED_SEAL, issuerName });
    const ring = texts.find((text) => text.role === 'issuer')!;
    expect(ring.text).toMatch(/^THE ROYAL NORTHERN ACADEMY.*…$/);
    expect(ring.size).toBeGreaterThanOrEqual(18);
  });

  it('keeps the label at least 9 px and the capitals of ring and ribbon at least 7 px on the achievement page (240 px)', async () => {
    const label = 'Advanced Interdisciplinary Approaches to Sustainable Urban Infrastructure Planning';
    for (const shape of BADGE_SHAPES) {
      const { texts } = await renderBadge({ ...sealOf(shape), issuerName: 'Northgate Institute of Applied Digital Skills', label });
      for (const text of texts) {
        const floor = text.role === 'label' ? MIN_TEXT_PIXELS : 7;
        expect([shape, text.role, displayed(text.size, 240) >= floor]).toEqual([shape, text.role, true]);
      }
    }
  });

  it('bakes and extracts in the badge with ring and ribbon', async () => {
    const { svg } = await renderBadge(FIXED_SEAL);
    const credential = '{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Zoë"}';
    expect(extractPng(bakePng(renderPng(svg, BADGE_SIZE), credential))).toBe(credential);
    const baked = bakeSvg(svg, credential);
    expect(extractSvg(baked)).toBe(credential);
    expect(renderPng(baked, BADGE_SIZE)).toEqual(renderPng(svg, BADGE_SIZE));
  });
});

describe('renderSmallBadge', () => {
  it.each(BADGE_SHAPES)('matches the golden SVG for the small %s badge', (shape) => {
    const { svg } = renderSmallBadge(sealOf(shape));
    expect(svg).toBe(golden(`badge-small-${shape}.svg`, svg));
  });

  it('renders twice to the same bytes', () => {
    expect(renderSmallBadge(FIXED_SEAL).svg).toBe(renderSmallBadge(FIXED_SEAL).svg);
  });

  it('drops the texts the full badge would set at 48 px below a readable size', async () => {
    // The full badge shown at 48 px: each of its texts would be a few pixels tall.
    const full = await renderBadge(FIXED_SEAL);
    expect(full.texts.filter((text) => displayed(text.size, SMALL_BADGE_SIZE) < MIN_TEXT_PIXELS).map((text) => text.role)).toEqual(['issuer', 'label', 'ribbon']);
    // The small badge sets none of them, so nothing in it is below the floor, at 48 px or at the catalogue's 76.
    const small = renderSmallBadge(FIXED_SEAL);
    expect(small.texts).toEqual([]);
    expect(small.svg.length).toBeLessThan(full.svg.length / 4); // no glyph outlines in it
    expect(small.svg).toContain('<title>Accessible Front-End Development, Harbourside College of Art and Design</title>');
  });

  it('is drawn on the same grid, 48 px by default, and rasterizes no smaller than that', () => {
    const { svg } = renderSmallBadge(FIXED_SEAL);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="48" height="48" viewBox="0 0 600 600" role="img"/);
    expect(pngSize(renderPng(svg, 76))).toEqual({ width: 76, height: 76 });
    expect(() => renderPng(svg, 47)).toThrow(RangeError);
  });

  it('keeps the emblem solid at 48 px: its strokes reach the text colour, not a blur of it', () => {
    const png = PNG.sync.read(Buffer.from(renderPng(renderSmallBadge(FIXED_SEAL).svg, SMALL_BADGE_SIZE)));
    // FIXED_SEAL's text colour is white on a navy face: count the pixels that are white or nearly.
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (Math.min(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!) > 220) ink++;
    expect(ink).toBeGreaterThan(60);
  });
});

describe('renderPng', () => {
  it.each([
    ['badge-fixed.png', 'the badge', () => renderBadgeSvg(FIXED_DESIGN), BADGE_SIZE],
    ['badge-seal.png', 'the badge with ring and ribbon', async () => (await renderBadge(FIXED_SEAL)).svg, BADGE_SIZE],
    ['badge-small.png', 'the small badge', async () => renderSmallBadge(FIXED_SEAL).svg, SMALL_BADGE_SIZE],
  ] as const)('matches the golden %s (%s) at its size, the same bytes twice', async (name, _what, render, size) => {
    const svg = await render();
    const png = renderPng(svg, size);
    expect(pngSize(png)).toEqual({ width: size, height: size });
    expect(renderPng(svg, size)).toEqual(png);
    expect(pixelDifference(png, golden(name, png))).toBeLessThan(0.001);
  });

  it.each([
    ['badge-seal-ja.png', 'Japanese', { label: 'ウェブアクセシビリティ基礎', issuerName: '山田 花子 記念学院', ribbon: 'レベル 2' }],
    ['badge-seal-ar.png', 'Arabic', { label: 'تطوير واجهات الويب', issuerName: 'معهد ليلى حداد', ribbon: 'المستوى 2' }],
  ] as const)('matches the golden %s: label, ring and ribbon in %s', async (name, _script, texts) => {
    const { svg, texts: set } = await renderBadge({ ...FIXED_SEAL, ...texts });
    expect(set.map((text) => text.text)).toEqual([texts.issuerName, texts.label, texts.ribbon]);
    expect(svg).not.toMatch(/<text|font-family|@font-face|href="http/);
    const png = renderPng(svg, BADGE_SIZE);
    expect(pixelDifference(png, golden(name, png))).toBeLessThan(0.001);
  });

  it('renders larger on request and refuses less than 600 pixels', async () => {
    const svg = await renderBadgeSvg(FIXED_DESIGN);
    expect(pngSize(renderPng(svg, 1200))).toEqual({ width: 1200, height: 1200 });
    expect(() => renderPng(svg, 300)).toThrow(RangeError);
  });

  it('keeps the badge transparent outside its shape', async () => {
    const png = PNG.sync.read(Buffer.from(renderPng(await renderBadgeSvg(FIXED_DESIGN), BADGE_SIZE)));
    expect(png.data[3]).toBe(0); // top-left corner
    expect(png.data[(300 * 600 + 300) * 4 + 3]).toBe(255); // centre
  });

  it('bakes and extracts in the rendered PNG and SVG', async () => {
    const svg = await renderBadgeSvg(FIXED_DESIGN);
    const credential = '{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Zoë <&> ]]> 東京"}';
    const png = bakePng(renderPng(svg, BADGE_SIZE), credential);
    expect(extractPng(png)).toBe(credential);
    expect(PNG.sync.read(Buffer.from(png)).width).toBe(600);
    const baked = bakeSvg(svg, credential);
    expect(extractSvg(baked)).toBe(credential);
    // The baked SVG is still well-formed XML (resvg's parser is strict) and renders the same.
    expect(renderPng(baked, BADGE_SIZE)).toEqual(renderPng(svg, BADGE_SIZE));
  });
});
