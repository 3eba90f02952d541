/**
 * France's national register of professional certifications (RNCP) as France Compétences
 * publishes it on data.gouv.fr: the nightly XML export (« flux » version 4.1,
 * `export_fiches_RNCP_V4_1_<date>.xml`, several hundred megabytes), read as a stream of text so
 * that only the certifications the content names are kept. Then each RNCP alignment of the
 * achievements checked against it: the certification and the block exist, are named as the register
 * names them, and the certification is still active. Pure: the caller reads the file.
 */
import { SaxesParser } from 'saxes';
import type { LaurelError } from '../core/error.ts';
import { contentError } from './content-error.ts';
import { RNCP_CODE } from './schemas/achievement.ts';
import type { AchievementRecord } from './validate.ts';
import { formatPath } from './schema-issues.ts';
import { parseYamlSource, splitFrontmatter, type FieldPath } from './yaml-source.ts';

export interface RegisteredCertification {
  /** `RNCP37873`. */
  readonly code: string;
  /** Its title (INTITULE). */
  readonly title: string;
  /** ACTIF: whether it can still be awarded. */
  readonly active: boolean;
  /** DATE_FIN_ENREGISTREMENT, as the export writes it (DD/MM/YYYY). */
  readonly registeredUntil: string | undefined;
  /** Its skill blocks, code (`RNCP37873BC01`) to title (BLOCS_COMPETENCES). */
  readonly blocks: ReadonlyMap<string, string>;
}

export interface RegisterReader {
  write(text: string): void;
  /** The certifications read, by code; throws on XML that is not well-formed. */
  close(): Map<string, RegisteredCertification>;
}

/**
 * A reader of the export that keeps the certifications `wanted` names (all when absent). The
 * fields are read at their place in a FICHE: a block's CODE inside CORRESPONDANCES, or a
 * partner's ACTIF, is another thing of the same name.
 */
export function rncpRegisterReader(wanted?: ReadonlySet<string>): RegisterReader {
  const parser = new SaxesParser();
  const register = new Map<string, RegisteredCertification>();
  const path: string[] = [];
  let text = '';
  let fiche: { code?: string; title?: string; active?: boolean; until?: string; blocks: Map<string, string> } | undefined;
  let block: { code?: string; title?: string } | undefined;
  const at = (...names: string[]) => path.length === names.length + 2 && names.every((name, index) => path[index + 2] === name);

  parser.on('opentag', (tag) => {
    path.push(tag.name);
    text = '';
    if (path.length === 2 && tag.name === 'FICHE') fiche = { blocks: new Map() };
    if (fiche && at('BLOCS_COMPETENCES', 'BLOC_COMPETENCES')) block = {};
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', () => {
    const value = text.trim();
    if (fiche) {
      if (at('NUMERO_FICHE')) fiche.code = value;
      else if (at('INTITULE')) fiche.title = value;
      else if (at('ACTIF')) fiche.active = value === 'Oui';
      else if (at('DATE_FIN_ENREGISTREMENT')) fiche.until = value;
      else if (block && at('BLOCS_COMPETENCES', 'BLOC_COMPETENCES', 'CODE')) block.code = value;
      else if (block && at('BLOCS_COMPETENCES', 'BLOC_COMPETENCES', 'LIBELLE')) block.title = value;
      else if (block && at('BLOCS_COMPETENCES', 'BLOC_COMPETENCES')) {
        if (block.code) fiche.blocks.set(block.code, block.title ?? '');
        block = undefined;
      } else if (path.length === 2 && fiche.code && (!wanted || wanted.has(fiche.code))) {
        register.set(fiche.code, { code: fiche.code, title: fiche.title ?? '', active: fiche.active ?? false, registeredUntil: fiche.until, blocks: fiche.blocks });
      }
    }
    if (path.length === 2) fiche = undefined;
    path.pop();
    text = '';
  });
  return {
    write: (chunk) => void parser.write(chunk),
    close: () => {
      parser.close();
      return register;
    },
  };
}

