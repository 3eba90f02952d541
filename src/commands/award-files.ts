/**
 * Award files as the commands write and find them: a new award (fresh id, salted email hash, a free
 * random status index), the YAML of single-award and batch files, and finding an award by id in the
 * files, parsed with the yaml Document API so that an edit (status.ts, forget.ts) keeps comments
 * and order.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { LaurelError } from '../core/error.ts';
import { Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { identityHash, normalizeEmail } from '../core/identity-hash.ts';
import { STATUS_LIST_SIZE } from '../content/schemas/common.ts';
import type { SiteContent, SourceFile } from '../content/validate.ts';
import { closest } from '../content/schema-issues.ts';
import type { FieldPath } from '../content/yaml-source.ts';

/** Everything random, injectable so tests are reproducible. */
export interface RandomSource {
  /** A fresh award id. */
  uuid(): string;
  /** `length` cryptographically strong random bytes. */
  bytes(length: number): Uint8Array;
}

export const systemRandom: RandomSource = {
  uuid: () => randomUUID(),
  bytes: (length) => new Uint8Array(randomBytes(length)),
};

/** 12 random bytes give 16 base64url characters: 96 bits, far beyond guessing. */
export function newSalt(random: RandomSource): string {
  return Buffer.from(random.bytes(12)).toString('base64url');
}

export interface HashedEmail {
  readonly type: 'emailAddress';
  readonly hash: string;
  readonly salt: string;
}

/** The only form in which an email address reaches the repository. */
export function hashEmail(email: string, random: RandomSource): HashedEmail {
  const salt = newSalt(random);
  return { type: 'emailAddress', hash: identityHash(normalizeEmail(email), salt), salt };
}

/** Every index taken by an award or a tombstone: an index is never reused, even after erasure. */
export function usedStatusIndices(content: SiteContent): Set<number> {
  return new Set([...content.awards, ...content.erased].map((award) => award.statusIndex));
}

/**
 * A free index in [0, 131072), chosen at random so that neighbours in the status list say nothing
 * about each other (herd privacy). Adds it to `used`.
 */
export function pickStatusIndex(used: Set<number>, random: RandomSource): number {
  if (used.size >= STATUS_LIST_SIZE) throw new RangeError(`All ${STATUS_LIST_SIZE} status-list entries are taken.`);
  for (;;) {
    const [a = 0, b = 0, c = 0] = random.bytes(3);
    // 17 bits of the 24 are exactly [0, 131072): uniform, no modulo bias.
    const index = ((a << 16) | (b << 8) | c) & (STATUS_LIST_SIZE - 1);
    if (!used.has(index)) {
      used.add(index);
      return index;
    }
  }
}

/** What the award and import commands know about one learner. */
export interface NewAward {
  readonly name: string;
  /** Hashed here, never stored. */
  readonly email: string;
  /** YYYY-MM-DD; in a batch, undefined when the batch sets it for all. */
  readonly awardedOn?: string | undefined;
  readonly evidenceUrl?: string | undefined;
  readonly narrative?: string | undefined;
  readonly results?: ReadonlyArray<{ readonly resultDescription: string; readonly value: string }> | undefined;
  /** OB 3.0 AchievementSubject.creditsEarned. */
  readonly creditsEarned?: number | undefined;
  /** Written only when given: left out, issuer.yaml's `earners` decides (src/content/privacy.ts). */
  readonly listed?: boolean | undefined;
  /** The learner's key (./learner-keys.ts): their earlier awards', or a fresh one. */
  readonly learner?: string | undefined;
}

/** An award entry in file order: the shape of `awards[]` in a batch, or a single file without `achievement`. */
export type AwardEntry = Record<string, unknown> & { id: string; statusIndex: number };

