/**
 * Drawing a verification report into the verify page. Everything a credential says is untrusted,
 * so it only ever reaches the page as text (textContent), never as HTML, a link or a style.
 * States are told in words and a symbol as well as colour.
 */
import type { Check, CheckState, OverallStatus, VerificationReport } from '../core/verify/check.ts';
import type { VerifyInput } from './input.ts';
import type { LocalPreview } from './local-preview.ts';

export type RowState = CheckState | 'pending' | 'running';

export const STATE_WORDS: Record<RowState, { mark: string; words: string }> = {
  passed: { mark: '✓', words: 'Passed' },
  failed: { mark: '✗', words: 'Failed' },
  warning: { mark: '!', words: 'Warning' },
  unknown: { mark: '?', words: 'Could not check' },
  skipped: { mark: '–', words: 'Not checked' },
  pending: { mark: '○', words: 'Waiting' },
  running: { mark: '…', words: 'Checking' },
};

/**
 * The words of the verifier's own controls and notes. Everything the browser verifier says is in
 * this module (the checks' own sentences are the core's, messages.ts), so a translation changes
 * these two only.
 */
export const CONTROL_WORDS = {
  verify: 'Verify this credential',
  checks: 'The checks',
  showWork: 'Show the work for every check',
  howEach: 'How to do each check yourself',
  /** The verify page's result before anything is given. */
  giveOne: 'Give a credential above to see each check below run.',
  localPreview: (preview: LocalPreview) =>
    `Local preview: this site's own credentials are checked against this computer's server (${preview.localUrl}), which stands in for ${preview.siteUrl} until it is published. Credentials of other issuers are fetched from their sites as usual.`,
  /** The result while a run is under way. */
  checking: (input: VerifyInput) => `Checking ${input.kind === 'url' ? input.url : input.kind === 'file' ? input.file.name || 'the file' : 'the pasted text'}…`,
  saveBundle: 'Save a verification bundle',
  saveBundleNote:
    "(one file with this credential and the issuer's files just read: this page verifies it later even with no network, and says what it can then no longer confirm).",
  /** The result when the engine could not be loaded or threw. */
  cannotStart: (error: unknown) => `The verifier could not start (${error instanceof Error ? error.message : String(error)}). Check your connection and reload the page.`,
} as const;

/** The verdict's symbol; its words are the core's (messages.ts), shared with the command line. */
const VERDICT_MARKS: Record<OverallStatus, string> = { verified: '✓', warning: '!', expired: '✗', unchecked: '?', failed: '✗' };

/** Labels for the figures an expert needs to redo a step by hand; other keys show as they are. */
const LABELS: Record<string, string> = {
  cryptosuite: 'Cryptosuite',
  verificationMethod: 'Key id (verificationMethod)',
  proofValue: 'Signature as written (proofValue, base58btc)',
  signatureHex: 'Signature (64 bytes, hex)',
  publicKeyHex: 'Public key (32 bytes, hex)',
  publicKeyMultibase: 'Public key (Multikey)',
  canonicalDocument: 'The credential without its proof, canonicalized: this is what was hashed',
  canonicalProofConfig: 'The proof options, canonicalized',
  documentHashHex: 'SHA-256 of the canonical credential (hex)',
  proofConfigHashHex: 'SHA-256 of the canonical proof options (hex)',
  hashDataHex: 'Signed data: proof-options hash followed by credential hash (hex)',
  otherProofsIgnored: 'Other proofs not used',
  source: 'Where the key came from',
  documentUrl: 'Document fetched',
  controller: 'Key controller',
  history: "The key in the issuer's DID history (did:webvh)",
  historyProblem: "What is wrong with the issuer's DID history",
  added: 'Listed since',
  removed: 'Removed on',
  versions: 'Versions in the history',
  versionTime: 'Latest version dated',
  issuer: 'Issuer named in the credential',
  named: 'Vocabularies named',
  unknown: 'Vocabularies not known',
  embeddedContexts: 'Vocabularies written inline',
  entries: 'Status entries',
  prefix: "The log's address (its prefix)",
  origin: "The log's name in its checkpoint (origin)",
  size: 'Entries in the signed checkpoint',
  root: "The checkpoint's root hash (hex)",
  logEntries: "This credential's entries in the log",
  sha256: 'SHA-256 of the credential as published (hex)',
  logged: 'Logged by the build of',
  proof: 'Inclusion proof, leaf to root (hex)',
  anchor: "The log's Bitcoin timestamp (OpenTimestamps)",
  height: 'Bitcoin block height',
  blockHash: 'Block hash (look it up in any block explorer)',
  time: "Block time (the miner's clock)",
  problem: 'Problem',
  outcome: 'Outcome',
  reason: 'Reason',
  statusPurpose: 'Purpose',
  statusListCredential: 'Status list',
  statusListIndex: 'Index in the list',
  statusSize: 'Bits per entry',
  announcedBy: "Announced by the issuer's DID document as",
  announcedIn: 'DID document',
  listIssuer: 'List issued by',
  listPurposes: 'List purposes',
  listEntries: 'Entries in the list',
  listChecks: 'Checks of the status list itself',
  bitPosition: 'Bit position',
  byteIndex: 'Byte (from 0) in the expanded list',
  bitMask: 'Bit mask in that byte (first entry = most significant bit)',
  value: 'Value found (0 = not set)',
  errors: 'Rules broken',
  problems: 'Problems',
  vcVersion: 'Verifiable Credentials version',
  openBadge: 'Claims to be an Open Badge',
  identifiers: 'Recipient identifiers',
  identityHash: 'Hash in the credential',
  computedHash: 'Hash of the address you typed',
  salt: 'Salt',
  matches: 'Matches',
};

