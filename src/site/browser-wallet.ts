/**
 * "Store in a browser wallet": the Credential Handler API (CHAPI, W3C Credentials Community Group,
 * https://w3c-ccg.github.io/credential-handler-api/), through Digital Bazaar's
 * `credential-handler-polyfill`. A browser wallet registers itself with a *mediator*, a page of
 * another site (authn.io by default) that the polyfill opens in a frame to let the learner pick a
 * wallet; the credential goes to the wallet through it. That is the only part of the site that
 * talks to another origin, so it lives on one page of its own, `/wallet/?credential=<id>`, with its
 * own Content-Security-Policy (./content-security-policy.ts), reached from "Add to wallet" on a
 * certificate page: the certificate pages keep the strict policy, and nothing of the mediator's
 * loads until the learner presses its button there. docs/wallets.md says what it sends and where.
 */

/**
 * The mediator the polyfill opens (its own default). A fork that runs its own mediator sets its
 * origin here; the wallet page's policy follows (frame-src).
 */
export const CHAPI_MEDIATOR_ORIGIN = 'https://authn.io';

import { AWARD_ID_PATTERN } from '../content/award-id.ts';
import type { Messages } from '../core/locale/messages.ts';

/** The query parameter of the wallet page that names the credential to store. */
export const CREDENTIAL_PARAMETER = 'credential';

/** The wallet page's address for one credential, relative to the site's base path. */
export function browserWalletPath(base: string, id: string): string {
  return `${base}wallet/?${CREDENTIAL_PARAMETER}=${encodeURIComponent(id)}`;
}

/**
 * The wallet page's address for the credential a certificate page's JSON link names
 * (`<base>credentials/<id>.json`, src/issue/urls.ts): made in the browser, so that no page
 * carries it. Undefined for any other path.
 */
export function browserWalletPathForFile(pathname: string): string | undefined {
  const match = /^(.*\/)credentials\/([^/]+)\.json$/.exec(pathname);
  return match ? browserWalletPath(match[1]!, decodeURIComponent(match[2]!)) : undefined;
}

/** What the wallet page's query names: a credential's id and hosted JSON, or why it names none. */
export type NamedCredential =
  | { readonly id: string; readonly file: string }
  | { readonly problem: 'none' | 'not-an-id'; readonly id?: string };

/**
 * The hosted JSON the wallet page reads, from its query. Only an award id is accepted: anything
 * else (a path, an address) could make the page read some other file, since many static hosts
 * decode an escaped `/` in a path.
 */
export function credentialFileFor(base: string, search: string): NamedCredential {
  const id = new URLSearchParams(search).get(CREDENTIAL_PARAMETER)?.trim();
  if (!id) return { problem: 'none' };
  if (!AWARD_ID_PATTERN.test(id)) return { problem: 'not-an-id', id };
  return { id, file: `${base}credentials/${id}.json` };
}

/**
 * The wallet page's control's words, as the page hands them to it (its `data-words`): the page is
 * rendered in its language, so the control's script carries no catalog. What only the browser
 * knows is left as a placeholder, `{id}`, `{learner}`, `{achievement}`, filled by `fillWords`.
 */
export type WalletControlWords = Readonly<Record<keyof Messages['walletPage'], string>>;

export function walletControlWords(words: Messages['walletPage'], mediatorHost: string): WalletControlWords {
  return {
    ...words,
    credentialTitle: words.credentialTitle('{learner}', '{achievement}'),
    notAnId: words.notAnId('{id}'),
    noSuchCredential: words.noSuchCredential('{id}'),
    ready: words.ready(mediatorHost),
    opening: words.opening(mediatorHost),
    unreachable: words.unreachable(mediatorHost),
  };
}

/** A sentence with its placeholders filled, in one pass: a value that looks like a placeholder stays as it is. */
export function fillWords(sentence: string, values: Readonly<Record<string, string>>): string {
  return sentence.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
