/**
 * The schema check: the OB 3.0 JSON Schemas (1EdTech), the AchievementCredential one for Open
 * Badges and the EndorsementCredential one for endorsements. The validators are passed in: the
 * browser brings precompiled ones, the command line compiles the same schemas.
 */
import { result, type CheckResult } from './check.ts';
import type { CredentialFamily, FormatResult } from './format.ts';
import { errorMessage, isRecord, type Json } from './json-shape.ts';

/** One OB 3.0 JSON Schema as a function; returns error messages, none when valid. */
export type SchemaValidator = (credential: Record<string, unknown>) => string[];

/**
 * A validator per credential family. A single function is the AchievementCredential schema
 * alone (as callers gave it before endorsements were verified): an endorsement is then not checked
 * against it, since that schema is not the endorsement's.
 */
export type SchemaValidators = SchemaValidator | { readonly achievement?: SchemaValidator | undefined; readonly endorsement?: SchemaValidator | undefined };

function validatorFor(validators: SchemaValidators | undefined, family: CredentialFamily): SchemaValidator | undefined {
  if (validators === undefined) return undefined;
  if (typeof validators === 'function') return family === 'achievement' ? validators : undefined;
  return family === 'achievement' ? validators.achievement : family === 'endorsement' ? validators.endorsement : undefined;
}

/**
 * The classes whose `type` the OB 3.0 model makes a set (1..*) and the JSON Schema an array
 * (OB 3.0 §B data model; the schemas' `$defs`). Classes whose `type` is one IRI (Image,
 * IdentityObject, IdentifierEntry, Proof, CredentialSchema, CredentialStatus, GeoCoordinates…)
 * are not listed: for them a string is the only right spelling.
 */
const TYPE_SET_CLASSES: ReadonlySet<string> = new Set([
  'Achievement', 'AchievementSubject', 'Address', 'Alignment', 'EndorsementSubject', 'Evidence', 'Profile',
  'Related', 'Result', 'ResultDescription', 'RubricCriterionLevel',
]);

/** Properties the schemas want as arrays of objects; a property of the same name that holds a string elsewhere (Result.resultDescription, IdentifierEntry.identifier) is left alone. */
const OBJECT_SETS: ReadonlySet<string> = new Set([
  'alignment', 'credentialSchema', 'endorsement', 'evidence', 'identifier', 'otherIdentifier', 'proof', 'related', 'result',
  'resultDescription', 'rubricCriterionLevel', 'termsOfUse',
]);
/** Properties the schemas want as arrays of strings. */
const STRING_SETS: ReadonlySet<string> = new Set(['allowedValue', 'endorsementJwt', 'tag']);

/**
 * OB 3.0 serialization.md allows the JSON-LD compacted document form, in which a set of one value
 * is written as that value: `"type": "Achievement"`, `"proof": {…}`, `"evidence": {…}`, at any
 * depth. The 1EdTech schemas want arrays, and say such a document "MAY not pass" them; the
 * meaning is the same, so the equivalent array form is what gets validated, and an allowed
 * spelling is not reported as a broken rule. A copy: the signature is always checked on the
 * document exactly as it was given, never on this. The input is already bounded in depth and size
 * (./input.ts), so the walk is too.
 */
export function expandCompacted(value: unknown, topLevel = true): unknown {
  if (Array.isArray(value)) return value.map((item) => expandCompacted(item, false));
  if (!isRecord(value)) return value;
  const copy: Json = {};
  for (const [key, item] of Object.entries(value)) {
    const wrap =
      (key === 'type' && typeof item === 'string' && (topLevel || TYPE_SET_CLASSES.has(item))) ||
      (OBJECT_SETS.has(key) && isRecord(item)) ||
      (STRING_SETS.has(key) && typeof item === 'string');
    const expanded = key === '@context' ? item : expandCompacted(item, false);
    copy[key] = wrap ? [expanded] : expanded;
  }
  return copy;
}

export function checkSchema(doc: Json, format: FormatResult, validators: SchemaValidators | undefined): CheckResult {
  if (format.family === 'other') return result('schema', 'skipped', 'schema.not-open-badge');
  // CLR 2.0 has a JSON Schema of its own, which this verifier does not carry; its credentials are each checked.
  if (format.family === 'clr') return result('schema', 'skipped', 'schema.clr');
  const validate = validatorFor(validators, format.family);
  if (!validate) return result('schema', 'skipped', 'schema.no-validator', { family: format.family });
  if (format.vcVersion === 1) return result('schema', 'skipped', 'schema.version-1');
  let errors: string[];
  try {
    errors = validate(expandCompacted(doc) as Json);
  } catch (error) {
    return result('schema', 'unknown', 'schema.checker-error', {}, { error: errorMessage(error) });
  }
  if (errors.length === 0) return result('schema', 'passed', 'schema.valid', { family: format.family });
  return result('schema', 'failed', 'schema.invalid', { error: errors[0], family: format.family }, { errors });
}
