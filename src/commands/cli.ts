/**
 * What every command shares: what it is given (its arguments, the repository, the environment,
 * where to write and the time) and friendly failure: one clear message, never a stack trace, exit
 * 1 when it failed and 2 when it was called wrongly. scripts/ runs each command with the process's
 * own; tests run them in memory with their own.
 */
import { describeFailure, exitCodeOf, LaurelError } from '../core/error.ts';

export interface CommandContext {
  /** The arguments after the command's name. */
  readonly argv: readonly string[];
  /** The repository: content/, keys/ and .laurel/ are under it. */
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard output and standard error, one message at a time. */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The time: today's date for a change, the name of a file. Never written into a credential. */
  readonly now: () => Date;
  /** Asks the person at the terminal; absent when there is none (CI, a pipe, a test). */
  readonly ask?: ((question: string) => Promise<string>) | undefined;
}

/** A command: does its work, returns the exit code; throws a LaurelError to stop with one. */
export type Command = (context: CommandContext) => Promise<number>;

/** A mistake in how the command was called: its message is for the person at the terminal; exit 2. */
export function usage(message: string): LaurelError {
  return new LaurelError('usage', message);
}

/** The process's own context: its arguments, working directory, environment and console. */
export function processContext(): CommandContext {
  return {
    argv: process.argv.slice(2),
    root: process.cwd(),
    env: process.env,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    now: () => new Date(),
    ask: process.stdin.isTTY ? askAtTerminal : undefined,
  };
}

async function askAtTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

/** Runs a command: its exit code, or the failure written to `err` and 1 (2 for bad usage). */
export async function runCommand(command: Command, context: CommandContext): Promise<number> {
  try {
    return await command(context);
  } catch (error) {
    context.err(describeFailure(error));
    if (context.env['LAUREL_DEBUG'] && error instanceof Error) context.err(error.stack ?? '');
    return exitCodeOf(error);
  }
}

/** What scripts/ does: runs the command in this process and sets its exit code. */
export async function run(command: Command): Promise<void> {
  process.exitCode = await runCommand(command, processContext());
}

/** parseArgs' error, without its advice on positionals, followed by the usage line. */
export function usageFromParseError(error: unknown, usageText: string): LaurelError {
  return usage(`${(error as Error).message.replace(/\. To specify a positional[\s\S]*$/, '.')}\n${usageText}`);
}
