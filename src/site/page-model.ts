/**
 * What the pages show, computed from the signed site: a credential's status in words, the
 * catalogue, earners, skills, the certificate's facts and its download links. Pure: the time is
 * passed in, so the pages stay thin and every sentence here is tested.
 */
import { resolveBadgeDesign } from '../content/badge-design.ts';
import { publishedReason } from '../content/privacy.ts';
import type { Evidence } from '../content/schemas/award.ts';
import type { AchievementRecord, AwardRecord } from '../content/validate.ts';
import { NUMERIC_RESULT_TYPES, isDecimal, type ResultDescription } from '../content/results.ts';
import { formatDate, formatDuration, type DurationUnit } from '../core/locale/dates.ts';
import { en } from '../core/locale/en.ts';
import type { Messages } from '../core/locale/messages.ts';
import type { PageUrls } from '../issue/urls.ts';
import { siteLanguages, type PageLanguage } from './page-language.ts';
import { achievementWords, badgeLanguage, langFor, type AchievementText, type LanguageText } from './achievement-words.ts';
import { linkedInAddToProfileUrl, linkedInShareUrl } from './linkedin.ts';
import type { SignedAward, SignedSite } from '../issue/signed-site.ts';
import { earnedWith, stackProgress, type BlockLine, type StackProgress } from './stack-view.ts';
import { portfolioPageOf } from './portfolio-links.ts';

// --- dates -------------------------------------------------------------------------------------

/** `YYYY-MM-DD` of a dateTimeStamp or date, in UTC (as the credential states it). */
export function isoDay(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** "14 March 2026", "14 mars 2026": the same words on the page, the share card and the PDF. */
export function humanDate(dateTime: string, language = 'en'): string {
  return formatDate(isoDay(dateTime), language);
}

// --- status ------------------------------------------------------------------------------------

export type CredentialState = 'valid' | 'expired' | 'revoked' | 'suspended' | 'not-yet-valid';

export interface CredentialStatus {
  readonly state: CredentialState;
  /** One or two words for the badge-like label: "Valid", "Revoked". */
  readonly label: string;
  /** A full sentence, for the page and for screen readers. */
  readonly sentence: string;
  /** Why it was revoked or suspended, as the issuer wrote it: only when the award publishes it. */
  readonly reason?: string | undefined;
  /** True while the holder may show it off: the share actions are offered only then. */
  readonly good: boolean;
}

type StatusFields = Pick<AwardRecord, 'awardedOn' | 'validUntil' | 'revoked' | 'suspended'>;

/**
 * The status of an award at `now`, the same way a verifier decides it: revocation first (it is
 * final), then suspension, then the validity period.
 */
export function credentialStatus(record: StatusFields, now: Date, messages: Messages = en): CredentialStatus {
  const words = messages.statusLabel;
  const date = (dateTime: string) => humanDate(dateTime, messages.language);
  const at = now.toISOString().replace(/\.\d+Z$/, 'Z');
  if (record.revoked) {
    return { state: 'revoked', label: words.revoked, sentence: messages.revokedSentence(date(record.revoked.on)), reason: publishedReason(record.revoked), good: false };
  }
  if (record.suspended) {
    return { state: 'suspended', label: words.suspended, sentence: messages.suspendedSentence(date(record.suspended.on)), reason: publishedReason(record.suspended), good: false };
  }
  if (at < record.awardedOn) {
    return { state: 'not-yet-valid', label: words['not-yet-valid'], sentence: messages.notYetValidSentence(date(record.awardedOn)), good: false };
  }
  if (record.validUntil !== undefined && at >= record.validUntil) {
    return { state: 'expired', label: words.expired, sentence: messages.expiredSentence(date(record.validUntil)), good: false };
  }
  return {
    state: 'valid',
    label: words.valid,
    sentence: record.validUntil === undefined ? messages.validForeverSentence : messages.validUntilSentence(date(record.validUntil)),
    good: true,
  };
}

/** A revoked or suspended change counts from its date; only those are kept out of lists of earners. */
export function isWithdrawn(record: Pick<AwardRecord, 'revoked' | 'suspended'>): boolean {
  return record.revoked !== undefined || record.suspended !== undefined;
}

// --- achievements ------------------------------------------------------------------------------

/** "MicroCredential" → "Micro-credential", "CertificateOfCompletion" → "Certificate of completion". */
export function achievementTypeLabel(type: string, messages: Messages = en): string {
  const known = messages.achievementTypes[type];
  if (known !== undefined) return known;
  const name = type.startsWith('ext:') ? type.slice(4) : type;
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s._-]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word : word.toLowerCase())).join(' ');
}

