/**
 * Builds the demo site into dist/ once before the tests, so that the tests which read dist/ (the
 * browser tests, the page measurements) see the current code and never race to build it
 * themselves.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export default async function buildDemoSite(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const environment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['LAUREL_SIGNING_KEY', 'LAUREL_PRODUCTION', 'BASE_URL'].includes(key)));
  try {
    await promisify(execFile)(process.execPath, ['scripts/build.ts'], { cwd: root, env: environment, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`The demo site did not build, so the tests cannot run:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}
