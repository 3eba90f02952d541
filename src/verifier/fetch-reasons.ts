/**
 * Why an address was not fetched, in words: the reason a check's sentence quotes ("the issuer's
 * DID document could not be fetched: …"). The command line says it in English; the browser
 * verifier in its page's language (words-en.ts, words-fr.ts).
 */
export interface FetchReasons {
  readonly notAnAddress: (address: string) => string;
  readonly notHttps: (protocol: string) => string;
  readonly notADomainName: (hostname: string) => string;
  readonly redirectedAway: (url: string) => string;
  readonly tooManyRedirects: (url: string, limit: number) => string;
  readonly httpStatus: (status: number) => string;
  readonly noAnswer: (seconds: number) => string;
  /** `size` is the limit, written with the language's units ("1 MB", « 1 Mo »). */
  readonly tooLarge: (size: string) => string;
  readonly webPageNotJson: (url: string) => string;
  readonly tooDeep: (url: string, depth: number) => string;
  readonly notJson: (url: string) => string;
  readonly webPageNotLogFile: (url: string) => string;
  /** The units `tooLarge` writes its size in. */
  readonly units: { readonly mega: string; readonly kilo: string };
}

export const englishFetchReasons: FetchReasons = {
  notAnAddress: (address) => `"${address}" is not a web address`,
  notHttps: (protocol) => `only https:// addresses are fetched, not ${protocol}`,
  notADomainName: (hostname) => `only addresses on a domain name are fetched, not ${hostname}`,
  redirectedAway: (url) => `${url} redirected away from https`,
  tooManyRedirects: (url, limit) => `${url} redirected more than ${limit} times`,
  httpStatus: (status) => `the server answered HTTP ${status}`,
  noAnswer: (seconds) => `no answer within ${seconds} seconds`,
  tooLarge: (size) => `the response is larger than ${size}`,
  webPageNotJson: (url) => `${url} is a web page, not JSON`,
  tooDeep: (url, depth) => `${url} is nested more than ${depth} levels deep`,
  notJson: (url) => `${url} is not valid JSON`,
  webPageNotLogFile: (url) => `${url} is a web page, not a log file`,
  units: { mega: 'MB', kilo: 'KB' },
};
