/**
 * npm run keygen: makes a new Ed25519 signing key. Writes the public Multikey to keys/ and prints
 * the secret once; it is stored nowhere else. With --rotate, the current key becomes retired.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeSecretKeyMultibase, keyPairFromSeed } from '../core/multikey.ts';
import { readKeyFiles, SIGNING_KEY_VARIABLE } from '../issue/keys.ts';
import { usage, type CommandContext } from './cli.ts';

export async function keygen(context: CommandContext): Promise<number> {
  const { root } = context;
  const args = [...context.argv];
  const rotate = args.includes('--rotate');
  const unknown = args.filter((arg) => arg !== '--rotate');
  if (unknown.length) throw usage(`Unknown option ${unknown[0]}. Usage: npm run keygen [-- --rotate]`);
  const keys = await readKeyFiles(root);
  const current = keys.find((key) => key.status === 'current');
  if (current && !rotate) {
    throw usage(`keys/ already has a current key (${current.file}). To replace it, run: npm run keygen -- --rotate (see README, "Rotating keys").`);
  }
  const now = context.now();
  const created = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const pair = keyPairFromSeed(new Uint8Array(randomBytes(32)));
  const directory = path.join(root, 'keys');
  await mkdir(directory, { recursive: true });
  if (current) {
    const { file, ...fields } = current;
    await writeFile(path.join(root, file), `${JSON.stringify({ ...fields, status: 'retired', retired: created }, null, 2)}\n`);
  }
  const file = `keys/${created.slice(0, 10)}-${pair.publicKeyMultibase.slice(-8)}.json`;
  await writeFile(path.join(root, file), `${JSON.stringify({ type: 'Multikey', publicKeyMultibase: pair.publicKeyMultibase, created, status: 'current' }, null, 2)}\n`);

  context.out(`Wrote ${file} (public key ${pair.publicKeyMultibase}).${current ? ` ${current.file} is now retired: it stays published so what it signed keeps verifying.` : ''}

Your new secret signing key, shown only this once:

    ${encodeSecretKeyMultibase(pair.secretKey)}

1. Store it as the repository secret ${SIGNING_KEY_VARIABLE}: on GitHub, Settings → Secrets and
   variables → Actions → New repository secret (or: gh secret set ${SIGNING_KEY_VARIABLE}).
2. Keep a copy in your password manager. Anyone with it can issue credentials in your name.
3. Commit ${file}${current ? ` and ${current.file}` : ''}, never the secret.
4. Clear your terminal's scrollback.`);
  return 0;
}

