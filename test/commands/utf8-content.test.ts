/**
 * Names and text beyond ASCII through npm run award and npm run import, in a repository with the
 * francais fixture's content (a fr-CA issuer, one achievement: travail-equipe): accents, Chinese
 * and Japanese, Arabic. The YAML they write holds each value as the UTF-8 bytes it was given, and
 * npm run check and the content loader read the same values back.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { award } from '../../src/commands/award.ts';
import { check } from '../../src/commands/check.ts';
import { importRoster } from '../../src/commands/import.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';
import { awardCounts } from '../helpers/content-counts.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

const ACHIEVEMENT = 'travail-equipe';

/** Every name in composed form (NFC), as keyboards and spreadsheets write them. */
const ACCENTED = 'Éloïse Côté-Bélanger';
const VIETNAMESE = 'Nguyễn Thị Minh Khai';
const CHINESE = '王秀英';
const JAPANESE = '山田 花子';
const ARABIC = 'فاطمة الزهراء بن علي';
/** French typography: an apostrophe, « » with narrow no-break spaces (U+202F), and one before the colon. */
const NARRATIVE = 'A animé l’atelier «\u202FTravail d’équipe\u202F»\u202F: très apprécié.';

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'francais' });
});
afterAll(() => repo.cleanup());

/** The text of a file written by a command, and its bytes. */
async function written(file: string): Promise<{ text: string; bytes: Buffer }> {
  const bytes = await readFile(path.join(repo.dir, file));
  return { text: bytes.toString('utf8'), bytes };
}

/** The names of the live awards as the content loader reads them back, by award id. */
async function loadedNames(): Promise<Map<string, string>> {
  const loaded = validateContent(await readContentFiles(repo.dir));
  if (!loaded.ok) throw new Error(`the content should be valid: ${loaded.errors.map((error) => error.message).join('; ')}`);
  return new Map(loaded.content.awards.map((entry) => [entry.id, entry.recipient.name]));
}

describe('UTF-8 names and text in the commands', () => {
  it('npm run award writes an accented, a Chinese and an Arabic name byte for byte, and check reads them back', async () => {
    const before = await awardCounts(repo.dir);
    const awarded: Array<{ name: string; id: string; file: string }> = [];
    for (const [index, name] of [ACCENTED, CHINESE, ARABIC].entries()) {
      const args = [ACHIEVEMENT, '--name', name, '--email', `learner${index}@example.org`, '--date', '2026-09-15'];
      const result = await repo.command(award, index === 0 ? [...args, '--narrative', NARRATIVE] : args);
      expect([result.code, result.stderr]).toEqual([0, '']);
      // The summary names the learner and the achievement as they are written.
      expect(result.stdout).toContain(`${name}: Travail en équipe, awarded 2026-09-15`);
      const file = /Wrote (content\/awards\/2026\/\S+\.yaml)/.exec(result.stdout)?.[1];
      const id = /credentials\/([0-9a-f-]{36})\//.exec(result.stdout)?.[1];
      expect(file).toBeDefined();
      expect(id).toBeDefined();
      awarded.push({ name, id: id!, file: file! });
    }
    // The file name keeps to ASCII: the accents are dropped, and a name without Latin letters is "learner".
    expect(awarded.map((entry) => /^content\/awards\/2026\/(.*)-[0-9a-f]{8}\.yaml$/.exec(entry.file)?.[1])).toEqual([
      'travail-equipe-eloise-cote-belanger',
      'travail-equipe-learner',
      'travail-equipe-learner',
    ]);

    for (const { name, file } of awarded) {
      const { text, bytes } = await written(file);
      // The name is the UTF-8 bytes it was given, not \u escapes, and not normalised.
      expect(text).toContain(`  name: "${name}"\n`);
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
      expect(text).not.toMatch(/\\u[0-9a-f]{4}/i);
      expect(parse(text).recipient.name).toBe(name);
    }
    const narrativeFile = await written(awarded[0]!.file);
    expect(narrativeFile.bytes.includes(Buffer.from(NARRATIVE, 'utf8'))).toBe(true);
    expect(parse(narrativeFile.text).narrative).toBe(NARRATIVE);

    const checked = await repo.command(check);
    expect([checked.code, checked.stderr]).toEqual([0, '']);
    expect(checked.stdout).toContain(`${before.live + awarded.length} awards`);
    const names = await loadedNames();
    for (const { name, id } of awarded) expect(names.get(id)).toBe(name);
  });

  it('npm run import writes the names of a UTF-8 roster byte for byte, in the batch and the mail-merge file, and check reads them back', async () => {
    const before = await awardCounts(repo.dir);
    const names = [ACCENTED, VIETNAMESE, CHINESE, JAPANESE, ARABIC].map((name) => `${name} (cohorte)`);
    // As a spreadsheet saves "CSV UTF-8": a byte-order mark and CRLF; one name quoted, as it has a comma.
    const rows = names.map((name, index) => `${index === 0 ? `"${name}, fils"` : name},inscrit${index}@example.org`);
    const csv = `\uFEFFname,email\r\n${rows.join('\r\n')}\r\n`;
    await writeFile(path.join(repo.dir, 'cohorte.csv'), csv);
    const expected = [`${names[0]}, fils`, ...names.slice(1)];

    const result = await repo.command(importRoster, ['cohorte.csv', '--achievement', ACHIEVEMENT, '--date', '2026-09-30']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('5 awards of Travail en équipe');
    const batch = /^ {2}(content\/awards\/2026\/\S+\.yaml) /m.exec(result.stdout)?.[1];
    expect(batch).toBeDefined();

    const { text, bytes } = await written(batch!);
    for (const name of expected) {
      expect(text).toContain(`name: "${name}"\n`);
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
    }
    expect(text).not.toMatch(/\\u[0-9a-f]{4}/i);
    const parsed = parse(text) as { awards: Array<{ id: string; recipient: { name: string } }> };
    expect(parsed.awards.map((entry) => entry.recipient.name)).toEqual(expected);

    // The mail-merge file (in the ignored .laurel/) keeps the names and the achievement's name too.
    const folder = path.join(repo.dir, '.laurel', 'mail-merge');
    const [mailMerge] = (await readdir(folder)).filter((file) => file.startsWith('cohorte-'));
    const merged = await readFile(path.join(folder, mailMerge!), 'utf8');
    for (const name of expected) expect(merged).toContain(name);
    expect(merged).toContain('Travail en équipe');

    const checked = await repo.command(check);
    expect([checked.code, checked.stderr]).toEqual([0, '']);
    expect(checked.stdout).toContain(`${before.live + expected.length} awards`);
    const loaded = await loadedNames();
    for (const entry of parsed.awards) expect(loaded.get(entry.id)).toBe(entry.recipient.name);

    // The same roster again adds nobody: a name beyond ASCII matches itself.
    const again = await repo.command(importRoster, ['cohorte.csv', '--achievement', ACHIEVEMENT, '--date', '2026-09-30']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 new awards');
  });
});
