/**
 * Drawing a verification report into the verify page. Everything a credential says is untrusted,
 * so it only ever reaches the page as text (textContent), never as HTML, a link or a style.
 * States are told in words and a symbol as well as colour. The words are the page's language's
 * (./words.ts), passed in by the element.
 */
import type { Check, OverallStatus, VerificationReport } from '../core/verify/check.ts';
import type { LocalPreview } from './local-preview.ts';
import type { RowState, VerifierPageWords } from './words.ts';

/** A state's symbol; its words are the page's (./words.ts). */
const STATE_MARKS: Record<RowState, string> = { passed: '✓', failed: '✗', warning: '!', unknown: '?', skipped: '–', pending: '○', running: '…' };

/** The verdict's symbol; its words are the core's (messages.ts), shared with the command line. */
const VERDICT_MARKS: Record<OverallStatus, string> = { verified: '✓', warning: '!', expired: '✗', unchecked: '?', failed: '✗' };

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCheck = (value: unknown): value is Check => isRecord(value) && typeof value['id'] === 'string' && typeof value['state'] === 'string' && typeof value['summary'] === 'string';

/** A scrollable block of text, reachable by keyboard so it can be scrolled without a mouse. */
function block(text: string): HTMLPreElement {
  const pre = el('pre', 'lv-pre', text);
  pre.tabIndex = 0;
  return pre;
}

/** Long or multi-line text (N-Quads, JSON) goes into a scrollable block; the rest inline. */
function textValue(text: string): HTMLElement {
  return text.includes('\n') || text.length > 100 ? block(text) : el('code', 'lv-code', text);
}

function renderValue(key: string, value: unknown, depth: number, words: VerifierPageWords): Node {
  const source = key === 'source' && typeof value === 'string' ? words.sources[value] : undefined;
  if (typeof value === 'string') return textValue(source ? `${value} (${source})` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return document.createTextNode(String(value));
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? document.createTextNode(words.none) : el('ul', 'lv-list', ...value.map((item) => el('li', undefined, textValue(item))));
  }
  if (Array.isArray(value) && value.every(isCheck) && depth < 3) {
    return el('ul', 'lv-list', ...value.map((check) => el('li', undefined, words.nestedCheckLine(check.title, words.states[check.state], check.summary), ...(check.details ? [workDetails(check.details, depth + 1, words)] : []))));
  }
  if (Array.isArray(value) && value.every(isRecord) && depth < 3) {
    return el('ol', 'lv-list', ...value.map((item) => el('li', undefined, renderDetails(item, words, depth + 1))));
  }
  return block(JSON.stringify(value, null, 2) ?? String(value));
}

/** A check's machine details as a definition list, for checking each step by hand. */
export function renderDetails(details: Record<string, unknown>, words: VerifierPageWords, depth = 0): HTMLElement {
  const list = el('dl', 'lv-work-list');
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    list.append(el('dt', undefined, words.labels[key] ?? key), el('dd', undefined, renderValue(key, value, depth, words)));
  }
  return list;
}

function workDetails(details: Record<string, unknown>, depth: number, words: VerifierPageWords): HTMLDetailsElement {
  const list = renderDetails(details, words, depth);
  // A check's own work may scroll in its box on a phone: reachable by keyboard, like the blocks in it.
  if (depth === 0) list.tabIndex = 0;
  return el('details', 'lv-work', el('summary', undefined, words.showTheWork), list);
}

/** One row of the checklist: its state in symbol, words and colour, the sentence, and the work. */
export function renderRow(row: HTMLElement, state: RowState, words: VerifierPageWords, check?: Check): void {
  row.dataset['state'] = state;
  row.querySelector('.lv-mark')!.textContent = STATE_MARKS[state];
  row.querySelector('.lv-state')!.textContent = words.states[state];
  const summary = row.querySelector<HTMLElement>('.lv-summary')!;
  // The planned description stays until a result replaces it.
  summary.dataset['planned'] ??= summary.textContent ?? '';
  summary.textContent = check ? check.summary : summary.dataset['planned'];
  const work = row.querySelector<HTMLElement>('.lv-work-slot')!;
  work.replaceChildren();
  if (check?.details && Object.keys(check.details).length > 0) work.append(workDetails(check.details, 0, words));
}

export type Mode = 'page' | 'panel';

/**
 * The parts of the verifier that only work with JavaScript, made by the element when it connects
 * rather than sent with every certificate page: the result, a polite live region that takes focus
 * when a run ends; what the credential claims; the tools above the checklist; and, on a
 * certificate page, the empty checklist that Verify fills (the verify page sends its rows, which
 * read as a list of the checks without JavaScript too). `how` is the how-to page.
 */
