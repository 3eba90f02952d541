/**
 * Turns zod issues into content errors that say, in the issuer's words, which field is wrong, what
 * it should be (from the schema's own descriptions) and what was found.
 */
import { z } from 'zod';
import type { LaurelError } from '../core/error.ts';
import { contentError, describeReceived, type ContentErrorCode } from './content-error.ts';
import type { FieldPath, YamlSource } from './yaml-source.ts';

type AnySchema = z.ZodType;

/** Unwraps optional, default, nullable and pipe wrappers to reach the schema that shapes a value. */
function unwrap(schema: AnySchema): AnySchema {
  let current: AnySchema = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = (current as unknown as { def: { type: string; innerType?: AnySchema; in?: AnySchema } }).def;
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The schema that describes the field at `path`, when the path leads through objects and arrays. */
export function fieldSchemaAt(schema: AnySchema, path: FieldPath): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const inner = unwrap(current);
    if (inner instanceof z.ZodObject && typeof segment === 'string') current = (inner.shape as Record<string, AnySchema>)[segment];
    else if (inner instanceof z.ZodArray && typeof segment === 'number') current = inner.element as AnySchema;
    else return undefined;
  }
  return current;
}

function describeExpected(schema: AnySchema, path: FieldPath): string | undefined {
  const field = fieldSchemaAt(schema, path);
  if (!field) return undefined;
  return field.description ?? unwrap(field).description;
}

function allowedKeys(schema: AnySchema, path: FieldPath): string[] {
  const field = fieldSchemaAt(schema, path);
  const inner = field ? unwrap(field) : undefined;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

export function formatPath(path: FieldPath): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

function valueAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Edit distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

interface IssueContext {
  readonly file: string;
  readonly source: YamlSource;
  readonly schema: AnySchema;
  /** The data that was validated, and where it sits in the file. */
  readonly value: unknown;
  readonly basePath?: FieldPath;
}

/** A date field fails as a union of date and date-time formats; either branch failing as a date counts. */
function isDateIssue(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_format') return issue.format === 'date' || issue.format === 'datetime';
  if (issue.code === 'invalid_union') return issue.errors.length > 0 && issue.errors.every((branch) => branch.some(isDateIssue));
  return false;
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[], context: IssueContext): LaurelError[] {
  const base = context.basePath ?? [];
  const errors: LaurelError[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const fullPath = [...base, ...path];
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(context.schema, path);
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        errors.push(contentError({
          code: 'unknown-field',
          file: context.file,
          ...context.source.locate([...fullPath, key], { key: true }),
          field: formatPath([...fullPath, key]),
          message: suggestion ? `is not a field here. Did you mean "${suggestion}"?` : 'is not a field here; check the spelling.',
          expected: allowed.length ? `one of the fields ${allowed.join(', ')}` : 'no such field',
          received: key,
        }));
      }
      continue;
    }
    const received = valueAt(context.value, path);
    const code: ContentErrorCode =
      received === undefined && issue.code === 'invalid_type'
        ? 'missing-field'
        : isDateIssue(issue)
          ? 'invalid-date'
          : 'invalid-value';
    const expected = describeExpected(context.schema, path);
    errors.push(contentError({
      code,
      file: context.file,
      ...context.source.locate(fullPath),
      field: formatPath(fullPath),
      message: code === 'missing-field' ? 'is required but missing.' : code === 'invalid-date' ? 'is not a real date in the expected form.' : `${issue.message.replace(/^Invalid input: /, '')}.`.replace(/\.\.$/, '.'),
      ...(expected !== undefined ? { expected } : {}),
      ...(code === 'missing-field' ? {} : { received: describeReceived(received) }),
    }));
  }
  return errors;
}
