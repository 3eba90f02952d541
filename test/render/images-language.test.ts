/**
 * The PDF certificate and the share card in French hold no word of the English interface: the PDF
 * read back as text (its content streams, through pdf-lib), the share card through the words it is
 * given to draw (shareCardWords, which renderShareCard sets). Checked against the English catalog
 * itself, so a label added to it and forgotten in French fails here, not in a reader's hands.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/core/locale/messages.ts';
import { renderBadgeSvg, renderPng } from '../../src/render/badge-image.ts';
import { renderCertificatePdf } from '../../src/render/certificate-pdf.ts';
import { certificateWords } from '../../src/render/certificate-words.ts';
import { packagedFonts } from '../../src/render/packaged-fonts.ts';
import { qrCodeSvg } from '../../src/render/qr-code.ts';
import { shareCardWords } from '../../src/render/share-card.ts';
import { pdfText } from '../helpers/certificate-downloads.ts';
import { englishPagePhrases, phrasesOf } from '../helpers/english-phrases.ts';
import { FIXED_DESIGN } from './golden.ts';

const english = messagesFor('en');
const french = messagesFor('fr-CA');
const credentialUrl = 'https://badges.example.org/credentials/0f6d2c1e-4b7a-4e8f-9a3c-5d2e1f0a9b87/';
// Names and the skills are the issuer's words, in French here: only the interface's words are under test.
const award = {
  learnerName: 'Amélie Tremblay',
  achievementName: 'Développement web accessible',
  achievementDescription: 'Construire des interfaces conformes aux WCAG 2.2, niveau AA.',
  issuerName: 'Institut de technologie du Nord',
  awardedOn: '2026-03-01',
  validUntil: '2029-03-14',
  credentialUrl,
  skills: ['HTML sémantique', 'Tests au lecteur d’écran'],
};

/** Every English word the images are given (labels too short for phrasesOf: "Skills", "Awarded"), in the case they may be drawn in. */
function englishImageWords(): string[] {
  const words = Object.values(certificateWords(english)).filter((word) => word.trim().length > 1);
  const card = [shareCardWords({ earned: { learnerName: '', awardedOn: '2026-03-01' }, language: 'en' }), shareCardWords({ language: 'en' })].flatMap((words) => [words.caption, words.foot]);
  const all = [...words, ...card];
  return [...new Set(all.flatMap((word) => [word, word.toLocaleUpperCase('en')]))];
}

describe('the images in French', () => {
  it('the English words the images are drawn with exist, and none is also the French', () => {
    const words = englishImageWords();
    expect(words).toContain('CERTIFICATE OF ACHIEVEMENT');
    expect(words).toContain('Skills');
    for (const [key, word] of Object.entries(certificateWords(french))) {
      if (key !== 'colon') expect(word, key).not.toBe(certificateWords(english)[key as keyof ReturnType<typeof certificateWords>]);
    }
  });

  it('sets no English word in the French PDF, and its own words and date', async () => {
    const pdf = await renderCertificatePdf(
      {
        ...award,
        badgePng: renderPng(await renderBadgeSvg(FIXED_DESIGN), 600),
        qrSvg: await qrCodeSvg(credentialUrl),
        accentColor: '#1e3a5f',
        language: 'fr-CA',
        words: certificateWords(french),
      },
      packagedFonts,
    );
    const text = pdfText(pdf);
    // The scan reads what the PDF says: its French words are there to be read.
    expect(text).toContain(french.images.certificateOfAchievement.toLocaleUpperCase('fr-CA'));
    expect(text).toContain('1er mars 2026');
    for (const word of [...englishImageWords(), ...englishPagePhrases()]) expect(text, word).not.toContain(word);
    // Dates are written by Intl in the PDF's language: no English month.
    for (const month of ['March', 'MARCH']) expect(text).not.toContain(month);
  });

  it('gives the French share card no English word to draw, on a learner’s card and an achievement’s', () => {
    for (const input of [{ earned: { learnerName: award.learnerName, awardedOn: award.awardedOn }, language: 'fr-CA' }, { language: 'fr-CA' }]) {
      const words = Object.values(shareCardWords(input)).join('\n');
      expect(words).toContain(french.images.verifiableOpenBadge);
      for (const word of [...englishImageWords(), ...phrasesOf(english.images)]) expect(words, word).not.toContain(word);
    }
    expect(shareCardWords({ earned: { learnerName: award.learnerName, awardedOn: award.awardedOn }, language: 'fr-CA' }).date).toContain('1er mars 2026');
  });
});
