/**
 * What "Add to wallet" shows (./wallet.ts loads this on its first press): a deep link that opens
 * the Learner Credential Wallet with this credential on the learner's phone, and a QR code of the
 * credential's public address for the wallet's scanner on another device (../wallet-link.ts says
 * why these two, from the wallet's source). The credential is read from this site, as the page's
 * JSON link serves it; nothing goes anywhere else until the learner follows the link.
 */
import { qrCodeSvg } from '../../render/qr-code.ts';
import { browserWalletPathForFile } from '../browser-wallet.ts';
import { walletDeepLink } from '../wallet-link.ts';
import { icon } from './controls.ts';
import { pageMessages } from './page-messages.ts';

export interface WalletFiles {
  /** The JSON link's address on this site (same origin, so the page's policy lets it be read). */
  readonly file: string;
  /** The credential's public address, its `id`: what a phone fetches. */
  readonly hosted: string;
  readonly sprite: string;
}

function paragraph(className: string, text: string): HTMLParagraphElement {
  const made = document.createElement('p');
  made.className = className;
  made.textContent = text;
  return made;
}

export async function showWalletOffer(panel: HTMLElement, { file, hosted, sprite }: WalletFiles): Promise<void> {
  const response = await fetch(file, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const credential: unknown = await response.json();

  const t = pageMessages();
  const open = document.createElement('a');
  open.className = 'button';
  open.href = walletDeepLink(credential, new URL(hosted).origin);
  open.append(icon(sprite, 'smartphone'), t.openInWallet);

  const qr = document.createElement('figure');
  qr.className = 'qr wallet-qr';
  // The qrcode package's own SVG, with a role and a label (../../render/qr-code.ts): no script, no style.
  qr.innerHTML = await qrCodeSvg(hosted);
  const caption = document.createElement('figcaption');
  caption.textContent = t.walletQrCaption;
  qr.append(caption);

  panel.replaceChildren(
    paragraph('note', t.walletOnThisPhone),
    open,
    qr,
    paragraph('note', t.walletAnother),
    paragraph('note wallet-address', hosted),
  );
  // A browser wallet (CHAPI) is reached from a page of its own, the one whose policy lets the mediator in.
  const browserWallet = browserWalletPathForFile(new URL(file, location.href).pathname);
  if (browserWallet) {
    const link = document.createElement('a');
    link.className = 'button';
    link.href = browserWallet;
    link.append(icon(sprite, 'wallet'), t.browserWallet);
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'CHAPI';
    link.append(hint);
    panel.append(link);
  }
}
