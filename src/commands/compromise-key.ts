/**
 * npm run compromise-key -- <key file | publicKeyMultibase>: marks a key in keys/ as compromised.
 * The next build drops it from the DID document, so nothing it signed verifies any more, forged
 * credentials included. The current key cannot be marked: rotate first, so the site can still sign.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { currentKey, readKeyFiles, type KeyFile } from '../issue/keys.ts';
import { LaurelError } from '../core/error.ts';
import { usage, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run compromise-key -- <keys/file.json | z6Mk… public key>';

function findKey(keys: readonly KeyFile[], reference: string, root: string): KeyFile | undefined {
  if (/^z6Mk/.test(reference)) return keys.find((key) => key.publicKeyMultibase === reference);
  // A path, relative to the repository or to keys/, or just the file name.
  const relative = path.relative(root, path.resolve(root, reference)).split(path.sep).join('/');
  return keys.find((key) => key.file === relative || key.file === `keys/${path.basename(reference)}`);
}

function describe(key: KeyFile): string {
  return `${key.file}  ${key.status.padEnd(11)} ${key.publicKeyMultibase}`;
}

export async function compromiseKey(context: CommandContext): Promise<number> {
  const { root } = context;
  const args = [...context.argv];
  if (args.length !== 1 || args[0]!.startsWith('-')) throw usage(`${args.length ? `Give one key (got ${args.join(' ')}).` : 'Which key? Give its file in keys/ or its public key.'}\n${USAGE}`);
  const reference = args[0]!.trim();
  const keys = await readKeyFiles(root);
  const key = findKey(keys, reference, root);
  if (!key) {
    throw new LaurelError('unknown-key', `No key in keys/ matches ${reference}.${keys.length ? `\nThe keys are:\n${keys.map((item) => `  ${describe(item)}`).join('\n')}` : ' keys/ has no keys.'}`, { received: reference });
  }
  if (key.status === 'compromised') {
    throw new LaurelError('already-compromised', `${key.file} is already marked compromised (since ${key.compromised ?? 'an unknown date'}). Nothing was changed.`, { file: key.file });
  }
  if (key.status === 'current') {
    throw new LaurelError('current-key', `${key.file} is the current signing key: marking it compromised now would leave the site with no key to sign with.
First run npm run rotate-key: it makes a new current key (store its secret as LAUREL_SIGNING_KEY, replacing the
compromised one) and retires this one. Then run this command again. Nothing was changed.`, { file: key.file });
  }
  const compromised = context.now().toISOString().replace(/\.\d+Z$/, 'Z');
  const { file, ...fields } = key;
  await writeFile(path.join(root, file), `${JSON.stringify({ ...fields, status: 'compromised', compromised }, null, 2)}\n`);

  const current = currentKey(keys);
  context.out(`Marked ${file} compromised (${compromised}).

What happens next:
  1. Commit ${file} and publish: the next build removes the key from the DID
     document, so verifiers stop trusting anything it signed, forged credentials included.
  2. That build re-signs every credential with the current key${current ? ` (${current.file})` : ''}; their URLs do not change.
  3. Copies signed with the old key (downloaded JSON, baked badge images, wallet copies) no longer
     verify: ask learners to download their credential again from its page.
  4. Make sure the compromised secret is no longer stored anywhere (CI secrets, password managers).${current ? '' : '\n\n! keys/ has no current key: run npm run keygen before the next production build.'}`);
  return 0;
}

