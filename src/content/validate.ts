/**
 * Validates the whole content tree (issuer, achievements, awards) in memory and turns it into
 * records. Pure: the files are read elsewhere. Every error is collected, none stops the others.
 */
import { z } from 'zod';
import { achievementSchema } from './schemas/achievement.ts';
import { batchEntrySchema, batchSchema, erasedAwardSchema, singleAwardSchema, type Evidence, type Recipient, type Result, type StatusChange } from './schemas/award.ts';
import { EMAIL_LIKE, TEXT_LIMITS } from './schemas/common.ts';
import { issuerSchema, type Issuer } from './schemas/issuer.ts';
import { isListed } from './privacy.ts';
import { badgeDesignSchema, type BadgeDesign } from './badge-design.ts';
import { addIsoDuration, toDateTimeStamp } from '../core/dates.ts';
import { sortErrors, type LaurelError } from '../core/error.ts';
import { contentError } from './content-error.ts';
import { descriptionProblems, resultProblem } from './results.ts';
import { annexIReports, missingAnnexIElements } from './annex-i.ts';
import { missingTranslations, translationFileName, untranslatedBadgeWords, validateTranslation, type AchievementTranslation } from './translations.ts';
import { closest, formatPath, issuesToErrors } from './schema-issues.ts';
import { blocksProblem, dueStacks, stackRule, withdrawnBlocks } from './stacks.ts';
import { portfolioProblems } from './portfolios.ts';
import { cachedYamlSource, parseYamlSource, splitFrontmatter, type FieldPath, type YamlParseCache, type YamlSource } from './yaml-source.ts';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `content/awards/2026/web.yaml`. */
  readonly path: string;
  readonly text: string;
}

export interface ContentFiles {
  readonly issuer: SourceFile | undefined;
  readonly achievements: readonly SourceFile[];
  readonly awards: readonly SourceFile[];
  /**
   * What reading the files found wrong with the files themselves (a link out of the repository,
   * text that is not UTF-8), reported with the errors of validation. A file refused this way is
   * left out of the lists above, or given with its text as far as it could be decoded.
   */
  readonly unreadable?: readonly LaurelError[] | undefined;
}

const achievementFrontmatterSchema = achievementSchema(badgeDesignSchema);
export type AchievementData = z.output<typeof achievementFrontmatterSchema>;

export interface AchievementRecord {
  readonly slug: string;
  readonly file: string;
  readonly data: AchievementData;
  readonly badge: BadgeDesign | undefined;
  /** The Markdown body: the criteria narrative. */
  readonly criteria: string;
  /** The language it is written in: its inLanguage, or the site's default. */
  readonly language: string;
  /** Its words in the site's other languages (`<slug>.<language>.md`, ./translations.ts), in the site's order. */
  readonly translations: readonly AchievementTranslation[];
  /** Where its `microCredential:` block is, for the report of what it misses (./annex-i.ts). */
  readonly microCredentialAt?: { readonly line: number; readonly column: number } | undefined;
}

export interface Origin {
  readonly file: string;
  readonly line: number;
}

export interface AwardRecord {
  readonly kind: 'live';
  readonly id: string;
  readonly achievement: string;
  readonly statusIndex: number;
  readonly origin: Origin;
  readonly recipient: Recipient;
  /** The learner key its learner's other awards share (./schemas/award.ts), if it has one; never published. */
  readonly learner: string | undefined;
  /** dateTimeStamp, UTC. */
  readonly awardedOn: string;
  /** dateTimeStamp, UTC, from the award's override or the achievement's validFor. */
  readonly validUntil: string | undefined;
  readonly evidence: readonly Evidence[];
  /** For a stacked achievement: the ids of the learner's awards of its blocks (./stacks.ts). */
  readonly blocks: readonly string[];
  /** The id of its learner's portfolio page, where they asked for one (./portfolios.ts). */
  readonly portfolio: string | undefined;
  readonly narrative: string | undefined;
  readonly results: readonly Result[];
  readonly creditsEarned: number | undefined;
  readonly activityStartDate: string | undefined;
  readonly activityEndDate: string | undefined;
  readonly revoked: StatusChange | undefined;
  readonly suspended: StatusChange | undefined;
  /** The award's own `listed`, else the site's `earners` (./privacy.ts). */
  readonly listed: boolean;
}

