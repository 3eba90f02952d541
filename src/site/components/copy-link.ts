/** <laurel-copy-link> (./CopyLink.astro): puts the link's URL on the clipboard, and says so. */
class CopyLink extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector<HTMLAnchorElement>('a[href]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!link || !status || !navigator.clipboard) return;
    link.addEventListener('click', async (event) => {
      event.preventDefault();
      try {
        await navigator.clipboard.writeText(link.href);
        status.textContent = 'Link copied to the clipboard.';
      } catch {
        status.textContent = 'Could not copy: select the address bar and copy the link from there.';
      }
      setTimeout(() => (status.textContent = ''), 4000);
    });
  }
}
if (!customElements.get('laurel-copy-link')) customElements.define('laurel-copy-link', CopyLink);

export {};
