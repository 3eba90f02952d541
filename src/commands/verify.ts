/**
 * npm run verify -- <file|url|dir> [--json] [--site <dir>] [--email <address>]
 *
 * Verifies Open Badges 3.0 credentials with the same core the verify page uses: a JSON file, a
 * baked PNG or SVG, an https URL, or every OpenBadgeCredential *.json under a directory.
 * `--site <dir>` answers the issuer's URLs (did.json, status lists) from a built site folder
 * instead of the network; `--email` checks the recipient. Exit 0 verified (warnings included),
 * 1 not verified, 2 bad usage.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractPng, extractSvg } from '../core/baking.ts';
import { didWebSiteUrl, splitDidUrl } from '../core/did.ts';
import { readLimited } from '../verifier/fetch.ts';
import { EMAIL_PATTERN } from '../core/identity-hash.ts';
import { MAX_INPUT_BYTES, verifyCredentialJson, type Check, type CheckState, type FetchJson, type VerificationReport, type VerifyDeps } from '../core/verify.ts';

/** A mistake in how the command was called: exit 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = 'Usage: npm run verify -- <file|url|dir> [--json] [--site <dir>] [--email <address>]';
const FETCH_TIMEOUT_MS = 15_000;
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
const SCHEMA_FILE = path.join(import.meta.dirname, '..', 'core', 'schemas', 'ob_v3p0_achievementcredential_schema.json');
const MARKS: Record<CheckState, string> = { passed: '✓', failed: '✗', warning: '!', unknown: '?', skipped: '–' };

interface Options {
  target: string;
  json: boolean;
  site: string | undefined;
  email: string | undefined;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, site: { type: 'string' }, email: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const [target, ...extra] = parsed.positionals;
  if (!target) throw new UsageError(`Say what to verify.\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Verify one file, URL or folder at a time (got also ${extra.join(' ')}).\n${USAGE}`);
  const email = parsed.values.email;
  if (email !== undefined && !EMAIL_PATTERN.test(email.trim())) throw new UsageError(`--email ${email} is not an email address.`);
  return { target, json: parsed.values.json ?? false, site: parsed.values.site, email };
}

// ---------------------------------------------------------------------------------------------
// Fetching: https only, JSON only, bounded in time and size

async function fetchBytes(url: string, limit: number): Promise<{ bytes: Uint8Array; contentType: string }> {
  if (new URL(url).protocol !== 'https:') throw new Error(`only https: addresses are fetched (${url})`);
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: 'application/vc+ld+json, application/ld+json, application/json, image/png, image/svg+xml;q=0.9' },
  });
  if (response.url && new URL(response.url).protocol !== 'https:') throw new Error(`${url} redirected away from https`);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return { bytes: await readLimited(response, limit), contentType: response.headers.get('content-type') ?? '' };
}

function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

/** Node's fetch says only "fetch failed"; the reason (ENOTFOUND, ECONNREFUSED, a certificate problem) is in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}

const fetchJsonOverHttps: FetchJson = async (url) => {
  try {
    const { bytes, contentType } = await fetchBytes(url, MAX_INPUT_BYTES);
    if (/text\/html/i.test(contentType)) return { ok: false, reason: `${url} is a web page, not JSON` };
    return { ok: true, json: parseJson(new TextDecoder().decode(bytes)) };
  } catch (error) {
    return { ok: false, reason: describeFetchError(error) };
  }
};

/**
 * With --site, URLs under the issuer's site are read from the built folder: the site URL comes
 * from the credential's did:web (did:web:host:path → https://host/path/), so
 * https://host/path/status/revocation.json is <dir>/status/revocation.json and the did.json is
 * <dir>/did.json (or <dir>/.well-known/did.json at a domain root). Other URLs go to the network.
 */