export interface ErasedRecord {
  readonly kind: 'erased';
  readonly id: string;
  readonly achievement: string;
  readonly statusIndex: number;
  readonly origin: Origin;
  readonly erasedOn: string;
  /** The revocation and suspension the award had when it was erased, by date. */
  readonly revokedOn: string | undefined;
  readonly suspendedOn: string | undefined;
}

export interface SiteContent {
  readonly issuer: Issuer;
  readonly achievements: ReadonlyMap<string, AchievementRecord>;
  /** Sorted by award date, then id, so every build lists them in the same order. */
  readonly awards: readonly AwardRecord[];
  readonly erased: readonly ErasedRecord[];
}

/** `warnings` are what the content may publish as it is, but should not (a missing translation). */
export type ContentResult = { ok: true; content: SiteContent; warnings: LaurelError[] } | { ok: false; errors: LaurelError[] };

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

function parseWith<S extends z.ZodType>(schema: S, value: unknown, file: string, source: YamlSource, errors: LaurelError[], basePath: FieldPath = []): z.output<S> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  errors.push(...issuesToErrors(result.error.issues, { file, source, schema, value, basePath }));
  return undefined;
}

function syntaxErrors(file: string, source: YamlSource): LaurelError[] {
  return source.syntaxErrors.map(({ code, message, position, expected }) => contentError({ code, file, ...position, field: '', message, expected }));
}

/** An achievement's slug: its file name without .md or .mdx, whatever folder it is in. */
function slugOf(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

function validateIssuer(file: SourceFile | undefined, errors: LaurelError[], unreadable: boolean): Issuer | undefined {
  if (!file) {
    // A file that is there but could not be read has its own error already.
    if (unreadable) return undefined;
    errors.push(contentError({ code: 'missing-file', file: 'content/issuer.yaml', line: 1, column: 1, field: '', message: 'The issuer file is missing.', expected: 'content/issuer.yaml with the name, url, description and email of the issuer' }));
    return undefined;
  }
  const source = parseYamlSource(file.text);
  if (source.syntaxErrors.length) return void errors.push(...syntaxErrors(file.path, source));
  return parseWith(issuerSchema, source.value ?? {}, file.path, source, errors);
}

type Locate = (path: FieldPath) => { file: string; line: number; column: number; field: string };

function validateAchievement(file: SourceFile, errors: LaurelError[], siteLanguage: string, locators: Map<string, Locate>): AchievementRecord | undefined {
  const slug = slugOf(file.path);
  if (!SLUG.test(slug)) {
    errors.push(contentError({ code: 'invalid-file-name', file: file.path, line: 1, column: 1, field: '', message: `"${slug}" cannot be used in a URL.`, expected: 'a file name of lower-case letters, digits and dashes, like web-accessibility.md' }));
    return undefined;
  }
  const parts = splitFrontmatter(file.text);
  if (!parts) {
    errors.push(contentError({ code: 'yaml-syntax', file: file.path, line: 1, column: 1, field: '', message: 'The file has no frontmatter.', expected: 'the achievement fields between two --- lines at the top of the file' }));
    return undefined;
  }
  const source = parseYamlSource(parts.frontmatter, parts.lineOffset);
  if (source.syntaxErrors.length) return void errors.push(...syntaxErrors(file.path, source));
  const data = parseWith(achievementFrontmatterSchema, source.value ?? {}, file.path, source, errors);
  const criteria = parts.body.trim();
  if (criteria.length > TEXT_LIMITS.narrative) {
    const line = file.text.slice(0, file.text.length - parts.body.length).split('\n').length;
    errors.push(contentError({
      code: 'invalid-value', file: file.path, line, column: 1, field: 'criteria',
      message: `(the Markdown after the frontmatter) is ${criteria.length.toLocaleString('en')} characters long: at most ${TEXT_LIMITS.narrative.toLocaleString('en')} characters fit here.`,
      expected: `criteria of at most ${TEXT_LIMITS.narrative.toLocaleString('en')} characters; link to a longer document instead`,
    }));
    return undefined;
  }
  if (!data) return undefined;
  const before = errors.length;
  data.resultDescriptions.forEach((description, index) => {
    for (const problem of descriptionProblems(description)) {
      const path = ['resultDescriptions', index, problem.field];
      errors.push(contentError({ code: 'invalid-value', file: file.path, ...source.locate(path), field: formatPath(path), message: problem.message, expected: problem.expected, received: JSON.stringify(description[problem.field]) }));
    }
  });
  if (errors.length > before) return undefined;
  locators.set(slug, (path) => ({ file: file.path, ...source.locate(path), field: formatPath(path) }));
  const microCredentialAt = data.microCredential && source.locate(['microCredential'], { key: true });
  return { slug, file: file.path, data, badge: data.badge, criteria, language: data.inLanguage ?? siteLanguage, translations: [], ...(microCredentialAt && { microCredentialAt }) };
}

/** An email address in an award file would be published: only its salted hash may be there. */
function findPlainEmails(value: unknown, path: FieldPath = []): FieldPath[] {
  if (typeof value === 'string') return EMAIL_LIKE.test(value) ? [path] : [];
  // An identity of type emailAddress given as a plain value is an email in clear, whatever it looks like.
  if (value && typeof value === 'object' && !Array.isArray(value) && (value as Record<string, unknown>)['type'] === 'emailAddress' && 'value' in value) {
    return [[...path, 'value']];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlainEmails(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      // Evidence links and narratives may mention an address (e.g. a mailto: in a portfolio URL).
      if (key === 'url') return [];
      return findPlainEmails(item, [...path, key]);
    });
  }
  return [];
}