const SOURCES: Record<string, string> = {
  'did:web': "did:web: the issuer's DID document, fetched from the issuer's own site",
  'did:webvh': "did:webvh: the issuer's DID log, fetched from the issuer's own site, every version's hash and signature checked",
  'did:key': 'did:key: decoded from the identifier itself, nothing fetched',
  'controlled-identifier-document': "the issuer's controlled identifier document, fetched over https",
  'multikey-document': 'a key document fetched over https',
};

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

function renderValue(key: string, value: unknown, depth: number): Node {
  if (typeof value === 'string') return textValue(key === 'source' && SOURCES[value] ? `${value} (${SOURCES[value]})` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return document.createTextNode(String(value));
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length === 0 ? document.createTextNode('none') : el('ul', 'lv-list', ...value.map((item) => el('li', undefined, textValue(item))));
  }
  if (Array.isArray(value) && value.every(isCheck) && depth < 3) {
    return el('ul', 'lv-list', ...value.map((check) => el('li', undefined, `${check.title}: ${STATE_WORDS[check.state].words}. ${check.summary}`, ...(check.details ? [workDetails(check.details, depth + 1, 'Show the work')] : []))));
  }
  if (Array.isArray(value) && value.every(isRecord) && depth < 3) {
    return el('ol', 'lv-list', ...value.map((item) => el('li', undefined, renderDetails(item, depth + 1))));
  }
  return block(JSON.stringify(value, null, 2) ?? String(value));
}

/** A check's machine details as a definition list, for checking each step by hand. */
export function renderDetails(details: Record<string, unknown>, depth = 0): HTMLElement {
  const list = el('dl', 'lv-work-list');
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined) continue;
    list.append(el('dt', undefined, LABELS[key] ?? key), el('dd', undefined, renderValue(key, value, depth)));
  }
  return list;
}

function workDetails(details: Record<string, unknown>, depth: number, label: string): HTMLDetailsElement {
  const list = renderDetails(details, depth);
  // A check's own work may scroll in its box on a phone: reachable by keyboard, like the blocks in it.
  if (depth === 0) list.tabIndex = 0;
  return el('details', 'lv-work', el('summary', undefined, label), list);
}

/** One row of the checklist: its state in symbol, words and colour, the sentence, and the work. */
export function renderRow(row: HTMLElement, state: RowState, check?: Check): void {
  row.dataset['state'] = state;
  const { mark, words } = STATE_WORDS[state];
  row.querySelector('.lv-mark')!.textContent = mark;
  row.querySelector('.lv-state')!.textContent = words;
  const summary = row.querySelector<HTMLElement>('.lv-summary')!;
  // The planned description stays until a result replaces it.
  summary.dataset['planned'] ??= summary.textContent ?? '';
  summary.textContent = check ? check.summary : summary.dataset['planned'];
  const work = row.querySelector<HTMLElement>('.lv-work-slot')!;
  work.replaceChildren();
  if (check?.details && Object.keys(check.details).length > 0) work.append(workDetails(check.details, 0, 'Show the work'));
}

