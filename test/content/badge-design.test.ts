/**
 * The `badge:` schema and its defaults: friendly errors, readable colours, stable and varied picks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  badgeDesignSchema,
  contrastRatio,
  DEFAULT_EMBLEMS,
  emblemMarkup,
  emblemNames,
  labelContrast,
  MIN_LABEL_CONTRAST,
  MIN_RIBBON_CONTRAST,
  PALETTES,
  resolveBadgeDesign,
  ribbonTextColor,
  suggestEmblems,
} from '../../src/content/badge-design.ts';

const achievement = { slug: 'accessible-front-end', name: 'Accessible Front-End Development' };
const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);

describe('badgeDesignSchema', () => {
  it('accepts an empty design and defaults the shape to circle', () => {
    expect(badgeDesignSchema.parse({})).toEqual({ shape: 'circle' });
  });

  it('accepts a full design', () => {
    const design = { shape: 'rosette', primaryColor: '#1E3A5F', secondaryColor: '#d4a72c', textColor: '#ffffff', emblem: 'graduation-cap', label: 'Web A11y' };
    expect(badgeDesignSchema.parse(design)).toEqual(design);
  });

  it('describes every field, for editor help', () => {
    for (const [name, field] of Object.entries(badgeDesignSchema.shape)) {
      expect(field.description, name).toMatch(/\w{3,}/);
    }
  });

  it('rejects unknown fields, bad colours and shapes', () => {
    expect(badgeDesignSchema.safeParse({ colour: '#ffffff' }).success).toBe(false);
    expect(badgeDesignSchema.safeParse({ primaryColor: 'blue' }).success).toBe(false);
    expect(badgeDesignSchema.safeParse({ primaryColor: '#fff' }).success).toBe(false);
    expect(badgeDesignSchema.safeParse({ shape: 'star' }).success).toBe(false);
    expect(badgeDesignSchema.safeParse({ label: '' }).success).toBe(false);
  });

  it('names close emblems when the name is wrong', () => {
    const result = badgeDesignSchema.safeParse({ emblem: 'graduation-hat' });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['emblem']);
    expect(issue.message).toContain('"graduation-hat" is not an emblem name');
    expect(issue.message).toContain('graduation-cap');
    expect(issue.message).toContain('https://lucide.dev/icons');
  });

  it('refuses a text colour too faint on its face (WCAG 2.2 SC 1.4.3, large text)', () => {
    const result = badgeDesignSchema.safeParse({ primaryColor: '#888888', textColor: '#999999' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['textColor']);
    expect(result.error!.issues[0]!.message).toMatch(/contrast of 1\.\d:1.*at least 3:1/);
  });
});

describe('emblems', () => {
  it('lists the Lucide icons, aliases included', () => {
    expect(emblemNames().size).toBeGreaterThan(1500);
    for (const name of DEFAULT_EMBLEMS) expect(emblemNames().has(name), name).toBe(true);
  });

  it('suggests by spelling, by part of the name and by tag', () => {
    expect(suggestEmblems('trohpy')).toContain('trophy');
    expect(suggestEmblems('graduation')).toContain('graduation-cap');
    expect(suggestEmblems('achievement')).toContain('award');
    expect(suggestEmblems('zzzzzzzzzzzzzzzz')).toEqual([]);
  });

  it('gives the inner markup of an icon, without the outer svg', () => {
    const markup = emblemMarkup('award');
    expect(markup).toMatch(/^<(path|circle)/);
    expect(markup).not.toContain('<svg');
    expect(() => emblemMarkup('../package')).toThrow(/unknown emblem/);
  });
});

describe('resolveBadgeDesign', () => {
  it('fills every field from the slug and name, the same way every time', () => {
    const resolved = resolveBadgeDesign(undefined, achievement);
    expect(resolved).toEqual(resolveBadgeDesign(undefined, achievement));
    expect(resolved.shape).toBe('circle');
    expect(resolved.label).toBe('Accessible Front-End Development');
    expect(PALETTES.map(([primary]) => primary)).toContain(resolved.primaryColor);
    expect(DEFAULT_EMBLEMS).toContain(resolved.emblem);
  });

  it('keeps what the design says, in lower case', () => {
    const design = badgeDesignSchema.parse({ shape: 'shield', primaryColor: '#F5D76E', emblem: 'sun', label: 'Summer' });
    const resolved = resolveBadgeDesign(design, achievement);
    expect(resolved).toMatchObject({ shape: 'shield', primaryColor: '#f5d76e', emblem: 'sun', label: 'Summer' });
    expect(resolved.textColor).toBe('#111827'); // a light face gets dark text
  });

  it('spreads achievements over palettes and emblems', () => {
    const slugs = Array.from({ length: 40 }, (_, i) => `achievement-${i}`);
    const resolved = slugs.map((slug) => resolveBadgeDesign(undefined, { slug, name: slug }));
    expect(new Set(resolved.map((d) => d.primaryColor)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(resolved.map((d) => d.emblem)).size).toBeGreaterThanOrEqual(10);
  });

  it('default palettes reach WCAG AA for normal text (4.5:1) across the whole face', () => {
    for (const [primary] of PALETTES) {
      const { textColor } = resolveBadgeDesign({ shape: 'circle', primaryColor: primary }, achievement);
      expect(labelContrast(textColor, primary), primary).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('any chosen face colour gets a text colour of at least 3:1 (AA large text)', () => {
    fc.assert(
      fc.property(hex, (primary) => {
        const { textColor } = resolveBadgeDesign({ shape: 'circle', primaryColor: primary }, achievement);
        return labelContrast(textColor, primary) >= MIN_LABEL_CONTRAST;
      }),
    );
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('puts the programme part on the ribbon unless the design says otherwise, and the issuer in the ring', () => {
    const inProgramme = { ...achievement, programme: { part: 'Module 2 of 5' } };
    expect(resolveBadgeDesign(undefined, inProgramme).ribbon).toBe('Module 2 of 5');
    expect(resolveBadgeDesign({ shape: 'circle', ribbon: 'Advanced' }, inProgramme).ribbon).toBe('Advanced');
    expect(resolveBadgeDesign({ shape: 'circle', ribbon: false }, inProgramme).ribbon).toBeUndefined();
    expect(resolveBadgeDesign(undefined, achievement).ribbon).toBeUndefined();
    expect(resolveBadgeDesign(undefined, achievement, '  Eastfield Polytechnic ').issuerName).toBe('Eastfield Polytechnic');
    expect(resolveBadgeDesign(undefined, achievement).issuerName).toBeUndefined();
  });

  it('takes a short ribbon or false, and refuses a long or empty one', () => {
    expect(badgeDesignSchema.parse({ ribbon: 'Level 3' })).toEqual({ shape: 'circle', ribbon: 'Level 3' });
    expect(badgeDesignSchema.parse({ ribbon: false })).toEqual({ shape: 'circle', ribbon: false });
    expect(badgeDesignSchema.safeParse({ ribbon: 'x'.repeat(25) }).success).toBe(false);
    expect(badgeDesignSchema.safeParse({ ribbon: ' ' }).success).toBe(false);
    expect(badgeDesignSchema.safeParse({ ribbon: true }).success).toBe(false);
  });

  it('sets any ribbon colour with a text of at least 4.5:1 (AA normal text)', () => {
    fc.assert(fc.property(hex, (ribbon) => contrastRatio(ribbonTextColor(ribbon), ribbon) >= MIN_RIBBON_CONTRAST));
    for (const [, rim] of PALETTES) expect(ribbonTextColor(rim)).toMatch(/^#(ffffff|111827)$/);
  });
});
