/**
 * `npm run verify` on a small signed site written to a temporary folder (credentials signed with
 * the OB 3.0 vector key, see test/helpers/verify-site.ts): exit codes 0 / 1 / 2 / 3 / 4, one line per
 * check, the failed check named, JSON, baked PNG and SVG, folders. The command runs in this
 * process, as scripts/verify.ts runs it; one test runs the script itself.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { runCommand } from '../../src/commands/cli.ts';
import { verify as verifyCommand } from '../../src/commands/verify.ts';
import { bakePng, bakeSvg, CLR_BAKING, crc32 } from '../../src/core/baking.ts';
import { buildClrCredential } from '../../src/core/clr-credential.ts';
import type { JsonObject } from '../../src/core/json.ts';
import { keyPairFromSeed } from '../../src/core/multikey.ts';
import { EMAIL, NOW, SITE, buildSite, sign, statusEntry, unsignedCredential, REVOKED_INDEX } from '../helpers/verify-site.ts';
import rdfcVector from '../fixtures/vectors/eddsa-rdfc-2022-vector.json' with { type: 'json' };

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/verify.ts');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without Laurel's own variables, which would change what a command does. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('LAUREL_')));

/** npm run verify -- ...args, in this process, in the temporary folder, at the site's NOW. */
async function verify(...args: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(verifyCommand, { argv: args, root, env: ENV, out: (text) => out.push(`${text}\n`), err: (text) => err.push(`${text}\n`), now: () => NOW });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A 1×1 PNG, built by hand so the test needs no image library. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlibSync(new Uint8Array([0, 0]))), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

