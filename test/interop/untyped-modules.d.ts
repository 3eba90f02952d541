/**
 * The few entry points the interoperability tests use from libraries that ship no types
 * (Digital Bazaar's JavaScript, as published on npm). Only what the tests call is declared.
 */
declare module '@digitalbazaar/vc' {
  export function verifyCredential(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    checkStatus?: (options: Record<string, unknown>) => Promise<unknown>;
    now?: Date | string;
  }): Promise<{ verified: boolean; error?: unknown; results?: Array<Record<string, unknown>>; statusResult?: Record<string, unknown> }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export function from(key: Record<string, unknown>): Promise<{ id: string; controller: string; publicKeyMultibase: string; export(options: { publicKey: true; includeContext?: boolean }): Promise<Record<string, unknown>> }>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function checkStatus(options: Record<string, unknown>): Promise<{ verified: boolean; error?: unknown; results?: Array<{ verified: boolean; status?: boolean; credentialStatus?: Record<string, unknown>; error?: unknown }> }>;
  export function decodeList(options: { encodedList: string }): Promise<{ getStatus(index: number): boolean; length: number }>;
}

declare module '@digitalcredentials/verifier-core' {
  export function verifyCredential(options: { credential: Record<string, unknown>; knownDIDRegistries: ReadonlyArray<{ name: string; url: string }> }): Promise<{
    credential?: Record<string, unknown>;
    errors?: Array<{ name: string; message: string }>;
    log?: Array<{ id: string; valid?: boolean; error?: { name: string; message: string } }>;
    [key: string]: unknown;
  }>;
}
