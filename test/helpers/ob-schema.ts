/** The official OB 3.0 JSON Schemas (test/fixtures/schemas), compiled with ajv for draft 2019-09. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const SCHEMAS = path.resolve(import.meta.dirname, '../fixtures/schemas');

function compile(file: string) {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as object);
  return (document: unknown): string[] => (validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`));
}

export const validateAchievementCredential = compile('ob_v3p0_achievementcredential_schema.json');
export const validateProfile = compile('ob_v3p0_profile_schema.json');
/** 1EdTech's CLR 2.0 ClrCredential schema as published at its `$id` (draft 2019-09, VC 2.0). */
export const validateClrCredential = compile('clr_v2p0_clrcredential_schema.json');

/**
 * 1EdTech's CLR 2.0 ClrCredential schema (test/fixtures/schemas/SOURCE.md): draft-04 by its
 * `$schema`, written with `$id` and `$defs`, which ajv's default draft resolves the same way; its
 * own meta-schema is not checked.
 */
export function compileClrCredentialSchema(): (document: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'clr_v2p0_clrcredential_schema_draft4.json'), 'utf8')) as object);
  return (document: unknown): string[] => (validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`));
}
