/**
 * A real `astro dev` or `astro preview` server on a free loopback port, started in a repository
 * and stopped when the test is done, the way an issuer runs `npm run dev` or `npm run preview`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { cleanEnvironment, TEMPLATE } from './repository.ts';

export interface AstroServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Everything the server printed, for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `astro <mode>` in `dir` and resolves once `readyPath` answers (any status). */
export async function startAstro(mode: 'dev' | 'preview', dir: string, options: { env?: Readonly<Record<string, string>>; readyPath?: string; timeoutMs?: number } = {}): Promise<AstroServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const astro = path.join(TEMPLATE, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child: ChildProcess = spawn(process.execPath, [astro, mode, '--port', String(port), '--host', '127.0.0.1'], { cwd: dir, env: cleanEnvironment(options.env) });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro ${mode} stopped:\n${chunks.join('')}`);
    try {
      await fetch(`${origin}${options.readyPath ?? '/'}`, { signal: AbortSignal.timeout(10_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`astro ${mode} did not answer within the time limit:\n${chunks.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { origin, output: () => chunks.join(''), stop };
}
