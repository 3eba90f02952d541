// Type declarations for packages that ship none.

declare module '@digitalbazaar/citizenship-context' {
  /** Context documents by URL (https://w3id.org/citizenship/v1, …/v4rc1, …). */
  export const contexts: Map<string, object>;
}

declare module 'did-context' {
  /** Context documents by URL (https://www.w3.org/ns/did/v1). */
  export const contexts: Map<string, object>;
}

declare module '@digitalbazaar/multikey-context' {
  /** Context documents by URL (https://w3id.org/security/multikey/v1). */
  export const contexts: Map<string, object>;
}
