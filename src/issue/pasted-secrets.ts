/**
 * A secret signing key pasted into a content file (a narrative, evidence, an achievement's
 * criteria) would be signed into a credential and published on its page. Every content file is
 * searched before it is validated (a validation error may quote the value it rejects) and before
 * anything is signed or written: a secret found is an error that names the file, the line and the
 * field, never the secret.
 */
import { formatPath } from '../content/schema-issues.ts';
import { parseYamlSource, splitFrontmatter, type FieldPath } from '../content/yaml-source.ts';
import type { ContentFiles, SourceFile } from '../content/validate.ts';
import { errorCount, LaurelError, LaurelErrors } from '../core/error.ts';
import { decodeSecretKeyMultibase } from '../core/multikey.ts';

const BASE58 = '1-9A-HJ-NP-Za-km-z';
/**
 * An Ed25519 secret Multikey: `z3u2` and 44 more base58btc characters (Controlled Identifiers
 * §2.2.2, header 0x8026), standing alone rather than inside a longer base58 text.
 */
const SECRET_MULTIKEY = new RegExp(`(?<![${BASE58}])z3u2[${BASE58}]{44}(?![${BASE58}])`, 'g');

/** Where each secret in `text` starts: any secret Multikey, and the given secrets however written. */
export function secretOffsets(text: string, known: readonly string[] = []): number[] {
  const offsets = new Set<number>();
  for (const match of text.matchAll(SECRET_MULTIKEY)) if (decodeSecretKeyMultibase(match[0])) offsets.add(match.index);
  for (const secret of known) {
    for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) offsets.add(at);
  }
  return [...offsets].sort((a, b) => a - b);
}

/** The dotted field path of a string value that holds a secret, as content errors write fields. */
function fieldsHoldingSecrets(value: unknown, known: readonly string[], path: FieldPath = []): FieldPath[] {
  if (typeof value === 'string') return secretOffsets(value, known).length ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldsHoldingSecrets(item, known, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => fieldsHoldingSecrets(item, known, [...path, key]));
  return [];
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function secretError(file: string, where: { line: number; column: number }, field: string | undefined): LaurelError {
  return new LaurelError('secret-in-content', 'holds a secret signing key (z3u2…, not repeated here), which the build would publish. Remove it; the key has been seen, so rotate it (npm run rotate-key) and, if the file was ever pushed, mark the old key compromised (npm run compromise-key).', {
    file,
    ...where,
    field,
    expected: 'no secret key in content/: the signing secret lives only in LAUREL_SIGNING_KEY',
    received: 'a secret key (not repeated here)',
  });
}

/** The fields of one file that hold a secret, with the line and column where each secret is written. */
function secretsInFile(file: SourceFile, known: readonly string[]): LaurelError[] {
  // The text is searched first, and parsed only when it holds a secret: this runs on every build
  // and every change the dev server signs. (A YAML scalar folded over lines joins them with a
  // space, so a secret cut in two that way is no secret in the value either.)
  const offsets = secretOffsets(file.text, known);
  if (offsets.length === 0) return [];
  const parts = file.path.endsWith('.md') || file.path.endsWith('.mdx') ? splitFrontmatter(file.text) : undefined;
  const source = parseYamlSource(parts ? parts.frontmatter : file.text, parts?.lineOffset ?? 0);
  const fields = source.syntaxErrors.length ? [] : fieldsHoldingSecrets(source.value, known);
  const written = offsets.map((offset) => positionOf(file.text, offset));
  const errors = fields.map((path) => {
    // The value starts where the field is; the secret may be lines below (a block scalar).
    const value = source.locate(path);
    return secretError(file.path, written.find((position) => position.line >= value.line) ?? value, formatPath(path));
  });
  const inBody = parts ? secretOffsets(parts.body, known)[0] : undefined;
  if (parts && inBody !== undefined) errors.push(secretError(file.path, positionOf(file.text, file.text.length - parts.body.length + inBody), 'criteria (the Markdown body)'));
  // Found in the text but in no value (a comment, a file that is not valid YAML): its line.
  if (errors.length === 0) errors.push(secretError(file.path, written[0]!, undefined));
  return errors;
}

/**
 * Refuses content that holds a secret key: any secret Multikey, and `known` secrets (the one in
 * LAUREL_SIGNING_KEY) in whatever form they were given.
 */
export function refusePastedSecrets(files: ContentFiles, known: readonly string[]): void {
  const secrets = known.map((secret) => secret.trim()).filter((secret) => secret.length >= 16);
  const all = [...(files.issuer ? [files.issuer] : []), ...files.achievements, ...files.awards];
  const errors = all.flatMap((file) => secretsInFile(file, secrets));
  if (errors.length) throw new LaurelErrors(errors, `${errorCount(errors)} in content/: a secret key must never be published. Nothing was built.`);
}
