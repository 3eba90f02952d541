/**
 * npm run verify -- <file|url|dir> [--json] [--site <dir>] [--email <address>] [--trust-list <file|url>]
 *                    [--save-bundle <file>] [--offline]
 *
 * Verifies Open Badges 3.0 credentials with the same core the verify page uses: a JSON file, a
 * baked PNG or SVG, an https URL, a verification bundle, or every OpenBadgeCredential *.json under
 * a directory. `--save-bundle` writes, once a credential verifies, the bundle of it and every file
 * of the issuer's that was read (../core/verify/bundle.ts); `--offline` fetches nothing, so a
 * bundle is checked with its saved files only.
 * `--site <dir>` answers the issuer's URLs (did.json, status lists) from a built site folder
 * instead of the network; `--email` checks the recipient; `--trust-list` says whether the issuer
 * is on a list of trusted issuers. Exit codes (EXIT_CODES): 0 verified (warnings included), 1 not
 * verified, 2 bad usage, 3 expired, 4 could not be fully checked; for a folder the worst verdict
 * decides. It loads none of the build pipeline: verifying needs the core only.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { didWebSiteUrl, splitDidUrl, type FetchJson } from '../core/did.ts';
import { MAX_LOG_FILE_BYTES, MAX_NESTED_CREDENTIALS } from '../core/limits.ts';
import { EMAIL_PATTERN } from '../core/identity-hash.ts';
import { worstVerdict, type CheckState, type OverallStatus, type VerificationReport } from '../core/verify/check.ts';
import { credentialFromBytes, MAX_IMAGE_BYTES, MAX_INPUT_BYTES, parseJsonText, unreadable, type LoadedText } from '../core/verify/input.ts';
import type { SchemaValidator } from '../core/verify/schema.ts';
import type { FetchLogFile } from '../core/verify/log.ts';
import { describeVerdict, english } from '../core/verify/messages.ts';
import { looksLikeBundle, makeBundle, recordingFetchers, type BundledFile } from '../core/verify/bundle.ts';
import { unreadableReport, verifyCredentialJson } from '../core/verify/verify.ts';
import { createFetcher } from '../verifier/fetcher.ts';
import { validateEndorsementSchema } from '../core/schemas/ob-schema.ts';
import { describeTrustedIssuer, lookUpIssuer } from '../core/verify/trust-list.ts';
import { loadTrustList } from './trust-list.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';


const USAGE = 'Usage: npm run verify -- <file|url|dir> [--json] [--site <dir>] [--email <address>] [--trust-list <file|url>] [--save-bundle <file>] [--offline]';
const SCHEMA_FILE = path.join(import.meta.dirname, '..', 'core', 'schemas', 'ob_v3p0_achievementcredential_schema.json');
const MARKS: Record<CheckState, string> = { passed: '✓', failed: '✗', warning: '!', unknown: '?', skipped: '–' };
const VERDICT_MARKS: Record<OverallStatus, string> = { verified: '✓', warning: '!', expired: '✗', unchecked: '?', failed: '✗' };

/** The exit code of each verdict: a script can tell "expired" and "could not check" from "forged". 2 is bad usage. */
export const EXIT_CODES: Readonly<Record<OverallStatus, number>> = { verified: 0, warning: 0, failed: 1, expired: 3, unchecked: 4 };

interface Options {
  target: string;
  json: boolean;
  site: string | undefined;
  email: string | undefined;
  trustList: string | undefined;
  saveBundle: string | undefined;
  offline: boolean;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, site: { type: 'string' }, email: { type: 'string' }, 'trust-list': { type: 'string' }, 'save-bundle': { type: 'string' }, offline: { type: 'boolean' } },
    });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
  const [target, ...extra] = parsed.positionals;
  if (!target) throw usage(`Say what to verify.\n${USAGE}`);
  if (extra.length > 0) throw usage(`Verify one file, URL or folder at a time (got also ${extra.join(' ')}).\n${USAGE}`);
  const email = parsed.values.email;
  if (email !== undefined && !EMAIL_PATTERN.test(email.trim())) throw usage(`--email ${email} is not an email address.`);
  const saveBundle = parsed.values['save-bundle'];
  if (saveBundle !== undefined && saveBundle.trim() === '') throw usage(`Say where to save the bundle: --save-bundle <file>.\n${USAGE}`);
  return { target, json: parsed.values.json ?? false, site: parsed.values.site, email, trustList: parsed.values['trust-list'], saveBundle, offline: parsed.values.offline ?? false };
}