interface AwardDefaults {
  readonly awardedOn?: string | undefined;
  readonly evidence?: readonly Evidence[] | undefined;
  readonly narrative?: string | undefined;
  readonly results?: readonly Result[] | undefined;
  readonly creditsEarned?: number | undefined;
  readonly activityStartDate?: string | undefined;
  readonly activityEndDate?: string | undefined;
  readonly validUntil?: string | undefined;
}

type LiveAwardInput = z.output<typeof batchEntrySchema> & { achievement: string };

interface ParsedAward {
  readonly path: FieldPath;
  readonly line: number;
  readonly value: LiveAwardInput | (z.output<typeof erasedAwardSchema>);
  readonly defaults: AwardDefaults;
}

function parseAwardFile(file: SourceFile, errors: LaurelError[], cache: YamlParseCache | undefined): { source: YamlSource; awards: ParsedAward[] } | undefined {
  const errorsBefore = errors.length;
  const source = cachedYamlSource(file.text, cache);
  if (source.syntaxErrors.length) return void errors.push(...syntaxErrors(file.path, source));
  const value = source.value ?? {};
  for (const path of findPlainEmails(value)) {
    errors.push(contentError({
      code: 'plain-email', file: file.path, ...source.locate(path), field: formatPath(path),
      message: 'contains an email address. Email addresses are never committed: only their salted hash is.',
      expected: 'recipient.identity with type emailAddress, hash and salt, as `npm run award` and `npm run import` write it',
      received: 'an email address (not repeated here)',
    }));
  }
  const awards: ParsedAward[] = [];
  const lineOf = (path: FieldPath) => source.locate(path).line;
  if (value && typeof value === 'object' && 'awards' in value) {
    const batch = parseWith(batchSchema, value, file.path, source, errors);
    if (!batch) return { source, awards };
    const defaults: AwardDefaults = batch;
    batch.awards.forEach((entry, index) => {
      const path = ['awards', index];
      const isErased = 'erased' in entry;
      const parsed = isErased
        ? parseWith(erasedAwardSchema, { achievement: batch.achievement, ...entry }, file.path, source, errors, path)
        : parseWith(batchEntrySchema, entry, file.path, source, errors, path);
      if (!parsed) return;
      if (!isErased && parsed && !('erased' in parsed) && parsed.awardedOn === undefined && batch.awardedOn === undefined) {
        errors.push(contentError({ code: 'missing-field', file: file.path, ...source.locate(path), field: formatPath([...path, 'awardedOn']), message: 'is required but missing (set it on the award or on the batch).', expected: 'a date like 2026-03-14' }));
        return;
      }
      awards.push({ path, line: lineOf(path), value: { ...parsed, achievement: batch.achievement } as ParsedAward['value'], defaults });
    });
  } else {
    const isErased = value && typeof value === 'object' && 'erased' in value;
    const parsed = isErased ? parseWith(erasedAwardSchema, value, file.path, source, errors) : parseWith(singleAwardSchema, value, file.path, source, errors);
    if (parsed) awards.push({ path: [], line: 1, value: parsed as ParsedAward['value'], defaults: {} });
  }
  // Only a file that is valid by itself is remembered: one with errors is parsed again until fixed.
  if (errors.length === errorsBefore) source.remember();
  return { source, awards };
}

