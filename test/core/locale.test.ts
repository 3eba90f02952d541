/**
 * The interface's languages: which catalog a site's language tag reads, dates and durations
 * written through Intl in that language, and catalogs that hold the same entries.
 */
import { describe, expect, it } from 'vitest';
import { counting } from '../../src/core/locale/counting.ts';
import { formatDate, formatDuration } from '../../src/core/locale/dates.ts';
import { en, enScripts } from '../../src/core/locale/en.ts';
import { fr, frScripts } from '../../src/core/locale/fr.ts';
import { formattingLocale, interfaceLanguage } from '../../src/core/locale/language.ts';
import { messagesFor, scriptMessagesFor } from '../../src/core/locale/messages.ts';

describe('interfaceLanguage and formattingLocale', () => {
  it('reads the catalog of the primary language subtag, and English for any language without one', () => {
    expect(['en', 'en-US', 'fr', 'fr-CA', 'FR-be', 'de', 'pt-BR'].map(interfaceLanguage)).toEqual(['en', 'en', 'fr', 'fr', 'fr', 'en', 'en']);
    expect(messagesFor('fr-CA')).toBe(fr);
    expect(messagesFor('ja')).toBe(en);
    expect(scriptMessagesFor('fr-CA')).toBe(frScripts);
    expect(scriptMessagesFor('')).toBe(enScripts);
  });

  it('formats in the site’s own tag when the interface speaks it, and in British English otherwise', () => {
    expect(['en', 'en-US', 'fr', 'fr-CA', 'de'].map(formattingLocale)).toEqual(['en-GB', 'en-US', 'fr', 'fr-CA', 'en-GB']);
  });
});

describe('formatDate', () => {
  it('writes a date in words in the site’s language, in UTC', () => {
    expect(formatDate('2026-03-14')).toBe('14 March 2026');
    expect(formatDate('2026-03-14', 'en-US')).toBe('March 14, 2026');
    expect(formatDate('2026-12-14', 'fr')).toBe('14 décembre 2026');
    expect(formatDate('2026-02-28', 'fr-CA')).toBe('28 février 2026');
    // An English sentence gets an English date, whatever the site's language.
    expect(formatDate('2026-03-14', 'de')).toBe('14 March 2026');
  });

  it('writes the first of a month « 1er » in French, as French typography has it', () => {
    expect(formatDate('2026-12-01', 'fr')).toBe('1er décembre 2026');
    expect(formatDate('2026-12-01', 'fr-CA')).toBe('1er décembre 2026');
    expect(formatDate('2026-12-11', 'fr')).toBe('11 décembre 2026');
    expect(formatDate('2026-12-01', 'en')).toBe('1 December 2026');
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-13-01', '2026-02-30', '2026-00-10', '14/03/2026', '2026-3-1']) expect(() => formatDate(bad, 'fr'), bad).toThrow(RangeError);
  });
});

describe('formatDuration', () => {
  it('counts years, months and days in words, joined the language’s way', () => {
    expect(formatDuration([[2, 'year']])).toBe('2 years');
    expect(formatDuration([[1, 'year'], [6, 'month']])).toBe('1 year and 6 months');
    expect(formatDuration([[1, 'year'], [6, 'month'], [3, 'day']])).toBe('1 year, 6 months and 3 days');
    expect(formatDuration([[1, 'year'], [6, 'month'], [3, 'day']], 'en-US')).toBe('1 year, 6 months, and 3 days');
    // French keeps a number with its unit: a no-break space (U+00A0) between them.
    expect(formatDuration([[1, 'year'], [6, 'month']], 'fr')).toBe('1\u00A0an et 6\u00A0mois');
    expect(formatDuration([[2, 'year'], [1, 'month'], [1, 'day']], 'fr-CA')).toBe('2\u00A0ans, 1\u00A0mois et 1\u00A0jour');
  });
});

describe('counting', () => {
  it('takes each language’s plural category and digit grouping', () => {
    const english = counting('en-GB');
    const french = counting('fr');
    expect([0, 1, 2].map(english.plural)).toEqual(['other', 'one', 'other']);
    expect([0, 1, 2].map(french.plural)).toEqual(['one', 'one', 'other']);
    expect([english.number(1500), french.number(1500)]).toEqual(['1,500', '1\u202F500']);
  });
});

