/**
 * An achievement in the site's other languages: `content/achievements/<slug>.<language>.md` beside
 * `<slug>.md`, its frontmatter the words a reader reads (./schemas/translation.ts), its body the
 * criteria. A file per language keeps a translation's pull request to one new file, reviewed by
 * someone who reads that language, with the achievement's own file untouched. Pure.
 *
 * A translation that cannot be placed (a language the site does not publish, no achievement of its
 * slug, a field the format does not have) is an error: it would be published nowhere. A language
 * with no translation is a warning: its pages show the achievement's own words, marked with their
 * language.
 */
import { languageFolder } from '../core/locale/language.ts';
import { LaurelError } from '../core/error.ts';
import { contentError } from './content-error.ts';
import { closest, formatPath, issuesToErrors } from './schema-issues.ts';
import { translationSchema, type TranslationData } from './schemas/translation.ts';
import { parseYamlSource, splitFrontmatter } from './yaml-source.ts';
import { TEXT_LIMITS } from './schemas/common.ts';
import { MICRO_CREDENTIAL_TEXTS, type MicroCredential } from './schemas/micro-credential.ts';

export interface AchievementTranslation {
  /** The site's language tag it is in, as issuer.yaml writes it (`fr-CA` for `<slug>.fr.md`). */
  readonly language: string;
  readonly file: string;
  readonly data: TranslationData;
  /** The Markdown body; empty when the translation leaves the criteria in the achievement's language. */
  readonly criteria: string;
}