/** "P2Y" → "2 years", "P1Y6M" → "1 year and 6 months"; undefined → undefined (never expires). */
export function durationInWords(duration: string | undefined, language = 'en'): string | undefined {
  if (duration === undefined) return undefined;
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duration);
  if (!match) return duration;
  const parts = (['year', 'month', 'day'] as const satisfies readonly DurationUnit[])
    .map((unit, i) => [Number(match[i + 1] ?? 0), unit] as const)
    .filter(([count]) => count > 0);
  return parts.length === 0 ? undefined : formatDuration(parts, language);
}

/** The validity period of an achievement, as a sentence. */
export function validityInWords(duration: string | undefined, messages: Messages = en): string {
  const words = durationInWords(duration, messages.language);
  return words === undefined ? messages.doesNotExpire : messages.validFor(words);
}

export interface Skill {
  readonly name: string;
  readonly url: string;
  readonly framework?: string | undefined;
  readonly code?: string | undefined;
  readonly description?: string | undefined;
}

/** The skills an achievement certifies: its alignments to public frameworks. */
export function skillsOf(record: AchievementRecord): Skill[] {
  return record.data.alignments.map((alignment) => ({
    name: alignment.targetName,
    url: alignment.targetUrl,
    framework: alignment.targetFramework,
    code: alignment.targetCode,
    description: alignment.targetDescription,
  }));
}

