/** <laurel-copy-link> (./CopyLink.astro): puts the link's URL on the clipboard, and says so. */
import { pageMessages } from './page-messages.ts';

class CopyLink extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector<HTMLAnchorElement>('a[href]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!link || !status || !navigator.clipboard) return;
    const t = pageMessages();
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      try {
        await navigator.clipboard.writeText(link.href);
        status.textContent = t.linkCopied;
      } catch {
        status.textContent = t.linkNotCopied;
      }
      setTimeout(() => (status.textContent = ''), 4000);
    });
  }
}
if (!customElements.get('laurel-copy-link')) customElements.define('laurel-copy-link', CopyLink);

export {};
