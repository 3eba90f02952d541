/** The validity check: VCDM 2.0 §4.9 validity period (OB 3.0 verification step 4); VCDM 1.1 issuanceDate/expirationDate. */
import { result, type CheckResult } from './check.ts';
import { dateOf, type Json } from './json-shape.ts';

export function checkValidity(doc: Json, vcVersion: 1 | 2, now: Date): CheckResult {
  const fromField = vcVersion === 1 ? 'issuanceDate' : 'validFrom';
  const untilField = vcVersion === 1 ? 'expirationDate' : 'validUntil';
  const fromText = doc[fromField];
  const untilText = doc[untilField];
  const from = dateOf(fromText);
  const until = dateOf(untilText);
  if (Number.isNaN(now.getTime())) return result('validity', 'unknown', 'validity.no-clock');
  const details = { [fromField]: fromText, [untilField]: untilText, now: now.toISOString() };
  const dates = { from: fromText, until: untilText };
  if (fromText !== undefined && from === undefined) return result('validity', 'failed', 'validity.bad-start', { field: fromField }, details);
  if (untilText !== undefined && until === undefined) return result('validity', 'failed', 'validity.bad-end', { field: untilField }, details);
  if (from !== undefined && until !== undefined && from > until) return result('validity', 'failed', 'validity.ends-before-starts', dates, details);
  if (from !== undefined && now.getTime() < from) return result('validity', 'failed', 'validity.not-yet', dates, details);
  // Past validUntil the credential is not in force (OB 3.0 §Verification; VCDM 2.0 §4.9): a failed
  // check, which the verdict tells apart from every other failure as "expired" (./check.ts).
  if (until !== undefined && now.getTime() >= until) return result('validity', 'failed', 'validity.expired', dates, details);
  if (until !== undefined) return result('validity', 'passed', 'validity.until', dates, details);
  return result('validity', 'passed', from === undefined ? 'validity.no-dates' : 'validity.no-expiry', dates, details);
}