/** `web-accessibility.fr.md`: the slug and the language a translation's file name gives, or undefined for an achievement's own file. */
export function translationFileName(file: string): { readonly slug: string; readonly language: string } | undefined {
  const match = /^([a-z0-9][a-z0-9-]*)\.([A-Za-z]{2,4}(?:-[A-Za-z0-9]{2,8})*)\.mdx?$/.exec(file.replace(/^.*\//, ''));
  return match ? { slug: match[1]!, language: match[2]! } : undefined;
}

/** The site language a file's language names, by its primary subtag (`fr` is the site's `fr-CA`), as the pages' folders do. */
export function siteLanguageOf(language: string, siteLanguages: readonly string[]): string | undefined {
  return siteLanguages.find((tag) => languageFolder(tag) === languageFolder(language));
}

export interface TranslationBase {
  readonly slug: string;
  readonly file: string;
  /** The achievement's own language: its inLanguage, or the site's default. */
  readonly language: string;
  readonly resultIds: readonly string[];
  /** Its programme's name and part, which a translation can only translate where they exist. */
  readonly programme?: { readonly name: string; readonly part?: string | undefined } | undefined;
  /** Its EU micro-credential elements, whose texts a translation can only translate where they exist. */
  readonly microCredential?: MicroCredential | undefined;
}

/**
 * Validates one translation file against its achievement (`base`, undefined when there is none)
 * and the site's languages (undefined when issuer.yaml is invalid, which has its own error).
 */
export function validateTranslation(file: { readonly path: string; readonly text: string }, base: TranslationBase | undefined, siteLanguages: readonly string[] | undefined, errors: LaurelError[]): AchievementTranslation | undefined {
  const named = translationFileName(file.path)!;
  const atFile = { file: file.path, line: 1, column: 1, field: '' };
  if (!base) {
    errors.push(contentError({ ...atFile, code: 'orphan-translation', message: `translates the achievement "${named.slug}", which has no file of its own: it would be published nowhere.`, expected: `content/achievements/${named.slug}.md beside it, or the translation renamed after an existing achievement` }));
    return undefined;
  }
  const language = siteLanguages && siteLanguageOf(named.language, siteLanguages);
  if (siteLanguages && !language) {
    errors.push(contentError({ ...atFile, code: 'unknown-language', message: `is in "${named.language}" (its file name says so), which is not one of the site's languages: it would be published nowhere.`, expected: `one of ${siteLanguages.join(', ')} (issuer.yaml languages), as in ${named.slug}.${languageFolder(siteLanguages[0]!)}.md`, received: named.language }));
    return undefined;
  }
  if (language && languageFolder(language) === languageFolder(base.language)) {
    errors.push(contentError({ ...atFile, code: 'unknown-language', message: `is in ${language}, the language ${base.file} is written in already.`, expected: `a translation into another of the site's languages, or the text in ${base.file} itself`, received: named.language }));
    return undefined;
  }
  const parts = splitFrontmatter(file.text);
  if (!parts) {
    errors.push(contentError({ ...atFile, code: 'yaml-syntax', message: 'The file has no frontmatter.', expected: 'the translated name and description between two --- lines at the top of the file' }));
    return undefined;
  }
  const source = parseYamlSource(parts.frontmatter, parts.lineOffset);
  if (source.syntaxErrors.length) {
    errors.push(...source.syntaxErrors.map(({ code, message, position, expected }) => contentError({ code, file: file.path, ...position, field: '', message, expected })));
    return undefined;
  }
  const value = source.value ?? {};
  const parsed = translationSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    errors.push(...issuesToErrors(parsed.error.issues, { file: file.path, source, schema: translationSchema, value }));
    return undefined;
  }
  const before = errors.length;
  for (const id of Object.keys(parsed.data.resultDescriptions)) {
    if (base.resultIds.includes(id)) continue;
    const path = ['resultDescriptions', id];
    const suggestion = closest(id, base.resultIds);
    errors.push(contentError({
      code: 'unknown-result', file: file.path, ...source.locate(path, { key: true }), field: formatPath(path),
      message: `is not a resultDescription of ${base.file}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      expected: base.resultIds.length ? `one of ${base.resultIds.join(', ')}` : `no resultDescriptions: ${base.file} has none`, received: id,
    }));
  }
  const programme = parsed.data.programme;
  for (const field of ['name', 'part'] as const) {
    if (programme?.[field] === undefined || base.programme?.[field] !== undefined) continue;
    const path = ['programme', field];
    errors.push(contentError({
      code: 'unknown-field', file: file.path, ...source.locate(path, { key: true }), field: formatPath(path),
      message: base.programme ? `translates the programme part of ${base.file}, which gives none.` : `translates the programme of ${base.file}, which is in none.`,
      expected: `no ${formatPath(path)} here, or programme.${field} in ${base.file} first`,
    }));
  }
  for (const field of MICRO_CREDENTIAL_TEXTS) {
    if (parsed.data.microCredential?.[field] === undefined || base.microCredential?.[field] !== undefined) continue;
    const path = ['microCredential', field];
    errors.push(contentError({
      code: 'unknown-field', file: file.path, ...source.locate(path, { key: true }), field: formatPath(path),
      message: `translates the micro-credential ${field} of ${base.file}, which states none.`,
      expected: `no ${formatPath(path)} here, or ${formatPath(path)} in ${base.file} first`,
    }));
  }
  const criteria = parts.body.trim();
  if (criteria.length > TEXT_LIMITS.narrative) {
    errors.push(contentError({ ...atFile, line: file.text.slice(0, file.text.length - parts.body.length).split('\n').length, code: 'invalid-value', field: 'criteria', message: `(the Markdown after the frontmatter) is ${criteria.length.toLocaleString('en')} characters long: at most ${TEXT_LIMITS.narrative.toLocaleString('en')} characters fit here.`, expected: `criteria of at most ${TEXT_LIMITS.narrative.toLocaleString('en')} characters` }));
  }
  if (errors.length > before || !language) return undefined;
  return { language, file: file.path, data: parsed.data, criteria };
}

/**
 * One warning per published achievement that some site language has no translation for, at the
 * achievement's own file: its pages in that language show its own words, marked with their
 * language. A site in one language has none.
 */
export function missingTranslations(achievements: Iterable<TranslationBase & { readonly draft: boolean; readonly translations: readonly AchievementTranslation[] }>, siteLanguages: readonly string[]): LaurelError[] {
  const warnings: LaurelError[] = [];
  for (const achievement of achievements) {
    if (achievement.draft) continue;
    const missing = siteLanguages.filter((tag) => languageFolder(tag) !== languageFolder(achievement.language) && !achievement.translations.some((translation) => translation.language === tag));
    if (!missing.length) continue;
    warnings.push(contentError({
      code: 'missing-translation', file: achievement.file, line: 1, column: 1, field: '',
      message: `has no translation into ${missing.join(', ')}: its pages in ${missing.length === 1 ? 'that language' : 'those languages'} show it in ${achievement.language}.`,
      expected: missing.map((tag) => `content/achievements/${achievement.slug}.${languageFolder(tag)}.md`).join(', '),
    }));
  }
  return warnings;
}

/**
 * One warning per translation that leaves a word on the badge in the achievement's own language: a
 * label written in its own file, or a ribbon (its own, or the programme part it shows). A badge is
 * an image, which cannot mark words of another language as a page does; a label left to the
 * translated name is translated with it.
 */
export function untranslatedBadgeWords(achievements: Iterable<TranslationBase & { readonly draft: boolean; readonly badge?: { readonly label?: string | undefined; readonly ribbon?: string | false | undefined } | undefined; readonly translations: readonly AchievementTranslation[] }>): LaurelError[] {
  const warnings: LaurelError[] = [];
  for (const achievement of achievements) {
    if (achievement.draft) continue;
    const ownRibbon = achievement.badge?.ribbon ?? achievement.programme?.part;
    for (const translation of achievement.translations) {
      const left: Array<{ readonly words: string; readonly field: string }> = [];
      if (achievement.badge?.label !== undefined && translation.data.badge?.label === undefined) left.push({ words: `label "${achievement.badge.label}"`, field: 'badge.label' });
      const ribbonFromPart = achievement.badge?.ribbon === undefined;
      if (ownRibbon && translation.data.badge?.ribbon === undefined && !(ribbonFromPart && translation.data.programme?.part !== undefined)) {
        left.push({ words: `ribbon "${ownRibbon}"`, field: ribbonFromPart ? 'programme.part (or badge.ribbon)' : 'badge.ribbon' });
      }
      if (!left.length) continue;
      const them = left.length === 1 ? 'it' : 'them';
      warnings.push(contentError({
        code: 'missing-translation', file: translation.file, line: 1, column: 1, field: left[0]!.field.replace(/ .*/, ''),
        message: `leaves the badge's ${left.map((entry) => entry.words).join(' and ')} as ${achievement.file} writes ${them}: the badge on its ${translation.language} pages shows ${them} in ${achievement.language}.`,
        expected: `${left.map((entry) => entry.field).join(' and ')} in this file, in ${translation.language} (the same words again to keep them)`,
      }));
    }
  }
  return warnings;
}
