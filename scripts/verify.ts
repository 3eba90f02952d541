import { UsageError, verify } from '../src/commands/verify.ts';

// Its own runner, not the one in src/commands/cli.ts, so that verifying never loads the build pipeline.
try {
  process.exitCode = await verify();
} catch (error) {
  // One clear line, never a stack trace.
  console.error(error instanceof UsageError ? error.message : `laurel verify: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
