/**
 * The RNCP register (src/content/rncp-register.ts) read from France Compétences' own XML export:
 * an excerpt of two certifications, committed with its source (test/fixtures/rncp/SOURCE.md).
 * Each RNCP alignment is checked against it: code, title, and whether the certification is still
 * active. On the minimal fixture tree with achievements added here; and, in the template itself,
 * the demo's RNCP programme, which steps aside in an issuer's own repository.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MARKER } from '../../src/commands/init.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { checkAgainstRegister, rncpCertificationsNamed, rncpRegisterReader } from '../../src/content/rncp-register.ts';
import { stackRule } from '../../src/content/stacks.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';
import { TEMPLATE } from '../helpers/repository.ts';

const EXPORT = path.resolve(import.meta.dirname, '../fixtures/rncp/export_fiches_RNCP_excerpt.xml');
const xml = readFileSync(EXPORT, 'utf8');

function read(text: string, wanted?: ReadonlySet<string>, chunk = text.length) {
  const reader = rncpRegisterReader(wanted);
  for (let at = 0; at < text.length; at += chunk) reader.write(text.slice(at, at + chunk));
  return reader.close();
}

describe('the register export', () => {
  it('gives each certification its title, state, end of registration and skill blocks, and nothing read elsewhere in a fiche', () => {
    const register = read(xml);
    expect([...register.keys()].sort()).toEqual(['RNCP34762', 'RNCP37873']);
    const cda = register.get('RNCP37873')!;
    expect({ title: cda.title, active: cda.active }).toEqual({ title: "Concepteur développeur d'applications", active: true });
    // Only the fiche's own blocks: CORRESPONDANCES name blocks of other certifications by CODE too.
    expect([...cda.blocks]).toEqual([
      ['RNCP37873BC01', 'Développer une application sécurisée'],
      ['RNCP37873BC02', 'Concevoir et développer une application sécurisée organisée en couches'],
      ['RNCP37873BC03', "Préparer le déploiement d'une application sécurisée"],
    ]);
    const old = register.get('RNCP34762')!;
    expect({ active: old.active, until: old.registeredUntil, blocks: old.blocks.size }).toEqual({ active: false, until: '31/08/2024', blocks: 5 });
  });

  it('keeps only the certifications asked for, and reads the same in small pieces as whole', () => {
    expect([...read(xml, new Set(['RNCP37873'])).keys()]).toEqual(['RNCP37873']);
    expect(read(xml, undefined, 997)).toEqual(read(xml));
  });

  it('refuses a file that is not well-formed XML', () => {
    expect(() => read('<FICHES><FICHE><NUMERO_FICHE>RNCP1</FICHE>')).toThrow();
  });
});

/** The minimal tree with an achievement aligned to each of `alignments` (YAML list items). */
function contentWith(alignments: Record<string, string>): { content: SiteContent; texts: Map<string, string> } {
  const tree = fixtureTree();
  for (const [slug, items] of Object.entries(alignments)) tree.set(`content/achievements/${slug}.md`, `---\nname: ${slug}\ndescription: A block.\nalignments:\n${items}---\n\nAssessed.\n`);
  const files = toContentFiles(tree);
  const result = validateContent(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { content: result.content, texts: new Map(files.achievements.map((file) => [file.path, file.text])) };
}

const rncp = (name: string, code: string) => `  - targetName: "${name}"\n    targetUrl: https://www.francecompetences.fr/recherche/rncp/${/^RNCP(\d+)/.exec(code)![1]}/\n    targetFramework: RNCP\n    targetCode: ${code}\n`;

describe('RNCP alignments against the register', () => {
  it('accept a block named as the register names it, curly apostrophe or not', () => {
    const { content, texts } = contentWith({ deploy: rncp('Préparer le déploiement d’une application sécurisée', 'RNCP37873BC03'), whole: rncp("Concepteur développeur d'applications", 'RNCP37873') });
    expect(rncpCertificationsNamed(content.achievements.values())).toEqual(new Set(['RNCP37873']));
    const result = checkAgainstRegister(content.achievements.values(), texts, read(xml), 'excerpt.xml');
    expect(result).toEqual({ errors: [], warnings: [], checked: 2 });
  });

  it('refuse a block the certification does not have, a title that is not the register\'s and a certification it does not list, each at its line; warn of one no longer active', () => {
    const { content, texts } = contentWith({
      'no-such-block': rncp('Manager les équipes', 'RNCP37873BC04'),
      'other-title': rncp('Développer une application', 'RNCP37873BC01'),
      'not-listed': rncp('Développeur web', 'RNCP99999'),
      'inactive': rncp('Stratégie, organisation, environnement socioéconomique et géopolitique', 'RNCP34762BC01'),
    });
    const { errors, warnings, checked } = checkAgainstRegister(content.achievements.values(), texts, read(xml), 'excerpt.xml');
    expect(checked).toBe(4);
    expect(errors.map((error) => [error.file, error.line, error.field, error.message, error.expected])).toEqual([
      ['content/achievements/no-such-block.md', 8, 'alignments[0].targetCode', 'RNCP37873BC04 is not a skill block of RNCP37873, « Concepteur développeur d\'applications », in the register (excerpt.xml).', 'one of RNCP37873BC01, RNCP37873BC02, RNCP37873BC03'],
      ['content/achievements/not-listed.md', 8, 'alignments[0].targetCode', 'RNCP99999 is not a certification of the register (excerpt.xml).', 'the code of a certification the register lists: check the number on its France Compétences page'],
      ['content/achievements/other-title.md', 5, 'alignments[0].targetName', 'is not the title the register gives RNCP37873BC01.', '"Développer une application sécurisée"'],
    ]);
    expect(warnings.map((warning) => [warning.code, warning.file, warning.line, warning.message])).toEqual([
      ['rncp-inactive', 'content/achievements/inactive.md', 8, 'RNCP34762, « Programme Grande Ecole – Diplôme d’études supérieures en management », is no longer active in the register (registered until 31/08/2024): it can no longer be awarded.'],
    ]);
  });
});

const IS_THE_TEMPLATE = await stat(path.join(TEMPLATE, DEMO_MARKER)).then(() => true, () => false);

describe.runIf(IS_THE_TEMPLATE)("the template's demo", () => {
  it('aligns its RNCP programme as the register does, and stacks the certification from its own blocks', async () => {
    const result = validateContent(await readContentFiles(TEMPLATE));
    if (!result.ok) throw new Error('the demo does not validate');
    const texts = new Map((await readContentFiles(TEMPLATE)).achievements.map((file) => [file.path, file.text]));
    const check = checkAgainstRegister(result.content.achievements.values(), texts, read(xml), 'excerpt.xml');
    expect(check.checked).toBeGreaterThan(1);
    expect([...check.errors, ...check.warnings]).toEqual([]);
    // Each stack aligned to a certification is made of achievements aligned to that certification's blocks.
    const codeOf = (slug: string) => result.content.achievements.get(slug)!.data.alignments.find((alignment) => alignment.targetFramework === 'RNCP')?.targetCode;
    const stacks = [...result.content.achievements.values()].filter((record) => stackRule(record) && codeOf(record.slug));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const certification = codeOf(stack.slug)!;
      expect(stackRule(stack)!.achievements.map(codeOf).sort()).toEqual([...read(xml).get(certification)!.blocks.keys()]);
    }
  });
});