function siteFetcher(siteDir: string, siteUrl: string): FetchJson {
  const root = path.resolve(siteDir);
  return async (url) => {
    if (!url.startsWith(siteUrl)) return fetchJsonOverHttps(url);
    let relative: string;
    try {
      relative = decodeURIComponent(url.slice(siteUrl.length).replace(/[?#].*$/, ''));
    } catch {
      return { ok: false, reason: `${url} is not a valid address` };
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return { ok: false, reason: `${url} points outside the site folder` };
    try {
      const text = await readFile(file, 'utf8');
      if (text.length > MAX_INPUT_BYTES) return { ok: false, reason: `${file} is larger than ${MAX_INPUT_BYTES} bytes` };
      return { ok: true, json: parseJson(text) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { ok: false, reason: code === 'ENOENT' ? `${path.relative(process.cwd(), file)} is not in the site folder` : `${file}: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

/** The did:web that names the issuer's site: the issuer id, else the signing key's DID. */
function siteUrlOf(text: string): string | undefined {
  let credential: unknown;
  try {
    credential = parseJson(text);
  } catch {
    return undefined;
  }
  if (typeof credential !== 'object' || credential === null) return undefined;
  const record = credential as Record<string, unknown>;
  const issuer = record['issuer'];
  const issuerId = typeof issuer === 'string' ? issuer : typeof issuer === 'object' && issuer !== null ? (issuer as Record<string, unknown>)['id'] : undefined;
  const proof = [record['proof']].flat()[0];
  const method = typeof proof === 'object' && proof !== null ? (proof as Record<string, unknown>)['verificationMethod'] : undefined;
  for (const candidate of [issuerId, typeof method === 'string' ? splitDidUrl(method).did : undefined]) {
    if (typeof candidate !== 'string' || !candidate.startsWith('did:web:')) continue;
    const site = didWebSiteUrl(candidate);
    if (site.ok) return site.value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading what to verify

type Loaded = { ok: true; text: string } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** A JSON credential as is; a baked PNG (iTXt openbadgecredential) or SVG (<openbadges:credential>) unbaked. */
function credentialText(bytes: Uint8Array): Loaded {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    const text = extractPng(bytes);
    return text === undefined ? { ok: false, reason: 'this PNG image has no Open Badges 3.0 credential baked in' } : jsonOnly(text);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'this file is neither JSON, a PNG image nor an SVG image' };
  }
  if (/^\uFEFF?\s*</.test(text)) {
    const baked = extractSvg(text);
    return baked === undefined ? { ok: false, reason: 'this SVG image has no Open Badges 3.0 credential baked in' } : jsonOnly(baked);
  }
  return { ok: true, text };
}

function jsonOnly(text: string): Loaded {
  // A baked VC-JWT is a compact JWS (three base64url parts), which Laurel does not verify.
  if (/^[\w-]+\.[\w-]*\.[\w-]+$/.test(text.trim())) return { ok: false, reason: 'the baked credential is a VC-JWT, which this verifier does not support' };
  return { ok: true, text };
}

interface Source {
  label: string;
  load: () => Promise<Loaded>;
}

async function loadFile(file: string): Promise<Loaded> {
  const info = await stat(file);
  if (info.size > MAX_IMAGE_BYTES) return { ok: false, reason: `the file is larger than ${MAX_IMAGE_BYTES} bytes` };
  return credentialText(await readFile(file));
}

async function loadUrl(url: string): Promise<Loaded> {
  try {
    return credentialText((await fetchBytes(url, MAX_IMAGE_BYTES)).bytes);
  } catch (error) {
    return { ok: false, reason: `could not fetch ${url}: ${describeFetchError(error)}` };
  }
}

function isOpenBadgeCredential(text: string): boolean {
  try {
    const types = [(parseJson(text) as Record<string, unknown>)['type']].flat();
    return types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
  } catch {
    return false;
  }
}

/** Every *.json under the folder whose type says OpenBadgeCredential (skipping dot folders and node_modules). */
async function credentialsUnder(directory: string): Promise<Source[]> {
  const sources: Source[] = [];
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(directory, file).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
  for (const file of files) {
    if ((await stat(file)).size > MAX_INPUT_BYTES) continue;
    const text = await readFile(file, 'utf8');
    if (isOpenBadgeCredential(text)) sources.push({ label: path.relative(process.cwd(), file), load: async () => ({ ok: true, text }) });
  }
  return sources;
}

async function sourcesFor(target: string): Promise<{ sources: Source[]; isDirectory: boolean }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    if (!target.startsWith('https://')) throw new UsageError(`Only https:// addresses can be verified (got ${target}).`);
    return { sources: [{ label: target, load: () => loadUrl(target) }], isDirectory: false };
  }
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new UsageError(`Cannot read ${target}: no such file or folder.`);
  }
  if (info.isDirectory()) {
    const sources = await credentialsUnder(target).catch(() => {
      throw new UsageError(`Cannot read the folder ${target}.`);
    });
    if (sources.length === 0) throw new UsageError(`No Open Badges credentials (*.json) found under ${target}.`);
    return { sources, isDirectory: true };
  }
  return {
    sources: [
      {
        label: target,
        load: () =>
          loadFile(target).catch(() => {
            throw new UsageError(`Cannot read ${target}.`);
          }),
      },
    ],
    isDirectory: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The OB 3.0 JSON Schema (ajv, draft 2019-09) from src/core/schemas, compiled with the options
// scripts/generate-schema-validator.ts uses for the browser's precompiled copy

async function loadSchemaValidator(): Promise<VerifyDeps['validateSchema']> {
  try {
    const [{ default: Ajv2019 }, { default: addFormats }, text] = await Promise.all([import('ajv/dist/2019.js'), import('ajv-formats'), readFile(SCHEMA_FILE, 'utf8')]);
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(text) as object);
    return (credential) => (validate(credential) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim()));
  } catch {
    return undefined; // the schema check then says it could not check
  }
}

// ---------------------------------------------------------------------------------------------
// Output

interface Outcome {
  source: string;
  report?: VerificationReport;
  error?: string;
}

function verdict(report: VerificationReport): string {
  const titles = (states: CheckState[]) => report.checks.filter((c) => states.includes(c.state)).map((c) => c.title.toLowerCase()).join(', ');
  if (report.status === 'verified') return '✓ Verified.';
  if (report.status === 'warning') return `! Verified, with warnings (${titles(['warning', 'unknown'])}).`;
  return `✗ Not verified: ${titles(['failed'])} failed.`;
}

function describeCredential(credential: Record<string, unknown> | undefined): string | undefined {
  if (!credential) return undefined;
  const name = typeof credential['name'] === 'string' ? credential['name'] : undefined;
  const issuer = credential['issuer'];
  const issuerName = typeof issuer === 'object' && issuer !== null && typeof (issuer as Record<string, unknown>)['name'] === 'string' ? (issuer as Record<string, unknown>)['name'] : undefined;
  if (!name && !issuerName) return undefined;
  return `  ${name ? `"${name}"` : 'A credential'}${issuerName ? `, issued by ${String(issuerName)} (as the credential states)` : ''}`;
}

function printHuman(outcome: Outcome): void {
  console.log(outcome.source);
  if (outcome.error !== undefined || !outcome.report) {
    console.log(`  ✗ ${outcome.error ?? 'could not be verified'}`);
    console.log('  ✗ Not verified.');
    return;
  }
  const about = describeCredential(outcome.report.credential);
  if (about) console.log(about);
  for (const c of outcome.report.checks) console.log(`  ${MARKS[c.state]} ${c.title}: ${c.summary}`);
  console.log(`  ${verdict(outcome.report)}`);
}

function machine(outcome: Outcome): Record<string, unknown> {
  if (!outcome.report) return { source: outcome.source, status: 'failed', error: outcome.error };
  return { source: outcome.source, ...outcome.report, checks: outcome.report.checks satisfies Check[] };
}

// ---------------------------------------------------------------------------------------------

export async function verify(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.site !== undefined && !(await stat(options.site).then((info) => info.isDirectory(), () => false))) {
    throw new UsageError(`--site ${options.site} is not a folder.`);
  }
  const { sources, isDirectory } = await sourcesFor(options.target);
  const validateSchema = await loadSchemaValidator();
  const outcomes: Outcome[] = [];
  for (const source of sources) {
    const loaded = await source.load();
    if (!loaded.ok) {
      outcomes.push({ source: source.label, error: loaded.reason });
    } else {
      const siteUrl = options.site === undefined ? undefined : siteUrlOf(loaded.text);
      if (options.site !== undefined && siteUrl === undefined && !options.json) {
        console.error(`note: ${source.label} does not name a did:web issuer, so --site is not used for it.`);
      }
      const fetchJson = options.site !== undefined && siteUrl !== undefined ? siteFetcher(options.site, siteUrl) : fetchJsonOverHttps;
      const report = await verifyCredentialJson(loaded.text, { now: new Date(), fetchJson, validateSchema, recipientEmail: options.email });
      outcomes.push({ source: source.label, report });
    }
    if (!options.json) printHuman(outcomes.at(-1)!);
    if (!options.json && isDirectory) console.log('');
  }
  if (options.json) console.log(JSON.stringify(isDirectory ? outcomes.map(machine) : machine(outcomes[0]!), null, 2));
  const failures = outcomes.filter((outcome) => !outcome.report || outcome.report.status === 'failed').length;
  if (isDirectory && !options.json) console.log(`${outcomes.length - failures} of ${outcomes.length} credentials verified.`);
  return failures > 0 ? 1 : 0;
}

