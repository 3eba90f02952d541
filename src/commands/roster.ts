/**
 * CSV rosters for `npm run import`: parse and check every row, skip learners already awarded, and
 * plan one batch file per achievement. Pure: the command reads and writes the files.
 *
 * The roster format (UTF-8; a BOM, CRLF line ends and "quoted, fields" are fine):
 *
 *   name,email,achievement,date,evidence,narrative,result,listed
 *
 *   name         required. The learner's name as printed on the certificate.
 *   email        required. Hashed with a fresh salt; only the hash is committed.
 *   achievement  the achievement's file name without .md; the column (or a cell) may be left out
 *                when --achievement gives it for every row.
 *   date         the award date, YYYY-MM-DD; may be left out when --date gives it.
 *   evidence     optional. A link (http:// or https://) to the learner's work.
 *   narrative    optional. About this learner's achievement, in Markdown.
 *   result       optional. A value for the achievement's first resultDescription, like 92 or B,
 *                checked against its resultType and bounds; "92%" and "91,5" are written 92 and 91.5.
 *   listed       optional. yes or no (true/false, 1/0): whether this learner is named under
 *                "Recent earners" and found by name in search; empty, --listed or --unlisted
 *                decides, else issuer.yaml's `earners` (src/content/privacy.ts).
 *
 * A non-empty achievement, date or listed cell wins over --achievement, --date, --listed or --unlisted.
 *
 * Header names are case-insensitive and may be in any order; any other column is an error (so a
 * typo is not silently dropped). Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
import Papa from 'papaparse';
import { LaurelError } from '../core/error.ts';
import { matchesIdentityHash, EMAIL_PATTERN, normalizeEmail } from '../core/identity-hash.ts';
import { EMAIL_LIKE, webUrl } from '../content/schemas/common.ts';
import { batchAwardYaml, newAwardEntry, slugify, type AwardEntry, type RandomSource } from './award-files.ts';
import type { LearnerKeys } from './learner-keys.ts';
import type { AchievementRecord, AwardRecord } from '../content/validate.ts';
import { closest } from '../content/schema-issues.ts';
import { normalizeResultValue, resultProblem } from '../content/results.ts';

export const ROSTER_COLUMNS = ['name', 'email', 'achievement', 'date', 'evidence', 'narrative', 'result', 'listed'] as const;
type Column = (typeof ROSTER_COLUMNS)[number];

export interface RosterRow {
  /** The spreadsheet row number (the header is row 1). */
  readonly row: number;
  readonly name: string;
  /** Normalised (trimmed, lower-case). Never written to content/. */
  readonly email: string;
  readonly achievement: string;
  /** YYYY-MM-DD. */
  readonly awardedOn: string;
  readonly evidenceUrl: string | undefined;
  readonly narrative: string | undefined;
  readonly result: { readonly resultDescription: string; readonly value: string } | undefined;
  /** The award's own `listed`, written only when the row or the command gives one. */
  readonly listed: boolean | undefined;
}

/** A stable code per kind of roster problem, for tools and tests (like the content error codes). */
export const ROSTER_ERROR_CODES = [
  'csv-syntax', // an unclosed quote, a value beyond the header, text that is not UTF-8
  'invalid-header', // an empty, unknown, repeated or missing column
  'missing-value', // a required cell is empty
  'invalid-email', // not an email address
  'duplicate-email', // the same learner twice for the same achievement
  'unknown-achievement', // not an achievement, or a draft
  'invalid-date', // not a real date written YYYY-MM-DD
  'invalid-url', // evidence that is not an http(s) link
  'invalid-result', // a result the achievement does not allow
  'invalid-listed', // a listed cell that is not yes or no
  'plain-email', // an email address in a field that would be published
] as const;

export type RosterErrorCode = (typeof ROSTER_ERROR_CODES)[number];

export interface RosterError {
  readonly code: RosterErrorCode;
  readonly row: number;
  /** e.g. `B (email)`; undefined when the whole row is wrong. */
  readonly column: string | undefined;
  /** 0-based index of the column, when there is one. */
  readonly columnIndex?: number;
  readonly message: string;
  readonly expected?: string;
}

export interface RosterOptions {
  /** --achievement: the achievement of rows that do not name one. */
  readonly achievement?: string | undefined;
  /** --date: the date of rows that do not give one. */
  readonly date?: string | undefined;
  /** --listed (true) or --unlisted (false): the listing of rows whose listed cell is empty. */
  readonly listed?: boolean | undefined;
  readonly achievements: ReadonlyMap<string, AchievementRecord>;
}