export function verifierParts(mode: Mode, how: string, words: VerifierPageWords): { result: HTMLElement; claims: HTMLElement; tools: HTMLElement; checklist?: HTMLOListElement } {
  const verdict = el('p', 'lv-verdict', mode === 'page' ? words.giveOne : '');
  verdict.dataset['verdict'] = '';
  const detail = el('div');
  detail.dataset['verdictDetail'] = '';
  const result = el('div', 'lv-result', verdict, detail);
  result.dataset['result'] = '';
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  result.tabIndex = -1;
  const claims = el('div', 'lv-claims');
  claims.dataset['claims'] = '';
  claims.hidden = true;
  const showWork = el('button', undefined, words.showWork);
  showWork.type = 'button';
  showWork.dataset['action'] = 'show-work';
  showWork.setAttribute('aria-pressed', 'false');
  const howLink = el('a', undefined, words.howEach);
  howLink.href = how;
  const tools = el('div', 'lv-tools', el('h3', undefined, words.checks), showWork, howLink);
  tools.dataset['tools'] = '';
  // On a certificate page the tools and the checklist appear with the first run.
  tools.hidden = mode === 'panel';
  if (mode === 'page') return { result, claims, tools };
  const checklist = el('ol', 'lv-checklist');
  checklist.dataset['checklist'] = '';
  checklist.hidden = true;
  return { result, claims, tools, checklist };
}

/** A certificate page's Verify button, beside the server's "Open in the verifier" link. */
export function verifyButton(words: VerifierPageWords): HTMLButtonElement {
  const button = el('button', undefined, words.verify);
  button.type = 'button';
  button.dataset['action'] = 'verify';
  return button;
}

/** The note of a local preview (`npm run dev`, `npm run preview`), above the result. */
export function localPreviewNote(preview: LocalPreview, words: VerifierPageWords): HTMLParagraphElement {
  const note = el('p', 'lv-note lv-local', words.localPreview(preview));
  note.dataset['localPreview'] = '';
  note.setAttribute('role', 'note');
  return note;
}

/**
 * Draws the planned checks into an empty checklist, row for row as Verifier.astro renders them on
 * the verify page: a certificate page carries an empty list and gets its rows when Verify is
 * pressed. `how` is the how-to page; the recipient row holds the email form (`data-recipient`).
 */
export function fillChecklist(list: HTMLElement, checks: ReadonlyArray<{ readonly id: string; readonly title: string; readonly question: string }>, how: string, mode: Mode, words: VerifierPageWords): void {
  list.replaceChildren(
    ...checks.map((check) => {
      const link = el('a', 'lv-how', words.how);
      link.href = `${how}#${check.id}`;
      const mark = el('span', 'lv-mark', STATE_MARKS.pending);
      mark.setAttribute('aria-hidden', 'true');
      const body = el('div', 'lv-body', el('p', 'lv-title', el('strong', undefined, check.title), ' ', el('span', 'lv-state', words.states.pending), ' ', link), el('p', 'lv-summary', check.question));
      if (check.id === 'recipient') body.append(recipientForm(`lv-email-${mode}`, words));
      body.append(el('div', 'lv-work-slot'));
      const row = el('li', 'lv-check', mark, body);
      row.dataset['check'] = check.id;
      row.dataset['state'] = 'pending';
      return row;
    }),
  );
}

