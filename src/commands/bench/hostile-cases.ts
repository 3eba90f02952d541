/**
 * The cases of `npm run bench -- --hostile`: each makes one hostile input in memory and hands it
 * to the code that reads such input in the verifier or the build, the same function the command
 * line calls. To add a case (a YAML alias bomb, a forged credential…), add an entry here: the
 * benchmark runs each in a fresh Node process, so its peak memory is that input's alone.
 */
import { EMAIL_LIKE } from '../../content/schemas/common.ts';
import { MAX_IMAGE_BYTES, MAX_INPUT_BYTES } from '../../core/limits.ts';
import { decodeStatusList } from '../../core/status-list.ts';
import { credentialFromBytes, type LoadedText } from '../../core/verify/input.ts';
import { cdataSvg, compressedCredentialChunk, compressedItxtPngBomb, emailLikeLine, pngWith, statusListBomb, zlibBomb } from './hostile-inputs.ts';

const MB = 1024 * 1024;

/** What the code made of the input: `refused` when it said no (the outcome a hostile input should get). */
export interface Outcome {
  readonly refused: boolean;
  readonly detail: string;
}

export interface HostileCase {
  /** Unique and short: the child process is told by it which case to run. */
  readonly name: string;
  /** The input, in words, for the table. */
  readonly input: string;
  /** Makes the input (not measured) and returns the work to measure. */
  prepare(): () => Outcome;
}

/** The verifier's reading of a file, as `npm run verify -- <file>` and the verify page do it. */
function read(bytes: Uint8Array): Outcome {
  const loaded: LoadedText = credentialFromBytes(bytes);
  return loaded.ok ? { refused: false, detail: `read ${loaded.text.length} characters of ${loaded.origin}` } : { refused: true, detail: `unreadable: ${loaded.code}` };
}

const file = (bytes: number): string => `${(bytes / MB).toFixed(bytes < MB ? 2 : 0)} MB`;

export const HOSTILE_CASES: readonly HostileCase[] = [
  ...[1 * MB, MAX_IMAGE_BYTES].map((size) => ({
    name: `png-itxt-bomb-${size / MB}mb`,
    input: `PNG of ${file(size)}, compressed credential chunk expanding about 1,000×`,
    prepare: () => {
      const png = compressedItxtPngBomb(size);
      return () => read(png);
    },
  })),
  {
    name: 'png-many-credential-chunks',
    input: `PNG of ${file(MAX_IMAGE_BYTES)}: 8,000 compressed credential chunks of 1 MB of invalid UTF-8`,
    prepare: () => {
      const chunk = compressedCredentialChunk(zlibBomb(1, 0xff));
      const png = pngWith(Array.from({ length: Math.floor((MAX_IMAGE_BYTES - 200) / chunk.length) }, () => chunk));
      return () => read(png);
    },
  },
  {
    name: 'svg-cdata',
    input: `SVG of ${file(MAX_IMAGE_BYTES)}: empty CDATA sections in the credential element`,
    prepare: () => {
      const svg = new TextEncoder().encode(cdataSvg(MAX_IMAGE_BYTES));
      return () => read(svg);
    },
  },
  {
    name: 'svg-open-tags',
    input: `SVG of ${file(MAX_IMAGE_BYTES)}: credential start tags never closed`,
    prepare: () => {
      const head = '<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">';
      const tag = '<openbadges:credential ';
      const svg = new TextEncoder().encode(head + tag.repeat(Math.floor((MAX_IMAGE_BYTES - head.length) / tag.length)));
      return () => read(svg);
    },
  },
  {
    name: 'status-list-bomb',
    input: `encodedList of ${file(MAX_INPUT_BYTES - 64 * 1024)} expanding about 1,000×, through decodeStatusList`,
    prepare: () => {
      const encodedList = statusListBomb(MAX_INPUT_BYTES - 64 * 1024);
      return () => {
        const decoded = decodeStatusList(encodedList);
        return decoded.ok ? { refused: false, detail: `expanded to ${decoded.bits.length} bytes` } : { refused: true, detail: decoded.reason };
      };
    },
  },
  {
    name: 'email-check-line',
    input: `one line of ${file(MB)}, no space or dot: runs of 4,095 "a" each ended by "@", through EMAIL_LIKE`,
    prepare: () => {
      const line = emailLikeLine(MB);
      return () => (EMAIL_LIKE.test(line) ? { refused: true, detail: 'looks like an email address' } : { refused: false, detail: 'no email address found' });
    },
  },
];
