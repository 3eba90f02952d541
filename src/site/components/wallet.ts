/**
 * <laurel-wallet sprite="/icons.svg"> around the plain JSON link (./CertificatePage.astro): with
 * JavaScript, an "Add to wallet" button before it that opens, in place, a deep link and a QR code
 * for the learner's wallet (./wallet-offer.ts, loaded on the first press with the QR code's
 * encoder, so none of that code weighs on the page). Both are made from the hosted JSON in the
 * browser: a deep link holds the whole credential, about 4 kB, which no page should carry twice.
 * Without JavaScript the JSON link is all there is, and it is enough for a wallet's file import.
 */
import { button } from './controls.ts';
import { pageMessages } from './page-messages.ts';

type WalletOffer = typeof import('./wallet-offer.ts');

let code: Promise<WalletOffer> | undefined;

class LaurelWallet extends HTMLElement {
  connectedCallback(): void {
    const file = this.querySelector<HTMLAnchorElement>('a[href]');
    // The public address, which a phone can reach: the one the QR code holds.
    const hosted = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="application/json"]')?.href;
    if (!file || !hosted || this.querySelector('button')) return;
    const t = pageMessages();
    const toggle = button(this.getAttribute('sprite') ?? '', 'wallet', t.addToWallet);
    const panel = document.createElement('div');
    panel.className = 'wallet-offer';
    panel.id = 'wallet-offer';
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', panel.id);
    toggle.addEventListener('click', () => {
      const open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (!open || panel.childElementCount > 0) return;
      code ??= import('./wallet-offer.ts');
      code
        .then((loaded) => loaded.showWalletOffer(panel, { file: file.href, hosted, sprite: this.getAttribute('sprite') ?? '' }))
        // A chunk or a file that failed to load is tried again on the next press.
        .catch(() => {
          code = undefined;
          panel.textContent = t.walletNotLoaded;
          panel.dataset['failed'] = '';
        });
    });
    this.prepend(toggle, panel);
  }
}

if (!customElements.get('laurel-wallet')) customElements.define('laurel-wallet', LaurelWallet);

export {};
