import { importRoster } from '../src/commands/import.ts';
import { run } from '../src/commands/cli.ts';

await run(importRoster);
