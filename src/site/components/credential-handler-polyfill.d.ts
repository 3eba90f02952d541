// What the wallet page uses of credential-handler-polyfill 4.0.1, which ships no types
// (lib/index.js, lib/WebCredential.js, lib/CredentialsContainer.js).
declare module 'credential-handler-polyfill' {
  export class WebCredential {
    constructor(dataType: string, data: unknown, options?: { recommendedHandlerOrigins?: string[] });
    readonly type: 'web';
    readonly dataType: string;
    readonly data: unknown;
  }
  /** Opens the mediator in a hidden frame and replaces navigator.credentials.store and get. */
  export function loadOnce(options: { mediatorOrigin: string }): Promise<unknown>;
}