function resolveValidUntil(award: { validUntil?: string | undefined }, defaults: AwardDefaults, awardedOn: string, achievement: AchievementRecord | undefined): string | undefined {
  const override = award.validUntil ?? defaults.validUntil;
  if (override === 'never') return undefined;
  if (override !== undefined) return toDateTimeStamp(override);
  return achievement?.data.validFor ? addIsoDuration(awardedOn, achievement.data.validFor) : undefined;
}

export interface ValidateOptions {
  /** Award files parsed before, by their text (src/issue/content-cache.ts). */
  readonly yamlCache?: YamlParseCache | undefined;
}

export function validateContent(files: ContentFiles, options: ValidateOptions = {}): ContentResult {
  const unreadable = files.unreadable ?? [];
  const errors: LaurelError[] = [...unreadable];
  // The issuer file, or content/ itself, could not be read: it is not also reported missing.
  const issuer = validateIssuer(files.issuer, errors, unreadable.some((error) => error.file === 'content/issuer.yaml' || error.file === 'content'));
  const achievements = new Map<string, AchievementRecord>();
  // Achievements whose file exists but is invalid or unreadable: their awards are not also reported as unknown.
  const invalidAchievements = new Set(unreadable.filter((error) => error.file?.startsWith('content/achievements/')).map((error) => slugOf(error.file!)));
  // The first file of each slug, in path order: a second one would silently replace its page.
  const slugFiles = new Map<string, string>();
  const locators = new Map<string, Locate>();
  // An achievement's own files first: its translations are checked against it.
  const translationFiles = files.achievements.filter((file) => translationFileName(file.path));
  for (const file of files.achievements) {
    if (translationFileName(file.path)) continue;
    const slug = slugOf(file.path);
    const first = slugFiles.get(slug);
    if (first === undefined) slugFiles.set(slug, file.path);
    else {
      errors.push(contentError({
        code: 'duplicate-achievement', file: file.path, line: 1, column: 1, field: '',
        message: `makes the achievement "${slug}", as ${first} does already: both would be published at the same address.`,
        expected: `one file named ${slug}.md or ${slug}.mdx in content/achievements/ and its folders: rename or remove one of ${first} and ${file.path}`,
      }));
    }
    const record = validateAchievement(file, errors, issuer?.language ?? 'en', locators);
    if (first !== undefined) continue;
    if (record) achievements.set(record.slug, record);
    else invalidAchievements.add(slug);
  }
  const translations = new Map<string, AchievementTranslation[]>();
  for (const file of translationFiles) {
    const { slug } = translationFileName(file.path)!;
    const record = achievements.get(slug);
    // An achievement whose own file is invalid has its error already; its translations wait for it.
    if (!record && invalidAchievements.has(slug)) continue;
    const base = record && { slug, file: record.file, language: record.language, resultIds: record.data.resultDescriptions.map((description) => description.id), programme: record.data.programme, microCredential: record.data.microCredential };
    const translation = validateTranslation(file, base, issuer?.languages, errors);
    if (!translation) continue;
    const earlier = translations.get(slug)?.find((other) => other.language === translation.language);
    if (earlier) {
      errors.push(contentError({ code: 'duplicate-achievement', file: file.path, line: 1, column: 1, field: '', message: `translates "${slug}" into ${translation.language}, as ${earlier.file} does already.`, expected: `one translation per language: remove one of ${earlier.file} and ${file.path}` }));
      continue;
    }
    translations.set(slug, [...(translations.get(slug) ?? []), translation]);
  }
  for (const [slug, list] of translations) {
    const order = (language: string) => issuer!.languages.indexOf(language);
    achievements.set(slug, { ...achievements.get(slug)!, translations: list.sort((a, b) => order(a.language) - order(b.language)) });
  }
  const slugs = [...achievements.keys()];
  checkRequirements(achievements, invalidAchievements, locators, errors);
  const awards: AwardRecord[] = [];
  // Where each stacked award writes its blocks, to check them once every award is known.
  const blockLists = new Map<AwardRecord, Locate>();
  const portfolioAt = new Map<AwardRecord, ReturnType<Locate>>();
  const erased: ErasedRecord[] = [];
  const seenIds = new Map<string, Origin>();
  const seenIndices = new Map<number, Origin>();

  for (const file of files.awards) {
    const parsedFile = parseAwardFile(file, errors, options.yamlCache);
    if (!parsedFile) continue;
    const { source } = parsedFile;
    for (const { path, line, value, defaults } of parsedFile.awards) {
      const origin: Origin = { file: file.path, line };
      const at = (field: string) => ({ file: file.path, ...source.locate(field === 'achievement' && path.length ? ['achievement'] : [...path, field]), field: formatPath(field === 'achievement' && path.length ? ['achievement'] : [...path, field]) });
      const achievement = achievements.get(value.achievement);
      if (!achievement && !invalidAchievements.has(value.achievement)) {
        const hint = closest(value.achievement, slugs);
        errors.push(contentError({ ...at('achievement'), code: 'unknown-achievement', message: `"${value.achievement}" is not an achievement.${hint ? ` Did you mean "${hint}"?` : ''}`, expected: slugs.length ? `one of ${slugs.join(', ')}` : 'the file name of an achievement in content/achievements/', received: JSON.stringify(value.achievement) }));
      } else if (achievement?.data.draft && !('erased' in value)) {
        errors.push(contentError({ ...at('achievement'), code: 'draft-achievement', message: `"${value.achievement}" is a draft and cannot be awarded yet.`, expected: 'an achievement without draft: true' }));
      }
      const firstId = seenIds.get(value.id);
      if (firstId) errors.push(contentError({ ...at('id'), code: 'duplicate-award-id', message: `"${value.id}" is already the id of the award at ${firstId.file}:${firstId.line}.`, expected: 'an id no other award has (npm run award makes one)', received: JSON.stringify(value.id) }));
      else seenIds.set(value.id, origin);
      const firstIndex = seenIndices.get(value.statusIndex);
      if (firstIndex) errors.push(contentError({ ...at('statusIndex'), code: 'duplicate-status-index', message: `${value.statusIndex} is already the status index of the award at ${firstIndex.file}:${firstIndex.line}.`, expected: 'an index no other award has (npm run award picks a free one)', received: String(value.statusIndex) }));
      else seenIndices.set(value.statusIndex, origin);

      if ('erased' in value) {
        erased.push({
          kind: 'erased', id: value.id, achievement: value.achievement, statusIndex: value.statusIndex, origin,
          erasedOn: toDateTimeStamp(value.erased.on),
          revokedOn: value.revoked && toDateTimeStamp(value.revoked.on),
          suspendedOn: value.suspended && toDateTimeStamp(value.suspended.on),
        });
        continue;
      }
      const awardedOn = toDateTimeStamp((value.awardedOn ?? defaults.awardedOn)!);
      const results = value.results ?? defaults.results ?? [];
      // Results a batch gives all its awards are reported where the batch writes them.
      const resultsPath = value.results ? [...path, 'results'] : ['results'];
      const known = new Map(achievement?.data.resultDescriptions.map((description) => [description.id, description]));
      results.forEach((result, index) => {
        if (result.resultDescription === undefined || !achievement) return;
        const description = known.get(result.resultDescription);
        if (!description) {
          errors.push(contentError({ ...at(`results`), field: formatPath([...path, 'results', index, 'resultDescription']), code: 'unknown-result', message: `"${result.resultDescription}" is not one of the resultDescriptions of ${achievement.slug}.`, expected: known.size ? `one of ${[...known.keys()].join(', ')}` : `a resultDescriptions entry in ${achievement.file}` }));
          return;
        }
        const problem = resultProblem(result, description);
        if (!problem) return;
        const field = [...resultsPath, index, problem.field];
        errors.push(contentError({ code: 'invalid-result', file: file.path, ...source.locate(field), field: formatPath(field), message: problem.message, expected: problem.expected, received: result[problem.field] === undefined ? undefined : JSON.stringify(result[problem.field]) }));
      });
      // OB 3.0 creditsEarned against the achievement's creditsAvailable: no award earns more than it offers.
      const creditsEarned = value.creditsEarned ?? defaults.creditsEarned;
      const creditsAvailable = achievement?.data.creditsAvailable;
      if (creditsEarned !== undefined && creditsAvailable !== undefined && creditsEarned > creditsAvailable) {
        errors.push(contentError({ ...(value.creditsEarned === undefined ? { file: file.path, ...source.locate(['creditsEarned']), field: 'creditsEarned' } : at('creditsEarned')), code: 'invalid-value', message: `is more than the ${creditsAvailable} credits ${achievement!.slug} is worth (its creditsAvailable).`, expected: `a number of at most ${creditsAvailable}`, received: String(creditsEarned) }));
      }
      const activityStartDate = value.activityStartDate ?? defaults.activityStartDate;
      const activityEndDate = value.activityEndDate ?? defaults.activityEndDate;
      if (activityStartDate && activityEndDate && toDateTimeStamp(activityStartDate) > toDateTimeStamp(activityEndDate)) {
        errors.push(contentError({ ...at('activityEndDate'), code: 'invalid-date', message: 'is before activityStartDate.', expected: `a date on or after ${activityStartDate}`, received: activityEndDate }));
      }
      // A revocation or suspension records when it happened: not before the award it withdraws.
      for (const field of ['revoked', 'suspended'] as const) {
        const change = value[field];
        if (change && toDateTimeStamp(change.on) < awardedOn) {
          errors.push(contentError({ ...at(field), field: formatPath([...path, field, 'on']), code: 'invalid-date', message: `is before the award date (${awardedOn.slice(0, 10)}).`, expected: `a date on or after ${awardedOn.slice(0, 10)}`, received: String(change.on) }));
        }
      }
      const validUntil = resolveValidUntil(value, defaults, awardedOn, achievement);
      if (validUntil !== undefined && validUntil <= awardedOn) {
        errors.push(contentError({ ...at('validUntil'), code: 'invalid-date', message: 'is not after the award date.', expected: `a date after ${awardedOn.slice(0, 10)}`, received: validUntil.slice(0, 10) }));
      }
      const record: AwardRecord = {
        kind: 'live', id: value.id, achievement: value.achievement, statusIndex: value.statusIndex, origin,
        recipient: value.recipient, learner: value.learner, awardedOn, validUntil,
        evidence: value.evidence ?? defaults.evidence ?? [],
        blocks: value.blocks ?? [],
        portfolio: value.portfolio,
        narrative: value.narrative ?? defaults.narrative,
        results,
        creditsEarned,
        activityStartDate: activityStartDate && toDateTimeStamp(activityStartDate),
        activityEndDate: activityEndDate && toDateTimeStamp(activityEndDate),
        revoked: value.revoked, suspended: value.suspended,
        // The issuer is checked first; without it the content has an error already.
        listed: issuer ? isListed(value, issuer) : false,
      };
      awards.push(record);
      if (value.portfolio) portfolioAt.set(record, at('portfolio'));
      if (value.blocks) blockLists.set(record, (field) => ({ file: file.path, ...source.locate([...path, 'blocks', ...field]), field: formatPath([...path, 'blocks', ...field]) }));
    }
  }
  const stackWarnings = checkBlocks(blockLists, awards, erased, achievements, errors);
  errors.push(...portfolioProblems(awards, (award) => portfolioAt.get(award)!));
  if (errors.length || !issuer) return { ok: false, errors: sortErrors(errors) };
  awards.sort((a, b) => a.awardedOn.localeCompare(b.awardedOn) || a.id.localeCompare(b.id));
  erased.sort((a, b) => a.id.localeCompare(b.id));
  const bases = [...achievements.values()].map((record) => ({ ...record, draft: record.data.draft, resultIds: [], programme: record.data.programme }));
  const microCredentials = missingAnnexIElements(annexIReports(achievements.values(), issuer), parseYamlSource(files.issuer!.text).locate(['address', 'addressCountry'], { key: true }));
  // issuer.yaml's microCredentialElements: error refuses what is otherwise a warning.
  if (issuer.microCredentialElements === 'error' && microCredentials.length) return { ok: false, errors: sortErrors(microCredentials) };
  const warnings = [...missingTranslations(bases, issuer.languages), ...untranslatedBadgeWords(bases), ...stackWarnings, ...dueStackWarnings({ achievements, awards }), ...microCredentials];
  return { ok: true, content: { issuer, achievements, awards, erased }, warnings };
}