export type RosterResult = { ok: true; rows: RosterRow[] } | { ok: false; errors: RosterError[] };

/** A, B, …, Z, AA: the letters a spreadsheet shows above a column. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Why an achievement slug cannot be awarded, or undefined when it can. */
export function achievementProblem(slug: string, achievements: ReadonlyMap<string, AchievementRecord>): { code: 'unknown-achievement' | 'draft-achievement'; message: string; expected: string } | undefined {
  const known = achievements.get(slug);
  const slugs = [...achievements.keys()];
  if (!known) {
    const hint = closest(slug, slugs);
    return { code: 'unknown-achievement', message: `"${slug}" is not an achievement.${hint ? ` Did you mean "${hint}"?` : ''}`, expected: slugs.length ? `one of ${slugs.join(', ')}` : 'the file name of an achievement in content/achievements/, without .md' };
  }
  if (known.data.draft) return { code: 'draft-achievement', message: `"${slug}" is a draft and cannot be awarded yet.`, expected: `an achievement without draft: true (or remove it from ${known.file})` };
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function dateHint(text: string): string {
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text)) return ' Spreadsheets often write dates as 14/03/2026: format the column as YYYY-MM-DD before saving.';
  return ISO_DATE.test(text) ? ' There is no such day.' : '';
}

function emailProblem(email: string): string | undefined {
  if (!email) return 'is empty.';
  if (!email.includes('@')) return 'is not an email address (it has no @).';
  if (/\s/.test(email)) return 'is not an email address (it contains a space).';
  if (!EMAIL_PATTERN.test(email)) return 'is not an email address (it needs a name, an @ and a domain like example.org).';
  return undefined;
}

/** A roster's result cell as the award file writes it ("95%" → "95"), or why the achievement cannot take it. */
function rosterResult(cell: string, achievement: AchievementRecord): { value: string } | { code: RosterErrorCode; message: string; expected: string } {
  const description = achievement.data.resultDescriptions[0];
  if (!description) return { code: 'invalid-result', message: `${achievement.slug} defines no resultDescriptions, so there is no result to record.`, expected: `an empty cell, or a resultDescriptions entry in ${achievement.file}` };
  const value = normalizeResultValue(cell, description);
  const problem = resultProblem({ resultDescription: description.id, value }, description);
  return problem ? { code: 'invalid-result', message: problem.message, expected: problem.expected } : { value };
}

/** Parses the roster and checks every row; collects every error, so one run shows them all. */
/** What a listed cell may say, as spreadsheets and people write it. */
const LISTED_WORDS = new Map<string, boolean>([['yes', true], ['y', true], ['true', true], ['1', true], ['no', false], ['n', false], ['false', false], ['0', false]]);

