/**
 * A portfolio on a built site: Kenji Mori, in the academy fixture, asked for one
 * (test/fixtures/sites/README.md). Its page lists his credentials, newest first, each linking
 * its certificate page, is noindex and in no search index, and offers his signed transcript,
 * hosted beside it; his certificate pages link the portfolio. With JavaScript off: the HTML says it.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const { dist } = inject('sites').academy;
const PORTFOLIO = 'pf-5v3xnqpsmlk2ieq3o3sl3y7ndm';
const KENJI = ['9de4c366-9fcf-42f9-859c-d641e1be5802', 'f03ab81a-54ba-4f1b-a4ca-8e178ad8d519'];
const html = (page: string) => readFileSync(path.join(dist, page, 'index.html'), 'utf8');
const text = (page: string) => html(page).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe("a learner's portfolio", () => {
  it('lists their credentials, each linking its certificate page, and is reached by its link only', () => {
    const page = html(`portfolios/${PORTFOLIO}`);
    expect(text(`portfolios/${PORTFOLIO}`)).toContain('Kenji Mori: credentials');
    for (const id of KENJI) expect(page).toContain(`href="/credentials/${id}/"`);
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('data-pagefind-body');
    expect(page).toContain(`href="/portfolios/${PORTFOLIO}/transcript.json"`);
  });

  it('hosts his signed transcript beside it, holding the credentials as hosted', () => {
    const transcript = JSON.parse(readFileSync(path.join(dist, 'portfolios', PORTFOLIO, 'transcript.json'), 'utf8')) as { type: string[]; credentialSubject: { verifiableCredential: Array<{ id: string }> }; proof: unknown };
    expect(transcript.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(transcript.proof).toBeDefined();
    const held = transcript.credentialSubject.verifiableCredential;
    expect(held.map((credential) => credential.id).sort()).toEqual(KENJI.map((id) => `https://credentials.harbourside.example/credentials/${id}.json`).sort());
    for (const credential of held) expect(credential).toEqual(JSON.parse(readFileSync(path.join(dist, 'credentials', `${credential.id.split('/').pop()}`), 'utf8')));
  });

  it("is linked from the learner's certificate pages, and only from theirs", () => {
    for (const id of KENJI) expect(html(`credentials/${id}`)).toContain(`<a href="/portfolios/${PORTFOLIO}/">All their credentials</a>`);
    expect(html('credentials/e28a4715-c804-4e45-90d6-e3b35e1b9849')).not.toContain('/portfolios/');
    expect(existsSync(path.join(dist, 'portfolios'))).toBe(true);
  });
});