let root: string;
let siteDir: string;
const file = (name: string) => path.join(root, name);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'laurel-verify-cli-'));
  siteDir = file('site');
  // The site as built: every URL under SITE is a file under site/.
  for (const [url, json] of await buildSite()) {
    const target = path.join(siteDir, url.slice(SITE.length));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(json, null, 2));
  }
  const good = await sign(unsignedCredential('ada'));
  const revoked = await sign(unsignedCredential('revoked', { credentialStatus: statusEntry('revocation', REVOKED_INDEX) }));
  const expired = await sign(unsignedCredential('expired', { validUntil: '2025-12-31T00:00:00Z' }));
  const tampered = { ...good, name: 'Brain Surgery' };
  await mkdir(path.join(siteDir, 'credentials'), { recursive: true });
  await mkdir(file('good'), { recursive: true });
  const write = (name: string, json: unknown) => writeFile(name, JSON.stringify(json, null, 2));
  await write(path.join(siteDir, 'credentials', 'ada.json'), good);
  await write(path.join(siteDir, 'credentials', 'revoked.json'), revoked);
  await write(path.join(siteDir, 'credentials', 'expired.json'), expired);
  await write(path.join(siteDir, 'credentials', 'tampered.json'), tampered);
  await write(path.join(file('good'), 'ada.json'), good);
  await write(path.join(file('good'), 'not-a-credential.json'), { hello: 'world' });
  await write(file('w3c-vector.json'), rdfcVector.expectedSigned);
  await writeFile(file('badge.png'), bakePng(tinyPng(), JSON.stringify(good)));
  await writeFile(file('badge.svg'), bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>', JSON.stringify(good)));
  await writeFile(file('plain.png'), tinyPng());
  await writeFile(file('broken.json'), '{"@context": [');
  // A badge whose achievement carries two endorsements, the second changed after signing.
  const achievementId = 'https://badges.example.org/academy/achievements/data-stewardship';
  const endorsement = (slug: string) => sign({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `${SITE}endorsements/${slug}.json`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsed by the board',
    issuer: { id: 'did:web:badges.example.org:academy', type: ['Profile'], name: 'Example Academy' },
    validFrom: '2025-05-01T00:00:00Z',
    credentialSubject: { id: achievementId, type: ['EndorsementSubject'], endorsementComment: 'Meets the standard.' },
  });
  const endorsed = unsignedCredential('endorsed');
  const achievement = (endorsed['credentialSubject'] as Record<string, unknown>)['achievement'] as Record<string, unknown>;
  achievement['endorsement'] = [await endorsement('good'), { ...(await endorsement('changed')), name: 'Endorsed by everyone' }];
  await write(file('endorsed.json'), await sign(endorsed));
  // A CLR 2.0 transcript, baked in a PNG, that holds the good credential and a changed one.
  const transcript = (held: unknown[]) => sign(buildClrCredential({
    id: `${SITE}transcripts/ada.json`,
    name: 'Transcript of Ada',
    issuer: good['issuer'] as JsonObject,
    validFrom: '2025-06-01T00:00:00Z',
    identifier: [],
    credentials: held as JsonObject[],
  }));
  await writeFile(file('transcript.png'), bakePng(tinyPng(), JSON.stringify(await transcript([good, tampered])), CLR_BAKING));
  await write(file('transcript-good.json'), await transcript([good]));
  // A forgery "from" an https issuer, signed with the forger's own key spelled into the key name.
  const forger = keyPairFromSeed(new Uint8Array(32).fill(66));
  const forgedIssuer = 'https://www.university.example/';
  await write(file('forged.json'), await sign(unsignedCredential('forged', { issuer: { id: forgedIssuer, type: ['Profile'], name: 'A University' } }), { secretKey: forger.secretKey, verificationMethod: `${forgedIssuer}#${forger.publicKeyMultibase}` }));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const site = () => ['--site', siteDir];
const credential = (name: string) => path.join(siteDir, 'credentials', `${name}.json`);

describe('npm run verify', () => {
  it('exits 0 for a verified credential, with one marked line per check', async () => {
    const result = await verify(credential('ada'), ...site());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ Signature: The signature is valid');
    expect(result.stdout).toContain("✓ Issuer's key: The key that signed this credential is published by the issuer at https://badges.example.org/academy/did.json.");
    expect(result.stdout).toContain('✓ Revocation and suspension:');
    expect(result.stdout).toContain('– Recipient:');
    // The issuer by name and the host that publishes its key, just above the verdict.
    expect(result.stdout).toMatch(/\n {2}Issued by [^\n]+, whose key is published by badges\.example\.org\.\n {2}✓ Verified\.\n$/);
    expect(result.stdout.split('\n').filter((line) => /^ {2}[✓✗!?–] /.test(line))).toHaveLength(10); // 9 checks + verdict
    // This site keeps no transparency log (test/commands/transparency-log.build.test.ts verifies one that does).
    expect(result.stdout).toContain('– Public log: This issuer publishes no transparency log');
  });

  it('prints the full machine report with --json', async () => {
    const result = await verify(credential('ada'), ...site(), '--json', '--email', EMAIL);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { status: string; checks: Array<{ id: string; state: string; details?: Record<string, unknown> }> };
    expect(report.status).toBe('verified');
    expect(report.checks.map((c) => c.state)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed', 'skipped', 'passed', 'passed']);
    expect(report.checks.find((c) => c.id === 'proof')?.details?.['canonicalDocument']).toEqual(expect.any(String));
  });

  it('exits 1 and names the failed check for a revoked credential', async () => {
    const result = await verify(credential('revoked'), ...site());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ Revocation and suspension: The issuer has revoked this credential.');
    expect(result.stdout).toContain('✗ Not verified: revocation and suspension failed.');
  });

  it("exits 1 for a forgery whose key the named issuer does not publish, naming the issuer's key", async () => {
    const result = await verify(file('forged.json'), ...site());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✗ Issuer's key: The key that should check the signature could not be found");
    expect(result.stdout).toContain('https://www.university.example/');
    expect(result.stdout).toContain("✗ Not verified: issuer's key failed.");
  });

  it('gives each embedded endorsement its own verdict, indented under the credential', async () => {
    const result = await verify(file('endorsed.json'), ...site());
    expect(result.stdout).toContain('    Endorsement at /credentialSubject/achievement/endorsement/0: ✓ Verified.');
    expect(result.stdout).toMatch(/ {4}Endorsement at \/credentialSubject\/achievement\/endorsement\/1: ✗ Not verified: signature failed\./);
    // The endorsements are reported, not counted among the credential's own checks.
    expect(result.stdout.split('\n').filter((line) => /^ {2}[✓✗!?–] /.test(line))).toHaveLength(10);
  });

  it('fails a CLR 2.0 transcript baked in a PNG that holds a changed credential, naming it', async () => {
    const result = await verify(file('transcript.png'), ...site());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('    Credential at /credentialSubject/verifiableCredential/0: ✓ Verified.');
    expect(result.stdout).toContain('    Credential at /credentialSubject/verifiableCredential/1: ✗ Not verified: signature failed.');
    expect(result.stdout).toContain('1 of the 2 credentials this record holds did not verify, so the record cannot be relied on as a whole: "Brain Surgery" at /credentialSubject/verifiableCredential/1 (not verified).');
    expect(result.stdout).toContain('✗ Not verified: a credential it holds did not verify.');
    const good = await verify(file('transcript-good.json'), ...site());
    expect(good.stdout).toContain('The credential this record holds verified as well.');
    expect(good.code).toBe(0);
  });

  it('exits 1 and names the signature for a changed credential', async () => {
    const result = await verify(credential('tampered'), ...site());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ Signature: The signature does not match');
    expect(result.stdout).toContain('✗ Not verified: signature failed.');
  });

  // The verdict of an expired credential used to be "Verified, with warnings" and exit 0; it is not
  // in force (OB 3.0 §Verification), so it is "Expired", exit 3, its signature still called authentic.
  it('exits 3 for an expired credential, with "Expired" as the verdict and the date in words', async () => {
    const result = await verify(credential('expired'), ...site());
    expect(result.code).toBe(3);
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date('2025-12-31T00:00:00Z'));
    expect(result.stdout).toContain(`✗ Validity dates: This credential expired on ${day}`);
    expect(result.stdout).not.toContain('2025-12-31T00:00:00Z');
    expect(result.stdout).toContain('✓ Signature: The signature is valid');
    expect(result.stdout).toMatch(/✗ Expired: it is no longer in force, though its signature is authentic\.\n$/);
    const json = await verify(credential('expired'), ...site(), '--json');
    expect(json.code).toBe(3);
    expect((JSON.parse(json.stdout) as { status: string }).status).toBe('expired');
  });

  it('does not check the dates of a forgery, and names no issuer for it', async () => {
    const result = await verify(credential('tampered'), ...site(), '--json');
    const report = JSON.parse(result.stdout) as { checks: Array<{ id: string; state: string }> };
    expect(report.checks.filter((c) => c.id === 'validity' || c.id === 'recipient').map((c) => c.state)).toEqual(['skipped', 'skipped']);
    expect((await verify(credential('tampered'), ...site())).stdout).not.toContain('Issued by');
  });

  it('reads credentials baked in PNG and SVG badges', async () => {
    for (const name of ['badge.png', 'badge.svg']) {
      const result = await verify(file(name), ...site());
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('✓ Verified.');
    }
    const plain = await verify(file('plain.png'), ...site());
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('no Open Badges 3.0 credential baked in');
  });

  it('checks the recipient with --email', async () => {
    expect((await verify(credential('ada'), ...site(), '--email', 'ADA@example.org')).stdout).toContain('✓ Recipient: The email address you entered matches');
    const other = await verify(credential('ada'), ...site(), '--email', 'eve@example.org');
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('✗ Recipient:');
  });

  it('verifies every credential in a folder, skipping other JSON', async () => {
    const all = await verify(path.join(siteDir, 'credentials'), ...site());
    // The worst verdict decides: revoked and tampered ones fail, so 1, not the expired one's 3.
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('1 of 4 credentials verified.');
    const onlyExpired = file('only-expired');
    await mkdir(onlyExpired, { recursive: true });
    await writeFile(path.join(onlyExpired, 'ada.json'), JSON.stringify(JSON.parse(await readFile(credential('ada'), 'utf8'))));
    await writeFile(path.join(onlyExpired, 'expired.json'), await readFile(credential('expired'), 'utf8'));
    const mixed = await verify(onlyExpired, ...site());
    expect(mixed.code).toBe(3);
    expect(mixed.stdout).toContain('1 of 2 credentials verified.');
    const good = await verify(file('good'), ...site(), '--json');
    expect(good.code).toBe(0);
    expect((JSON.parse(good.stdout) as unknown[]).length).toBe(1);
  });

  // It used to exit 0 ("Verified, with warnings"); a credential whose revocation could not be
  // checked cannot be called verified: exit 4, "Could not be fully checked".
  it('exits 4, "could not be fully checked", when a status list is missing from the site', async () => {
    const bare = file('bare-site');
    await mkdir(bare, { recursive: true });
    await writeFile(path.join(bare, 'did.json'), JSON.stringify((await buildSite()).get(`${SITE}did.json`)));
    const result = await verify(credential('ada'), '--site', bare);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('? Revocation and suspension: Could not check');
    expect(result.stdout).toMatch(/\? Could not be fully checked: revocation and suspension could not be checked, so it cannot be called verified\.\n$/);
  });

  it('saves a verification bundle with --save-bundle, and checks it with --offline: exit 4, the key and the status as saved', async () => {
    const saved = await verify(credential('ada'), ...site(), '--save-bundle', 'ada.bundle.json');
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/Saved the verification bundle to ada\.bundle\.json \(2 files of the issuer's\)/);
    const bundle = JSON.parse(await readFile(file('ada.bundle.json'), 'utf8')) as { type: string; files: Record<string, unknown> };
    expect(bundle.type).toBe('LaurelVerificationBundle');
    expect(Object.keys(bundle.files)).toEqual([`${SITE}did.json`, `${SITE}status/revocation.json`]);
    // The network off: the saved files stand in, and what they cannot prove now is said.
    const offline = await verify(file('ada.bundle.json'), '--offline');
    expect(offline.code).toBe(4);
    expect(offline.stdout).toContain("? Issuer's key: The verification bundle saved on");
    expect(offline.stdout).toContain('✓ Signature: The signature is valid');
    expect(offline.stdout).toContain('2 of its 2 saved files stood in for the issuer\'s');
    expect(offline.stdout).toMatch(/\? Could not be fully checked: issuer's key, revocation and suspension could not be checked/);
    // With the issuer's files at hand, the bundle is checked against them.
    const live = await verify(file('ada.bundle.json'), ...site());
    expect(live.code).toBe(0);
    expect(live.stdout).toContain('none of its 2 saved files was needed');
    // A bundle is saved only of what verified live.
    const refused = await verify(credential('revoked'), ...site(), '--save-bundle', 'revoked.bundle.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no verification bundle saved');
    await expect(readFile(file('revoked.bundle.json'))).rejects.toThrow();
    expect((await verify(file('good'), '--save-bundle', 'x.json')).code).toBe(2);
  });

  it('exits 1 for files that are not valid credentials', async () => {
    const broken = await verify(file('broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('✗ Open Badges 3.0 format: This file cannot be read as a credential');
    // The W3C vector is a valid VC whose key does not confirm the issuer it names: verified, with warnings.
    const vector = await verify(file('w3c-vector.json'));
    expect(vector.code).toBe(0);
    expect(vector.stdout).toContain('✓ Signature:');
    expect(vector.stdout).toContain("! Issuer's key:");
  });

  it('exits 2 on bad usage, with one clear line and no stack trace', async () => {
    const cases: string[][] = [[], ['--frobnicate', 'x.json'], [file('missing.json')], ['http://example.org/credential.json'], [file('good'), file('good')], [credential('ada'), '--site', file('nowhere')], [credential('ada'), '--email', 'not-an-email'], [file('empty-dir-that-does-not-exist')]];
    for (const args of cases) {
      const result = await verify(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().length).toBeGreaterThan(0);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const empty = file('empty');
    await mkdir(empty, { recursive: true });
    expect((await verify(empty)).code).toBe(2);
  });

  it('runs as scripts/verify.ts, the entry point npm run verify starts', async () => {
    // The one child process of this file: the script loads the command, runs it and exits 0.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, credential('ada'), '--site', siteDir], { cwd: root, encoding: 'utf8', env: ENV });
    expect(stderr).toBe('');
    expect(stdout).toContain('✓ Signature: The signature is valid');
    expect(stdout).toMatch(/✓ Verified\.\n$/);
  });
});
