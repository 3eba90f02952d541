/**
 * The repository's own content (the demo in the template, the issuer's in a fork) builds with
 * `npm run build`, and every credential it publishes verifies with the independent verify
 * command: revoked and suspended ones fail at the status check and only there. The numbers come
 * from content/ itself, so the test holds for any issuer's content.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/commands/verify.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { makeRepository, type Repository } from '../helpers/repository.ts';

interface Report {
  source: string;
  status: 'verified' | 'warning' | 'failed';
  checks: Array<{ id: string; state: string }>;
}

let repo: Repository;
let content: SiteContent;

beforeAll(async () => {
  repo = await makeRepository({ checkout: true });
  const validated = validateContent(await readContentFiles(repo.dir));
  if (!validated.ok) throw new Error(`content/ does not validate: run npm run check`);
  content = validated.content;
  const build = await repo.run('scripts/build.ts');
  if (build.code !== 0) throw new Error(`content/ does not build:\n${build.stdout}${build.stderr}`);
}, 600_000);
afterAll(() => repo?.cleanup());

describe("the repository's own content", () => {
  it('publishes a page for every award, a signed credential for every live one, and only a notice for an erased one', async () => {
    const credentials = path.join(repo.dir, 'dist', 'credentials');
    const files = await readdir(credentials);
    expect(files.filter((name) => name.endsWith('.json')).sort()).toEqual(content.awards.map((award) => `${award.id}.json`).sort());
    for (const award of [...content.awards, ...content.erased]) expect(files, award.id).toContain(award.id);
    for (const erased of content.erased) expect(files).not.toContain(`${erased.id}.json`);
  });

  it('verifies every credential it publishes, failing revoked and suspended ones at the status check only', async () => {
    if (content.awards.length === 0) {
      // A new site (right after npm run init) has nothing to verify, and the command says so.
      const none = await repo.command(verify, ['dist/credentials', '--site', 'dist']);
      expect(none.code).toBe(2);
      return;
    }
    const result = await repo.command(verify, ['dist/credentials', '--site', 'dist', '--json']);
    const reports = JSON.parse(result.stdout) as Report[];
    expect(reports).toHaveLength(content.awards.length);
    const withdrawn = new Set(content.awards.filter((award) => award.revoked || award.suspended).map((award) => `${award.id}.json`));
    // Past its end date, a credential is not in force: its validity check fails and its verdict is "expired".
    const expired = new Set(content.awards.filter((award) => award.validUntil !== undefined && Date.parse(award.validUntil) <= Date.now()).map((award) => `${award.id}.json`));
    for (const report of reports) {
      const failed = report.checks.filter((check) => check.state === 'failed').map((check) => check.id);
      const file = path.basename(report.source);
      expect(failed, report.source).toEqual([...(withdrawn.has(file) ? ['status'] : []), ...(expired.has(file) ? ['validity'] : [])]);
    }
    expect(result.code).toBe(withdrawn.size > 0 ? 1 : expired.size > 0 ? 3 : 0);
  });
});
