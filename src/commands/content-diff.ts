/**
 * What a pull request publishes: the validated content of the base branch and of the PR head,
 * compared award by award, achievement by achievement and key by key, then told in GitHub-flavoured
 * Markdown for the job summary, or, when the head does not validate or undoes a revocation of the
 * base branch (revocations.ts), as positioned errors and workflow commands that GitHub shows inline
 * on the PR diff. Pure: the files are read elsewhere.
 */
import { githubAnnotation, locationOf, sortErrors, workflowCommand, type LaurelError } from '../core/error.ts';
import type { AchievementRecord, AwardRecord, ContentFiles, ContentResult, ErasedRecord, Origin, SiteContent, SourceFile } from '../content/validate.ts';
import { CREDENTIAL_ISSUER_FIELDS } from '../issue/signed-site.ts';
import { siteUrls } from '../issue/urls.ts';
import { portfoliosOf, type Portfolio } from '../content/portfolios.ts';
import { undoneRevocations } from './revocations.ts';

/** One side of the comparison: `validateContent` of the tree, and its keys/*.json as they are. */
export interface ContentSnapshot {
  readonly content: ContentResult;
  readonly keys: readonly SourceFile[];
}

export interface AwardLine {
  readonly id: string;
  /** Empty for an erased award: its holder's name is not repeated anywhere. */
  readonly recipient: string;
  readonly achievement: string;
  readonly achievementName: string;
  /** The certificate page; the credential JSON sits beside it at `<id>.json`. */
  readonly url: string;
  readonly origin: Origin;
}

export interface AwardChange extends AwardLine {
  /** Dotted names of the fields that differ, e.g. `recipient.name`, `evidence`. */
  readonly fields: readonly string[];
}

export interface StatusEvent extends AwardLine {
  readonly on: string;
  readonly reason: string;
}

export interface AchievementLine {
  readonly slug: string;
  readonly name: string;
  readonly file: string;
  /** Published credentials of this achievement on the head, each signed again with the new text. */
  readonly credentials: number;
}

export interface AchievementChange extends AchievementLine {
  readonly fields: readonly string[];
}

export type KeyStatus = 'current' | 'retired' | 'compromised';

export interface KeyEvent {
  readonly file: string;
  readonly publicKeyMultibase: string;
  /** Status on the base; undefined when the key is new. */
  readonly from: KeyStatus | undefined;
  /** Status on the head; undefined when the key file was deleted. */
  readonly to: KeyStatus | undefined;
}

/** Something that is allowed by the schemas but is probably a mistake; shown, not fatal. */
export interface DiffWarning {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
}

export interface PublishedChanges {
  readonly ok: true;
  /** False when the base branch did not validate: everything is then compared with an empty site. */
  readonly baseValid: boolean;
  readonly site: string;
  readonly awarded: readonly AwardLine[];
  readonly changed: readonly AwardChange[];
  readonly revoked: readonly StatusEvent[];
  readonly suspended: readonly StatusEvent[];
  readonly reinstated: readonly AwardLine[];
  readonly erased: readonly AwardLine[];
  /** Published awards whose learner key changed (linked to their learner, or separated): nothing published changes. */
  readonly relinked: readonly AwardLine[];
  /** Learners' portfolio pages published, or taken down (src/content/portfolios.ts): pages that show a learner's awards together. */
  readonly portfolios: readonly PortfolioEvent[];
  readonly achievementsAdded: readonly AchievementLine[];
  readonly achievementsChanged: readonly AchievementChange[];
  readonly achievementsRemoved: readonly AchievementLine[];
  /** Fields of content/issuer.yaml that differ (those of CREDENTIAL_ISSUER_FIELDS sign every credential again). */
  readonly issuerFields: readonly string[];
  readonly keys: readonly KeyEvent[];
  readonly warnings: readonly DiffWarning[];
}

export interface PortfolioEvent {
  readonly recipient: string;
  /** The portfolio page's address. */
  readonly url: string;
  readonly credentials: number;
  readonly published: boolean;
}

