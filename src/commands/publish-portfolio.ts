/**
 * npm run publish-portfolio -- <award id>: gives the learner of this award a portfolio page, at
 * their request: all their credentials on one page, and a signed CLR 2.0 transcript of them
 * (src/content/portfolios.ts). It writes one random portfolio id into each of the learner's awards
 * (the learner key tells which are theirs). The page is reached by its link only: it is in no
 * search, no catalogue, and asks search engines not to index it.
 * npm run publish-portfolio -- --unpublish <award id>: takes the learner's portfolio down.
 * The whole content tree is validated before anything is written.
 */
import { parseArgs } from 'node:util';
import { isScalar, type YAMLMap } from 'yaml';
import { validateContent, type SourceFile } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { LaurelError, LaurelErrors } from '../core/error.ts';
import { siteUrls } from '../issue/urls.ts';
import { base32 } from './learner-keys.ts';
import { closestAwardId, documentText, findAward, normalizeAwardId, systemRandom, type RandomSource } from './award-files.ts';
import { writeChanged } from './learner-keys.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run publish-portfolio -- <award id>   or   npm run publish-portfolio -- --unpublish <award id>';

export function newPortfolioId(random: RandomSource): string {
  return `pf-${base32(random.bytes(16))}`;
}

/**
 * The award files with `portfolio` set to `id` in each award of `ids` (removed when `id` is
 * undefined), written after the learner key, the rest of each file as it was.
 */
export function withPortfolio(files: readonly SourceFile[], ids: readonly string[], id: string | undefined): { files: SourceFile[]; changed: string[] } {
  let current = [...files];
  const changed = new Set<string>();
  for (const awardId of ids) {
    const location = findAward(current, awardId)!;
    const node = (location.path.length ? location.document.getIn(location.path, true) : location.document.contents) as YAMLMap;
    const at = node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'portfolio');
    if (id === undefined) {
      if (at < 0) continue;
      node.items.splice(at, 1);
    } else if (at >= 0) node.items[at]!.value = location.document.createNode(id);
    else node.items.splice(node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'learner') + 1, 0, location.document.createPair('portfolio', id));
    const text = documentText(location.document);
    current = current.map((file) => (file === location.file ? { path: file.path, text } : file));
    changed.add(location.file.path);
  }
  return { files: current, changed: [...changed] };
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: { unpublish: { type: 'boolean' } } });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

export async function publishPortfolio(context: CommandContext): Promise<number> {
  const { values, positionals } = parse(context.argv);
  if (positionals.length !== 1) throw usage(`${positionals.length ? 'Give one award.' : 'Whose portfolio? Give the id of one of the learner\'s awards (the last part of its credential URL).'}\n${USAGE}`);
  const awardId = normalizeAwardId(positionals[0]!);
  const files = await readContentFiles(context.root);
  const before = validateContent(files);
  if (!before.ok) throw new LaurelErrors(before.errors, 'content/ has errors already: fix them first. Nothing was written.');
  const award = before.content.awards.find((candidate) => candidate.id === awardId);
  if (!award) {
    const hint = closestAwardId(files.awards, awardId);
    throw new LaurelError('unknown-award', `No live award has the id "${awardId}" in content/awards/.${hint ? ` Did you mean ${hint}?` : ''} Nothing was written.`, { field: 'award id', received: awardId });
  }
  if (award.learner === undefined) {
    throw new LaurelError('invalid-value', `The award ${awardId} has no learner key, so its learner's other awards are not known. Give the learner's awards one key first (npm run link-awards -- <award id> <award id>…). Nothing was written.`, { field: 'award id' });
  }
  const theirs = before.content.awards.filter((candidate) => candidate.learner === award.learner);
  const id = values.unpublish ? undefined : (theirs.find((candidate) => candidate.portfolio !== undefined)?.portfolio ?? newPortfolioId(systemRandom));
  if (values.unpublish && !theirs.some((candidate) => candidate.portfolio !== undefined)) throw new LaurelError('invalid-value', `The learner of ${awardId} has no portfolio: there is nothing to take down.`, { field: 'award id' });
  const edited = withPortfolio(files.awards, theirs.map((candidate) => candidate.id), id);
  const after = validateContent({ ...files, awards: edited.files });
  if (!after.ok) throw new LaurelErrors(after.errors, 'content/ would not be valid after this change. Nothing was written.');
  await writeChanged(context.root, edited);
  const urls = siteUrls(before.content.issuer.url);
  context.out(values.unpublish
    ? `Took down the portfolio of ${award.recipient.name} (${theirs.length === 1 ? '1 award' : `${theirs.length} awards`}):\n  ${edited.changed.join('\n  ')}\nThe next build removes its page and its transcript.`
    : `Published the portfolio of ${award.recipient.name}: ${theirs.length === 1 ? '1 award' : `${theirs.length} awards`}, and every award they receive from now on.
  ${edited.changed.join('\n  ')}

  Portfolio page: ${urls.portfolioPage(id!)}
  Transcript:     ${urls.portfolioTranscript(id!)}

The page is reached by its link only: no search, no catalogue, and search engines are asked not to
index it. Commit the change and open a pull request: the next build signs the transcript.`);
  return 0;
}
