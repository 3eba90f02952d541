/**
 * The OB 3.0 JSON Schemas (1EdTech, draft 2019-09) as validators for verify.ts: the
 * AchievementCredential one and the EndorsementCredential one, each precompiled by
 * scripts/generate-schema-validator.ts, so the browser runs no schema compiler. Errors read
 * `<JSON pointer> <message>`, as in the command line.
 */
import validateAchievement from './ob_v3p0_achievementcredential_validator.js';
import validateEndorsement from './ob_v3p0_endorsementcredential_validator.js';
import type { ValidateFunction } from './ob_v3p0_achievementcredential_validator.js';

const messagesOf = (validate: ValidateFunction) => (credential: Record<string, unknown>): string[] => {
  if (validate(credential)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
};

export const validateOpenBadgeSchema = messagesOf(validateAchievement);
export const validateEndorsementSchema = messagesOf(validateEndorsement);

/** Both, as verify.ts takes them (`validateSchema`). */
export const openBadgeSchemas = { achievement: validateOpenBadgeSchema, endorsement: validateEndorsementSchema } as const;