/**
 * The head does not validate, or it undoes a revocation of the base branch (code
 * `revocation-undone`): either way nothing may be published.
 */
export interface ContentDiffErrors {
  readonly ok: false;
  readonly errors: readonly LaurelError[];
}

export type ContentDiff = PublishedChanges | ContentDiffErrors;

// ── Selecting the content files of a tree ─────────────────────────────────────────────────────

const ACHIEVEMENT_FILE = /^content\/achievements\/(?:.+\/)?[^./][^/]*\.mdx?$/;
const AWARD_FILE = /^content\/awards\/(?:.+\/)?[^./][^/]*\.ya?ml$/;
const KEY_FILE = /^keys\/[^/]+\.json$/;

/**
 * Picks, from every file of a tree (e.g. a git commit), the ones `readContentFiles` and
 * `readKeyFiles` read from disk: the same paths, in the same order.
 */
export function selectContentFiles(files: readonly SourceFile[]): { readonly files: ContentFiles; readonly keys: SourceFile[] } {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: {
      issuer: sorted.find((file) => file.path === 'content/issuer.yaml'),
      achievements: sorted.filter((file) => ACHIEVEMENT_FILE.test(file.path)),
      awards: sorted.filter((file) => AWARD_FILE.test(file.path)),
    },
    keys: sorted.filter((file) => KEY_FILE.test(file.path)),
  };
}

// ── Comparing ─────────────────────────────────────────────────────────────────────────────────

/** JSON with sorted keys and without undefined members, so equal values compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  ) ?? 'undefined';
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((key) => stable(before[key]) !== stable(after[key]));
}

function unionKeys(...objects: readonly object[]): string[] {
  return [...new Set(objects.flatMap((object) => Object.keys(object)))].sort();
}

/** What the comparison reads of a site; a base branch that does not validate counts as empty. */
type Records = Pick<SiteContent, 'achievements' | 'awards' | 'erased'>;
const EMPTY: Records = { achievements: new Map(), awards: [], erased: [] };

/** The fields of an award that go into its credential or its page; where it is written does not. */
const AWARD_FIELDS = ['achievement', 'statusIndex', 'awardedOn', 'validUntil', 'evidence', 'narrative', 'results', 'creditsEarned', 'activityStartDate', 'activityEndDate', 'listed', 'blocks'] as const;

function awardFields(before: AwardRecord, after: AwardRecord): string[] {
  const fields: string[] = [];
  for (const key of ['name', 'identity', 'id'] as const) {
    if (stable(before.recipient[key]) !== stable(after.recipient[key])) fields.push(`recipient.${key}`);
  }
  fields.push(...changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, AWARD_FIELDS));
  // A revocation or suspension that stays, but whose date or reason was edited.
  if (before.revoked && after.revoked && stable(before.revoked) !== stable(after.revoked)) fields.push('revoked');
  if (before.suspended && after.suspended && stable(before.suspended) !== stable(after.suspended)) fields.push('suspended');
  return fields;
}

function achievementFields(before: AchievementRecord, after: AchievementRecord): string[] {
  const fields = changedFields(before.data, after.data, unionKeys(before.data, after.data).filter((key) => key !== 'draft'));
  if (before.criteria !== after.criteria) fields.push('criteria');
  // A translation is the achievement in another language (its edition, and the award's where it is the default's).
  const words = (record: AchievementRecord) => new Map(record.translations.map((translation) => [translation.language, stable({ ...translation.data, criteria: translation.criteria })]));
  const [old, now] = [words(before), words(after)];
  for (const language of unionKeys(Object.fromEntries(old), Object.fromEntries(now))) {
    if (old.get(language) !== now.get(language)) fields.push(`translation ${language}`);
  }
  return fields;
}

interface ParsedKey {
  readonly file: string;
  readonly publicKeyMultibase: string;
  readonly status: KeyStatus;
}

