/**
 * Badge images against golden files in test/fixtures/golden/ (see golden.ts for how to
 * regenerate them with UPDATE_GOLDEN=1).
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BADGE_SHAPES, resolveBadgeDesign } from '../../src/content/badge-design.ts';
import { BADGE_SIZE, renderBadgeSvg, renderPng } from '../../src/render/badge-image.ts';
import { bakePng, bakeSvg, extractPng, extractSvg } from '../../src/core/baking.ts';
import { FIXED_DESIGN, golden, pixelDifference, pngSize } from './golden.ts';


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

describe('renderPng', () => {
  it('matches the golden PNG, at least 600×600, the same bytes twice', async () => {
    const svg = await renderBadgeSvg(FIXED_DESIGN);
    const png = renderPng(svg, BADGE_SIZE);
    expect(pngSize(png)).toEqual({ width: 600, height: 600 });
    expect(renderPng(svg, BADGE_SIZE)).toEqual(png);
    expect(pixelDifference(png, golden('badge-fixed.png', png))).toBeLessThan(0.001);
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