describe('the catalogs', () => {
  const entries = (catalog: object) => Object.entries(catalog) as Array<[string, unknown]>;
  /** Sentences whose values are not text: a state, a flag, a position. */
  const notText: Record<string, unknown[][]> = {
    withdrawnBanner: [['revoked'], ['suspended']],
    sharingOff: [['revoked'], ['suspended'], ['not-yet-valid']],
    eyebrow: [['x', true], ['x', false]],
    result: [[undefined], [2]],
    making: [['badge'], ['certificate']],
    couldNotMake: [['badge', 'x'], ['certificate', 'x']],
    earnedByCount: [[0], [1], [2], [1500]],
    achievementsCounted: [[1], [2]],
    credentialsIssuedCounted: [[1], [2]],
    programmeOf: [[1], [3]],
    moreSkills: [[1], [3]],
    earnersCounted: [[0], [1], [2]],
    searchCount: [[1, 12], [2, 12], [40, 12]],
    badgeFile: [['PNG'], ['SVG']],
    blockOf: [[1], [4]],
    blocksHeld: [['x', 1, 3], ['x', 2, 4]],
    stackRule: [[1, 1, undefined], [2, 2, 'x'], [4, 4, undefined], [3, 5, 'x']],
  };
  /** Every sentence of a catalog, its values filled in. */
  const sentences = (catalog: object): string[] =>
    entries(catalog).flatMap(([key, value]): string[] => {
      if (typeof value === 'string') return [value];
      // A group of entries (the status labels, the wallet page's words, the images' words) is read as a catalog, functions filled in too.
      if (typeof value === 'object' && value !== null) return sentences(value);
      if (typeof value !== 'function') return [];
      return (notText[key] ?? [['x', 'x', 'x', 'x']]).map((args) => [value(...args)].flat().join(''));
    });

  it('hold the same entries, and French says each in its own words', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(frScripts).sort()).toEqual(Object.keys(enScripts).sort());
    expect(Object.keys(fr.walletPage).sort()).toEqual(Object.keys(en.walletPage).sort());
    expect(entries(en.walletPage).filter(([key, value]) => (fr.walletPage as unknown as Record<string, unknown>)[key] === value)).toEqual([]);
    expect(entries(enScripts).filter(([key, value]) => (frScripts as unknown as Record<string, unknown>)[key] === value)).toEqual([]);
    expect(Object.keys(fr.statusLabel).sort()).toEqual(Object.keys(en.statusLabel).sort());
    expect(Object.keys(fr.resultStatuses).sort()).toEqual(Object.keys(en.resultStatuses).sort());
    const same = entries(en).filter(([key, value]) => typeof value === 'string' && (fr as unknown as Record<string, unknown>)[key] === value).map(([key]) => key);
    // Words French spells as English does.
    expect(same).toEqual(['siteNavigation', 'factVersion']);
  });

  it('put every value a sentence takes into it, in both languages', () => {
    for (const catalog of [en, fr, enScripts, frScripts]) {
      const language = catalog === enScripts ? 'en' : catalog === frScripts ? 'fr' : (catalog as typeof en).language;
      for (const [key, value] of entries(catalog)) {
        if (typeof value !== 'function' || key in notText) continue;
        const values = ['⟨A⟩', '⟨B⟩', '⟨C⟩', '⟨D⟩'].slice(0, value.length);
        const said = [value(...values)].flat().join('');
        for (const given of values) expect(said, `${language}.${key}`).toContain(given);
      }
    }
  });

  it('hold the images’ words in both languages, each sentence with the values it is given', () => {
    expect(Object.keys(fr.images).sort()).toEqual(Object.keys(en.images).sort());
    for (const images of [en.images, fr.images]) {
      expect(images.earnedOn('⟨date⟩')).toContain('⟨date⟩');
      expect(images.documentSubject('⟨url⟩')).toContain('⟨url⟩');
    }
    expect(Object.entries(en.images).filter(([key, value]) => typeof value === 'string' && (fr.images as unknown as Record<string, unknown>)[key] === value)).toEqual([]);
    expect(fr.images.earnedOn(formatDate('2026-03-01', 'fr'))).toBe('Obtenue le 1er mars 2026');
    expect(fr.images.certificateOfAchievement.toLocaleUpperCase('fr')).toBe('ATTESTATION DE RÉUSSITE');
  });

  it('count people with the plural rules of each language', () => {
    expect([0, 1, 2, 1500].map(en.earnedByCount)).toEqual(['No one yet', '1 person', '2 people', '1,500 people']);
    expect([0, 1, 2, 1500].map(fr.earnedByCount)).toEqual(['Personne pour l’instant', '1 personne', '2 personnes', '1\u202F500 personnes']);
    // French takes the singular for 0 and 1 too (CLDR: « one » is i = 0,1).
    expect([0, 1, 2].map(fr.achievementsCounted)).toEqual(['certification', 'certification', 'certifications']);
    expect([0, 1, 2].map(en.achievementsCounted)).toEqual(['achievements', 'achievement', 'achievements']);
    expect([1, 2, 40].map((count) => frScripts.searchCount(count, 12))).toEqual(['1 résultat.', '2 résultats.', '40 résultats, dont les 12 premiers affichés.']);
    expect([1, 2, 40].map((count) => enScripts.searchCount(count, 12))).toEqual(['1 result.', '2 results.', '40 results, the first 12 shown.']);
    expect([1, 3].map(fr.programmeOf)).toEqual(['Parcours de 1 certification', 'Parcours de 3 certifications']);
  });

  it('name every OB 3.0 achievement type in French', () => {
    // OB 3.0 §B.1.5 AchievementType (without its ext: extension point).
    const types = ['Achievement', 'ApprenticeshipCertificate', 'Assessment', 'Assignment', 'AssociateDegree', 'Award', 'Badge', 'BachelorDegree', 'Certificate', 'CertificateOfCompletion', 'Certification', 'CommunityService', 'Competency', 'Course', 'CoCurricular', 'Degree', 'Diploma', 'DoctoralDegree', 'Fieldwork', 'GeneralEducationDevelopment', 'JourneymanCertificate', 'LearningProgram', 'License', 'Membership', 'ProfessionalDoctorate', 'QualityAssuranceCredential', 'MasterCertificate', 'MasterDegree', 'MicroCredential', 'ResearchDoctorate', 'SecondarySchoolDiploma'];
    expect(Object.keys(fr.achievementTypes).sort()).toEqual(types.sort());
  });

  it('set French punctuation with a narrow no-break space before a colon or a semicolon', () => {
    const french = [...sentences(fr), ...sentences(frScripts)];
    expect(french.length).toBeGreaterThan(100);
    for (const phrase of french) expect(phrase, phrase).not.toMatch(/(?:^|[^\u202F])[;:](?!\/\/|web)/);
    // The English catalog, for contrast, uses none.
    expect([...sentences(en), ...sentences(enScripts)].some((phrase) => phrase.includes('\u202F'))).toBe(false);
  });
});
