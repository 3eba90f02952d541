/**
 * "Add to wallet" for the DCC Learner Credential Wallet (LCW), with no server: a deep link that
 * carries the hosted credential to the wallet, and the credential's own HTTPS URL for its QR
 * scanner. Pure: the certificate page builds both in the learner's browser from the hosted JSON,
 * so no page carries the credential twice. docs/wallets.md says which wallets were checked and how;
 * the references below are to openwallet-foundation-labs/learner-credential-wallet at commit
 * 1c46a82ba38447f164998903e88944b67fc2a2e6 (LCW 2.2.10).
 *
 * - A deep link `dccrequest://request?request=<JSON>` opens LCW on Android and iOS (app.config.js:
 *   the `dccrequest` scheme, host `request`). LCW reads the `request` parameter as a "wallet API
 *   message" (app/lib/walletRequestApi.ts, parseWalletApiUrl); one holding `verifiablePresentation`
 *   is an offer (IVpOffer, after vcplayground.org/docs/n/chapi/wallets/native/#vc-api), whose
 *   credentials the wallet stages for the learner to accept without contacting anyone
 *   (app/lib/exchanges.ts, processMessageChain). The other forms (`vc_request_url`, `protocols.vcapi`,
 *   interaction URLs with `iuv=1`) all end in a POST to the issuer, which a static host refuses.
 * - A signed credential is about 3 kB, more than a QR code holds once in a link (2,953 bytes at
 *   most, version 40-L): the QR code holds the credential's URL instead, which LCW's "Add
 *   credential → Scan QR code" fetches by GET and accepts as a credential or a presentation
 *   (app/screens/AddScreen/AddScreen.tsx, addCredentialsFrom; app/lib/decode.ts, credentialsFrom).
 */

/** The scheme and path that LCW registers with the phone's system (app.config.js, intentFilters). */
export const LCW_DEEP_LINK = 'dccrequest://request';

/** VC Data Model 2.0 §4.13, Verifiable Presentations: the base context, the one it requires. */
const CREDENTIALS_V2 = 'https://www.w3.org/ns/credentials/v2';

/** A presentation that offers exactly one credential: unsigned, as an offer may be (there is no holder to sign it). */
export interface WalletPresentation {
  readonly '@context': readonly [typeof CREDENTIALS_V2];
  readonly type: readonly ['VerifiablePresentation'];
  readonly verifiableCredential: readonly [unknown];
}

/** LCW's IVpOffer: the presentation, and the self-asserted origin it comes from (LCW only logs it). */
export interface WalletOffer {
  readonly credentialRequestOrigin: string;
  readonly verifiablePresentation: WalletPresentation;
}

/** The offer of one hosted credential (its parsed JSON, unchanged: the proof covers every member). */
export function walletOffer(credential: unknown, origin: string): WalletOffer {
  return {
    credentialRequestOrigin: origin,
    verifiablePresentation: { '@context': [CREDENTIALS_V2], type: ['VerifiablePresentation'], verifiableCredential: [credential] },
  };
}

/**
 * The deep link that hands the offer to LCW. LCW decodes the parameter twice: once as a query
 * parameter (query-string's parse) and once more with `decodeURI` (parseWalletApiUrl). A `%` of
 * the JSON (a description that says "100%") is therefore escaped once before the parameter is
 * encoded, so that the second decoding gives it back rather than mangling the signed text.
 */
export function walletDeepLink(credential: unknown, origin: string): string {
  const json = JSON.stringify(walletOffer(credential, origin));
  return `${LCW_DEEP_LINK}?request=${encodeURIComponent(json.replaceAll('%', '%25'))}`;
}