export function newAwardEntry(award: NewAward, used: Set<number>, random: RandomSource): AwardEntry {
  const entry: AwardEntry = {
    id: random.uuid(),
    statusIndex: pickStatusIndex(used, random),
    ...(award.learner === undefined ? {} : { learner: award.learner }),
    recipient: { name: award.name.trim(), identity: hashEmail(award.email, random) },
  };
  if (award.awardedOn !== undefined) entry['awardedOn'] = award.awardedOn;
  if (award.evidenceUrl !== undefined) entry['evidence'] = [{ url: award.evidenceUrl }];
  if (award.narrative !== undefined) entry['narrative'] = award.narrative;
  if (award.results?.length) entry['results'] = award.results.map(({ resultDescription, value }) => ({ resultDescription, value }));
  if (award.creditsEarned !== undefined) entry['creditsEarned'] = award.creditsEarned;
  if (award.listed !== undefined) entry['listed'] = award.listed;
  return entry;
}

// ——— Writing award files ———
// A small emitter rather than the yaml Document API, which takes over a second for a 5,000-award
// batch (this takes under a tenth of that). It writes only block maps, lists and scalars. A string
// stays plain only when every YAML reader sees it as that string; otherwise it is double-quoted
// (JSON string syntax is YAML double-quoted syntax). The validation re-parses what it writes.

