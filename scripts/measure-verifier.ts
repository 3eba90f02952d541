import { measureVerifierCommand } from '../src/commands/bench/measure-verifier.ts';

try {
  process.exitCode = await measureVerifierCommand();
} catch (error) {
  console.error(`measure-verifier: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
