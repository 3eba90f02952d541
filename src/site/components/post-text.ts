/**
 * <laurel-post-text sprite="/icons.svg">: "Copy text for a post", the words a learner can paste
 * into a LinkedIn post (or any other) with the link to their certificate. Made where JavaScript
 * can write to the clipboard, from what the page states (the achievement, the issuer and the
 * page's canonical address), so no page carries the text twice; elsewhere it stays empty.
 */
import { button } from './controls.ts';
import { pageMessages } from './page-messages.ts';

/** The post: first person, as the learner writes it, with the address that shows the credential. */
export function postText(achievement: string, issuer: string, pageUrl: string): string {
  return pageMessages().postText(achievement, issuer, pageUrl);
}

class PostText extends HTMLElement {
  connectedCallback(): void {
    if (this.childElementCount > 0 || !navigator.clipboard) return;
    const achievement = document.querySelector('.achievement-name')?.textContent?.trim();
    const issuer = document.querySelector('.issued-by a')?.textContent?.trim();
    const page = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    if (!achievement || !issuer || !page) return;
    const t = pageMessages();
    const copy = button(this.getAttribute('sprite') ?? '', 'message-square-text', t.copyPostText);
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(postText(achievement, issuer, page));
        status.textContent = t.postTextCopied;
      } catch {
        status.textContent = t.postTextNotCopied;
      }
      setTimeout(() => (status.textContent = ''), 4000);
    });
    this.append(copy, status);
  }
}

if (!customElements.get('laurel-post-text')) customElements.define('laurel-post-text', PostText);