export type Mode = 'page' | 'panel';

/**
 * The parts of the verifier that only work with JavaScript, made by the element when it connects
 * rather than sent with every certificate page: the result, a polite live region that takes focus
 * when a run ends; what the credential claims; the tools above the checklist; and, on a
 * certificate page, the empty checklist that Verify fills (the verify page sends its rows, which
 * read as a list of the checks without JavaScript too). `how` is the how-to page.
 */
export function verifierParts(mode: Mode, how: string): { result: HTMLElement; claims: HTMLElement; tools: HTMLElement; checklist?: HTMLOListElement } {
  const verdict = el('p', 'lv-verdict', mode === 'page' ? CONTROL_WORDS.giveOne : '');
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
  const showWork = el('button', undefined, CONTROL_WORDS.showWork);
  showWork.type = 'button';
  showWork.dataset['action'] = 'show-work';
  showWork.setAttribute('aria-pressed', 'false');
  const howLink = el('a', undefined, CONTROL_WORDS.howEach);
  howLink.href = how;
  const tools = el('div', 'lv-tools', el('h3', undefined, CONTROL_WORDS.checks), showWork, howLink);
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
export function verifyButton(): HTMLButtonElement {
  const button = el('button', undefined, CONTROL_WORDS.verify);
  button.type = 'button';
  button.dataset['action'] = 'verify';
  return button;
}

/** The note of a local preview (`npm run dev`, `npm run preview`), above the result. */
export function localPreviewNote(preview: LocalPreview): HTMLParagraphElement {
  const note = el('p', 'lv-note lv-local', CONTROL_WORDS.localPreview(preview));
  note.dataset['localPreview'] = '';
  note.setAttribute('role', 'note');
  return note;
}

/**
 * Draws the planned checks into an empty checklist, row for row as Verifier.astro renders them on
 * the verify page: a certificate page carries an empty list and gets its rows when Verify is
 * pressed. `how` is the how-to page; the recipient row holds the email form (`data-recipient`).
 */
export function fillChecklist(list: HTMLElement, checks: ReadonlyArray<{ readonly id: string; readonly title: string; readonly question: string }>, how: string, mode: Mode): void {
  list.replaceChildren(
    ...checks.map((check) => {
      const link = el('a', 'lv-how', 'how');
      link.href = `${how}#${check.id}`;
      const mark = el('span', 'lv-mark', STATE_WORDS.pending.mark);
      mark.setAttribute('aria-hidden', 'true');
      const body = el('div', 'lv-body', el('p', 'lv-title', el('strong', undefined, check.title), ' ', el('span', 'lv-state', STATE_WORDS.pending.words), ' ', link), el('p', 'lv-summary', check.question));
      if (check.id === 'recipient') body.append(recipientForm(`lv-email-${mode}`));
      body.append(el('div', 'lv-work-slot'));
      const row = el('li', 'lv-check', mark, body);
      row.dataset['check'] = check.id;
      row.dataset['state'] = 'pending';
      return row;
    }),
  );
}

function recipientForm(fieldId: string): HTMLFormElement {
  const label = el('label', undefined, 'Email address the credential was awarded to');
  label.htmlFor = fieldId;
  const input = el('input');
  Object.assign(input, { id: fieldId, name: 'email', type: 'email', required: true, autocomplete: 'off' });
  const button = el('button', undefined, 'Compare');
  button.type = 'submit';
  const form = el('form', 'lv-recipient', label, el('div', 'lv-row', input, button), el('p', 'lv-note', "Hashed here with the credential's salt and compared; it is not sent anywhere."));
  form.dataset['recipient'] = '';
  form.hidden = true;
  return form;
}

export function renderChecklist(list: HTMLElement, report: VerificationReport): void {
  for (const check of report.checks) {
    const row = list.querySelector<HTMLElement>(`[data-check="${check.id}"]`);
    if (row) renderRow(row, check.state, check);
  }
}

export function resetChecklist(list: HTMLElement, state: RowState): void {
  for (const row of list.querySelectorAll<HTMLElement>('[data-check]')) renderRow(row, state);
}

/** The overall answer, in words first; `data-verification-status` is the stable hook for tests. */
/**
 * The verdict's headline and detail. Its words (`describeVerdict` of the core's messages) come in
 * with the lazily loaded engine, so the page's first script stays small.
 */
export function renderVerdict(result: HTMLElement, report: VerificationReport, verdict: { readonly title: string; readonly issuer?: string | undefined; readonly bundleUse?: string | undefined }, durationMs?: number): void {
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
  if (report.status === 'verified') lines.push('Every check passed: the issuer signed this credential, nothing in it has changed since, and it is in force.');
  if (report.status === 'expired') {
    lines.push(`${authentic ? 'The issuer signed this credential and nothing in it has changed, but it' : 'It'} is past its end date, so it is no longer in force.`, ...failed.map((check) => `${check.title}: ${check.summary}`));
  }
  if (report.status === 'unchecked') lines.push('Nothing failed, but some checks could not be done, so nobody can say it is in force yet:', ...unknown.map((check) => `${check.title}: ${check.summary}`));
  if (report.status === 'failed') lines.push(...failed.map((check) => `${check.title}: ${check.summary}`));
  if (report.status === 'warning') lines.push('Nothing failed, but read these before you rely on it:', ...doubtful.map((check) => `${check.title}: ${check.summary}`));
  if (verdict.bundleUse) lines.push(verdict.bundleUse);
  explain.replaceChildren(...lines.map((line, index) => el('p', index === 0 && issuer ? 'lv-issuer' : undefined, line)));
  if (durationMs !== undefined && durationMs > 0) {
    result.dataset['durationMs'] = durationMs.toFixed(1);
    explain.append(el('p', 'lv-timing', `Checked in your browser in ${Math.max(1, Math.round(durationMs))} ms.`));
  } else {
    delete result.dataset['durationMs'];
  }
}

let bundleUrl: string | undefined;

/**
 * The link that saves this run's verification bundle (a file the browser makes here, from the
 * files it just read), or none. One object URL at a time: the last one is released.
 */
export function offerBundle(result: HTMLElement, bundle: { readonly fileName: string; readonly text: string } | undefined): void {
  result.querySelector('[data-save-bundle]')?.remove();
  if (bundleUrl) URL.revokeObjectURL(bundleUrl);
  bundleUrl = undefined;
  if (!bundle) return;
  bundleUrl = URL.createObjectURL(new Blob([bundle.text], { type: 'application/json' }));
  const link = el('a', undefined, CONTROL_WORDS.saveBundle);
  link.href = bundleUrl;
  link.download = bundle.fileName;
  const note = el('p', 'lv-save-bundle', link, ` ${CONTROL_WORDS.saveBundleNote}`);
  note.dataset['saveBundle'] = '';
  result.append(note);
}

export function clearVerdict(result: HTMLElement, message: string): void {
  offerBundle(result, undefined);
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
export function renderClaims(container: HTMLElement, credential: Record<string, unknown> | undefined): void {
  container.replaceChildren();
  container.hidden = credential === undefined;
  if (!credential) return;
  const subject = [credential['credentialSubject']].flat()[0];
  const achievement = isRecord(subject) ? subject['achievement'] : undefined;
  const types = [credential['type']].flat().filter((type): type is string => typeof type === 'string' && type !== 'VerifiableCredential');
  const rows: Array<[string, string | undefined]> = [
    ['Credential', text(credential['name']) ?? nameOf(achievement) ?? (types.length > 0 ? types.join(', ') : undefined)],
    ['Achievement', nameOf(achievement)],
    ['Awarded to', nameOf(subject) ?? idOf(isRecord(subject) ? subject['id'] : undefined)],
    ['Issued by', [nameOf(credential['issuer']), idOf(credential['issuer'])].filter(Boolean).join(' · ') || undefined],
    ['Valid from', text(credential['validFrom']) ?? text(credential['issuanceDate'])],
    ['Valid until', text(credential['validUntil']) ?? text(credential['expirationDate'])],
    ['Identifier', idOf(credential['id'])],
  ];
  const list = el('dl', 'lv-claims-list');
  for (const [label, value] of rows) if (value !== undefined) list.append(el('dt', undefined, label), el('dd', undefined, value));
  container.append(
    el('h3', undefined, 'What the credential says'),
    el('p', 'lv-note', 'As written in the credential. The checks below tell you whether to believe it.'),
    list,
    el('details', 'lv-work', el('summary', undefined, 'The credential as read (JSON)'), block(JSON.stringify(credential, null, 2))),
  );
}
