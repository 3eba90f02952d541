import { linkAwards } from '../src/commands/link-awards.ts';
import { run } from '../src/commands/cli.ts';

await run(linkAwards);