function parseKeys(files: readonly SourceFile[], warnings: DiffWarning[] | undefined): ParsedKey[] {
  const keys: ParsedKey[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch {
      json = undefined;
    }
    const { publicKeyMultibase, status } = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
    if (typeof publicKeyMultibase === 'string' && (status === 'current' || status === 'retired' || status === 'compromised')) {
      keys.push({ file: file.path, publicKeyMultibase, status });
    } else {
      warnings?.push({ file: file.path, line: 1, message: `${file.path} is not a key file as npm run keygen writes it; npm run check says what is wrong.` });
    }
  }
  return keys;
}

function diffKeys(base: readonly SourceFile[], head: readonly SourceFile[], warnings: DiffWarning[]): KeyEvent[] {
  const before = new Map(parseKeys(base, undefined).map((key) => [key.publicKeyMultibase, key]));
  const after = new Map(parseKeys(head, warnings).map((key) => [key.publicKeyMultibase, key]));
  const events: KeyEvent[] = [];
  for (const key of after.values()) {
    const old = before.get(key.publicKeyMultibase);
    if (old?.status === key.status) continue;
    events.push({ file: key.file, publicKeyMultibase: key.publicKeyMultibase, from: old?.status, to: key.status });
    if (old?.status === 'compromised') warnings.push({ file: key.file, line: 1, message: `${key.file} was marked compromised and is now ${key.status}: a compromised key must never sign or verify again.` });
    else if (old?.status === 'retired' && key.status === 'current') warnings.push({ file: key.file, line: 1, message: `${key.file} was retired and is current again. Rotate to a new key instead (npm run rotate-key).` });
  }
  for (const key of before.values()) {
    if (after.has(key.publicKeyMultibase)) continue;
    events.push({ file: key.file, publicKeyMultibase: key.publicKeyMultibase, from: key.status, to: undefined });
    if (key.status !== 'compromised') {
      warnings.push({ message: `${key.file} was deleted: credentials it signed will no longer verify. Keep the file and mark it retired (npm run rotate-key) or compromised (npm run compromise-key).` });
    }
  }
  return events.sort((a, b) => a.file.localeCompare(b.file));
}

