/** How many awards of each kind a repository's content/ holds, read from the files (never written down twice). */
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';

export interface AwardCounts {
  readonly live: number;
  readonly erased: number;
  readonly revoked: number;
  readonly suspended: number;
  readonly unlisted: number;
}

export async function awardCounts(root: string): Promise<AwardCounts> {
  const result = validateContent(await readContentFiles(root));
  if (!result.ok) throw new Error(`the content of ${root} does not validate`);
  const { awards, erased } = result.content;
  return {
    live: awards.length,
    erased: erased.length,
    revoked: awards.filter((award) => award.revoked).length,
    suspended: awards.filter((award) => award.suspended && !award.revoked).length,
    unlisted: awards.filter((award) => !award.listed).length,
  };
}
