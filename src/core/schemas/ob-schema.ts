/**
 * The OB 3.0 AchievementCredential JSON Schema (1EdTech, draft 2019-09) as a `validateSchema`
 * for verify.ts: the validator precompiled by scripts/generate-schema-validator.ts, so the browser
 * runs no schema compiler. Errors read `<JSON pointer> <message>`, as in the command line.
 */
import validate from './ob_v3p0_achievementcredential_validator.js';

export function validateOpenBadgeSchema(credential: Record<string, unknown>): string[] {
  if (validate(credential)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
}
