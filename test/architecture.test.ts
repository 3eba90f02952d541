/**
 * The import rules of .dependency-cruiser.cjs (run by `npm test` on src/ and scripts/) hold for
 * the code as it is, and catch each kind of wrong import: a copy of the code with deliberately
 * wrong imports added must fail every rule it breaks, with the files named.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE } from './helpers/repository.ts';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const DEPCRUISE = path.join(TEMPLATE, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');
const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function violations(cwd: string): Promise<Violation[]> {
  // depcruise exits with the number of errors; the report is on standard output either way.
  const { stdout } = await promisify(execFile)(process.execPath, [DEPCRUISE, 'src', 'scripts', '--output-type', 'json'], { cwd, maxBuffer: 64 << 20 }).catch((error: { stdout: string }) => error);
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('the import rules', () => {
  it('hold for the code as it is', async () => {
    expect(await violations(TEMPLATE)).toEqual([]);
  });

  it('fail on each kind of wrong import, naming the files', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'laurel-imports-'));
    folders.push(copy);
    for (const entry of ['src', 'scripts', '.dependency-cruiser.cjs', 'package.json', 'tsconfig.json']) await cp(path.join(TEMPLATE, entry), path.join(copy, entry), { recursive: true });
    await symlink(path.join(TEMPLATE, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const wrong: Record<string, string> = {
      'src/core/reads-files.ts': "import { readFile } from 'node:fs/promises';\nexport const read = readFile;\n",
      'src/core/knows-keys.ts': "import type { KeyFile } from '../issue/keys.ts';\nexport type Known = KeyFile;\n",
      'src/content/renders.ts': "import { renderPng } from '../render/badge-image.ts';\nexport const render = renderPng;\n",
      'src/issue/draws.ts': "import { renderPng } from '../render/badge-image.ts';\nexport const draw = renderPng;\n",
      'src/render/signs.ts': "import { signRepository } from '../issue/sign-repository.ts';\nexport const sign = signRepository;\n",
      'src/site/awards.ts': "import { award } from '../commands/award.ts';\nexport const give = award;\n",
      'src/verifier/validates.ts': "import { validateContent } from '../content/validate.ts';\nexport const validate = validateContent;\n",
      'src/verifier/hashes.ts': "import { createHash } from 'node:crypto';\nexport const hash = createHash;\n",
      'src/commands/renders-a-page.ts': "import { site } from '../site/site-data.ts';\nexport const page = site;\n",
      'scripts/does-the-work.ts': "import { signRepository } from '../src/issue/sign-repository.ts';\nawait signRepository;\n",
      'src/content/ping.ts': "import { pong } from './pong.ts';\nexport const ping = () => pong;\n",
      'src/content/pong.ts': "import { ping } from './ping.ts';\nexport const pong = () => ping;\n",
    };
    for (const [file, text] of Object.entries(wrong)) await writeFile(path.join(copy, file), text);

    const found = await violations(copy);
    const broken = (rule: string) => found.filter((violation) => violation.rule.name === rule).map((violation) => `${violation.from} → ${violation.to}`);
    expect(broken('core-is-pure')).toEqual(['src/core/reads-files.ts → fs/promises']);
    expect(broken('core-stands-alone')).toEqual(['src/core/knows-keys.ts → src/issue/keys.ts']);
    expect(broken('content-imports-core')).toEqual(['src/content/renders.ts → src/render/badge-image.ts']);
    expect(broken('issue-imports-core-and-content')).toEqual(['src/issue/draws.ts → src/render/badge-image.ts']);
    expect(broken('render-imports-core-and-content')).toEqual(['src/render/signs.ts → src/issue/sign-repository.ts']);
    expect(broken('site-does-not-run-commands')).toEqual(['src/site/awards.ts → src/commands/award.ts']);
    expect(broken('verifier-imports-core')).toEqual(['src/verifier/validates.ts → src/content/validate.ts']);
    expect(broken('verifier-runs-in-a-browser')).toEqual(['src/verifier/hashes.ts → crypto']);
    expect(broken('commands-do-not-import-pages')).toEqual(['src/commands/renders-a-page.ts → src/site/site-data.ts']);
    expect(broken('scripts-are-thin')).toEqual(['scripts/does-the-work.ts → src/issue/sign-repository.ts']);
    // A cycle is reported once, at the import that closes it.
    expect(broken('no-circular')).toEqual(['src/content/ping.ts → src/content/pong.ts']);
    // Nothing else in the copy breaks a rule: each wrong import is caught by its own rule.
    expect(found).toHaveLength(Object.keys(wrong).length - 1);
  });
});
