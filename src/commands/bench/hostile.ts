/**
 * npm run bench -- --hostile: every case of ./hostile-cases.ts, each in a fresh Node process
 * (./hostile-child.ts), with its wall time and its peak resident memory (the child's
 * `process.resourceUsage().maxRSS`), as a table. A case that runs past CASE_TIMEOUT_MS is stopped
 * and reported as such. Shared machines are noisy: the load average is printed with the figures.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { CommandContext } from '../cli.ts';
import { HOSTILE_CASES, type Outcome } from './hostile-cases.ts';

/** How long one case may run before it is stopped: long enough to show a quadratic, short enough to finish. */
export const CASE_TIMEOUT_MS = 300_000;

export interface HostileMeasurement {
  /** The measured work alone, and the peak memory of the whole process, once the input was made and at the end. */
  readonly ms: number;
  readonly maxRssKb: number;
  readonly preparedRssKb: number;
  readonly outcome: Outcome;
}

export type HostileRun = { ok: true; measurement: HostileMeasurement } | { ok: false; problem: string };

/** Runs one case in a child process and reads its line of JSON. */
export function runHostileCase(name: string, timeoutMs: number = CASE_TIMEOUT_MS): HostileRun {
  const child = spawnSync(process.execPath, [path.join(import.meta.dirname, 'hostile-child.ts'), name], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1024 * 1024 });
  if (child.error && 'code' in child.error && child.error.code === 'ETIMEDOUT') return { ok: false, problem: `stopped after ${timeoutMs / 1000} s` };
  if (child.status !== 0) return { ok: false, problem: child.signal ? `killed by ${child.signal}` : `exited with ${child.status}: ${child.stderr.trim().split('\n').at(-1) ?? ''}` };
  return { ok: true, measurement: JSON.parse(child.stdout) as HostileMeasurement };
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
const time = (ms: number): string => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
const load = (): string => os.loadavg().map((value) => value.toFixed(2)).join(', ');

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)];
}

export function benchHostile(context: CommandContext): number {
  context.out(`Laurel hostile-input benchmark, Node ${process.version}, ${os.cpus().length} CPUs, load average ${load()} at the start`);
  const rows = [['case', 'input', 'outcome', 'time', 'peak RSS', 'RSS with the input made']];
  for (const hostile of HOSTILE_CASES) {
    const run = runHostileCase(hostile.name);
    if (run.ok) {
      const { ms, maxRssKb, preparedRssKb, outcome } = run.measurement;
      rows.push([hostile.name, hostile.input, `${outcome.refused ? 'refused' : 'accepted'}: ${outcome.detail}`, time(ms), mb(maxRssKb), mb(preparedRssKb)]);
    } else {
      rows.push([hostile.name, hostile.input, run.problem, '-', '-', '-']);
    }
  }
  for (const line of table(rows)) context.out(line);
  context.out(`load average ${load()} at the end`);
  return 0;
}
