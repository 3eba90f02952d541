import { stack } from '../src/commands/stack.ts';
import { run } from '../src/commands/cli.ts';

await run(stack);