// ---------------------------------------------------------------------------------------------
// Fetching: the verifier's own fetcher (https only, bounded in time and size), with Node's fetch

/** Node's fetch says only "fetch failed"; the reason (ENOTFOUND, ECONNREFUSED, a certificate problem) is in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}

const network = createFetcher({ fetch: (url, init) => fetch(url, init), describeError: describeFetchError });

/** --offline: nothing is fetched; a bundle's saved files are all there is. */
const OFFLINE_REASON = 'nothing is fetched with --offline';
const offline: { fetchJson: FetchJson; fetchLogFile: FetchLogFile } = {
  fetchJson: async () => ({ ok: false, reason: OFFLINE_REASON }),
  fetchLogFile: async () => ({ ok: false, reason: OFFLINE_REASON }),
};

/**
 * With --site, URLs under the issuer's site are read from the built folder: the site URL comes
 * from the credential's did:web (did:web:host:path → https://host/path/), so
 * https://host/path/status/revocation.json is <dir>/status/revocation.json and the did.json is
 * <dir>/did.json (or <dir>/.well-known/did.json at a domain root). Other URLs go to the network.
 */
function siteFetcher(siteDir: string, siteUrl: string, cwd: string, elsewhere: { fetchJson: FetchJson; fetchLogFile: FetchLogFile }): { fetchJson: FetchJson; fetchLogFile: FetchLogFile } {
  const root = path.resolve(cwd, siteDir);
  const readLocal = async (url: string, limit: number): Promise<{ ok: true; bytes: Uint8Array; file: string } | { ok: false; reason: string }> => {
    let relative: string;
    try {
      relative = decodeURIComponent(url.slice(siteUrl.length).replace(/[?#].*$/, ''));
    } catch {
      return { ok: false, reason: `${url} is not a valid address` };
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return { ok: false, reason: `${url} points outside the site folder` };
    try {
      if ((await stat(file)).size > limit) return { ok: false, reason: `${path.relative(cwd, file)} is larger than this verifier reads` };
      return { ok: true, bytes: new Uint8Array(await readFile(file)), file };
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { ok: false, reason: code === 'ENOENT' ? `${path.relative(cwd, file)} is not in the site folder` : `${file}: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  return {
    fetchJson: async (url) => {
      if (!url.startsWith(siteUrl)) return elsewhere.fetchJson(url);
      const read = await readLocal(url, MAX_INPUT_BYTES);
      if (!read.ok) return read;
      const parsed = parseJsonText(new TextDecoder().decode(read.bytes));
      return parsed.ok ? { ok: true, json: parsed.value } : { ok: false, reason: `${path.relative(cwd, read.file)} is not a JSON document this verifier reads (${parsed.code})` };
    },
    fetchLogFile: async (url) => {
      if (!url.startsWith(siteUrl)) return elsewhere.fetchLogFile(url);
      const read = await readLocal(url, MAX_LOG_FILE_BYTES);
      return read.ok ? { ok: true, bytes: read.bytes } : read;
    },
  };
}

/** The did:web that names the issuer's site: the issuer id, else the signing key's DID. */
function siteUrlOf(text: string): string | undefined {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return undefined;
  // A verification bundle's issuer is its credential's.
  const credential = looksLikeBundle(parsed.value) ? (parsed.value as Record<string, unknown>)['credential'] : parsed.value;
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
// Reading what to verify: the reader the verify page uses too (JSON, baked PNG or SVG)

interface Source {
  label: string;
  load: () => Promise<LoadedText>;
}

async function loadFile(file: string): Promise<LoadedText> {
  const info = await stat(file);
  // Checked before reading: a file of gigabytes is never loaded.
  if (info.size > MAX_IMAGE_BYTES) return unreadable('image-too-large', { limit: MAX_IMAGE_BYTES });
  return credentialFromBytes(await readFile(file));
}

function isOpenBadgeCredential(text: string): boolean {
  const parsed = parseJsonText(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return false;
  const types = [(parsed.value as Record<string, unknown>)['type']].flat();
  return types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
}

/** Every *.json under the folder whose type says OpenBadgeCredential (skipping dot folders and node_modules). */
async function credentialsUnder(directory: string, cwd: string): Promise<Source[]> {
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
    if (isOpenBadgeCredential(text)) sources.push({ label: path.relative(cwd, file), load: async () => ({ ok: true, text, origin: 'json' }) });
  }
  return sources;
}

async function sourcesFor(target: string, cwd: string): Promise<{ sources: Source[]; isDirectory: boolean }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    if (!target.startsWith('https://')) throw usage(`Only https:// addresses can be verified (got ${target}).`);
    return { sources: [{ label: target, load: () => network.fetchCredential(target) }], isDirectory: false };
  }
  const file = path.resolve(cwd, target);
  let info;
  try {
    info = await stat(file);
  } catch {
    throw usage(`Cannot read ${target}: no such file or folder.`);
  }
  if (info.isDirectory()) {
    const sources = await credentialsUnder(file, cwd).catch(() => {
      throw usage(`Cannot read the folder ${target}.`);
    });
    if (sources.length === 0) throw usage(`No Open Badges credentials (*.json) found under ${target}.`);
    return { sources, isDirectory: true };
  }
  return {
    sources: [
      {
        label: target,
        load: () =>
          loadFile(file).catch(() => {
            throw usage(`Cannot read ${target}.`);
          }),
      },
    ],
    isDirectory: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The OB 3.0 JSON Schema (ajv, draft 2019-09) from src/core/schemas, compiled with the options
// scripts/generate-schema-validator.ts uses for the browser's precompiled copy

let compiled: Promise<SchemaValidator | undefined> | undefined;

/** Compiled once per process: the schema is the same for every credential. */
function loadSchemaValidator(): Promise<SchemaValidator | undefined> {
  compiled ??= compileSchemaValidator();
  return compiled;
}

async function compileSchemaValidator(): Promise<SchemaValidator | undefined> {
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
  report: VerificationReport;
}

function verdict(report: VerificationReport): string {
  const titles = (states: CheckState[]) => report.checks.filter((c) => states.includes(c.state)).map((c) => c.title.toLowerCase()).join(', ');
  const { title } = describeVerdict(report);
  const mark = VERDICT_MARKS[report.status];
  if (report.status === 'verified') return `${mark} ${title}.`;
  if (report.status === 'warning') return `${mark} ${title} (${titles(['warning', 'unknown'])}).`;
  if (report.status === 'expired') {
    const authentic = report.checks.some((c) => c.id === 'proof' && c.state === 'passed');
    return `${mark} ${title}: it is no longer in force${authentic ? ', though its signature is authentic' : ''}.`;
  }
  if (report.status === 'unchecked' && titles(['unknown']) === '') return `${mark} ${title}: some credentials it holds could not be fully checked, so it cannot be called verified.`;
  if (report.status === 'unchecked') return `${mark} ${title}: ${titles(['unknown'])} could not be checked, so it cannot be called verified.`;
  // A CLR whose own checks passed fails by a credential it holds: the line above the verdict names it.
  if (titles(['failed']) === '') return `${mark} ${title}: a credential it holds did not verify.`;
  return `${mark} ${title}: ${titles(['failed'])} failed.`;
}

function describeCredential(credential: Record<string, unknown> | undefined): string | undefined {
  if (!credential) return undefined;
  const name = typeof credential['name'] === 'string' ? credential['name'] : undefined;
  const issuer = credential['issuer'];
  const issuerName = typeof issuer === 'object' && issuer !== null && typeof (issuer as Record<string, unknown>)['name'] === 'string' ? (issuer as Record<string, unknown>)['name'] : undefined;
  if (!name && !issuerName) return undefined;
  return `  ${name ? `"${name}"` : 'A credential'}${issuerName ? `, issued by ${String(issuerName)} (as the credential states)` : ''}`;
}

function printHuman(outcome: Outcome, out: (text: string) => void): void {
  out(outcome.source);
  const about = describeCredential(outcome.report.credential);
  if (about) out(about);
  for (const c of outcome.report.checks) out(`  ${MARKS[c.state]} ${c.title}: ${c.summary}`);
  // Who issued it, once the key and the signature prove it, and whether a trust list names it; then the verdict, last.
  const { issuer } = describeVerdict(outcome.report);
  if (issuer) out(`  ${issuer}`);
  if (outcome.report.trustedIssuer) out(`  ${describeTrustedIssuer(outcome.report.trustedIssuer)}`);
  if (outcome.report.bundle) out(`  ${english.bundleUse(outcome.report.bundle)}`);
  // Endorsements and a CLR's credentials: each its own verdict, indented under this one (the details are in --json).
  const nested = outcome.report.nested;
  if (nested) {
    for (const inner of nested.reports) out(`    ${inner.role === 'endorsement' ? 'Endorsement' : 'Credential'} at ${inner.pointer}: ${verdict(inner.report)}`);
    if (nested.notVerified > 0 && !outcome.report.held) out(`    ${nested.notVerified} more not verified: at most ${MAX_NESTED_CREDENTIALS} are.`);
  }
  const { held } = describeVerdict(outcome.report);
  if (held) out(`  ${held}`);
  out(`  ${verdict(outcome.report)}`);
}

/**
 * --save-bundle: the credential and the issuer's files its verification read, once it verified
 * live. A bundle that verified only with saved files is not saved again: it would only copy them.
 */
async function saveBundle(target: string, report: VerificationReport, files: Record<string, BundledFile>, now: Date, context: CommandContext): Promise<void> {
  const file = path.resolve(context.root, target);
  if (!report.credential || (report.status !== 'verified' && report.status !== 'warning') || (report.bundle?.recorded.length ?? 0) > 0) {
    context.err(`note: no verification bundle saved to ${target}: a bundle is saved only of a credential that verified with the issuer's live files.`);
    return;
  }
  const bundle = makeBundle(report.credential, files, now);
  await writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`);
  context.err(`Saved the verification bundle to ${path.relative(context.root, file) || target} (${Object.keys(files).length} files of the issuer's).`);
}

function machine(outcome: Outcome): Record<string, unknown> {
  return { source: outcome.source, ...outcome.report };
}

// ---------------------------------------------------------------------------------------------

export async function verify(context: CommandContext): Promise<number> {
  const options = parseOptions([...context.argv]);
  if (options.site !== undefined && !(await stat(path.resolve(context.root, options.site)).then((info) => info.isDirectory(), () => false))) {
    throw usage(`--site ${options.site} is not a folder.`);
  }
  const { sources, isDirectory } = await sourcesFor(options.target, context.root);
  if (options.saveBundle !== undefined && isDirectory) throw usage('--save-bundle saves the bundle of one credential: give a file or a URL, not a folder.');
  const elsewhere = options.offline ? offline : network;
  const validateSchema = await loadSchemaValidator();
  const trustList = options.trustList === undefined ? undefined : await loadTrustList(options.trustList, context.root, network.fetchJson);
  const outcomes: Outcome[] = [];
  for (const source of sources) {
    const loaded = await source.load();
    if (!loaded.ok) {
      outcomes.push({ source: source.label, report: unreadableReport(loaded) });
    } else {
      const siteUrl = options.site === undefined ? undefined : siteUrlOf(loaded.text);
      if (options.site !== undefined && siteUrl === undefined && !options.json) {
        context.err(`note: ${source.label} does not name a did:web issuer, so --site is not used for it.`);
      }
      const fetchers = options.site !== undefined && siteUrl !== undefined ? siteFetcher(options.site, siteUrl, context.root, elsewhere) : elsewhere;
      const recording = recordingFetchers(fetchers);
      const schemas = validateSchema && { achievement: validateSchema, endorsement: validateEndorsementSchema };
      const now = context.now();
      const report = await verifyCredentialJson(loaded.text, { now, fetchJson: recording.fetchJson, fetchLogFile: recording.fetchLogFile, validateSchema: schemas, recipientEmail: options.email });
      if (trustList) Object.assign(report, { trustedIssuer: lookUpIssuer(trustList, report.credential, report.checks) });
      outcomes.push({ source: source.label, report });
      if (options.saveBundle !== undefined) await saveBundle(options.saveBundle, report, recording.files(), now, context);
    }
    if (!options.json) printHuman(outcomes.at(-1)!, context.out);
    if (!options.json && isDirectory) context.out('');
  }
  if (options.json) context.out(JSON.stringify(isDirectory ? outcomes.map(machine) : machine(outcomes[0]!), null, 2));
  const verified = outcomes.filter((outcome) => outcome.report.status === 'verified' || outcome.report.status === 'warning').length;
  if (isDirectory && !options.json) context.out(`${verified} of ${outcomes.length} credentials verified.`);
  return EXIT_CODES[worstVerdict(outcomes.map((outcome) => outcome.report.status))];
}