/** Compares what the base branch publishes with what the PR head would publish. */
export function diffContent(base: ContentSnapshot, head: ContentSnapshot): ContentDiff {
  if (!head.content.ok) return { ok: false, errors: sortErrors(head.content.errors) };
  const after = head.content.content;
  const baseValid = base.content.ok;
  const before: Records = base.content.ok ? base.content.content : EMPTY;
  const undone = undoneRevocations(before, after, 'on the base branch');
  if (undone.length) return { ok: false, errors: sortErrors(undone) };
  const urls = siteUrls(after.issuer.url);
  const warnings: DiffWarning[] = [];

  const nameOf = (slug: string) => after.achievements.get(slug)?.data.name ?? before.achievements.get(slug)?.data.name ?? slug;
  const line = (award: AwardRecord | ErasedRecord, recipient: string): AwardLine => ({
    id: award.id, recipient, achievement: award.achievement, achievementName: nameOf(award.achievement), url: urls.credentialPage(award.id), origin: award.origin,
  });

  const beforeLive = new Map(before.awards.map((award) => [award.id, award]));
  const beforeErased = new Map(before.erased.map((award) => [award.id, award]));
  const afterIds = new Set([...after.awards, ...after.erased].map((award) => award.id));

  const awarded: AwardLine[] = [];
  const changed: AwardChange[] = [];
  const revoked: StatusEvent[] = [];
  const suspended: StatusEvent[] = [];
  const reinstated: AwardLine[] = [];
  const erased: AwardLine[] = [];
  const relinked: AwardLine[] = [];
  const warn = (award: AwardRecord | ErasedRecord, message: string) => warnings.push({ file: award.origin.file, line: award.origin.line, message });
  // What the reviewer decides on: a stacked award due, or one whose block was withdrawn (src/content/stacks.ts).
  for (const warning of head.content.warnings) {
    if (warning.code === 'stack-due' || warning.code === 'stack-unsupported') warnings.push({ file: warning.file!, line: warning.line!, message: `${warning.field ? `${warning.field}: ` : ''}${warning.message} (${warning.expected!})` });
  }

  for (const award of after.awards) {
    const summary = line(award, award.recipient.name);
    const old = beforeLive.get(award.id);
    if (!old) {
      if (beforeErased.has(award.id)) warn(award, `${award.id} was erased at its holder's request; bringing it back publishes their personal data again.`);
      awarded.push(summary);
      if (award.revoked) revoked.push({ ...summary, ...award.revoked });
      if (award.suspended) suspended.push({ ...summary, ...award.suspended });
      continue;
    }
    if (!old.revoked && award.revoked) revoked.push({ ...summary, ...award.revoked });
    if (!old.suspended && award.suspended) suspended.push({ ...summary, ...award.suspended });
    if (old.suspended && !award.suspended) reinstated.push(summary);
    if (old.statusIndex !== award.statusIndex) warn(award, `The statusIndex of ${award.id} changed from ${old.statusIndex} to ${award.statusIndex}: status indices never change once published.`);
    const fields = awardFields(old, award);
    if (fields.length) changed.push({ ...summary, fields });
    if (old.learner !== award.learner) relinked.push(summary);
  }
  for (const record of after.erased) {
    if (beforeErased.has(record.id)) continue;
    if (!beforeLive.has(record.id) && baseValid) warn(record, `${record.id} is erased but was never published.`);
    erased.push(line(record, ''));
  }
  for (const award of [...before.awards, ...before.erased]) {
    if (afterIds.has(award.id)) continue;
    warnings.push({
      message: `${award.id} (${nameOf(award.achievement)}, in ${award.origin.file} on the base branch) was deleted: its page and JSON would disappear, its status index could be reused, and the deploy would fail, since the site's transparency log records it as issued (log-rewrite). To take an award down use npm run revoke, or npm run forget at the learner's request.`,
    });
  }

  const published = (content: Records) => new Map([...content.achievements].filter(([, record]) => !record.data.draft));
  const achievementsBefore = published(before);
  const achievementsAfter = published(after);
  const credentials = (slug: string) => after.awards.filter((award) => award.achievement === slug).length;
  const achievementLine = (record: AchievementRecord): AchievementLine => ({ slug: record.slug, name: record.data.name, file: record.file, credentials: credentials(record.slug) });
  const achievementsAdded: AchievementLine[] = [];
  const achievementsChanged: AchievementChange[] = [];
  const achievementsRemoved: AchievementLine[] = [];
  for (const record of achievementsAfter.values()) {
    const old = achievementsBefore.get(record.slug);
    if (!old) achievementsAdded.push(achievementLine(record));
    else {
      const fields = achievementFields(old, record);
      if (fields.length) achievementsChanged.push({ ...achievementLine(record), fields });
    }
  }
  for (const record of achievementsBefore.values()) {
    if (!achievementsAfter.has(record.slug)) achievementsRemoved.push({ ...achievementLine(record), credentials: 0 });
  }

  const issuerBefore = base.content.ok ? base.content.content.issuer : undefined;
  const issuerFields = issuerBefore ? changedFields(issuerBefore, after.issuer, unionKeys(issuerBefore, after.issuer)) : [];
  if (issuerBefore && issuerFields.includes('url')) {
    warnings.push({
      file: 'content/issuer.yaml', line: 1,
      message: `The site URL changes from ${issuerBefore.url} to ${after.issuer.url}. The issuer's did:web identity derives from it, so every credential already issued stops verifying.`,
    });
  }

  const portfoliosBefore = new Map(portfoliosOf(before.awards).map((portfolio) => [portfolio.id, portfolio]));
  const portfoliosAfter = new Map(portfoliosOf(after.awards).map((portfolio) => [portfolio.id, portfolio]));
  const portfolioEvent = (portfolio: Portfolio<AwardRecord>, published: boolean): PortfolioEvent => ({ recipient: portfolio.awards.at(-1)!.recipient.name, url: urls.portfolioPage(portfolio.id), credentials: portfolio.awards.length, published });
  const portfolios = [
    ...[...portfoliosAfter.values()].filter((portfolio) => !portfoliosBefore.has(portfolio.id)).map((portfolio) => portfolioEvent(portfolio, true)),
    ...[...portfoliosBefore.values()].filter((portfolio) => !portfoliosAfter.has(portfolio.id)).map((portfolio) => portfolioEvent(portfolio, false)),
  ];

  const byPlace = <T extends AwardLine>(lines: T[]) => lines.sort((a, b) => a.origin.file.localeCompare(b.origin.file) || a.origin.line - b.origin.line);
  return {
    ok: true, baseValid, site: after.issuer.url,
    awarded: byPlace(awarded), changed: byPlace(changed), revoked: byPlace(revoked), suspended: byPlace(suspended), reinstated: byPlace(reinstated), erased: byPlace(erased), relinked: byPlace(relinked), portfolios,
    achievementsAdded, achievementsChanged, achievementsRemoved, issuerFields,
    keys: diffKeys(base.keys, head.keys, warnings), warnings,
  };
}

