/**
 * The browser verifier's own words: its states, controls, notes and the labels of the work it
 * shows, in English and in French. The checks' sentences and the verdicts are the core's
 * (../core/verify/messages.ts), shared with the command line; a translation of the page is one
 * more object of this shape (words-en.ts, words-fr.ts), chosen in page-words.ts and load-words.ts.
 */
import type { CheckState } from '../core/verify/check.ts';
import type { VerifyInput } from './input.ts';
import type { LocalPreview } from './local-preview.ts';
import type { FetchReasons } from './fetch-reasons.ts';

export type RowState = CheckState | 'pending' | 'running';

export interface VerifierPageWords {
  /** A checklist row's state in words (its symbol and colour say it too). */
  readonly states: Readonly<Record<RowState, string>>;
  /** A certificate page's button. */
  readonly verify: string;
  readonly checks: string;
  readonly showWork: string;
  readonly howEach: string;
  /** A row's link to the how-to page. */
  readonly how: string;
  /** One check's work, folded. */
  readonly showTheWork: string;
  /** An empty list in the work. */
  readonly none: string;
  /** The verify page's result before anything is given. */
  readonly giveOne: string;
  readonly localPreview: (preview: LocalPreview) => string;
  /** The result while a run is under way. */
  readonly checking: (input: VerifyInput) => string;
  readonly saveBundle: string;
  readonly saveBundleNote: string;
  /** The result when the engine could not be loaded or threw, with the error's message. */
  readonly cannotStart: (reason: string) => string;
  /** Why the browser could not fetch an address: it hides the reason from scripts. */
  readonly unreachable: string;
  /** Why an address was not fetched, when the verifier knows. */
  readonly fetchReasons: FetchReasons;
  readonly recipientLabel: string;
  readonly compare: string;
  readonly recipientNote: string;
  /** "Title: summary", a check in a sentence, with the language's colon. */
  readonly checkLine: (title: string, summary: string) => string;
  /** A check nested in another's work (a status list's): its title, state and summary. */
  readonly nestedCheckLine: (title: string, state: string, summary: string) => string;
  readonly everyCheckPassed: string;
  /** An expired credential; `authentic` when its signature holds. */
  readonly pastEndDate: (authentic: boolean) => string;
  readonly someNotChecked: string;
  readonly readBeforeRelying: string;
  readonly checkedIn: (milliseconds: number) => string;
  /** What the credential claims, as the page lists it. */
  readonly claims: {
    readonly heading: string;
    readonly note: string;
    readonly asRead: string;
    readonly credential: string;
    readonly achievement: string;
    readonly awardedTo: string;
    readonly issuedBy: string;
    readonly validFrom: string;
    readonly validUntil: string;
    readonly identifier: string;
  };
  /** Labels for the figures an expert needs to redo a step by hand; other keys show as they are. */
  readonly labels: Readonly<Record<string, string>>;
  /** Where a key came from, after its `source`. */
  readonly sources: Readonly<Record<string, string>>;
}
