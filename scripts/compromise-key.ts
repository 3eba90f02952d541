import { compromiseKey } from '../src/commands/compromise-key.ts';
import { run } from '../src/commands/cli.ts';

await run(compromiseKey);