function recipientForm(fieldId: string, words: VerifierPageWords): HTMLFormElement {
  const label = el('label', undefined, words.recipientLabel);
  label.htmlFor = fieldId;
  const input = el('input');
  Object.assign(input, { id: fieldId, name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const button = el('button', undefined, words.compare);
  button.type = 'submit';
  const form = el('form', 'lv-recipient', label, el('div', 'lv-row', input, button), el('p', 'lv-note', words.recipientNote));
  form.dataset['recipient'] = '';
  form.hidden = true;
  return form;
}

export function renderChecklist(list: HTMLElement, report: VerificationReport, words: VerifierPageWords): void {
  for (const check of report.checks) {
    const row = list.querySelector<HTMLElement>(`[data-check="${check.id}"]`);
    if (row) renderRow(row, check.state, words, check);
  }
}

export function resetChecklist(list: HTMLElement, state: RowState, words: VerifierPageWords): void {
  for (const row of list.querySelectorAll<HTMLElement>('[data-check]')) renderRow(row, state, words);
}

/** The overall answer, in words first; `data-verification-status` is the stable hook for tests. */
/**
 * The verdict's headline and detail. Its words (`describeVerdict` of the core's messages) come in
 * with the lazily loaded engine, so the page's first script stays small.
 */
export function renderVerdict(result: HTMLElement, report: VerificationReport, verdict: { readonly title: string; readonly issuer?: string | undefined; readonly bundleUse?: string | undefined; readonly held?: string | undefined }, words: VerifierPageWords, durationMs?: number): void {
  result.dataset['verificationStatus'] = report.status;
  const { title, issuer } = verdict;
  const heading = result.querySelector<HTMLElement>('[data-verdict]')!;
  heading.replaceChildren(el('span', 'lv-mark', VERDICT_MARKS[report.status]), ` ${title}`);
  heading.querySelector('.lv-mark')!.setAttribute('aria-hidden', 'true');
  const explain = result.querySelector<HTMLElement>('[data-verdict-detail]')!;
  const failed = report.checks.filter((check) => check.state === 'failed');
  const unknown = report.checks.filter((check) => check.state === 'unknown');
  const doubtful = report.checks.filter((check) => check.state === 'warning' || check.state === 'unknown');
  const authentic = report.checks.some((check) => check.id === 'proof' && check.state === 'passed');
  const lines: string[] = [];
  if (issuer) lines.push(issuer);
  const line = (check: Check) => words.checkLine(check.title, check.summary);
  if (report.status === 'verified') lines.push(words.everyCheckPassed);
  if (report.status === 'expired') lines.push(words.pastEndDate(authentic), ...failed.map(line));
  if (report.status === 'unchecked') lines.push(words.someNotChecked, ...unknown.map(line));
  if (report.status === 'failed') lines.push(...failed.map(line));
  if (report.status === 'warning') lines.push(words.readBeforeRelying, ...doubtful.map(line));
  // A CLR 2.0 transcript: whether each credential it holds verified, and which did not.
  if (verdict.held) lines.push(verdict.held);
  if (verdict.bundleUse) lines.push(verdict.bundleUse);
  explain.replaceChildren(...lines.map((line, index) => el('p', index === 0 && issuer ? 'lv-issuer' : undefined, line)));
  if (durationMs !== undefined && durationMs > 0) {
    result.dataset['durationMs'] = durationMs.toFixed(1);
    explain.append(el('p', 'lv-timing', words.checkedIn(Math.max(1, Math.round(durationMs)))));
  } else {
    delete result.dataset['durationMs'];
  }
}

let bundleUrl: string | undefined;

/**
 * The link that saves this run's verification bundle (a file the browser makes here, from the
 * files it just read), or none. One object URL at a time: the last one is released.
 */
export function offerBundle(result: HTMLElement, bundle: { readonly fileName: string; readonly text: string } | undefined, words: VerifierPageWords): void {
  withdrawBundle(result);
  if (!bundle) return;
  bundleUrl = URL.createObjectURL(new Blob([bundle.text], { type: 'application/json' }));
  const link = el('a', undefined, words.saveBundle);
  link.href = bundleUrl;
  link.download = bundle.fileName;
  const note = el('p', 'lv-save-bundle', link, ` ${words.saveBundleNote}`);
  note.dataset['saveBundle'] = '';
  result.append(note);
}

function withdrawBundle(result: HTMLElement): void {
  result.querySelector('[data-save-bundle]')?.remove();
  if (bundleUrl) URL.revokeObjectURL(bundleUrl);
  bundleUrl = undefined;
}

export function clearVerdict(result: HTMLElement, message: string): void {
  withdrawBundle(result);
  delete result.dataset['verificationStatus'];
  delete result.dataset['durationMs'];
  delete result.dataset['fetchMs'];
  result.querySelector<HTMLElement>('[data-verdict]')!.textContent = message;
  result.querySelector<HTMLElement>('[data-verdict-detail]')!.replaceChildren();
}

const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max)}…` : text);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? clip(value.trim()) : undefined);
const nameOf = (value: unknown): string | undefined => (isRecord(value) ? text(value['name']) : undefined);
const idOf = (value: unknown): string | undefined => (typeof value === 'string' ? clip(value) : isRecord(value) ? text(value['id']) : undefined);

/** What the credential claims, labelled as claims: the checks say whether to believe them. */
export function renderClaims(container: HTMLElement, credential: Record<string, unknown> | undefined, words: VerifierPageWords): void {
  container.replaceChildren();
  container.hidden = credential === undefined;
  if (!credential) return;
  const subject = [credential['credentialSubject']].flat()[0];
  const achievement = isRecord(subject) ? subject['achievement'] : undefined;
  const types = [credential['type']].flat().filter((type): type is string => typeof type === 'string' && type !== 'VerifiableCredential');
  const rows: Array<[string, string | undefined]> = [
    [words.claims.credential, text(credential['name']) ?? nameOf(achievement) ?? (types.length > 0 ? types.join(', ') : undefined)],
    [words.claims.achievement, nameOf(achievement)],
    [words.claims.awardedTo, nameOf(subject) ?? idOf(isRecord(subject) ? subject['id'] : undefined)],
    [words.claims.issuedBy, [nameOf(credential['issuer']), idOf(credential['issuer'])].filter(Boolean).join(' · ') || undefined],
    [words.claims.validFrom, text(credential['validFrom']) ?? text(credential['issuanceDate'])],
    [words.claims.validUntil, text(credential['validUntil']) ?? text(credential['expirationDate'])],
    [words.claims.identifier, idOf(credential['id'])],
  ];
  const list = el('dl', 'lv-claims-list');
  for (const [label, value] of rows) if (value !== undefined) list.append(el('dt', undefined, label), el('dd', undefined, value));
  container.append(
    el('h3', undefined, words.claims.heading),
    el('p', 'lv-note', words.claims.note),
    list,
    el('details', 'lv-work', el('summary', undefined, words.claims.asRead), block(JSON.stringify(credential, null, 2))),
  );
}
