/**
 * The few words the PDF certificate (./certificate-pdf.ts) sets, as plain strings. They are given
 * to it rather than looked up in the catalogs, so the certificate page's script carries these and
 * not every language's whole interface: the page writes them into its `data-words`
 * (src/site/components/FileActions.astro), and the build takes them from the same catalog.
 * A module of its own, so that a page can make them without loading pdf-lib.
 */
import type { Messages } from '../core/locale/catalog.ts';

export interface CertificateWords {
  readonly certificateOfAchievement: string;
  readonly hasEarned: string;
  readonly awarded: string;
  readonly validUntil: string;
  readonly skills: string;
  readonly verifyAt: string;
  readonly scanToVerify: string;
  /** The document's subject, `{url}` where the credential's address goes. */
  readonly documentSubject: string;
  /** Between the achievement and the learner in the document's title. */
  readonly colon: string;
}

export function certificateWords(messages: Messages): CertificateWords {
  const { certificateOfAchievement, hasEarned, awarded, validUntil, skills, verifyAt, scanToVerify, documentSubject } = messages.images;
  return { certificateOfAchievement, hasEarned, awarded, validUntil, skills, verifyAt, scanToVerify, documentSubject: documentSubject('{url}'), colon: messages.colon };
}
