import { forget } from '../src/commands/forget.ts';
import { run } from '../src/commands/cli.ts';

await run(forget);
