/**
 * CSV rosters (src/commands/roster.ts): the format's tolerance (BOM, CRLF, quotes, header case) and
 * its errors, each naming the spreadsheet row and column; duplicates of existing awards. The
 * achievements are the academy fixture's: data-privacy has a percentage result (Exam score),
 * design-systems a letter grade (Portfolio grade, A to D), accessible-interfaces no result.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateContent, type AwardRecord } from '../../src/content/validate.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { formatError } from '../../src/core/error.ts';
import { columnLetter, indexExistingAwards, recordPositions, rosterErrors, mailMergeCsv, parseRoster, planBatches, splitDuplicates, type RosterError, type RosterResult, type RosterRow } from '../../src/commands/roster.ts';
import { identityHash } from '../../src/core/identity-hash.ts';
import { systemRandom } from '../../src/commands/award-files.ts';
import { FIXTURE_SITES } from '../helpers/repository.ts';

const loaded = validateContent(await readContentFiles(path.join(FIXTURE_SITES, 'academy')));
if (!loaded.ok) throw new Error("the academy fixture's content should be valid");
const { achievements } = loaded.content;

const roster = (text: string, options: { achievement?: string; date?: string; listed?: boolean } = {}) => parseRoster(text, { ...options, achievements });
const errorsOf = (text: string, options: { achievement?: string; date?: string } = {}): RosterError[] => {
  const result = roster(text, options);
  return result.ok ? [] : result.errors;
};
/** The rows of a roster that must be valid; its errors otherwise, as the failure. */
function rowsOf(result: RosterResult): RosterRow[] {
  if (!result.ok) throw new Error(`the roster should be valid: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.rows;
}

describe('reading a roster', () => {
  it('accepts a BOM, CRLF, quoted fields, any header case and order, and blank lines', () => {
    const text = '\uFEFF Email ,NAME,Date,Achievement,Narrative,Result\r\nada@example.org,"Lovelace, Ada",2026-05-30,data-privacy,"Said ""hello""\r\non two lines",91\r\n\r\ngrace@example.org,Grace Hopper,2026-05-30,data-privacy,,\r\n';
    const rows = rowsOf(roster(text));
    expect(rows.map((row) => [row.row, row.name, row.email])).toEqual([[2, 'Lovelace, Ada', 'ada@example.org'], [4, 'Grace Hopper', 'grace@example.org']]);
    expect(rows[0]).toMatchObject({ narrative: 'Said "hello"\r\non two lines', result: { resultDescription: 'exam-score', value: '91' } });
    expect(rows[1]!.result).toBeUndefined();
  });

  it('writes a result the way a spreadsheet exports it as the award file writes it, and refuses one that is not of its type', () => {
    const rows = rowsOf(roster('name,email,result\nAda,ada@example.org,95%\nGrace,grace@example.org,"91,5"\n', { achievement: 'data-privacy', date: '2026-05-30' }));
    expect(rows.map((row) => row.result?.value)).toEqual(['95', '91.5']);
    const [error] = errorsOf('name,email,result\nAda,ada@example.org,quatre-vingt\n', { achievement: 'data-privacy', date: '2026-05-30' });
    expect(error).toMatchObject({ code: 'invalid-result', row: 2, column: 'C (result)', message: '"quatre-vingt" is not a number, and Exam score is a Percent.', expected: 'a percentage written as a number from 0 to 100, with a dot for decimals' });
  });

  it('reads a listed cell as yes or no, an empty one as the option, and refuses any other word', () => {
    const text = 'name,email,listed\nAda,ada@example.org,Yes\nGrace,grace@example.org,0\nAlan,alan@example.org,\n';
    const options = { achievement: 'accessible-interfaces', date: '2026-03-14' };
    expect(rowsOf(roster(text, options)).map((row) => row.listed)).toEqual([true, false, undefined]);
    expect(rowsOf(roster(text, { ...options, listed: false })).map((row) => row.listed)).toEqual([true, false, false]);
    expect(rowsOf(roster('name,email\nAda,ada@example.org\n', { ...options, listed: true })).map((row) => row.listed)).toEqual([true]);
    const [error] = errorsOf('name,email,listed\nAda,ada@example.org,oui\n', options);
    expect(error).toMatchObject({ code: 'invalid-listed', row: 2, column: 'C (listed)', message: '"oui" is neither yes nor no.' });
    // The batch file keeps each award's own listing, and writes none where the site decides.
    const [batch] = planBatches(rowsOf(roster(text, options)), { rosterFile: 'r.csv', existingPaths: new Set(), usedIndices: new Set(), random: systemRandom });
    expect(parse(batch!.text).awards.map((award: { listed?: boolean }) => award.listed)).toEqual([true, false, undefined]);
  });

  it('takes the achievement and date from the options when the columns are absent', () => {
    const result = roster('name,email\nAda,ADA@example.org \n', { achievement: 'accessible-interfaces', date: '2026-03-14' });
    expect(result).toMatchObject({ ok: true, rows: [{ row: 2, name: 'Ada', email: 'ada@example.org', achievement: 'accessible-interfaces', awardedOn: '2026-03-14' }] });
  });

  it('names the row and column of every problem, without repeating the email', () => {
    const text = [
      'name,email,achievement,date,evidence,result',
      'Ada,ada@example.org,accessible-interface,2026-03-14,,',
      'Grace,grace.example.org,accessible-interfaces,14/03/2026,ftp://x,',
      'Alan,alan@example.org,accessible-interfaces,2026-02-30,,',
      'Ada,ADA@example.org,accessible-interfaces,2026-03-14,,',
      'Ada,ada@example.org,accessible-interfaces,2026-03-14,,',
      ',x@example.org,design-systems,2026-03-14,,E',
      'Lin,lin@example.org,accessible-interfaces,2026-03-14,,B',
    ].join('\n');
    const messages = rosterErrors('roster.csv', text, errorsOf(text)).map(formatError);
    expect(messages).toEqual([
      expect.stringMatching(/^roster\.csv:2:21 error\[unknown-achievement\] row 2, column C \(achievement\): "accessible-interface" is not an achievement\. Did you mean "accessible-interfaces"\?/),
      expect.stringMatching(/^roster\.csv:3:\d+ error\[invalid-email\] row 3, column B \(email\): is not an email address \(it has no @\)\./),
      expect.stringMatching(/^roster\.csv:3:\d+ error\[invalid-date\] row 3, column D \(date\): "14\/03\/2026" is not a date written YYYY-MM-DD\. Spreadsheets often/),
      expect.stringMatching(/^roster\.csv:3:\d+ error\[invalid-url\] row 3, column E \(evidence\): "ftp:\/\/x" is not a web link\./),
      expect.stringMatching(/^roster\.csv:4:\d+ error\[invalid-date\] row 4, column D \(date\): "2026-02-30" is not a date written YYYY-MM-DD\. There is no such day\./),
      expect.stringMatching(/^roster\.csv:6:\d+ error\[duplicate-email\] row 6, column B \(email\): is the same email as row 5, for the same achievement\./),
      expect.stringMatching(/^roster\.csv:7:\d+ error\[missing-value\] row 7, column A \(name\): is empty\./),
      expect.stringMatching(/^roster\.csv:7:\d+ error\[invalid-result\] row 7, column F \(result\): "E" is not one of the values Portfolio grade allows\.\n    expected: one of A, B, C, D/),
      expect.stringMatching(/^roster\.csv:8:\d+ error\[invalid-result\] row 8, column F \(result\): accessible-interfaces defines no resultDescriptions/),
    ]);
    expect(messages.join('\n')).not.toContain('grace.example.org');
    expect(errorsOf(text).map((error) => error.code)).toEqual(['unknown-achievement', 'invalid-email', 'invalid-date', 'invalid-url', 'invalid-date', 'duplicate-email', 'missing-value', 'invalid-result', 'invalid-result']);
  });

  it('points at the line and column where a cell starts, across quoted commas, quotes and line breaks', () => {
    const text = 'name,email\r\n"Lovelace, Ada","a@x.org"\n"Said ""hi""\nthere",b@x.org\n';
    expect(recordPositions(text)).toEqual([
      [{ line: 1, column: 1 }, { line: 1, column: 6 }],
      [{ line: 2, column: 1 }, { line: 2, column: 17 }],
      [{ line: 3, column: 1 }, { line: 4, column: 8 }],
      [{ line: 5, column: 1 }],
    ]);
    const [error] = rosterErrors('r.csv', text, [{ code: 'invalid-email', row: 3, column: 'B (email)', columnIndex: 1, message: 'is not an email address.' }]);
    expect(formatError(error!)).toBe('r.csv:4:8 error[invalid-email] row 3, column B (email): is not an email address.');
  });

  it('rejects unknown, repeated and missing columns in the header (row 1)', () => {
    expect(errorsOf('name,email,achievment,date\n').map((error) => [error.row, error.column, error.message])).toEqual([[1, 'C (achievment)', '"achievment" is not a roster column. Did you mean "achievement"?']]);
    expect(errorsOf('name,email,email\n', { achievement: 'x', date: '2026-01-01' })[0]).toMatchObject({ row: 1, column: 'C (email)' });
    expect(errorsOf('name,achievement,date\nAda,accessible-interfaces,2026-01-01\n').map((error) => error.message)).toEqual(['the header has no "email" column.']);
    expect(errorsOf('name;email;achievement;date\n')[0]!.message).toMatch(/separated by ";"/);
    expect(errorsOf('')[0]!.message).toMatch(/empty/);
  });

  it('reports an unclosed quote and cells beyond the header', () => {
    expect(errorsOf('name,email\nAda,ada@example.org,extra\n', { achievement: 'accessible-interfaces', date: '2026-01-01' })[0]).toMatchObject({ row: 2, column: 'C' });
    expect(errorsOf('name,email\n"Ada,ada@example.org\n', { achievement: 'accessible-interfaces', date: '2026-01-01' }).some((error) => error.row === 2 && /never closed/.test(error.message))).toBe(true);
  });

  it('counts columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('re-imports and batches', () => {
  const salt = 'abcdefghijklmnop';
  const existing = [{ id: 'old-award-1', achievement: 'accessible-interfaces', recipient: { name: 'Ada  Lovelace', identity: { type: 'emailAddress', hash: identityHash('ada@example.org', salt), salt } } }] as unknown as AwardRecord[];

  it('skips a learner with the same achievement, name and email hash; keeps the others', () => {
    const rows = rowsOf(roster('name,email\nada lovelace,Ada@Example.org\nAda Lovelace,other@example.org\n', { achievement: 'accessible-interfaces', date: '2026-01-01' }));
    const { fresh, duplicates } = splitDuplicates(rows, indexExistingAwards(existing));
    expect(duplicates).toEqual([{ row: 2, id: 'old-award-1' }]);
    expect(fresh.map((row) => row.row)).toEqual([3]);
  });

  it('plans one batch per achievement, with the shared date at the top and no email', () => {
    const rows = rowsOf(roster('name,email,achievement,date\nAda,ada@example.org,accessible-interfaces,2026-03-14\nGrace,grace@example.org,data-privacy,2026-03-14\nAlan,alan@example.org,accessible-interfaces,2026-03-15\n'));
    const batches = planBatches(rows, { rosterFile: 'rosters/Spring Cohort.csv', existingPaths: new Set(['content/awards/2026/data-privacy-spring-cohort-2026-03-14.yaml']), usedIndices: new Set(), random: systemRandom });
    expect(batches.map((batch) => batch.path)).toEqual(['content/awards/2026/accessible-interfaces-spring-cohort-2026-03-15.yaml', 'content/awards/2026/data-privacy-spring-cohort-2026-03-14-2.yaml']);
    const first = parse(batches[0]!.text);
    expect(first.awardedOn).toBeUndefined();
    expect(first.awards.map((award: { awardedOn: string }) => award.awardedOn)).toEqual(['2026-03-14', '2026-03-15']);
    expect(parse(batches[1]!.text).awardedOn).toBe('2026-03-14');
    expect(batches.map((batch) => batch.text).join('')).not.toContain('@example.org');
  });

  it('writes the mail-merge CSV for Excel: a byte-order mark, CRLF, the achievement\'s name beside its slug, formulas neutralised', () => {
    const text = mailMergeCsv([
      { name: '=HYPERLINK("x")', email: 'a@b.co', achievement: 'x', achievementName: 'Données & vie privée', credentialUrl: 'https://b/credentials/1/' },
      { name: 'Zoë Ångström', email: 'z@b.co', achievement: 'y', achievementName: '+Design, systems', credentialUrl: 'https://b/credentials/2/' },
    ]);
    // Excel reads a CSV without a byte-order mark in the machine's legacy code page: "ZoÃ«".
    expect(text.startsWith('\uFEFFname,')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'name,email,achievement,achievement_name,credential_url',
      '"\'=HYPERLINK(""x"")",a@b.co,x,Données & vie privée,https://b/credentials/1/',
      'Zoë Ångström,z@b.co,y,"\'+Design, systems",https://b/credentials/2/',
      '',
    ]);
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