/** What the search's "skill" filter offers for an achievement: its skills, then its keywords. */
export function skillFilterValues(record: AchievementRecord): string[] {
  const seen = new Set<string>();
  return [...record.data.alignments.map((alignment) => alignment.targetName), ...record.data.tags].filter((value) => {
    const key = value.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Awards of an achievement that count as earned: revoked ones do not. Unlisted ones do (a number names nobody). */
export function earnerCount(site: SignedSite, slug: string): number {
  return site.awards.filter(({ record }) => record.achievement === slug && !record.revoked).length;
}

export interface Earner {
  readonly name: string;
  readonly awardedOn: string;
  readonly pagePath: string;
}

/** The most recent earners who agreed to be listed, newest first; never withdrawn awards. */
export function recentEarners(site: SignedSite, slug: string, limit = 8, language: PageLanguage = defaultLanguage(site)): Earner[] {
  return site.awards
    .filter(({ record }) => record.achievement === slug && record.listed && !isWithdrawn(record))
    .toSorted((a, b) => (a.record.awardedOn === b.record.awardedOn ? a.record.id.localeCompare(b.record.id) : a.record.awardedOn < b.record.awardedOn ? 1 : -1))
    .slice(0, limit)
    .map(({ record }) => ({ name: record.recipient.name, awardedOn: record.awardedOn, pagePath: sitePath(language.pages.credentialPage(record.id)) }));
}

export interface CatalogueEntry {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** The `lang` of the name and of the description where they fall back to another language than the page's. */
  readonly nameLang: string | undefined;
  readonly descriptionLang: string | undefined;
  readonly type: string;
  readonly skills: readonly string[];
  readonly earners: number;
  readonly pagePath: string;
  readonly badgePath: string;
}

export interface CatalogueGroup {
  /** The programme's name, or undefined for achievements outside any programme. */
  readonly programme: string | undefined;
  /** The `lang` its name needs on the page: set when it is in another language than the page. */
  readonly programmeLang?: string | undefined;
  readonly programmeUrl?: string | undefined;
  readonly entries: readonly CatalogueEntry[];
}

/** Published achievements by programme (programmes first, in order of appearance), then the rest. */
export function catalogue(site: SignedSite, language: PageLanguage = defaultLanguage(site)): CatalogueGroup[] {
  const { messages } = language;
  // Grouped by the programme's name in the achievements' own files; titled in the page's language,
  // as the first of its achievements translates it.
  const groups = new Map<string, { title: LanguageText; programmeUrl: string | undefined; entries: Array<CatalogueEntry & { part: string | undefined }> }>();
  const others: CatalogueEntry[] = [];
  for (const slug of site.achievements.keys()) {
    const record = site.content.achievements.get(slug)!;
    const words = achievementWords(record, language);
    const entry: CatalogueEntry = {
      slug,
      name: words.name.text,
      description: words.description.text,
      nameLang: langFor(words.name, language),
      descriptionLang: langFor(words.description, language),
      type: achievementTypeLabel(record.data.achievementType, messages),
      skills: skillFilterValues(record),
      earners: earnerCount(site, slug),
      pagePath: sitePath(language.pages.achievementPage(slug)),
      badgePath: sitePath(site.urls.achievementSmallBadge(slug)),
    };
    const programme = record.data.programme;
    if (!programme) {
      others.push(entry);
      continue;
    }
    const group = groups.get(programme.name) ?? { title: words.programme!.name, programmeUrl: programme.url, entries: [] };
    group.entries.push({ ...entry, part: programme.part });
    groups.set(programme.name, group);
  }
  return [
    ...[...groups.values()].map((group) => ({
      programme: group.title.text,
      programmeLang: langFor(group.title, language),
      programmeUrl: group.programmeUrl,
      // In the programme's own order ("Block 1 of 4", "Block 2 of 4", …), parts before the rest.
      entries: group.entries
        .toSorted((a, b) => (a.part === undefined ? 1 : b.part === undefined ? -1 : a.part.localeCompare(b.part, 'en', { numeric: true })))
        .map(({ part: _part, ...entry }) => entry),
    })),
    ...(others.length ? [{ programme: undefined, entries: others }] : []),
  ];
}

/** The site's default language: what a page model is in unless it is given another. */
const defaultLanguage = (site: SignedSite): PageLanguage => siteLanguages(site)[0]!;

// --- URLs --------------------------------------------------------------------------------------

/** The path of a site URL (base included), for links that must also work on a preview server. */
export function sitePath(url: string): string {
  return new URL(url).pathname;
}

export interface CertificateUrls {
  readonly page: string;
  readonly json: string;
  /** The 1200×630 Open Graph image: the achievement's, or the award's own (issuer.yaml `shareCards`). */
  readonly shareCard: string;
}

/** The link-preview image of an award's page, as issuer.yaml's `shareCards` chooses. */
export function shareCardUrl(site: Pick<SignedSite, 'content' | 'urls'>, award: Pick<SignedAward, 'record'>): string {
  const { record } = award;
  return site.content.issuer.shareCards === 'personal' ? site.urls.credentialShareCard(record.id) : site.urls.achievementShareCard(record.achievement);
}

/** Every public file of one award: its page and its signed JSON (and, if personal, its share card). */
export function certificateUrls(site: Pick<SignedSite, 'content' | 'urls'>, award: Pick<SignedAward, 'record'>, pages: Pick<PageUrls, 'credentialPage'> = site.urls): CertificateUrls {
  return {
    page: pages.credentialPage(award.record.id),
    json: site.urls.credentialJson(award.record.id),
    shareCard: shareCardUrl(site, award),
  };
}

// --- the certificate ---------------------------------------------------------------------------

export interface ResultLine {
  readonly name: string;
  /** The name's `lang` where it is the achievement's own, in another language than the page's. */
  readonly nameLang?: string | undefined;
  readonly value: string;
}

/**
 * What the certificate page needs, besides its hosted JSON, to make the baked badges and the PDF
 * in the learner's browser: the achievement's badge, and the PDF's accent colour (the badge's).
 */
export interface CertificateDownloads {
  readonly badgePng: string;
  readonly badgeSvg: string;
  readonly accentColor: string;
}

export interface CertificateView {
  readonly id: string;
  /** The language of the page, as issuer.yaml writes its tag, and its pages' folder ('' for the default). */
  readonly language: string;
  readonly folder: string;
  readonly learnerName: string;
  readonly achievement: AchievementRecord;
  /** The achievement's words in the page's language, or its own where it has no translation (./achievement-words.ts). */
  readonly words: AchievementText;
  readonly achievementType: string;
  readonly issuerName: string;
  /** The issuer's own website, else the badge site. */
  readonly issuerUrl: string;
  readonly awardedOn: string;
  readonly validUntil: string | undefined;
  readonly status: CredentialStatus;
  readonly skills: readonly Skill[];
  readonly keywords: readonly string[];
  readonly evidence: readonly Evidence[];
  readonly results: readonly ResultLine[];
  readonly narrative: string | undefined;
  readonly creditsEarned: number | undefined;
  readonly activity: string | undefined;
  readonly urls: CertificateUrls;
  /** The achievement's page and its badge (the unbaked SVG, shared by every award of it). */
  readonly achievementPage: string;
  readonly badgeImage: string;
  /** What the page's download buttons make in the browser from the hosted JSON. */
  readonly downloads: CertificateDownloads;
  /** LinkedIn's "Add to profile" link, and its "share in a post" link. */
  readonly linkedIn: string;
  readonly linkedInShare: string;
  /** In search, catalogue and search engines: listed and not withdrawn. */
  readonly listed: boolean;
  /** For a block: each stack it is part of, and how far the learner is towards it (./stack-view.ts). */
  readonly stacks: readonly StackProgress[];
  /** For a stacked award: the blocks it was earned with. */
  readonly earnedWith: readonly BlockLine[];
  /** The learner's portfolio page, where they asked for one (./portfolio-view.ts). */
  readonly portfolio: string | undefined;
}

/**
 * A result's value the way the site's language writes numbers (issuer.yaml `language`): "91 %" in
 * French, "91%" in English, "3,7" for a French GPA. The credential keeps the value as written
 * (OB 3.0 Result.value, "91"); only its display changes. A value that is not a number of a number
 * type (which the validation refuses) or of a text type is shown as written.
 */
export function resultValueText(value: string, description: ResultDescription | undefined, language: string): string {
  if (!description || !NUMERIC_RESULT_TYPES.has(description.resultType) || !isDecimal(value)) return value;
  const decimals = value.split('.')[1]?.length ?? 0;
  // Intl.NumberFormat's unit "percent" (ECMA-402 §15, sanctioned units) puts the sign where the
  // language does, without the rounding of the division that style "percent" would take.
  const percent = description.resultType === 'Percent';
  const parts = new Intl.NumberFormat(language, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, ...(percent ? { style: 'unit', unit: 'percent' } : {}) }).formatToParts(Number(value));
  // Where a language spaces the sign, the space is a narrow no-break one, as French typography
  // wants it (Lexique des règles typographiques en usage à l'Imprimerie nationale); CLDR's data,
  // which Intl follows, has a full no-break space (U+00A0) there.
  return parts.map((part) => (part.type === 'literal' && percent && /^\s$/.test(part.value) ? '\u202F' : part.value)).join('');
}

function resultLines(award: AwardRecord, achievement: AchievementRecord, language: string, messages: Messages, words: AchievementText): ResultLine[] {
  const descriptions = new Map(achievement.data.resultDescriptions.map((description) => [description.id, description]));
  return award.results.map((result, index) => {
    const description = result.resultDescription === undefined ? undefined : descriptions.get(result.resultDescription);
    const translated = description && words.resultName(description.id);
    const name = translated?.text ?? messages.result(award.results.length > 1 ? index + 1 : undefined);
    // "out of 100" says nothing a percent sign does not.
    const outOf = description?.valueMax !== undefined && description.resultType !== 'Percent' && result.value !== undefined ? messages.outOf(resultValueText(description.valueMax, description, language)) : '';
    const parts = [result.value === undefined ? undefined : `${resultValueText(result.value, description, language)}${outOf}`, result.achievedLevel, result.status === undefined ? undefined : (messages.resultStatuses[result.status] ?? result.status)];
    return { name, nameLang: translated && langFor(translated, { tag: language }), value: parts.filter((part) => part !== undefined).join(', ') || '—' };
  });
}

function activityInWords(award: AwardRecord, messages: Messages): string | undefined {
  const { activityStartDate: start, activityEndDate: end } = award;
  const date = (dateTime: string) => humanDate(dateTime, messages.language);
  if (start && end) return messages.activityBetween(date(start), date(end));
  if (start) return messages.activityFrom(date(start));
  if (end) return messages.activityUntil(date(end));
  return undefined;
}

/**
 * What a certificate view takes from its achievement alone, worked out once per achievement
 * rather than for each of its (possibly tens of thousands of) awards: the badge design's colour
 * takes contrast computations.
 */
const achievementParts = new WeakMap<AchievementRecord, Map<Messages, AchievementParts>>();
interface AchievementParts {
  readonly skills: Skill[];
  readonly accentColor: string;
  readonly type: string;
  readonly words: AchievementText;
}
function partsOf(achievement: AchievementRecord, messages: Messages, language: PageLanguage): AchievementParts {
  let inLanguages = achievementParts.get(achievement);
  if (!inLanguages) achievementParts.set(achievement, (inLanguages = new Map()));
  let parts = inLanguages.get(messages);
  if (!parts) {
    parts = {
      skills: skillsOf(achievement),
      accentColor: resolveBadgeDesign(achievement.badge, { slug: achievement.slug, name: achievement.data.name }).primaryColor,
      type: achievementTypeLabel(achievement.data.achievementType, messages),
      words: achievementWords(achievement, language),
    };
    inLanguages.set(messages, parts);
  }
  return parts;
}

/** An award's certificate page as of `now`, in one of the site's languages (the default unless given). */
export function certificateView(site: SignedSite, award: SignedAward, now: Date, language: PageLanguage = defaultLanguage(site)): CertificateView {
  const { record } = award;
  const achievement = site.content.achievements.get(record.achievement)!;
  const issuer = site.content.issuer;
  const urls = certificateUrls(site, award, language.pages);
  const { messages } = language;
  const status = credentialStatus(record, now, messages);
  // A site has one language per catalog (fr-CA and fr are one folder), so its messages key its words too.
  const parts = partsOf(achievement, messages, language);
  return {
    id: record.id,
    language: language.tag,
    folder: language.folder,
    learnerName: record.recipient.name,
    achievement,
    words: parts.words,
    achievementType: parts.type,
    issuerName: issuer.name,
    issuerUrl: issuer.homepage ?? issuer.url,
    awardedOn: record.awardedOn,
    validUntil: record.validUntil,
    status,
    skills: parts.skills,
    keywords: achievement.data.tags,
    evidence: record.evidence,
    results: resultLines(record, achievement, language.tag, messages, parts.words),
    narrative: record.narrative,
    creditsEarned: record.creditsEarned,
    activity: activityInWords(record, messages),
    urls,
    achievementPage: language.pages.achievementPage(achievement.slug),
    badgeImage: site.urls.achievementImage(achievement.slug, 'svg', badgeLanguage(achievement, language.tag)),
    downloads: {
      badgePng: site.urls.achievementImage(achievement.slug, 'png', badgeLanguage(achievement, language.tag)),
      badgeSvg: site.urls.achievementImage(achievement.slug, 'svg', badgeLanguage(achievement, language.tag)),
      accentColor: parts.accentColor,
    },
    linkedIn: linkedInAddToProfileUrl({
      name: parts.words.name.text,
      organizationId: issuer.linkedinOrganizationId,
      organizationName: issuer.name,
      issuedOn: record.awardedOn,
      expiresOn: record.validUntil,
      certUrl: urls.page,
      certId: record.id,
    }),
    linkedInShare: linkedInShareUrl(urls.page),
    listed: isSearchable(record),
    stacks: stackProgress(site, record, language),
    earnedWith: earnedWith(site, record, language),
    portfolio: portfolioPageOf(site, record, language),
  };
}

/** Every award's certificate view as of `now`, in one language (the default unless given), in the order of `site.awards`. */
export function certificateViews(site: SignedSite, now: Date, language: PageLanguage = defaultLanguage(site)): CertificateView[] {
  return site.awards.map((award) => certificateView(site, award, now, language));
}

/**
 * Which certificate page: the award's id, under its language's folder unless the default's
 * (`fr/<id>`), so that a site in one language names its pages by id alone.
 */
export const certificatePageName = (view: Pick<CertificateView, 'folder' | 'id'>): string => `${view.folder}${view.id}`;

/** Every certificate page of the site as of `now`: each award's, in each of the site's languages. */
export function allCertificateViews(site: SignedSite, now: Date): CertificateView[] {
  return siteLanguages(site).flatMap((language) => certificateViews(site, now, language));
}

/** A file name for a download: the achievement's slug and what the file is. */
export function downloadName(view: Pick<CertificateView, 'achievement'>, what: 'badge.png' | 'badge.svg' | 'certificate.pdf' | 'credential.json'): string {
  return `${view.achievement.slug}-${what}`;
}

/**
 * A schema.org description of the certificate page (JSON-LD), for search engines and link
 * previews: an EducationalOccupationalCredential recognised by the issuer.
 */
export function certificateJsonLd(view: CertificateView): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'EducationalOccupationalCredential',
    // No '@id' beside it: the same URL again, on every certificate page.
    url: view.urls.page,
    name: view.words.name.text,
    description: view.words.description.text,
    credentialCategory: view.achievementType,
    identifier: view.id,
    image: view.urls.shareCard,
    dateCreated: view.awardedOn,
    ...(view.validUntil ? { expires: view.validUntil } : {}),
    recognizedBy: { '@type': 'Organization', name: view.issuerName, url: view.issuerUrl },
    about: { '@type': 'Person', name: view.learnerName },
    competencyRequired: view.skills.map((skill) => ({
      '@type': 'DefinedTerm',
      name: skill.name,
      url: skill.url,
      ...(skill.code ? { termCode: skill.code } : {}),
      ...(skill.framework ? { inDefinedTermSet: skill.framework } : {}),
    })),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the script. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// --- search ------------------------------------------------------------------------------------

export interface SearchFilterOptions {
  readonly skills: readonly string[];
  readonly achievements: readonly string[];
  readonly years: readonly string[];
}

/** Whether an award's page is in search, the catalogue's lists and search engines. */
export function isSearchable(record: Pick<AwardRecord, 'listed' | 'revoked' | 'suspended'>): boolean {
  return record.listed && !isWithdrawn(record);
}

/**
 * The values the search filters offer, the same strings the pages tag with
 * `data-pagefind-filter`: skills and keywords, achievement names, and years of listed awards.
 */
export function searchFilterOptions(site: SignedSite): SearchFilterOptions {
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  const records = [...site.achievements.keys()].map((slug) => site.content.achievements.get(slug)!);
  const years = new Set(site.awards.filter(({ record }) => isSearchable(record)).map(({ record }) => record.awardedOn.slice(0, 4)));
  return {
    skills: [...new Set(records.flatMap(skillFilterValues))].sort(byName),
    achievements: records.map((record) => record.data.name).sort(byName),
    years: [...years].sort().reverse(),
  };
}