/**
 * An achievement's `requires` names other achievements, each once, never itself, and no stack
 * requires itself through others (a cycle could never be earned).
 */
function checkRequirements(achievements: ReadonlyMap<string, AchievementRecord>, invalid: ReadonlySet<string>, locators: ReadonlyMap<string, Locate>, errors: LaurelError[]): void {
  const slugs = [...achievements.keys()];
  for (const record of achievements.values()) {
    const requires = record.data.requires;
    if (!requires) continue;
    const at = locators.get(record.slug)!;
    requires.achievements.forEach((slug, index) => {
      const where = at(['requires', 'achievements', index]);
      if (slug === record.slug) errors.push(contentError({ ...where, code: 'invalid-value', message: `is ${record.slug} itself: an achievement cannot be one of its own blocks.`, expected: 'the file names of other achievements', received: JSON.stringify(slug) }));
      else if (requires.achievements.indexOf(slug) < index) errors.push(contentError({ ...where, code: 'invalid-value', message: `names ${slug} a second time.`, expected: 'each block once', received: JSON.stringify(slug) }));
      else if (!achievements.has(slug) && !invalid.has(slug)) {
        const hint = closest(slug, slugs);
        errors.push(contentError({ ...where, code: 'unknown-achievement', message: `"${slug}" is not an achievement.${hint ? ` Did you mean "${hint}"?` : ''}`, expected: `one of ${slugs.filter((other) => other !== record.slug).join(', ')}`, received: JSON.stringify(slug) }));
      }
    });
    if (requires.count !== undefined && requires.count > requires.achievements.length) {
      errors.push(contentError({ ...at(['requires', 'count']), code: 'invalid-value', message: `is ${requires.count}, but only ${requires.achievements.length} blocks are listed.`, expected: `a whole number from 1 to ${requires.achievements.length}`, received: String(requires.count) }));
    }
    const cycle = requirementCycle(record.slug, achievements);
    if (cycle) errors.push(contentError({ ...at(['requires', 'achievements']), code: 'invalid-value', message: `make a cycle: ${cycle.join(' requires ')}. A stack that needs itself can never be earned.`, expected: 'blocks that do not require this achievement, directly or through other stacks' }));
  }
}

