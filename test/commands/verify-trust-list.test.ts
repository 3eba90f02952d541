/** `npm run verify -- --trust-list <file>`: the line it prints, the JSON it adds, and bad lists as bad usage. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/cli.ts';
import { verify as verifyCommand } from '../../src/commands/verify.ts';
import { DID, NOW, SITE, buildSite, sign, unsignedCredential } from '../helpers/verify-site.ts';

let root: string;
const ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('LAUREL_')));

async function verify(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(verifyCommand, { argv: args, root, env: ENV, out: (text) => out.push(`${text}\n`), err: (text) => err.push(`${text}\n`), now: () => NOW });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'laurel-trust-list-'));
  for (const [url, json] of await buildSite()) {
    const target = path.join(root, 'site', url.slice(SITE.length));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, JSON.stringify(json));
  }
  const good = await sign(unsignedCredential('ada'));
  await writeFile(path.join(root, 'ada.json'), JSON.stringify(good));
  await writeFile(path.join(root, 'tampered.json'), JSON.stringify({ ...good, name: 'Brain Surgery' }));
  await writeFile(path.join(root, 'members.json'), JSON.stringify({ name: 'Consortium members', issuers: [{ id: DID, name: 'Example Academy' }] }));
  await writeFile(path.join(root, 'registry.json'), JSON.stringify({ meta: {}, entries: { 'did:web:other.example': { name: 'Other' } } }));
  await writeFile(path.join(root, 'not-a-list.json'), '{"hello": "world"}');
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('npm run verify --trust-list', () => {
  it('says the issuer is listed, and by what name', async () => {
    const result = await verify('ada.json', '--site', 'site', '--trust-list', 'members.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  Trusted issuer: listed as Example Academy in Consortium members\n');
  });

  it('says the issuer is not on a list, in the JSON report too', async () => {
    const result = await verify('ada.json', '--site', 'site', '--trust-list', 'registry.json', '--json');
    expect(JSON.parse(result.stdout).trustedIssuer).toEqual({ listed: false, list: 'registry.json' });
    expect((await verify('ada.json', '--site', 'site', '--trust-list', 'registry.json')).stdout).toContain('Trusted issuer: not on registry.json');
  });

  it('does not vouch for the issuer of a credential whose signature fails', async () => {
    const result = await verify('tampered.json', '--site', 'site', '--trust-list', 'members.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Trusted issuer: not looked up on Consortium members, because the credential is not proven to come from its issuer');
  });

  it('exits 2 for a list it cannot read', async () => {
    expect(await verify('ada.json', '--trust-list', 'not-a-list.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('not-a-list.json is not a trust list') });
    expect(await verify('ada.json', '--trust-list', 'missing.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('missing.json is not a file') });
  });
});
