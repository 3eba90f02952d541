/**
 * The Open Graph share card, personal and the achievement's: size, golden images, determinism,
 * long and non-Latin names.
 */
import { describe, expect, it } from 'vitest';
import { renderBadgeSvg } from '../../src/render/badge-image.ts';
import { formatDate } from '../../src/render/dates.ts';
import { renderShareCard, type ShareCardInput } from '../../src/render/share-card.ts';
import { FIXED_DESIGN, golden, pixelDifference, pngSize } from './golden.ts';

const badgeSvg = await renderBadgeSvg(FIXED_DESIGN);

const card: ShareCardInput = {
  achievementName: 'Accessible Front-End Development',
  issuerName: 'Northwind Institute of Technology',
  badgeSvg,
  accentColor: '#1e3a5f',
  earned: { learnerName: 'Zoë Łukasiewicz-Ørsted', awardedOn: '2026-03-14' },
};

describe('renderShareCard', () => {
  it('is a 1200×630 PNG matching the golden, the same bytes twice', async () => {
    const png = await renderShareCard(card);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(await renderShareCard(card)).toEqual(png);
    expect(pixelDifference(png, golden('share-card.png', png))).toBeLessThan(0.001);
  });

  it('fits very long names, and Cyrillic, Greek and Vietnamese ones, in 1200×630', async () => {
    const png = await renderShareCard({
      ...card,
      earned: { learnerName: 'Nguyễn Thị Minh Khai Дмитрий Иванович Менделеев Νίκος Καζαντζάκης', awardedOn: '2026-03-14' },
      achievementName: 'Data Science Fundamentals for Public Health Researchers: Advanced Statistical Modelling and Causal Inference',
      issuerName: 'Université de Montréal — Faculté des arts et des sciences, Département de mathématiques',
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('has an achievement’s card, naming no one, matching its golden', async () => {
    const { earned: _earned, ...achievement } = card;
    const png = await renderShareCard(achievement);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(await renderShareCard(achievement)).toEqual(png);
    expect(pixelDifference(png, golden('share-card-achievement.png', png))).toBeLessThan(0.001);
    // Not the personal card with the name left out: a layout of its own.
    expect(pixelDifference(png, await renderShareCard(card))).toBeGreaterThan(0.01);
  });

  it('speaks the site’s language: a French card, its date written the French way, matching its golden', async () => {
    const french = { ...card, language: 'fr-CA', earned: { learnerName: 'Amélie Tremblay', awardedOn: '2026-03-01' } };
    const png = await renderShareCard(french);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(pixelDifference(png, golden('share-card-fr.png', png))).toBeLessThan(0.001);
    // The words alone change the pixels: the same card in English is another picture.
    expect(pixelDifference(png, await renderShareCard({ ...french, language: 'en' }))).toBeGreaterThan(0.001);
  });

  it.each([
    ['share-card-ja.png', 'a Japanese name', '山田 花子'],
    ['share-card-ar.png', 'an Arabic name, its letters joined and set right to left', 'ليلى حداد'],
  ])('matches the golden %s: %s, in Noto Sans', async (name, _what, learnerName) => {
    const png = await renderShareCard({ ...card, earned: { learnerName, awardedOn: '2026-03-14' } });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(pixelDifference(png, golden(name, png))).toBeLessThan(0.001);
  });

  it('renders a name in a script Inter lacks without fetching anything', async () => {
    const png = await renderShareCard({ ...card, earned: { learnerName: '山田 太郎', awardedOn: '2026-03-14' } });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});

describe('formatDate', () => {
  it('spells the date out without locale data', () => {
    expect(formatDate('2026-03-14')).toBe('14 March 2026');
    expect(formatDate('2026-12-01')).toBe('1 December 2026');
    expect(() => formatDate('2026-13-01')).toThrow(RangeError);
    expect(() => formatDate('14/03/2026')).toThrow(RangeError);
  });
});
