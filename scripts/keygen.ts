import { keygen } from '../src/commands/keygen.ts';
import { run } from '../src/commands/cli.ts';

await run(keygen);
