/**
 * <laurel-verifier>: adds to the markup Verifier.astro sends (what works without JavaScript: the
 * verify page's forms, drop zone and checklist, a certificate page's link to it) the parts that
 * need JavaScript (render.ts, verifierParts), and wires them to the engine in run.ts, which it
 * loads on first use. Two modes: `data-mode="page"` (the /verify/ page: a URL, pasted JSON or a
 * file; `?url=` runs at once) and `data-mode="panel"` with `credential-url` (a certificate page:
 * one button). `data-how` is the how-to page the checks link to. `data-ready` is set once its
 * parts are built and wired.
 */
import type { VerificationReport } from '../core/verify/check.ts';
import type { VerifyInput } from './input.ts';
import { localPreview } from './local-preview.ts';
import type { VerifierPageWords } from './words.ts';
import { loadVerifierPageWords } from './load-words.ts';
import { clearVerdict, offerBundle, fillChecklist, localPreviewNote, renderChecklist, renderClaims, renderVerdict, resetChecklist, verifierParts, verifyButton, type Mode } from './render.ts';

type Engine = typeof import('./run.ts');

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

let engine: Promise<Engine> | undefined;
const loadEngine = (): Promise<Engine> => (engine ??= import('./run.ts'));

class LaurelVerifier extends HTMLElement {
  #run = 0;
  #report: VerificationReport | undefined;
  #wired = false;

