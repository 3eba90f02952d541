/**
 * Reads a wallet deep link back as the Learner Credential Wallet does
 * (openwallet-foundation-labs/learner-credential-wallet@1c46a82, app/lib/walletRequestApi.ts,
 * parseWalletApiUrl): the `request` query parameter, decoded as query-string decodes it ('+' is a
 * space, then percent-decoding), then `decodeURI`, then `JSON.parse`. URLSearchParams decodes as
 * query-string does, so no copy of that package is needed here.
 */
export interface ReadWalletLink {
  /** Everything before the query: the scheme and the path the phone routes to the wallet. */
  readonly target: string;
  /** The query's parameter names, in order. */
  readonly parameters: string[];
  /** The wallet API message, parsed. */
  readonly message: unknown;
}

export function readWalletLink(link: string): ReadWalletLink {
  const question = link.indexOf('?');
  const query = new URLSearchParams(link.slice(question + 1));
  const request = query.get('request');
  if (question < 0 || request === null) throw new Error(`no request parameter in ${link.slice(0, 80)}`);
  return { target: link.slice(0, question), parameters: [...query.keys()], message: JSON.parse(decodeURI(request)) };
}