export function parseRoster(text: string, options: RosterOptions): RosterResult {
  const errors: RosterError[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, delimiter: ',', skipEmptyLines: false });
  for (const error of parsed.errors) {
    if (error.type === 'Quotes' && error.row !== undefined) errors.push({ code: 'csv-syntax', row: error.row + 1, column: undefined, message: 'a quoted value is never closed: a " is missing.', expected: 'values that contain commas or line breaks wrapped in double quotes, "like, this"' });
  }
  const [header = [], ...records] = parsed.data;
  const names = header.map((cell) => cell.trim().toLowerCase());
  const label = (index: number) => `${columnLetter(index)}${names[index] ? ` (${names[index]})` : ''}`;
  const at = (code: RosterErrorCode, row: number, index: number | undefined, message: string, expected?: string): void => {
    errors.push({ code, row, column: index === undefined ? undefined : label(index), ...(index === undefined ? {} : { columnIndex: index }), message, ...(expected !== undefined ? { expected } : {}) });
  };

  const columns = new Map<Column, number>();
  const suggested = new Set<string>();
  const expectedHeader = `a header row like ${ROSTER_COLUMNS.join(',')}`;
  if (names.every((name) => name === '')) {
    at('invalid-header', 1, undefined, 'the roster is empty or has no header row.', expectedHeader);
    return { ok: false, errors };
  }
  if (names.length === 1 && /[;\t]/.test(names[0] ?? '')) {
    at('invalid-header', 1, undefined, `the columns seem to be separated by "${names[0]!.includes(';') ? ';' : 'tab'}", not by commas.`, 'a comma-separated file: in your spreadsheet, save as "CSV UTF-8 (comma delimited)"');
    return { ok: false, errors };
  }
  names.forEach((name, index) => {
    if (name === '') return; // an unnamed column is an error only if it holds data (checked per row)
    if (!(ROSTER_COLUMNS as readonly string[]).includes(name)) {
      const hint = closest(name, ROSTER_COLUMNS);
      if (hint) suggested.add(hint);
      return at('invalid-header', 1, index, `"${header[index]!.trim()}" is not a roster column.${hint ? ` Did you mean "${hint}"?` : ''}`, `columns among ${ROSTER_COLUMNS.join(', ')}`);
    }
    if (columns.has(name as Column)) return at('invalid-header', 1, index, `"${name}" is already column ${columnLetter(columns.get(name as Column)!)}.`, 'each column once');
    columns.set(name as Column, index);
  });
  const missing: Array<[Column, string]> = [['name', 'the learner names'], ['email', 'the learner email addresses']];
  if (options.achievement === undefined) missing.push(['achievement', 'the achievement of each row, or --achievement <slug> for all']);
  if (options.date === undefined) missing.push(['date', 'the award date of each row, or --date YYYY-MM-DD for all']);
  for (const [column, what] of missing) {
    // A misspelt column already says "did you mean"; its absence needs no second error.
    if (!columns.has(column) && !suggested.has(column)) at('invalid-header', 1, undefined, `the header has no "${column}" column.`, `a "${column}" column with ${what}`);
  }
  if (errors.some((error) => error.row === 1)) return { ok: false, errors };

  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((cells, position) => {
    const row = position + 2;
    if (cells.every((cell) => cell.trim() === '')) return; // a blank line, e.g. the file's last
    const before = errors.length;
    cells.forEach((cell, index) => {
      if (cell.includes('\uFFFD')) at('csv-syntax', row, index, 'contains characters that are not UTF-8.', 'a file saved as "CSV UTF-8"');
      else if (index >= names.length && cell.trim() !== '') at('csv-syntax', row, index, `is beyond the last column of the header (the row has ${cells.length} values, the header ${names.length}).`, 'a value with a comma in it wrapped in double quotes, "like, this"');
      else if (names[index] === '' && cell.trim() !== '') at('invalid-header', row, index, 'holds a value but the column has no header name.', `a header name among ${ROSTER_COLUMNS.join(', ')}, or an empty column`);
    });
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const check = (code: RosterErrorCode, column: Column, message: string, expected?: string) => at(code, row, columns.get(column), message, expected);

    const name = cell('name');
    if (!name) check('missing-value', 'name', 'is empty.', "the learner's name as printed on the certificate");
    else if (EMAIL_LIKE.test(name)) check('plain-email', 'name', 'looks like an email address; the name is published on the certificate.', "the learner's name");

    const email = normalizeEmail(cell('email'));
    // The email is never repeated in a message: the row and column say where it is.
    const emailIssue = emailProblem(email);
    if (emailIssue) check(email ? 'invalid-email' : 'missing-value', 'email', emailIssue, 'an email address like ada@example.org');

    const achievementCell = cell('achievement');
    const slug = achievementCell || options.achievement || '';
    const achievement = options.achievements.get(slug);
    if (!slug) check('missing-value', 'achievement', 'is empty.', 'an achievement file name, or --achievement <slug> for every row');
    else {
      const problem = achievementProblem(slug, options.achievements);
      if (problem) {
        if (achievementCell) check('unknown-achievement', 'achievement', problem.message, problem.expected);
        else at('unknown-achievement', row, undefined, `--achievement ${problem.message}`, problem.expected);
      }
    }

    const date = cell('date') || options.date || '';
    if (!date) check('missing-value', 'date', 'is empty.', 'a date like 2026-03-14, or --date YYYY-MM-DD for every row');
    else if (!isIsoDate(date)) check('invalid-date', 'date', `"${date}" is not a date written YYYY-MM-DD.${dateHint(date)}`, 'a date like 2026-03-14');

    const evidence = cell('evidence');
    if (evidence && !webUrl.safeParse(evidence).success) check('invalid-url', 'evidence', `"${evidence.length > 60 ? `${evidence.slice(0, 57)}...` : evidence}" is not a web link.`, 'an http:// or https:// URL');

    const narrative = cell('narrative');
    if (EMAIL_LIKE.test(narrative)) check('plain-email', 'narrative', 'contains an email address, which would be published.', 'a narrative without email addresses');

    const resultCell = cell('result');
    let resultValue: string | undefined;
    if (resultCell && achievement) {
      const result = EMAIL_LIKE.test(resultCell) ? { code: 'plain-email' as const, message: 'contains an email address, which would be published.', expected: 'a result value' } : rosterResult(resultCell, achievement);
      if ('value' in result) resultValue = result.value;
      else check(result.code, 'result', result.message, result.expected);
    }

    const listedCell = cell('listed');
    const listed = listedCell ? LISTED_WORDS.get(listedCell.toLowerCase()) : options.listed;
    if (listedCell && listed === undefined) check('invalid-listed', 'listed', `"${listedCell.length > 20 ? `${listedCell.slice(0, 17)}...` : listedCell}" is neither yes nor no.`, 'yes (named under Recent earners and in search), no (reached by its link only), or an empty cell');

    if (emailIssue === undefined && slug) {
      const key = `${slug}\u0000${email}`;
      const first = seen.get(key);
      if (first !== undefined) check('duplicate-email', 'email', `is the same email as row ${first}, for the same achievement.`, 'each learner once per achievement');
      else seen.set(key, row);
    }
    if (errors.length > before) return;
    const description = achievement?.data.resultDescriptions[0];
    rows.push({
      row, name, email, achievement: slug, awardedOn: date,
      evidenceUrl: evidence || undefined,
      narrative: narrative || undefined,
      result: resultValue !== undefined && description ? { resultDescription: description.id, value: resultValue } : undefined,
      listed,
    });
  });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '')) };
  if (!rows.length) return { ok: false, errors: [{ code: 'missing-value', row: 2, column: undefined, message: 'the roster has a header but no learners.', expected: 'one row per learner under the header' }] };
  return { ok: true, rows };
}

