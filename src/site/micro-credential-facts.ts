/**
 * The "micro-credential facts" panel of the certificate and achievement pages: the elements of an
 * EU micro-credential (Council Recommendation 2022/C 243/02, Annex I) that the achievement and the
 * issuer state, in the page's language, in Annex I's order. The learner, title, awarding body and
 * date are the certificate's own, and the grade its results: the panel does not repeat them. Pure.
 */
import type { Issuer } from '../content/schemas/issuer.ts';
import type { AchievementRecord } from '../content/validate.ts';
import { formattingLocale } from '../core/locale/language.ts';
import type { Messages } from '../core/locale/messages.ts';
import { langFor, type AchievementText, type LanguageText } from './achievement-words.ts';

export interface MicroCredentialFact {
  readonly label: string;
  readonly value: string;
  /** The value's language, where it is the achievement's own words on a page in another language. */
  readonly lang?: string | undefined;
  /** A page the value links to: the quality-assurance decision's. */
  readonly url?: string | undefined;
}

/** "FR" → "France", « France »; a country written as a name stays as written. */
function countryName(country: string, language: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  return new Intl.DisplayNames([formattingLocale(language)], { type: 'region', fallback: 'code' }).of(country) ?? country;
}

/**
 * The panel's rows, or none for an achievement that is not marked as a micro-credential (no
 * `microCredential:` block) or whose block states nothing yet: the page then has no panel.
 */
export function microCredentialFacts(record: Pick<AchievementRecord, 'data'>, words: AchievementText, issuer: Pick<Issuer, 'address'>, messages: Messages): MicroCredentialFact[] {
  const block = record.data.microCredential;
  if (!block) return [];
  const t = messages.microCredential;
  const language = words.language;
  const text = (value: LanguageText | undefined) => value && { value: value.text, lang: langFor(value, { tag: language }) };
  const withUrl = <Fact extends object>(fact: Fact | undefined, url: string | undefined) => fact && (url ? { ...fact, url } : fact);
  const country = issuer.address?.addressCountry;
  const credits = record.data.creditsAvailable;
  const rows: Array<{ readonly label: string; readonly fact: Omit<MicroCredentialFact, 'label'> | undefined }> = [
    { label: t.issuerCountry, fact: country === undefined ? undefined : { value: countryName(country, language) } },
    { label: t.workload, fact: credits === undefined ? undefined : { value: t.ects(credits, new Intl.NumberFormat(formattingLocale(language)).format(credits)) } },
    { label: t.eqfLevel, fact: block.eqfLevel === undefined ? undefined : { value: block.eqfLevel === 'not-applicable' ? t.notApplicable : t.eqfLevelValue(block.eqfLevel) } },
    { label: t.assessment, fact: text(words.microCredentialText('assessment')) },
    { label: t.participation, fact: block.participation && { value: t.participationForms[block.participation] } },
    { label: t.qualityAssurance, fact: withUrl(text(words.microCredentialText('qualityAssurance')), block.qualityAssuranceUrl) },
    { label: t.prerequisites, fact: text(words.microCredentialText('prerequisites')) },
    { label: t.supervision, fact: block.supervision && { value: t.supervisionLevels[block.supervision] } },
    { label: t.integration, fact: block.integration && { value: block.integration === 'stackable' && words.programme ? t.stackableTowards(words.programme.name.text) : t.integrationOptions[block.integration] } },
  ];
  return rows.flatMap(({ label, fact }) => (fact ? [{ label, ...fact }] : []));
}