  /** The page's language: the nearest `lang`, as the page's own scripts read it. */
  get #language(): string {
    return this.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang || 'en';
  }

  /** The page language's words, loaded before anything is built. */
  #words!: VerifierPageWords;

  connectedCallback(): void {
    if (this.#wired) return;
    this.#wired = true;
    void this.#start();
  }

  async #start(): Promise<void> {
    this.#words = await loadVerifierPageWords(this.#language);
    this.#build();
    this.querySelector<HTMLFormElement>('form[data-input="url"]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const field = (event.currentTarget as HTMLFormElement).elements.namedItem('url') as HTMLInputElement;
      if (field.value.trim() === '') return;
      this.#remember(field.value.trim());
      void this.verify({ kind: 'url', url: field.value.trim() });
    });
    this.querySelector<HTMLFormElement>('form[data-input="text"]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const field = (event.currentTarget as HTMLFormElement).elements.namedItem('text') as HTMLTextAreaElement;
      // A pasted address is verified as one.
      const text = field.value.trim();
      void this.verify(/^https:\/\/\S+$/.test(text) ? { kind: 'url', url: text } : { kind: 'text', text: field.value });
    });
    const picker = this.querySelector<HTMLInputElement>('input[data-input="file"]');
    picker?.addEventListener('change', () => {
      const file = picker.files?.[0];
      if (file) void this.verify({ kind: 'file', file });
    });
    this.#wireDropZone();
    const verifyButton = this.querySelector<HTMLButtonElement>('button[data-action="verify"]');
    verifyButton?.addEventListener('click', () => {
      const url = this.getAttribute('credential-url');
      if (url) void this.verify({ kind: 'url', url });
    });
    this.querySelector<HTMLButtonElement>('button[data-action="show-work"]')?.addEventListener('click', (event) => {
      const button = event.currentTarget as HTMLButtonElement;
      const open = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(open));
      // Each check's own work; the work of checks nested in it (a status list's) stays folded.
      for (const details of this.querySelectorAll<HTMLDetailsElement>('[data-checklist] .lv-work-slot > details')) details.open = open;
    });
    this.#wireRecipient();
    // Load and warm the engine while the visitor chooses what to verify: at once on the verify
    // page, when the pointer or focus reaches the button on a certificate page.
    if (this.#mode === 'page') this.#prepare();
    for (const event of ['pointerenter', 'focus', 'touchstart'] as const) verifyButton?.addEventListener(event, () => this.#prepare(), { once: true, passive: true });
    const deepLink = this.#mode === 'page' ? new URLSearchParams(location.search).get('url') : null;
    if (deepLink) {
      const field = this.querySelector<HTMLInputElement>('form[data-input="url"] input[name="url"]');
      if (field) field.value = deepLink;
      void this.verify({ kind: 'url', url: deepLink });
    }
    // Built and wired: for tools and tests that must not look before (the words load first).
    this.dataset['ready'] = '';
  }

  /** The email form of the recipient check, once its row is there. */
  #wireRecipient(): void {
    this.querySelector<HTMLFormElement>('form[data-recipient]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const field = (event.currentTarget as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
      void this.#checkRecipient(field.value);
    });
  }

  /** A certificate page's checklist is empty until the first run: its rows come with the engine. */
  async #ensureChecklist(checklist: HTMLElement): Promise<void> {
    if (checklist.querySelector('[data-check]')) return;
    const { plannedChecks, verifierMessagesFor } = await loadEngine();
    fillChecklist(checklist, plannedChecks(verifierMessagesFor(this.#language)), this.dataset['how'] ?? '', this.#mode, this.#words);
    this.#wireRecipient();
  }

  get #mode(): Mode {
    return this.dataset['mode'] === 'page' ? 'page' : 'panel';
  }

  /**
   * Adds what only works with JavaScript, in the order the page reads: a local preview's note
   * first, the Verify button beside the link, then the result, the claims and the tools after the
   * inputs (before the verify page's checklist; a certificate page's empty one after them).
   */
  #build(): void {
    const inputs = this.querySelector<HTMLElement>(':scope > .lv-inputs');
    const { result, claims, tools, checklist } = verifierParts(this.#mode, this.dataset['how'] ?? '', this.#words);
    const parts = [result, claims, tools, ...(checklist ? [checklist] : [])];
    if (inputs) inputs.after(...parts);
    else this.prepend(...parts);
    if (this.#mode === 'panel') (inputs ?? this).prepend(verifyButton(this.#words));
    // On `npm run dev` or `npm run preview`, says that the site's files come from this computer.
    const preview = localPreview(this.dataset['siteUrl'], new URL(location.href));
    if (preview) {
      this.prepend(localPreviewNote(preview, this.#words));
      this.dataset['localSite'] = preview.localUrl;
    }
  }

  #prepare(): void {
    loadEngine().then(
      (engine) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => void engine.warmUp(), { timeout: 2000 }) : setTimeout(() => void engine.warmUp(), 0)),
      () => undefined, // offline: verify() reports it when it is asked to run
    );
  }

  #wireDropZone(): void {
    const zone = this.querySelector<HTMLElement>('[data-dropzone]');
    if (!zone) return;
    const over = (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('lv-drop-over');
    };
    zone.addEventListener('dragenter', over);
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', () => zone.classList.remove('lv-drop-over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('lv-drop-over');
      const data = event.dataTransfer;
      const file = data?.files[0];
      if (file) return void this.verify({ kind: 'file', file });
      const link = data?.getData('text/uri-list').split(/\r?\n/).find((line) => line !== '' && !line.startsWith('#'));
      if (link) return void this.verify({ kind: 'url', url: link });
      const text = data?.getData('text/plain') ?? '';
      if (/^https?:\/\/\S+$/.test(text.trim())) return void this.verify({ kind: 'url', url: text.trim() });
      if (text.trim() !== '') void this.verify({ kind: 'text', text });
    });
  }

  /** Keeps `?url=` in the address bar, so the result can be shared as a link. */
  #remember(url: string): void {
    if (this.#mode !== 'page') return;
    const here = new URL(location.href);
    here.searchParams.set('url', url);
    history.replaceState(null, '', here);
  }

  #parts() {
    return {
      checklist: this.querySelector<HTMLElement>('[data-checklist]')!,
      result: this.querySelector<HTMLElement>('[data-result]')!,
      claims: this.querySelector<HTMLElement>('[data-claims]')!,
      tools: this.querySelector<HTMLElement>('[data-tools]'),
    };
  }

  /** Verifies one input; a newer call makes an older one's result be ignored. */
  async verify(input: VerifyInput): Promise<void> {
    const run = ++this.#run;
    const { checklist, result, claims, tools } = this.#parts();
    this.#report = undefined;
    const words = this.#words;
    clearVerdict(result, words.checking(input));
    try {
      await this.#ensureChecklist(checklist);
    } catch (error) {
      if (run === this.#run) clearVerdict(result, words.cannotStart(errorText(error)));
      return;
    }
    if (run !== this.#run) return;
    const recipient = this.querySelector<HTMLFormElement>('form[data-recipient]');
    checklist.hidden = false;
    if (tools) tools.hidden = false;
    checklist.setAttribute('aria-busy', 'true');
    this.setAttribute('aria-busy', 'true');
    resetChecklist(checklist, 'running', words);
    renderClaims(claims, undefined, words);
    if (recipient) recipient.hidden = true;
    try {
      const { verifyInput, describeVerdict, verifierMessagesFor } = await loadEngine();
      const outcome = await verifyInput(input, this.dataset['siteUrl'], this.#language);
      if (run !== this.#run) return;
      this.#report = outcome.report;
      renderChecklist(checklist, outcome.report, words);
      renderClaims(claims, outcome.report.credential, words);
      renderVerdict(result, outcome.report, describeVerdict(outcome.report, verifierMessagesFor(this.#language)), words, outcome.durationMs);
      offerBundle(result, outcome.bundle, words);
      result.dataset['fetchMs'] = outcome.fetchMs.toFixed(1);
      if (recipient) recipient.hidden = outcome.report.credential === undefined;
    } catch (error) {
      if (run !== this.#run) return;
      resetChecklist(checklist, 'pending', words);
      clearVerdict(result, words.cannotStart(errorText(error)));
    } finally {
      if (run === this.#run) {
        checklist.removeAttribute('aria-busy');
        this.removeAttribute('aria-busy');
        result.focus({ preventScroll: this.#mode === 'panel' });
      }
    }
  }

  async #checkRecipient(email: string): Promise<void> {
    const report = this.#report;
    if (!report) return;
    const { withRecipient, describeVerdict, verifierMessagesFor } = await loadEngine();
    const messages = verifierMessagesFor(this.#language);
    const updated = withRecipient(report, email, messages);
    this.#report = updated;
    const { checklist, result } = this.#parts();
    renderChecklist(checklist, updated, this.#words);
    renderVerdict(result, updated, describeVerdict(updated, messages), this.#words, Number(result.dataset['durationMs'] ?? 0));
  }
}

if (!customElements.get('laurel-verifier')) customElements.define('laurel-verifier', LaurelVerifier);
