/**
 * The fonts for the scripts Inter lacks: which Noto slices a text needs, and that a Latin text
 * reads none of them, in the share card, the badge and the PDF.
 */
import { describe, expect, it, vi } from 'vitest';

/** Every font file the renderers read from node_modules. */
const read: string[] = vi.hoisted(() => []);
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return { ...fs, readFile: (file: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => (read.push(String(file)), (fs.readFile as (...args: unknown[]) => unknown)(file, ...rest)) };
});

const { scriptSubsetsFor } = await import('../../src/render/script-fonts.ts');
const { renderBadge, renderPng } = await import('../../src/render/badge-image.ts');
const { renderShareCard } = await import('../../src/render/share-card.ts');
const { renderCertificatePdf } = await import('../../src/render/certificate-pdf.ts');
const { certificateWords } = await import('../../src/render/certificate-words.ts');
const { messagesFor } = await import('../../src/core/locale/messages.ts');
const { packagedFonts } = await import('../../src/render/packaged-fonts.ts');
const { FIXED_SEAL } = await import('./golden.ts');

const codes = (text: string) => [...text].map((char) => char.codePointAt(0)!);
const scriptFiles = () => read.filter((file) => /@fontsource\/noto-sans-/.test(file));

describe('scriptSubsetsFor', () => {
  it('finds the slices that hold a text’s characters, Japanese before Chinese', () => {
    const japanese = scriptSubsetsFor(codes('山田花子'));
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese[0]!.family).toBe('noto-sans-jp');
    expect(scriptSubsetsFor(codes('민준')).map((slice) => slice.family)).toEqual(['noto-sans-kr']);
    // Arabic and Hebrew come first: a few of their letters are in a CJK slice too.
    expect(scriptSubsetsFor(codes('ليلى'))[0]).toEqual({ family: 'noto-sans-arabic', subset: 'arabic' });
    expect(scriptSubsetsFor(codes('דוד'))[0]).toEqual({ family: 'noto-sans-hebrew', subset: 'hebrew' });
    // A simplified character Japanese lacks is found in Chinese.
    expect(scriptSubsetsFor(codes('张')).map((slice) => slice.family)).toContain('noto-sans-sc');
  });
});

describe('the renderers', () => {
  it('read no file of the script families for Latin texts, and only a few for a Japanese name', async () => {
    const badge = await renderBadge(FIXED_SEAL);
    const latin = { achievementName: 'Accessible Front-End Development', issuerName: 'Northwind Institute of Technology', badgeSvg: badge.svg };
    await renderShareCard({ ...latin, earned: { learnerName: 'Zoë Łukasiewicz-Ørsted', awardedOn: '2026-03-14' } });
    await renderShareCard({ ...latin, language: 'fr' });
    const certificate = {
      ...latin,
      learnerName: 'Nguyễn Thị Minh Khai Дмитрий Менделеев',
      achievementDescription: 'The holder builds web interfaces that meet WCAG 2.2 AA.',
      awardedOn: '2026-03-14',
      credentialUrl: 'https://badges.example.org/credentials/1/',
      skills: ['Semantic HTML'],
      badgePng: renderPng(badge.svg, 600),
    };
    await renderCertificatePdf({ ...certificate, language: 'fr', words: certificateWords(messagesFor('fr')) }, packagedFonts);
    expect(read.some((file) => file.includes('@fontsource/inter/'))).toBe(true);
    expect(scriptFiles()).toEqual([]);

    await renderShareCard({ ...latin, earned: { learnerName: '山田 花子', awardedOn: '2026-03-14' } });
    expect(scriptFiles().length).toBeGreaterThan(0);
    // Four characters in one weight: a few of the Japanese family's 125 slices, nothing of the others.
    expect(scriptFiles().length).toBeLessThanOrEqual(4);
    expect(scriptFiles().every((file) => file.includes('@fontsource/noto-sans-jp/'))).toBe(true);
  });
});