/** The certifications the achievements' RNCP alignments name: `RNCP37873` for `RNCP37873BC02` too. */
export function rncpCertificationsNamed(achievements: Iterable<AchievementRecord>): Set<string> {
  const codes = new Set<string>();
  for (const record of achievements) {
    for (const alignment of record.data.alignments) {
      const code = isRncp(alignment.targetFramework) ? RNCP_CODE.exec(alignment.targetCode?.trim() ?? '') : null;
      if (code) codes.add(`RNCP${code[1]}`);
    }
  }
  return codes;
}

function isRncp(framework: string | undefined): boolean {
  return framework?.trim().toUpperCase() === 'RNCP';
}

/**
 * Two titles are the same title when they differ only in typography: the curly apostrophe
 * French typesetting uses for the straight one the register writes, spaces, and capitals.
 */
function sameTitle(a: string, b: string): boolean {
  const plain = (text: string) => text.normalize('NFC').replace(/[\u2019\u02bc]/g, "'").replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLocaleLowerCase('fr');
  return plain(a) === plain(b);
}

export interface RegisterCheck {
  readonly errors: LaurelError[];
  readonly warnings: LaurelError[];
  /** How many RNCP alignments were checked. */
  readonly checked: number;
}

/**
 * Each RNCP alignment against the register: an error where its code is not a certification or
 * block of the register, or its targetName is not the register's title (the expected value
 * quotes it); a warning where the certification is no longer active. Located in each
 * achievement's file, at the alignment's field.
 */
export function checkAgainstRegister(achievements: Iterable<AchievementRecord>, texts: ReadonlyMap<string, string>, register: ReadonlyMap<string, RegisteredCertification>, registerName: string): RegisterCheck {
  const errors: LaurelError[] = [];
  const warnings: LaurelError[] = [];
  let checked = 0;
  for (const record of achievements) {
    const text = texts.get(record.file);
    const parts = text === undefined ? undefined : splitFrontmatter(text);
    const source = parts && parseYamlSource(parts.frontmatter, parts.lineOffset);
    const at = (path: FieldPath) => ({ file: record.file, ...(source ? source.locate(path) : { line: 1, column: 1 }), field: formatPath(path) });
    record.data.alignments.forEach((alignment, index) => {
      if (!isRncp(alignment.targetFramework)) return;
      const code = alignment.targetCode?.trim() ?? '';
      const parsed = RNCP_CODE.exec(code);
      if (!parsed) return;
      checked++;
      const certification = register.get(`RNCP${parsed[1]}`);
      if (!certification) {
        errors.push(contentError({ ...at(['alignments', index, 'targetCode']), code: 'invalid-value', message: `${code} is not a certification of the register (${registerName}).`, expected: 'the code of a certification the register lists: check the number on its France Compétences page', received: JSON.stringify(code) }));
        return;
      }
      const title = parsed[2] ? certification.blocks.get(code) : certification.title;
      if (title === undefined) {
        const blocks = [...certification.blocks.keys()];
        errors.push(contentError({ ...at(['alignments', index, 'targetCode']), code: 'invalid-value', message: `${code} is not a skill block of ${certification.code}, « ${certification.title} », in the register (${registerName}).`, expected: blocks.length ? `one of ${blocks.join(', ')}` : `${certification.code} itself: the register gives it no blocks`, received: JSON.stringify(code) }));
        return;
      }
      if (!sameTitle(alignment.targetName, title)) {
        errors.push(contentError({ ...at(['alignments', index, 'targetName']), code: 'invalid-value', message: `is not the title the register gives ${code}.`, expected: JSON.stringify(title), received: JSON.stringify(alignment.targetName) }));
      }
      if (!certification.active) {
        warnings.push(contentError({ ...at(['alignments', index, 'targetCode']), code: 'rncp-inactive', message: `${certification.code}, « ${certification.title} », is no longer active in the register${certification.registeredUntil ? ` (registered until ${certification.registeredUntil})` : ''}: it can no longer be awarded.`, expected: 'the code of the certification that replaces it, from its France Compétences page' }));
      }
    });
  }
  return { errors, warnings, checked };
}
