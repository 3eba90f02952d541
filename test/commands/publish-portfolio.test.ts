/**
 * npm run publish-portfolio (src/commands/publish-portfolio.ts) and the `portfolio` field it
 * writes (src/content/portfolios.ts): a learner's portfolio id goes into each of their awards,
 * the same id again if they have one, and comes out with --unpublish; an award without a learner
 * key is refused, and so is content where one learner has two portfolios or two learners one. In a
 * repository with the academy fixture's content, where Zainab Okoye holds two blocks and the
 * stack they earned, and Kenji Mori a portfolio already.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../src/commands/check.ts';
import { publishPortfolio } from '../../src/commands/publish-portfolio.ts';
import { PORTFOLIO_ID_PATTERN } from '../../src/content/schemas/award.ts';
import { makeRepository, readTree, type Repository } from '../helpers/repository.ts';

const ZAINAB = ['1a521cf3-550f-4750-b1e0-ba0987d85b45', '2b060ff1-cd7f-4494-9346-b6ecc7f6b596', '201d6a12-6f0d-4000-af9b-e0e0e37070cd'];
/** Aiko Tanaka's award: no learner key. */
const AIKO = 'e28a4715-c804-4e45-90d6-e3b35e1b9849';

let repo: Repository;
beforeAll(async () => {
  repo = await makeRepository({ fixture: 'academy' });
});
afterAll(() => repo.cleanup());

/** The portfolio each award of `ids` gives, read from the files. */
async function portfoliosOf(ids: readonly string[]): Promise<Array<string | undefined>> {
  const entries = [...(await readTree(repo.dir)).entries()].filter(([file]) => file.startsWith('content/awards/')).flatMap(([, text]) => {
    const data = parse(text) as { id?: string; portfolio?: string; awards?: Array<{ id: string; portfolio?: string }> };
    return data.awards ?? [data];
  });
  return ids.map((id) => entries.find((entry) => entry.id === id)?.portfolio);
}

describe('npm run publish-portfolio', () => {
  it("writes one new portfolio id into each of the learner's awards, and prints the page's address", async () => {
    const result = await repo.command(publishPortfolio, [ZAINAB[1]!]);
    expect(result.code, result.stderr).toBe(0);
    const [id, ...rest] = await portfoliosOf(ZAINAB);
    expect(id).toMatch(PORTFOLIO_ID_PATTERN);
    expect(rest).toEqual([id, id]);
    expect(result.stdout).toContain(`Portfolio page: https://credentials.harbourside.example/portfolios/${id}/`);
    expect(result.stdout).toContain(`Transcript:     https://credentials.harbourside.example/portfolios/${id}/transcript.json`);
    expect((await repo.command(check)).code).toBe(0);
    // Again: the same id, nothing new.
    expect((await repo.command(publishPortfolio, [ZAINAB[0]!])).code).toBe(0);
    expect(await portfoliosOf(ZAINAB)).toEqual([id, id, id]);
  });

  it('takes it down with --unpublish', async () => {
    const result = await repo.command(publishPortfolio, ['--unpublish', ZAINAB[2]!]);
    expect(result.code, result.stderr).toBe(0);
    expect(await portfoliosOf(ZAINAB)).toEqual([undefined, undefined, undefined]);
    expect((await repo.command(publishPortfolio, ['--unpublish', ZAINAB[2]!])).stderr).toContain('has no portfolio: there is nothing to take down.');
  });

  it('refuses an award without a learner key, and bad usage', async () => {
    const refused = await repo.command(publishPortfolio, [AIKO]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`The award ${AIKO} has no learner key`);
    expect((await repo.command(publishPortfolio, [])).code).toBe(2);
  });
});

describe('the portfolio field', () => {
  it("is one learner's: two ids for one learner, or one id for two learners, are refused at the line", async () => {
    const file = path.join(repo.dir, 'content/awards/2026/data-privacy-2026-03.yaml');
    const text = await readFile(file, 'utf8');
    const kenji = /portfolio: (pf-[a-z2-7]{26})/.exec(text)![1]!;
    await writeFile(file, text.replace(`portfolio: ${kenji}`, 'portfolio: pf-bbbbbbbbbbbbbbbbbbbbbbbbbb'));
    const two = await repo.command(check);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/error\[invalid-value\] awards\[\d+\]\.portfolio: is pf-[a-z2-7]{26}, but the same learner's award [0-9a-f-]{36} \(content\/awards\/2026\/[a-z0-9-]+\.yaml:\d+\) has pf-[a-z2-7]{26}: a learner has one portfolio\./);
    expect(two.stderr).toContain('pf-bbbbbbbbbbbbbbbbbbbbbbbbbb');
    await writeFile(file, text);
    // Another learner's id.
    const aiko = path.join(repo.dir, 'content/awards/2026/design-systems-2026-02.yaml');
    const before = await readFile(aiko, 'utf8');
    await writeFile(aiko, before.replace('  - id: e28a4715-c804-4e45-90d6-e3b35e1b9849\n    statusIndex: 8197\n', `  - id: e28a4715-c804-4e45-90d6-e3b35e1b9849\n    statusIndex: 8197\n    portfolio: ${kenji}\n`));
    const noKey = await repo.command(check);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('error[invalid-value] awards[0].portfolio: is given, but the award e28a4715-c804-4e45-90d6-e3b35e1b9849 has no learner key');
    await writeFile(aiko, before);
    expect((await repo.command(check)).code).toBe(0);
  });
});
