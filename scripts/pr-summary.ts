import { prSummary } from '../src/commands/pr-summary.ts';
import { run } from '../src/commands/cli.ts';

await run(prSummary);
