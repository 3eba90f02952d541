/** How many live and erased awards the demo content has, read from content/ (not written down twice). */
import { validateContent } from '../../src/content/validate.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { REPOSITORY } from './temp-repo.ts';

export async function demoAwardCounts(): Promise<{ live: number; erased: number }> {
  const result = validateContent(await readContentFiles(REPOSITORY));
  if (!result.ok) throw new Error('the demo content does not validate');
  return { live: result.content.awards.length, erased: result.content.erased.length };
}