/** The path from a stack back to itself through the `requires` of others, if there is one. */
function requirementCycle(start: string, achievements: ReadonlyMap<string, AchievementRecord>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (slug: string, path: string[]): string[] | undefined => {
    for (const next of achievements.get(slug)?.data.requires?.achievements ?? []) {
      if (next === start && slug !== start) return [...path, next];
      if (next === slug || seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

/**
 * Each stacked award's `blocks` are awards of this learner that make up the stack it awards:
 * an error where they do not (the record is wrong). A block revoked or suspended since, or
 * erased, leaves the stacked award standing but is a warning: the issuer decides, and
 * `npm run revoke` and `suspend` of a block do the same to the stacked awards it supports.
 */
function checkBlocks(lists: ReadonlyMap<AwardRecord, Locate>, awards: readonly AwardRecord[], erased: readonly ErasedRecord[], achievements: ReadonlyMap<string, AchievementRecord>, errors: LaurelError[]): LaurelError[] {
  const warnings: LaurelError[] = [];
  const live = new Map(awards.map((award) => [award.id, award]));
  const erasedIds = new Set(erased.map((award) => award.id));
  for (const [award, at] of lists) {
    const achievement = achievements.get(award.achievement);
    if (!achievement) continue;
    const rule = stackRule(achievement);
    if (!rule) {
      errors.push(contentError({ ...at([]), code: 'invalid-stack', message: `are given, but ${award.achievement} stacks no blocks (it has no requires).`, expected: `no blocks, or a requires list in ${achievement.file}` }));
      continue;
    }
    const unknown = award.blocks.findIndex((id) => !live.has(id) && !erasedIds.has(id));
    if (unknown >= 0) {
      errors.push(contentError({ ...at([unknown]), code: 'unknown-award', message: `"${award.blocks[unknown]}" is not the id of an award in content/awards/.`, expected: "the id of one of this learner's awards of a block", received: JSON.stringify(award.blocks[unknown]) }));
      continue;
    }
    const gone = award.blocks.filter((id) => erasedIds.has(id));
    const problem = gone.length ? undefined : blocksProblem(award, rule, award.blocks.map((id) => live.get(id)!));
    if (problem) {
      errors.push(contentError({ ...at([]), code: 'invalid-stack', message: problem, expected: `the ids of one learner's awards of ${rule.count === rule.achievements.length ? 'all' : rule.count} of ${rule.achievements.join(', ')}, as npm run stack writes them` }));
      continue;
    }
    const withdrawn = [...withdrawnBlocks(award, live).map((block) => `${block.id} (${block.achievement}) is ${block.revoked ? 'revoked' : 'suspended'}`), ...(award.revoked || award.suspended ? [] : gone.map((id) => `${id} was erased`))];
    if (!withdrawn.length) continue;
    warnings.push(contentError({
      ...at([]), code: 'stack-unsupported',
      message: `rest on withdrawn blocks: ${withdrawn.join('; ')}. The stacked award ${award.id} is still in force.`,
      expected: `npm run revoke -- ${award.id} --reason "…" (or suspend), if it should not stand without them`,
    }));
  }
  return warnings;
}

/** A learner who holds every block of a stack and has no award of it yet: `npm run stack` writes it. */
function dueStackWarnings(content: Pick<SiteContent, 'achievements' | 'awards'>): LaurelError[] {
  return dueStacks(content).map((due) => {
    const last = due.blocks.reduce((a, b) => (a.awardedOn >= b.awardedOn ? a : b));
    return contentError({
      file: last.origin.file, line: last.origin.line, column: 1, field: '', code: 'stack-due',
      message: `The learner of ${due.blocks.map((block) => block.id).join(', ')} holds the blocks of ${due.achievement} since ${due.awardedOn.slice(0, 10)}, and has no award of it yet.`,
      expected: 'npm run stack, which writes the stacked award',
    });
  });
}
