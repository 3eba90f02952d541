/**
 * What every command shares: friendly failure (one clear message, never a stack trace) and the
 * repository root.
 */
import { KeyError } from '../issue/keys.ts';
import { ContentErrors } from '../issue/load.ts';
import { SigningError } from '../issue/signed-site.ts';
import { formatContentErrors } from '../content/content-error.ts';

export const root = process.cwd();

/** A mistake in how the command was called: its message is for the person at the terminal; exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command cannot do what was asked (an unknown award, say): its message is the whole story; exit 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export function describeFailure(error: unknown): string {
  if (error instanceof ContentErrors) return formatContentErrors(error.errors);
  if (error instanceof KeyError) return `Key problem (${error.code}): ${error.message}`;
  if (error instanceof SigningError) return `Signing failed: ${error.message}`;
  if (error instanceof UsageError || error instanceof CommandError) return error.message;
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs a command's main function; exit 1 on failure, 2 on bad usage. */
export async function run(main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    console.error(describeFailure(error));
    if (process.env['LAUREL_DEBUG'] && error instanceof Error) console.error(error.stack);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
