/**
 * The share card: the 1200×630 Open Graph image shown when a learner posts their certificate
 * page. The badge on a tinted panel at the left; at the right, what was earned from whom, and, on
 * a personal card, who earned it and when. The achievement's card names no one, so one file
 * serves every award of it (issuer.yaml `shareCards`). Names wrap and shrink to fit; every
 * script Inter or the Noto families of ./script-fonts.ts cover renders, and nothing is fetched.
 */
import satori from 'satori';
import { mix } from '../content/colour.ts';
import { messagesFor } from '../core/locale/messages.ts';
import { renderPng } from './badge-image.ts';
import { formatDate } from './dates.ts';
import { FONT_FAMILY, type FittedText, type Weight } from './fonts.ts';
import { packagedFonts, satoriFonts } from './packaged-fonts.ts';

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;

export interface ShareCardInput {
  readonly achievementName: string;
  readonly issuerName: string;
  /** The badge image (an SVG document), drawn at the left. */
  readonly badgeSvg: string;
  /** Tints the badge panel and the rule; the badge's primary colour suits. Navy if absent. */
  readonly accentColor?: string;
  /** Who earned it and when (`awardedOn`: `YYYY-MM-DD`): a personal card. Absent: the achievement's. */
  readonly earned?: { readonly learnerName: string; readonly awardedOn: string };
  /** The site's language tag (issuer.yaml `language`): the card's words and date. English if absent. */
  readonly language?: string;
}

/** Text colours on white: 17:1 and 7.6:1, past WCAG AAA. */
const INK = '#111827';
const MUTED = '#4b5563';
const PANEL_WIDTH = 500;
const PADDING = 64;
const TEXT_WIDTH = SHARE_CARD_WIDTH - PANEL_WIDTH - 2 * PADDING;

type Style = Record<string, string | number>;
const el = (type: string, style: Style, children?: unknown) => ({ type, props: { style, children } });

function lines(fitted: FittedText, weight: Weight, color: string, lineHeight: number, extra: Style = {}) {
  return el(
    'div',
    { display: 'flex', flexDirection: 'column', fontSize: fitted.size, fontWeight: weight, color, lineHeight, ...extra },
    fitted.lines.map((line) => el('div', { display: 'flex', whiteSpace: 'nowrap' }, line)),
  );
}

const caption = (text: string) =>
  el('div', { display: 'flex', fontSize: 22, fontWeight: 600, color: MUTED, letterSpacing: 2, textTransform: 'uppercase' }, text);

/** The words the card sets around the names, in its language: its caption, its date line and its foot. */
export interface ShareCardWords {
  readonly caption: string;
  /** Empty on an achievement's card, which names no one. */
  readonly date: string;
  readonly foot: string;
}

export function shareCardWords(input: Pick<ShareCardInput, 'earned' | 'language'>): ShareCardWords {
  const language = input.language ?? 'en';
  const words = messagesFor(language).images;
  const { earned } = input;
  return {
    caption: earned ? words.awardedTo : words.certificateOfAchievement,
    date: earned ? words.earnedOn(formatDate(earned.awardedOn, language)) : '',
    foot: words.verifiableOpenBadge,
  };
}

/** Renders the card as a PNG. */
export async function renderShareCard(input: ShareCardInput): Promise<Uint8Array> {
  const accent = input.accentColor ?? '#1e3a5f';
  const language = input.language ?? 'en';
  const sizes = (from: number, to: number) => Array.from({ length: (from - to) / 2 + 1 }, (_, i) => from - 2 * i);
  const { earned } = input;
  const { caption: captionText, date, foot } = shareCardWords(input);
  // Inter's every face, and those of any other script these texts are in: fitting reads them, and satori is given them.
  const fonts = await satoriFonts([
    [`${input.issuerName} ${captionText.toLocaleUpperCase(language)} ${input.achievementName}…`, 600],
    [`${earned?.learnerName ?? ''} ${input.achievementName}…`, 700],
    [`${date} ${foot}`, 400],
  ]);
  const fit = packagedFonts.fitText.bind(packagedFonts);
  const issuer = fit(input.issuerName, { weight: 600, maxWidth: TEXT_WIDTH, maxLines: 1, sizes: sizes(28, 20) });
  const rule = (margins: Style) => el('div', { display: 'flex', width: 72, height: 6, borderRadius: 3, backgroundColor: accent, ...margins });
  const middle = earned
    ? [
        caption(captionText),
        lines(fit(earned.learnerName, { weight: 700, maxWidth: TEXT_WIDTH, maxLines: 2, sizes: sizes(68, 40) }), 700, INK, 1.1, { marginTop: 10, letterSpacing: -0.5 }),
        rule({ marginTop: 28, marginBottom: 28 }),
        lines(fit(input.achievementName, { weight: 600, maxWidth: TEXT_WIDTH, maxLines: 3, sizes: sizes(40, 26) }), 600, INK, 1.2),
      ]
    : [
        caption(captionText),
        lines(fit(input.achievementName, { weight: 700, maxWidth: TEXT_WIDTH, maxLines: 3, sizes: sizes(60, 36) }), 700, INK, 1.15, { marginTop: 10, letterSpacing: -0.5 }),
        rule({ marginTop: 28 }),
      ];
  const badge = `data:image/svg+xml;base64,${Buffer.from(input.badgeSvg).toString('base64')}`;

  const panel = el(
    'div',
    {
      display: 'flex',
      flexShrink: 0,
      width: PANEL_WIDTH,
      height: SHARE_CARD_HEIGHT,
      alignItems: 'center',
      justifyContent: 'center',
      backgroundImage: `linear-gradient(160deg, ${mix(accent, '#ffffff', 0.88)}, ${mix(accent, '#ffffff', 0.72)})`,
    },
    [{ type: 'img', props: { src: badge, width: 400, height: 400 } }],
  );
  const text = el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      width: SHARE_CARD_WIDTH - PANEL_WIDTH,
      height: SHARE_CARD_HEIGHT,
      padding: PADDING,
      boxSizing: 'border-box',
      backgroundColor: '#ffffff',
    },
    [
      lines(issuer, 600, MUTED, 1.2),
      el('div', { display: 'flex', flexDirection: 'column' }, middle),
      el('div', { display: 'flex', justifyContent: earned ? 'space-between' : 'flex-end', fontSize: 22, color: MUTED }, [
        ...(earned ? [el('div', { display: 'flex' }, date)] : []),
        el('div', { display: 'flex' }, foot),
      ]),
    ],
  );
  const root = el('div', { display: 'flex', width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, fontFamily: FONT_FAMILY }, [panel, text]);
  // No loadAdditionalAsset: a glyph no packaged font has renders as a box, and nothing is ever fetched.
  const svg = await satori(root, { width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT, fonts });
  return renderPng(svg, SHARE_CARD_WIDTH);
}