/**
 * Where each record and each of its fields starts in the text, as `line:column` (1-based), read
 * the way RFC 4180 and Papa Parse split it: commas between fields, CR, LF or CRLF between records,
 * and either inside double quotes ("" for a quote) is part of the value.
 */
export function recordPositions(text: string): Array<Array<{ line: number; column: number }>> {
  const records: Array<Array<{ line: number; column: number }>> = [[{ line: 1, column: 1 }]];
  let line = 1;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    const newline = c === '\r' || c === '\n';
    if (c === '\r' && text[i + 1] === '\n') i += 1;
    if (c === '"' && !quoted) {
      quoted = true;
    } else if (c === '"') {
      if (text[i + 1] === '"') {
        i += 1;
        column += 1;
      } else {
        quoted = false;
      }
    } else if (c === ',' && !quoted) {
      records.at(-1)!.push({ line, column: column + 1 });
    }
    if (newline) {
      line += 1;
      column = 1;
      if (!quoted) records.push([{ line, column }]);
    } else {
      column += 1;
    }
  }
  return records;
}

/** Roster problems as LaurelErrors: `roster.csv:3:14`, the spreadsheet's row and column, the message. */
export function rosterErrors(file: string, text: string, errors: readonly RosterError[]): LaurelError[] {
  const positions = recordPositions(text.replace(/^\uFEFF/, ''));
  return errors.map((error) => {
    const record = positions[error.row - 1];
    const at = record?.[error.columnIndex ?? 0] ?? record?.[0];
    return new LaurelError(error.code, error.message, {
      file,
      line: at?.line,
      column: at?.column,
      field: `row ${error.row}${error.column ? `, column ${error.column}` : ''}`,
      expected: error.expected,
    });
  });
}

// ——— Re-imports ———

