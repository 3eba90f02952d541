/**
 * <laurel-download>: a download button whose file the learner's browser makes (./download.ts,
 * loaded on the first press, so none of that code weighs on the page). Hidden until this script
 * runs: without JavaScript the page offers the JSON, which holds the same signed credential.
 */
type Download = typeof import('./download.ts');

let code: Promise<Download> | undefined;

class LaurelDownload extends HTMLElement {
  connectedCallback(): void {
    this.hidden = false;
    this.querySelector('button')?.addEventListener('click', () => {
      code ??= import('./download.ts');
      // A chunk that failed to load is tried again on the next press.
      code.then((loaded) => loaded.download(this)).catch(() => (code = undefined));
    });
  }
}

if (!customElements.get('laurel-download')) customElements.define('laurel-download', LaurelDownload);
