// Type declarations for packages that ship none.

declare module '@digitalbazaar/citizenship-context' {
  /** Context documents by URL (https://w3id.org/citizenship/v1, …/v4rc1, …). */
  export const contexts: Map<string, object>;
}
