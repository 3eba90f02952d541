import { publishPortfolio } from '../src/commands/publish-portfolio.ts';
import { run } from '../src/commands/cli.ts';

await run(publishPortfolio);
