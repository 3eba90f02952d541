/**
 * <laurel-browser-wallet base sprite mediator>, the wallet page's one control (../pages/wallet.astro):
 * it reads the credential the address names from this site, says which it is, and on a press hands
 * it to a browser wallet through the CHAPI mediator (../browser-wallet.ts). The polyfill, and with
 * it the mediator's frame, loads on that press, not with the page.
 */
import { credentialFileFor, fillWords, type WalletControlWords } from '../browser-wallet.ts';
import { walletOffer } from '../wallet-link.ts';
import { button } from './controls.ts';

interface Named {
  readonly name?: unknown;
  readonly credentialSubject?: { readonly name?: unknown; readonly achievement?: { readonly name?: unknown } };
}

/** "Ada Lovelace: Accessible Interfaces", from the signed credential's own words. */
function describe(credential: Named, words: WalletControlWords): string {
  const achievement = credential.credentialSubject?.achievement?.name ?? credential.name;
  const learner = credential.credentialSubject?.name;
  const title = typeof achievement === 'string' ? achievement : words.aCredential;
  return typeof learner === 'string' ? fillWords(words.credentialTitle, { learner, achievement: title }) : title;
}

class LaurelBrowserWallet extends HTMLElement {
  /** In the page's language, from the page (../pages/wallet.astro). */
  private get words(): WalletControlWords {
    return JSON.parse(this.dataset['words'] ?? '{}') as WalletControlWords;
  }

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
    const t = this.words;
    const base = this.getAttribute('base') ?? '/';
    const mediator = this.getAttribute('mediator') ?? '';
    const named = credentialFileFor(base, location.search);
    const subject = this.querySelector<HTMLElement>('.browser-wallet-credential')!;
    if (!('file' in named)) {
      this.say(named.problem === 'none' ? t.noneNamed : fillWords(t.notAnId, { id: named.id ?? '' }), 'failed');
      return;
    }
    let credential: unknown;
    try {
      const response = await fetch(named.file, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (response.status === 404) {
        this.say(fillWords(t.noSuchCredential, { id: named.id }), 'failed');
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      credential = await response.json();
    } catch {
      this.say(t.unreadable, 'failed');
      return;
    }
    subject.textContent = describe(credential as Named, t);

    const store = button(this.getAttribute('sprite') ?? '', 'wallet', t.choose);
    store.addEventListener('click', () => void this.store(store, credential, mediator));
    this.querySelector('.browser-wallet-actions')!.append(store);
    this.say(t.ready, 'ready');
  }

  private async store(control: HTMLButtonElement, credential: unknown, mediator: string): Promise<void> {
    const t = this.words;
    control.disabled = true;
    this.say(t.opening, 'working');
    try {
      const polyfill = await import('credential-handler-polyfill');
      await polyfill.loadOnce({ mediatorOrigin: mediator });
      // The same unsigned presentation the Learner Credential Wallet's deep link offers: CHAPI
      // wallets store a "VerifiablePresentation" web credential (vcplayground.org, "Store").
      const { verifiablePresentation } = walletOffer(credential, location.origin);
      // The polyfill's store resolves to what the wallet kept, or null (lib/CredentialsContainer.js).
      const credentials = navigator.credentials as unknown as { store(credential: unknown): Promise<unknown> };
      const stored = await credentials.store(new polyfill.WebCredential('VerifiablePresentation', verifiablePresentation));
      if (stored) this.say(t.stored, 'stored');
      else this.say(t.notStored, 'not-stored');
    } catch {
      this.say(t.unreachable, 'failed');
    } finally {
      control.disabled = false;
    }
  }
}

if (!customElements.get('laurel-browser-wallet')) customElements.define('laurel-browser-wallet', LaurelBrowserWallet);

export {};