/** Names and salts always in double quotes, as in the demo files: `No` or `1984` stays text everywhere. */
const QUOTED_KEYS = new Set(['name', 'salt']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/;
const WORDS = /^\p{L}[\p{L}\p{N} ,.;!?()'\/&+_$-]*$/u;
const URL_TEXT = /^https?:\/\/[^\s#"'`\\]+$/;
const KEYWORD = /^(true|false|null|yes|no|on|off|y|n)$/i;

function quote(text: string): string {
  // JSON leaves DEL, C1 controls and BOM-like characters raw; YAML wants them escaped.
  return JSON.stringify(text).replace(/[\u007f-\u009f\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isSafePlain(text: string): boolean {
  if (UUID.test(text) || DATE.test(text)) return true;
  if (URL_TEXT.test(text)) return !text.endsWith(':');
  return WORDS.test(text) && !text.endsWith(' ') && !KEYWORD.test(text);
}

function scalar(value: unknown, key: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  return !QUOTED_KEYS.has(key) && isSafePlain(text) ? text : quote(text);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function mapLines(map: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (!value.length) lines.push(`${indent}${key}: []`);
      else lines.push(`${indent}${key}:`);
      for (const item of value) {
        if (!isRecord(item)) {
          lines.push(`${indent}  - ${scalar(item, key)}`);
          continue;
        }
        const inner = mapLines(item, `${indent}    `);
        lines.push(`${indent}  - ${(inner[0] ?? '{}').trimStart()}`, ...inner.slice(1));
      }
    } else if (isRecord(value)) {
      const inner = mapLines(value, `${indent}  `);
      lines.push(inner.length ? `${indent}${key}:` : `${indent}${key}: {}`, ...inner);
    } else {
      lines.push(`${indent}${key}: ${scalar(value, key)}`);
    }
  }
  return lines;
}

/** YAML text for a mapping, with an optional comment at the top. */
export function renderYaml(value: Record<string, unknown>, header?: string): string {
  const comment = header ? `${header.split('\n').map((line) => `#${line}`).join('\n')}\n\n` : '';
  return `${comment}${mapLines(value, '').join('\n')}\n`;
}

/** The text of `content/awards/<year>/<file>.yaml` for one award: id, achievement and statusIndex first. */
export function singleAwardYaml(achievement: string, entry: AwardEntry): string {
  const { id, statusIndex, ...rest } = entry;
  return renderYaml({ id, achievement, statusIndex, ...rest });
}

/** A batch file: one achievement, its shared date, then the awards. */
export function batchAwardYaml(achievement: string, awardedOn: string | undefined, entries: readonly AwardEntry[], header?: string): string {
  return renderYaml({ achievement, ...(awardedOn !== undefined ? { awardedOn } : {}), awards: entries }, header);
}

/** A name as a file-name part: "Zoë Ångström" → "zoe-angstrom". */
export function slugify(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

/** The first block of a UUID: enough to tell two files of the same learner apart. */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(0, 8);
}

export function singleAwardPath(achievement: string, name: string, id: string, awardedOn: string): string {
  const slug = slugify(name) || 'learner';
  return `content/awards/${awardedOn.slice(0, 4)}/${achievement}-${slug}-${shortId(id)}.yaml`;
}

// ——— Finding an award ———

/** Accepts the id itself, or a credential URL copied from a page (`…/credentials/<id>/` or `.json`). */
export function normalizeAwardId(input: string): string {
  const trimmed = input.trim();
  const fromUrl = /\/credentials\/([^/?#]+?)(?:\.json|\.png|\.svg)?\/?(?:[?#].*)?$/.exec(trimmed);
  return (fromUrl?.[1] ?? trimmed).toLowerCase();
}

export interface AwardLocation {
  readonly file: SourceFile;
  /**
   * The file, parsed. The edit functions below change it in place and return its new text: use a
   * location for one edit only.
   */
  readonly document: Document.Parsed;
  /** `[]` for a single-award file, `['awards', n]` in a batch. */
  readonly path: FieldPath;
  readonly line: number;
  readonly achievement: string;
  /** The award's own fields as written (a batch's shared fields are not merged in). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly erased: boolean;
}

function idOf(node: unknown): unknown {
  return isMap(node) ? node.get('id') : undefined;
}

/** Finds an award by id in the award files. Only files whose text contains the id are parsed. */
export function findAward(files: readonly SourceFile[], id: string): AwardLocation | undefined {
  for (const file of files) {
    if (!file.text.includes(id)) continue;
    const lineCounter = new LineCounter();
    const document = parseDocument(file.text, { lineCounter });
    const root = document.contents;
    if (document.errors.length || !isMap(root)) continue;
    const entries = root.get('awards', true);
    let path: FieldPath | undefined;
    let node: unknown;
    if (isSeq(entries)) {
      const index = entries.items.findIndex((item) => idOf(item) === id);
      if (index >= 0) [path, node] = [['awards', index], entries.items[index]];
    } else if (idOf(root) === id) {
      [path, node] = [[], root];
    }
    if (!path || !isMap(node)) continue;
    const data = node.toJSON() as Record<string, unknown>;
    return {
      file, document, path, data,
      line: lineCounter.linePos(node.range?.[0] ?? 0).line,
      achievement: String(root.get('achievement') ?? ''),
      erased: 'erased' in data,
    };
  }
  return undefined;
}

/** The nearest award id, for "did you mean" when an id is mistyped. */
export function closestAwardId(files: readonly SourceFile[], id: string): string | undefined {
  const ids = files.flatMap((file) => [...file.text.matchAll(/^\s*(?:-\s+)?id:\s*["']?([a-z0-9-]+)/gm)].map((match) => match[1]!));
  // The short id in a file name, or a truncated copy and paste, is a prefix.
  const prefixed = id.length >= 4 ? ids.filter((candidate) => candidate.startsWith(id)) : [];
  return prefixed.length === 1 ? prefixed[0] : closest(id, ids);
}

// ——— Editing an award ———

export type AwardEditCode = 'erased' | 'already-revoked' | 'already-suspended' | 'revoked' | 'not-suspended' | 'already-erased';

/** A change the commands refuse to make to the award at `location`, which the error points at. */
export function awardEditError(location: Pick<AwardLocation, 'file' | 'line'>, code: AwardEditCode, message: string): LaurelError {
  return new LaurelError(code, `${message} Nothing was changed.`, { file: location.file.path, line: location.line });
}

/** lineWidth 0: never refold long lines, so the rest of the file stays byte for byte as it was. */
export function documentText(document: Document.Parsed): string {
  return document.toString({ lineWidth: 0 });
}

