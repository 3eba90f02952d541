/** The one way the site writes a JSON document: the bytes every route serves and every check reads. */

/**
 * Stable JSON text for the few documents a person opens (the issuer profile, the DID document,
 * the status lists, the achievements): two-space indentation and a final newline, so diffs and
 * bytes stay stable.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Stable JSON text for a signed credential, one file per award: no indentation, which saves about a
 * fifth of its bytes, so that a site of 100,000 awards still fits a free static host. Wallets
 * and verifiers read it, and the verifier page shows it indented. A final newline, like jsonText.
 */
export function credentialText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
