/**
 * npm run init -- --name "…" --url https://… --email … [--language en] [--description "…"]
 *
 * Turns the template into the issuer's own site: writes content/issuer.yaml, removes the demo's
 * achievements, awards and logo, makes the first signing key (as `npm run keygen`) and says what to
 * do next. Asks for what the flags leave out when run in a terminal. Everything is checked before
 * anything is removed or written. It runs on the template's demo only: content/.template-demo marks
 * it, and a site with a signing key, or without that file, is someone's and is left alone.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LaurelErrors } from '../core/error.ts';
import { didWebForSiteUrl } from '../core/did.ts';
import { readContentFiles } from '../content/files.ts';
import { validateContent } from '../content/validate.ts';
import { readKeyFiles } from '../issue/keys.ts';
import { renderYaml } from './award-files.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';
import { keygen } from './keygen.ts';

const USAGE = 'Usage: npm run init -- --name "Issuer name" --url https://badges.example.org/ --email credentials@example.org [--language en] [--description "…"]';

/** The file that says content/ is the template's demo, which init may remove. */
export const DEMO_MARKER = 'content/.template-demo';

interface Answers {
  name: string;
  url: string;
  email: string;
  language: string;
  description: string;
}

const QUESTIONS: ReadonlyArray<{ key: keyof Answers; question: string; fallback?: (answers: Partial<Answers>) => string }> = [
  { key: 'name', question: "The issuer's name, as it appears on every certificate" },
  { key: 'url', question: 'The https:// address where the site will be published (it becomes your did:web identity)' },
  { key: 'email', question: 'A public contact email address for questions about credentials' },
  { key: 'language', question: "The language of the site's pages", fallback: () => 'en' },
  { key: 'description', question: 'One or two sentences about the issuer', fallback: (answers) => `${answers.name} publishes verifiable micro-credentials.` },
];

/** A site URL as an issuer types it: `badges.example.org` or `https://badges.example.org` become `https://badges.example.org/`. */
export function normalizeSiteUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return withScheme.endsWith('/') ? withScheme : `${withScheme}/`;
}

function issuerYaml(answers: Answers): string {
  return renderYaml(
    // A new site starts with its learners unlisted (src/content/privacy.ts): listing is an opt-in.
    { name: answers.name, url: answers.url, description: answers.description, email: answers.email, language: answers.language, earners: 'unlisted' },
    [
      ' The issuer of every credential on this site. See README.md, "The content format".',
      ' url is where the site is published: the issuer\'s identity (did:web) derives from it, so change',
      ' it only before the first credential is issued. Optional fields: homepage, logo (a PNG or SVG',
      ' in public/), linkedinOrganizationId, address, phone.',
      ' earners: unlisted means a learner\'s page is reached by its link only: no "Recent earners", no',
      ' search by name. Set it to listed to list everyone, or give one award listed: true.',
    ].join('\n'),
  );
}

/** Files under `folder` (relative to the repository), for the summary; none when it does not exist. */
async function filesUnder(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export async function init(context: CommandContext): Promise<number> {
  const { root } = context;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...context.argv],
      options: { name: { type: 'string' }, url: { type: 'string' }, email: { type: 'string' }, language: { type: 'string' }, description: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
  if (parsed.values.help) {
    context.out(`${USAGE}\nTurns the template into your site: writes content/issuer.yaml, removes the demo content and logo, makes the first signing key.`);
    return 0;
  }
  const keys = await readKeyFiles(root);
  if (keys.length > 0) throw usage(`This site is set up already: keys/ holds ${keys.map((key) => key.file).join(', ')}. npm run init turns the template into a new site; it would erase this one. Nothing was changed.`);
  const demo = await stat(path.join(root, DEMO_MARKER)).then(() => true, () => false);
  if (!demo) {
    throw usage(`content/ is not the template's demo (${DEMO_MARKER} is not there): it is an issuer's own content, which npm run init would erase. Nothing was changed. To start again from nothing, delete content/achievements/ and content/awards/ yourself and edit content/issuer.yaml.`);
  }

  const answers: Partial<Answers> = { ...parsed.values };
  for (const { key, question, fallback } of QUESTIONS) {
    if (answers[key] !== undefined && answers[key].trim() !== '') continue;
    const asked = context.ask ? (await context.ask(`${question}${fallback ? ` [${fallback(answers)}]` : ''}: `)).trim() : '';
    if (asked !== '') answers[key] = asked;
    else if (fallback) answers[key] = fallback(answers);
    else throw usage(`--${key} is required: ${question.charAt(0).toLowerCase()}${question.slice(1)}.\n${USAGE}`);
  }
  const complete: Answers = { ...(answers as Answers), url: normalizeSiteUrl(answers.url!) };
  const did = didWebForSiteUrl(complete.url);
  if (!did.ok || !complete.url.startsWith('https://')) throw usage(`--url ${complete.url} is not an https:// address a site can be published at, like https://badges.example.org/.`);

  // The new tree, checked as a build would check it, before anything is removed or written.
  const issuerFile = { path: 'content/issuer.yaml', text: issuerYaml(complete) };
  const validated = validateContent({ issuer: issuerFile, achievements: [], awards: [] });
  if (!validated.ok) throw new LaurelErrors(validated.errors, 'These answers would not make a valid content/issuer.yaml (the flags are named after its fields). Nothing was changed.');

  const before = await readContentFiles(root);
  const removed = [...before.achievements, ...before.awards].map((file) => file.path);
  const logo = (await filesUnder(root, 'public')).filter((file) => /^public\/logo\.(svg|png)$/.test(file));
  await rm(path.join(root, 'content', 'achievements'), { recursive: true, force: true });
  await rm(path.join(root, 'content', 'awards'), { recursive: true, force: true });
  for (const file of logo) await rm(path.join(root, file), { force: true });
  await rm(path.join(root, DEMO_MARKER), { force: true });
  // What the demo built or cached on this machine is not the new site's (anything else in
  // .laurel/, such as an erasure list, stays).
  for (const folder of ['cache', 'site', 'staging']) await rm(path.join(root, '.laurel', folder), { recursive: true, force: true });
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await mkdir(path.join(root, 'content', 'achievements'), { recursive: true });
  await mkdir(path.join(root, 'content', 'awards'), { recursive: true });
  await writeFile(path.join(root, issuerFile.path), issuerFile.text);

  context.out(`Wrote content/issuer.yaml for ${complete.name}, published at ${complete.url}
  (its identity: ${did.value}).
Removed the demo: ${removed.length} achievement and award files${logo.length ? ` and ${logo.join(', ')}` : ''}.
`);
  const made = await keygen({ ...context, argv: [] });
  if (made !== 0) return made;
  context.out(`
Next steps:
  1. Store the secret above as LAUREL_SIGNING_KEY, as the steps above say (README, "Keys").
  2. Describe your first achievement in content/achievements/<slug>.md, e.g.
     content/achievements/data-literacy.md (see docs/issuing.md, "Define an achievement").
  3. Award it: npm run award -- <slug> --name "Full Name" --email learner@example.org
     or a whole cohort from a spreadsheet: npm run import -- roster.csv --achievement <slug>
  4. Look at the site: npm run dev (or npm run build, then npm run preview).
  5. Commit, push, and turn on GitHub Pages (README, "Deploying"): credentials will live at
     ${complete.url}credentials/<id>/`);
  return 0;
}