/** Names compare loosely (case, spacing, Unicode form); the email hash decides. */
function nameKey(achievement: string, name: string): string {
  return `${achievement}\u0000${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

export type ExistingAwards = ReadonlyMap<string, ReadonlyArray<{ id: string; hash: string; salt: string }>>;

/** Existing awards with a hashed identity, by achievement and name. */
export function indexExistingAwards(awards: readonly AwardRecord[]): ExistingAwards {
  const index = new Map<string, Array<{ id: string; hash: string; salt: string }>>();
  for (const award of awards) {
    const identity = award.recipient.identity;
    if (!('hash' in identity)) continue;
    const key = nameKey(award.achievement, award.recipient.name);
    const list = index.get(key) ?? [];
    list.push({ id: award.id, hash: identity.hash, salt: identity.salt });
    index.set(key, list);
  }
  return index;
}

/**
 * A row is already awarded when an award of the same achievement has the same name and its hash
 * matches the row's email with that award's salt. Only name matches are hashed, so this stays fast.
 */
export function splitDuplicates(rows: readonly RosterRow[], existing: ExistingAwards): { fresh: RosterRow[]; duplicates: Array<{ row: number; id: string }> } {
  const fresh: RosterRow[] = [];
  const duplicates: Array<{ row: number; id: string }> = [];
  for (const row of rows) {
    const match = existing.get(nameKey(row.achievement, row.name))?.find((award) => matchesIdentityHash(row.email, award.salt, award.hash));
    if (match) duplicates.push({ row: row.row, id: match.id });
    else fresh.push(row);
  }
  return { fresh, duplicates };
}

// ——— Batch files ———

export interface PlannedBatch {
  /** Repository-relative path of the new file. */
  readonly path: string;
  readonly achievement: string;
  readonly text: string;
  readonly awards: ReadonlyArray<{ readonly row: RosterRow; readonly id: string }>;
}

export interface PlanOptions {
  /** The roster's file name; its base becomes part of each batch file name. */
  readonly rosterFile: string;
  /** Paths that exist already: a new batch never overwrites one. */
  readonly existingPaths: ReadonlySet<string>;
  /** Status indices taken; the new ones are added. */
  readonly usedIndices: Set<number>;
  readonly random: RandomSource;
  /** Each learner's key (./learner-keys.ts): their earlier awards', or a fresh one. */
  readonly learners?: LearnerKeys | undefined;
  /** A comment for the top of each file. */
  readonly header?: string | undefined;
}

/** One batch per achievement, in roster order: `content/awards/<year>/<achievement>-<roster>-<date>.yaml`. */
export function planBatches(rows: readonly RosterRow[], options: PlanOptions): PlannedBatch[] {
  const groups = new Map<string, RosterRow[]>();
  for (const row of rows) {
    const group = groups.get(row.achievement);
    if (group) group.push(row);
    else groups.set(row.achievement, [row]);
  }
  const base = slugify(options.rosterFile.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) || 'roster';
  const taken = new Set(options.existingPaths);
  return [...groups].map(([achievement, group]) => {
    const dates = [...new Set(group.map((row) => row.awardedOn))].sort();
    const shared = dates.length === 1 ? dates[0] : undefined;
    const date = dates[dates.length - 1]!;
    const stem = `content/awards/${date.slice(0, 4)}/${achievement}-${base}-${date}`;
    let path = `${stem}.yaml`;
    for (let n = 2; taken.has(path); n += 1) path = `${stem}-${n}.yaml`;
    taken.add(path);
    const entries: AwardEntry[] = group.map((row) =>
      newAwardEntry({ name: row.name, email: row.email, awardedOn: shared ? undefined : row.awardedOn, evidenceUrl: row.evidenceUrl, narrative: row.narrative, results: row.result && [row.result], listed: row.listed, learner: options.learners?.keyFor(row.email).key }, options.usedIndices, options.random),
    );
    return { path, achievement, text: batchAwardYaml(achievement, shared, entries, options.header), awards: group.map((row, index) => ({ row, id: entries[index]!.id })) };
  });
}

/** The columns of the mail-merge file, as a mail-merge tool names its fields. */
export const MAIL_MERGE_COLUMNS = ['name', 'email', 'achievement', 'achievement_name', 'credential_url'] as const;

export interface MailMergeEntry {
  readonly name: string;
  readonly email: string;
  /** The achievement's slug, as in content/. */
  readonly achievement: string;
  /** Its name, as the certificate and the email to the learner write it. */
  readonly achievementName: string;
  readonly credentialUrl: string;
}

/**
 * The mail-merge file: the only place Laurel writes email addresses, in the ignored .laurel/ folder.
 * It starts with a UTF-8 byte-order mark, because Excel reads a CSV without one in the machine's
 * legacy code page ("Zoë" becomes "ZoÃ«"), and ends its lines with CRLF (RFC 4180 §2).
 */
export function mailMergeCsv(entries: readonly MailMergeEntry[]): string {
  const data = entries.map((entry) => [entry.name, entry.email, entry.achievement, entry.achievementName, entry.credentialUrl]);
  // escapeFormulae: a name starting with = or + must not run as a formula when the file is opened.
  return `\uFEFF${Papa.unparse({ fields: [...MAIL_MERGE_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
