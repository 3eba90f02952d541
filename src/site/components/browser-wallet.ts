/**
 * <laurel-browser-wallet base sprite mediator>, the wallet page's one control (../pages/wallet.astro):
 * it reads the credential the address names from this site, says which it is, and on a press hands
 * it to a browser wallet through the CHAPI mediator (../browser-wallet.ts). The polyfill, and with
 * it the mediator's frame, loads on that press, not with the page.
 */
import { credentialFileFor } from '../browser-wallet.ts';
import { walletOffer } from '../wallet-link.ts';
import { button } from './controls.ts';

interface Named {
  readonly name?: unknown;
  readonly credentialSubject?: { readonly name?: unknown; readonly achievement?: { readonly name?: unknown } };
}

/** "Ada Lovelace: Accessible Interfaces", from the signed credential's own words. */
function describe(credential: Named): string {
  const achievement = credential.credentialSubject?.achievement?.name ?? credential.name;
  const learner = credential.credentialSubject?.name;
  const title = typeof achievement === 'string' ? achievement : 'a credential';
  return typeof learner === 'string' ? `${learner}: ${title}` : title;
}

class LaurelBrowserWallet extends HTMLElement {
  connectedCallback(): void {
    if (this.querySelector('button')) return;
    void this.start();
  }

  private say(text: string, state: 'ready' | 'working' | 'stored' | 'not-stored' | 'failed'): void {
    const status = this.querySelector<HTMLElement>('.browser-wallet-status')!;
    status.textContent = text;
    status.dataset['state'] = state;
  }

  private async start(): Promise<void> {
    const base = this.getAttribute('base') ?? '/';
    const mediator = this.getAttribute('mediator') ?? '';
    const named = credentialFileFor(base, location.search);
    const subject = this.querySelector<HTMLElement>('.browser-wallet-credential')!;
    if (!('file' in named)) {
      this.say(named.problem === 'none'
        ? 'No credential is named in this address. Open a certificate page, choose Add to wallet, then Browser wallet.'
        : `“${named.id}” is not the id of a credential. Check the address you followed.`, 'failed');
      return;
    }
    let credential: unknown;
    try {
      const response = await fetch(named.file, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (response.status === 404) {
        this.say(`This site has no credential ${named.id}. Check the address you followed.`, 'failed');
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      credential = await response.json();
    } catch {
      this.say('Could not read the credential from this site: check the connection, then reload the page.', 'failed');
      return;
    }
    subject.textContent = describe(credential as Named);

    const store = button(this.getAttribute('sprite') ?? '', 'wallet', 'Choose a browser wallet');
    store.addEventListener('click', () => void this.store(store, credential, mediator));
    this.querySelector('.browser-wallet-actions')!.append(store);
    this.say(`Ready. Pressing the button opens ${new URL(mediator).host}, where you pick your wallet.`, 'ready');
  }

  private async store(control: HTMLButtonElement, credential: unknown, mediator: string): Promise<void> {
    control.disabled = true;
    this.say(`Opening ${new URL(mediator).host}…`, 'working');
    try {
      const polyfill = await import('credential-handler-polyfill');
      await polyfill.loadOnce({ mediatorOrigin: mediator });
      // The same unsigned presentation the Learner Credential Wallet's deep link offers: CHAPI
      // wallets store a "VerifiablePresentation" web credential (vcplayground.org, "Store").
      const { verifiablePresentation } = walletOffer(credential, location.origin);
      // The polyfill's store resolves to what the wallet kept, or null (lib/CredentialsContainer.js).
      const credentials = navigator.credentials as unknown as { store(credential: unknown): Promise<unknown> };
      const stored = await credentials.store(new polyfill.WebCredential('VerifiablePresentation', verifiablePresentation));
      if (stored) this.say('Stored. Your wallet now holds this credential.', 'stored');
      else this.say('Nothing was stored: no wallet was chosen, or the wallet declined. You can try again.', 'not-stored');
    } catch {
      this.say(`Could not reach ${new URL(mediator).host} or your wallet. Check the connection, then try again; the JSON file on the certificate page works with any wallet.`, 'failed');
    } finally {
      control.disabled = false;
    }
  }
}

if (!customElements.get('laurel-browser-wallet')) customElements.define('laurel-browser-wallet', LaurelBrowserWallet);

export {};
