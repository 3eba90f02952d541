/**
 * The schema check: the OB 3.0 JSON Schema (1EdTech), for Open Badges only. The validator is
 * passed in: the browser brings a precompiled one, the command line compiles the same schema.
 */
import { result, type CheckResult } from './check.ts';
import type { FormatResult } from './format.ts';
import { errorMessage, type Json } from './json-shape.ts';

/** The OB 3.0 JSON Schema as a function; returns error messages, none when valid. */
export type SchemaValidator = (credential: Record<string, unknown>) => string[];

/**
 * OB 3.0 serialization.md allows the JSON-LD compacted form in which `type`, `proof`,
 * `credentialSchema` and `termsOfUse` are single values, though the schema wants arrays: validate
 * the equivalent array form so an allowed spelling is not reported as a broken rule.
 */
function expandCompacted(doc: Json): Json {
  const copy: Json = { ...doc };
  for (const key of ['type', 'proof', 'credentialSchema', 'termsOfUse']) {
    if (copy[key] !== undefined && !Array.isArray(copy[key])) copy[key] = [copy[key]];
  }
  return copy;
}

export function checkSchema(doc: Json, format: FormatResult, validate: SchemaValidator | undefined): CheckResult {
  if (!format.openBadge) return result('schema', 'skipped', 'schema.not-open-badge');
  if (!validate) return result('schema', 'skipped', 'schema.no-validator');
  if (format.vcVersion === 1) return result('schema', 'skipped', 'schema.version-1');
  let errors: string[];
  try {
    errors = validate(expandCompacted(doc));
  } catch (error) {
    return result('schema', 'unknown', 'schema.checker-error', {}, { error: errorMessage(error) });
  }
  if (errors.length === 0) return result('schema', 'passed', 'schema.valid');
  return result('schema', 'failed', 'schema.invalid', { error: errors[0] }, { errors });
}
