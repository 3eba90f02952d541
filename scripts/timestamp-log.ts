import { timestampLog } from '../src/commands/timestamp-log.ts';
import { run } from '../src/commands/cli.ts';

await run((context) => timestampLog(context));
