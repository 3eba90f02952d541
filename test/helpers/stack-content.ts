/**
 * A small issuer with a stack, in memory: the minimal fixture tree with two blocks (Planning,
 * Delivery), the stack made of both (Project Lead), one learner's award of each block, and the
 * stacked award `npm run stack` writes for them (src/commands/stack.ts), with a fixed random
 * source so that its id is the same in every run.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { stackedAwardFiles } from '../../src/commands/stack.ts';
import type { RandomSource } from '../../src/commands/award-files.ts';
import { validateContent, type ContentFiles, type SiteContent } from '../../src/content/validate.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { fixtureTree, toContentFiles } from './content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
export const stackKeyPair = keyPairFromSecretKey(seed);
export const stackIdentity: SigningIdentity = { secretKey: seed, publicKeyMultibase: stackKeyPair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
export const stackKeys = [{ type: 'Multikey' as const, publicKeyMultibase: stackKeyPair.publicKeyMultibase, created: stackIdentity.created, status: 'current' as const, file: 'keys/test.json' }];
export const LEARNER = 'lk-dddddddddddddddddddddddddd';
export const BLOCK_IDS = ['planning-00000001', 'delivery-00000001'] as const;

/** A fixed random source (the command uses the system's). */
export function fixedRandom(): RandomSource {
  let counter = 0;
  return {
    bytes: (length: number) => Uint8Array.from({ length }, (_, index) => (counter * 37 + index * 11) & 0xff),
    uuid: () => `5ac4ed00-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  };
}

function blockAward(id: string, achievement: string, statusIndex: number, awardedOn: string, learner: string | undefined, name: string): [string, string] {
  return [`content/awards/${id}.yaml`, `id: ${id}\nachievement: ${achievement}\nstatusIndex: ${statusIndex}\n${learner ? `learner: ${learner}\n` : ''}recipient:\n  name: ${name}\n  identity:\n    type: emailAddress\n    hash: sha256$c40bcbb760282c5223588cea114edccce3bf5045eaf0fea7f9f6415ab4c2f018\n    salt: fixture-salt-0002\nawardedOn: ${awardedOn}\n`];
}

/**
 * The content files, before the stacked award. `languages` gives issuer.yaml its languages;
 * `others` adds a learner holding Planning alone, with a key, and one without a key.
 */
export function stackContentFiles(options: { languages?: string; others?: boolean; portfolio?: string } = {}): ContentFiles {
  const tree = fixtureTree();
  if (options.languages) tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}languages: ${options.languages}\n`);
  tree.set('content/achievements/planning.md', '---\nname: Planning\ndescription: Plans a project.\n---\n\nAssessed on a plan.\n');
  tree.set('content/achievements/delivery.md', '---\nname: Delivery\ndescription: Delivers a project.\n---\n\nAssessed on a delivery.\n');
  tree.set('content/achievements/project-lead.md', '---\nname: Project Lead\ndescription: Holds both project blocks.\nachievementType: Certificate\nrequires:\n  achievements: [planning, delivery]\n  within: P2Y\n---\n\nAwarded to holders of both blocks.\n');
  const awards = [blockAward(BLOCK_IDS[0], 'planning', 5101, '2026-02-01', LEARNER, 'Grace Example'), blockAward(BLOCK_IDS[1], 'delivery', 5102, '2026-04-15', LEARNER, 'Grace Example')];
  // The learner's portfolio, given on one of their awards: it holds them all.
  if (options.portfolio) awards[0] = [awards[0]![0], awards[0]![1].replace(`learner: ${LEARNER}\n`, `learner: ${LEARNER}\nportfolio: ${options.portfolio}\n`)];
  if (options.others) awards.push(blockAward('planning-00000002', 'planning', 5103, '2026-02-01', 'lk-eeeeeeeeeeeeeeeeeeeeeeeeee', 'Alan Example'), blockAward('planning-00000003', 'planning', 5104, '2026-02-01', undefined, 'Mary Example'));
  for (const [file, text] of awards) tree.set(file, text);
  return toContentFiles(tree);
}

export function validated(files: ContentFiles): SiteContent {
  const result = validateContent(files);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.content;
}

/** The content with the stacked award npm run stack writes, and its id. */
export function stackedContent(options: Parameters<typeof stackContentFiles>[0] = {}): { files: ContentFiles; content: SiteContent; id: string } {
  const files = stackContentFiles(options);
  const { files: awards, written } = stackedAwardFiles(files, validated(files), fixedRandom());
  if (written.length !== 1) throw new Error(`expected one stacked award, got ${written.length}`);
  const withStack = { ...files, awards };
  return { files: withStack, content: validated(withStack), id: written[0]!.id };
}
