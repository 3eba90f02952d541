/**
 * The cases of `npm run bench -- --hostile`: each makes one hostile input in memory and hands it
 * to the code that reads such input in the verifier or the build, the same function the command
 * line calls. To add a case (a YAML alias bomb, a forged credential…), add an entry here: the
 * benchmark runs each in a fresh Node process, so its peak memory is that input's alone.
 */
import { validateContent, type ContentFiles, type SourceFile } from '../../content/validate.ts';
import { EMAIL_LIKE } from '../../content/schemas/common.ts';
import { keyPairFromSeed } from '../../core/multikey.ts';
import { createProof } from '../../core/proof.ts';
import { createDocumentLoader } from '../../core/document-loader.ts';
import { verifyCredential } from '../../core/verify/verify.ts';
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
  prepare(): () => Outcome | Promise<Outcome>;
}

/** The verifier's reading of a file, as `npm run verify -- <file>` and the verify page do it. */
function read(bytes: Uint8Array): Outcome {
  const loaded: LoadedText = credentialFromBytes(bytes);
  return loaded.ok ? { refused: false, detail: `read ${loaded.text.length} characters of ${loaded.origin}` } : { refused: true, detail: `unreadable: ${loaded.code}` };
}

/** A small issuer and achievement in memory, so a content case needs no files. */
const ISSUER: SourceFile = { path: 'content/issuer.yaml', text: 'name: Hostile Input Academy\nurl: https://badges.hostile.example/\nhomepage: https://www.hostile.example/\ndescription: Teaches first aid.\nemail: badges@hostile.example\nlanguage: en\n' };
const ACHIEVEMENT: SourceFile = { path: 'content/achievements/first-aid.md', text: '---\nname: First Aid\ndescription: Gives first aid.\n---\n\nPassed the assessment.\n' };
const award = (extra: string): SourceFile => ({
  path: 'content/awards/hostile.yaml',
  text: `id: 00000000-0000-4000-8000-00000000dead\nachievement: first-aid\nstatusIndex: 4242\nrecipient: { name: Eve Example, identity: { type: sisSourcedId, value: S-1 } }\nawardedOn: 2026-01-01\n${extra}`,
});

/** validateContent, as `npm run check` and the build run it. */
function validate(files: ContentFiles): Outcome {
  const result = validateContent(files);
  return result.ok ? { refused: false, detail: 'valid' } : { refused: true, detail: [...new Set(result.errors.map((error) => error.code))].join(', ') };
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
  {
    name: 'yaml-alias-bomb',
    input: 'award file of 1 KB whose YAML aliases nest 9 levels of 9 ("billion laughs"), through validateContent',
    prepare: () => {
      const levels = Array.from({ length: 9 }, (_, level) => `l${level + 1}: &l${level + 1} [${Array(9).fill(`*l${level}`).join(', ')}]`);
      const bomb = award(`x:\n  l0: &l0 laugh\n${levels.map((line) => `  ${line}`).join('\n')}\n`);
      return () => validate({ issuer: ISSUER, achievements: [ACHIEVEMENT], awards: [bomb] });
    },
  },
  {
    name: 'long-narrative',
    input: `award whose narrative is one line of ${file(MB)} with no space, through validateContent`,
    prepare: () => {
      const hostile = award(`narrative: "${emailLikeLine(MB)}"\n`);
      return () => validate({ issuer: ISSUER, achievements: [ACHIEVEMENT], awards: [hostile] });
    },
  },
  {
    name: 'forged-https-issuer',
    input: 'credential "from" an https issuer, signed with a key spelled into the key name; the issuer serves a profile without keys',
    prepare: () => {
      const forger = keyPairFromSeed(new Uint8Array(32).fill(66));
      const issuer = 'https://www.university.example/';
      const credential = {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: 'urn:uuid:0b8f2c9e-6d3a-4f1e-9a7b-5c2d8e4f6a10',
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: issuer, type: ['Profile'], name: 'A University' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { type: ['AchievementSubject'], achievement: { id: `${issuer}achievements/1`, type: ['Achievement'], name: 'Medicine', description: 'Practises medicine.', criteria: { narrative: 'Passed.' } } },
      };
      const fetchJson = async (url: string) => (url === issuer ? { ok: true as const, json: { id: issuer, type: ['Profile'], name: 'A University' } } : { ok: false as const, reason: 'not served here' });
      return async () => {
        const signed = await createProof(credential, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z', verificationMethod: `${issuer}#${forger.publicKeyMultibase}`, proofPurpose: 'assertionMethod' }, forger.secretKey, createDocumentLoader());
        if (!signed.ok) return { refused: false, detail: 'could not sign the forgery' };
        const report = await verifyCredential({ ...credential, proof: signed.proof }, { now: new Date('2026-06-01T00:00:00Z'), fetchJson });
        const key = report.checks.find((check) => check.id === 'issuer-key');
        return { refused: report.status === 'failed', detail: `${report.status}; issuer's key ${key?.state ?? '?'}` };
      };
    },
  },
];