// ── Telling ───────────────────────────────────────────────────────────────────────────────────

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function sentenceList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** One sentence: "This pull request awards 3 credentials and revokes 1." */
export function headline(diff: ContentDiff): string {
  if (!diff.ok) {
    const unrevoked = diff.errors.filter((error) => error.code === 'revocation-undone').length;
    const others = diff.errors.length - unrevoked;
    if (!unrevoked) return `This pull request cannot be published: ${plural(others, 'error')} in the content.`;
    return `This pull request un-revokes ${plural(unrevoked, 'award')}: not allowed${others ? `, and has ${plural(others, 'other error')} in the content` : ''}.`;
  }
  const keys = (predicate: (event: KeyEvent) => boolean) => diff.keys.filter(predicate).length;
  const added = keys((event) => event.from === undefined);
  const retired = keys((event) => event.from !== undefined && event.to === 'retired');
  const compromised = keys((event) => event.from !== 'compromised' && event.to === 'compromised');
  const parts = [
    diff.awarded.length && `awards ${plural(diff.awarded.length, 'credential')}`,
    diff.changed.length && `changes ${diff.awarded.length ? diff.changed.length : plural(diff.changed.length, 'credential')}`,
    diff.revoked.length && `revokes ${diff.revoked.length}`,
    diff.suspended.length && `suspends ${diff.suspended.length}`,
    diff.reinstated.length && `reinstates ${diff.reinstated.length}`,
    diff.erased.length && `erases ${diff.erased.length}`,
    diff.relinked.length && `links ${plural(diff.relinked.length, 'earlier award')} to ${diff.relinked.length === 1 ? 'its' : 'their'} learner`,
    diff.portfolios.some((event) => event.published) && `publishes ${plural(diff.portfolios.filter((event) => event.published).length, 'learner portfolio')}`,
    diff.portfolios.some((event) => !event.published) && `takes down ${plural(diff.portfolios.filter((event) => !event.published).length, 'learner portfolio')}`,
    diff.achievementsAdded.length && `adds ${plural(diff.achievementsAdded.length, 'achievement')}`,
    diff.achievementsChanged.length && `changes ${plural(diff.achievementsChanged.length, 'achievement')}`,
    diff.achievementsRemoved.length && `removes ${plural(diff.achievementsRemoved.length, 'achievement')}`,
    diff.issuerFields.length && 'changes the issuer profile',
    added && `adds ${added === 1 ? 'a signing key' : `${added} signing keys`}`,
    retired && `retires ${retired === 1 ? 'a key' : `${retired} keys`}`,
    compromised && `marks ${compromised === 1 ? 'a key' : `${compromised} keys`} compromised`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length ? `This pull request ${sentenceList(parts)}.` : 'This pull request changes nothing that is published.';
}

/** Text for one table cell: no line breaks, no column breaks, no HTML. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').trim() || ' ';
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const where = (origin: { file?: string | undefined; line?: number | undefined }) => (origin.file ? code(`${origin.file}${origin.line ? `:${origin.line}` : ''}`) : '');

/** GitHub shows at most 10 error annotations of one step on the diff. */
const ANNOTATION_LIMIT = 10;

/** Tables stay readable, and the job summary under GitHub's 1 MiB, for a roster of thousands. */
const MAX_ROWS = 300;

function table(title: string, head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (!rows.length) return [];
  const shown = rows.slice(0, MAX_ROWS);
  const lines = [`### ${title}`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...shown.map((row) => `| ${row.join(' | ')} |`)];
  if (rows.length > shown.length) lines.push('', `…and ${rows.length - shown.length} more (see the files changed).`);
  return [...lines, ''];
}

const link = (line: AwardLine) => `[${code(line.id)}](${line.url})`;

function describeKey(event: KeyEvent): string {
  if (event.from === undefined) return event.to === 'current' ? 'new signing key: the build signs every credential with it' : `added as ${event.to}`;
  if (event.to === undefined) return 'file deleted';
  if (event.to === 'retired') return 'retired: stays published, so what it signed keeps verifying';
  if (event.to === 'compromised') return 'compromised: removed from the DID document; copies it signed stop verifying';
  return `${event.from} → ${event.to}`;
}

/** GitHub-flavoured Markdown for the job summary. */
export function renderSummary(diff: ContentDiff): string {
  const lines = ['## What this pull request publishes', '', `**${headline(diff)}**`, ''];
  if (!diff.ok) {
    lines.push(
      'Nothing can be built until these are fixed. Errors in files this pull request changes also appear on their lines in the **Files changed** tab. Fix them and push again: this check runs again by itself.',
      '',
      ...(diff.errors.length > ANNOTATION_LIMIT ? [`GitHub shows only the first ${ANNOTATION_LIMIT} on the diff; this table has all of them, and \`npm run check\` lists them on your computer.`, ''] : []),
      ...table('Errors', ['Where', 'Code', 'Problem'], diff.errors.map((error) => {
        const details = [
          `${error.field ? `${code(error.field)}: ` : ''}${cell(error.message)}`,
          error.expected !== undefined ? `expected: ${cell(error.expected)}` : '',
          error.received !== undefined ? `found: ${cell(error.received)}` : '',
        ].filter(Boolean);
        return [code(locationOf(error) ?? ''), code(error.code), details.join('<br>')];
      })),
    );
    return `${lines.join('\n').trimEnd()}\n`;
  }
  if (!diff.baseValid) lines.push('> [!NOTE]', '> The base branch has no valid content, so everything below is compared with an empty site.', '');
  if (diff.warnings.length) {
    lines.push('> [!WARNING]', '> Please check these before merging:', '>');
    for (const warning of diff.warnings) lines.push(`> - ${where(warning) ? `${where(warning)}: ` : ''}${cell(warning.message)}`);
    lines.push('');
  }
  const awardRow = (line: AwardLine) => [cell(line.recipient), cell(line.achievementName), link(line), where(line.origin)];
  const statusRow = (event: StatusEvent) => [cell(event.recipient), cell(event.achievementName), link(event), cell(event.on.slice(0, 10)), cell(event.reason)];
  lines.push(
    ...table(`Awarded (${diff.awarded.length})`, ['Recipient', 'Achievement', 'Credential', 'File'], diff.awarded.map(awardRow)),
    ...table(`Changed (${diff.changed.length})`, ['Recipient', 'Achievement', 'Credential', 'Fields'], diff.changed.map((line) => [cell(line.recipient), cell(line.achievementName), link(line), line.fields.map(code).join(', ')])),
    ...table(`Revoked (${diff.revoked.length})`, ['Recipient', 'Achievement', 'Credential', 'On', 'Reason'], diff.revoked.map(statusRow)),
    ...table(`Suspended (${diff.suspended.length})`, ['Recipient', 'Achievement', 'Credential', 'On', 'Reason'], diff.suspended.map(statusRow)),
    ...table(`Reinstated (${diff.reinstated.length})`, ['Recipient', 'Achievement', 'Credential', 'File'], diff.reinstated.map(awardRow)),
    ...table(`Erased at the holder's request (${diff.erased.length})`, ['Achievement', 'Credential', 'File'], diff.erased.map((line) => [cell(line.achievementName), link(line), where(line.origin)])),
  );
  if (diff.relinked.length) {
    lines.push(...table(`Learner key changed (${diff.relinked.length})`, ['Recipient', 'Achievement', 'Credential', 'File'], diff.relinked.map(awardRow)));
    lines.push('The learner key links the awards of one person. It stays in the repository: these credentials and their pages do not change.', '');
  }
  const portfolioRow = (event: PortfolioEvent) => [cell(event.recipient), `[${code(new URL(event.url).pathname)}](${event.url})`, String(event.credentials)];
  const published = diff.portfolios.filter((event) => event.published);
  if (published.length) {
    lines.push(...table(`Portfolios published (${published.length})`, ['Learner', 'Page', 'Credentials'], published.map(portfolioRow)));
    lines.push('A portfolio shows all of a learner\'s credentials together, with a signed transcript: publish one only at the learner\'s request.', '');
  }
  lines.push(...table(`Portfolios taken down (${diff.portfolios.length - published.length})`, ['Learner', 'Page', 'Credentials'], diff.portfolios.filter((event) => !event.published).map(portfolioRow)));
  const achievementRow = (line: AchievementLine) => [cell(line.name), code(line.slug), where({ file: line.file })];
  lines.push(
    ...table(`Achievements added (${diff.achievementsAdded.length})`, ['Achievement', 'Slug', 'File'], diff.achievementsAdded.map(achievementRow)),
    ...table(
      `Achievements changed (${diff.achievementsChanged.length})`,
      ['Achievement', 'Slug', 'Fields', 'Credentials signed again'],
      diff.achievementsChanged.map((line) => [cell(line.name), code(line.slug), line.fields.map(code).join(', '), String(line.credentials)]),
    ),
    ...table(`Achievements removed (${diff.achievementsRemoved.length})`, ['Achievement', 'Slug', 'File'], diff.achievementsRemoved.map(achievementRow)),
  );
  if (diff.issuerFields.length) {
    const signedAgain = diff.issuerFields.some((field) => CREDENTIAL_ISSUER_FIELDS.has(field))
      ? 'Every credential carries the issuer profile, so all of them are signed again.'
      : 'No credential carries these fields, so none is signed again.';
    lines.push('### Issuer profile', '', `Changed: ${diff.issuerFields.map(code).join(', ')}. ${signedAgain}`, '');
  }
  lines.push(...table('Keys', ['Key', 'File', 'Change'], diff.keys.map((event) => [code(event.publicKeyMultibase), code(event.file), cell(describeKey(event))])));
  if (diff.keys.some((event) => event.to === 'compromised' && event.from !== 'compromised')) {
    lines.push('Learners who downloaded a credential, badge image or PDF before this change must download it again from its page: the old copies no longer verify.', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

// ── Workflow commands ─────────────────────────────────────────────────────────────────────────

/**
 * `::error file=…,line=…,col=…,title=<code>::…` for each content error and `::warning` for each
 * warning, so GitHub shows them on the lines of the PR diff.
 */
export function annotations(diff: ContentDiff): string[] {
  if (!diff.ok) {
    return diff.errors.map(githubAnnotation);
  }
  return diff.warnings.map((warning) => workflowCommand('warning', { file: warning.file, line: warning.file ? warning.line : undefined, title: 'Laurel' }, warning.message));
}
