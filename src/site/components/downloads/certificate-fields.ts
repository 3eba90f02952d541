/**
 * The words of the PDF certificate, read from the signed credential the page links to, where the
 * build put them (src/issue/signed-site.ts; OB 3.0 §B.1.2 AchievementCredential): so the browser
 * sets the same text a build in Node sets from the content files.
 */
import type { CertificateInput } from '../../../render/certificate-pdf.ts';

export type CertificateFields = Pick<CertificateInput, 'learnerName' | 'achievementName' | 'achievementDescription' | 'issuerName' | 'awardedOn' | 'validUntil' | 'skills'>;

type Json = Record<string, unknown>;

const object = (value: unknown, what: string): Json => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError(`the credential has no ${what}`);
  return value as Json;
};
const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || value === '') throw new TypeError(`the credential has no ${what}`);
  return value;
};

/** `YYYY-MM-DD` of a dateTimeStamp, in UTC as the credential states it. */
const day = (value: unknown, what: string): string => text(value, what).slice(0, 10);

export function certificateFields(credential: unknown): CertificateFields {
  const root = object(credential, 'content');
  const subject = object(root['credentialSubject'], 'credentialSubject');
  const achievement = object(subject['achievement'], 'achievement');
  const alignments = Array.isArray(achievement['alignment']) ? achievement['alignment'] : [];
  return {
    learnerName: text(subject['name'], "learner's name"),
    achievementName: text(achievement['name'], "achievement's name"),
    achievementDescription: text(achievement['description'], "achievement's description"),
    issuerName: text(object(root['issuer'], 'issuer')['name'], "issuer's name"),
    // OB 3.0 awardedDate: when it was awarded; validFrom when an issuer left it out.
    awardedOn: day(root['awardedDate'] ?? root['validFrom'], 'award date'),
    ...(root['validUntil'] === undefined ? {} : { validUntil: day(root['validUntil'], 'expiry date') }),
    skills: alignments.map((alignment, index) => text(object(alignment, `alignment ${index + 1}`)['targetName'], `name of alignment ${index + 1}`)),
  };
}
