import { fetchLog } from '../src/commands/fetch-log.ts';
import { run } from '../src/commands/cli.ts';

await run((context) => fetchLog(context));
