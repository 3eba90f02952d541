/**
 * Who is listed and which reasons are published (src/content/privacy.ts), as the validated content
 * resolves them: issuer.yaml's `earners`, an award's own `listed`, and a site that predates the
 * setting (the minimal fixture's issuer.yaml has none), which keeps listing and is told to choose.
 */
import { describe, expect, it } from 'vitest';
import { isListed, listingNotice, publishedReason } from '../../src/content/privacy.ts';
import { validateContent, type SiteContent } from '../../src/content/validate.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const award = (id: string, statusIndex: number, listed?: boolean) =>
  `id: ${id}\nachievement: teamwork\nstatusIndex: ${statusIndex}\nrecipient:\n  name: Learner ${statusIndex}\n  identity:\n    type: sourcedId\n    value: S-${statusIndex}\nawardedOn: 2026-03-14\n${listed === undefined ? '' : `listed: ${listed}\n`}`;

/** The minimal site, with `earners` as given (or none) and three awards: one opting in, one out, one silent. */
function contentWith(earners: 'listed' | 'unlisted' | undefined): SiteContent {
  const tree = fixtureTree();
  if (earners) tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')}earners: ${earners}\n`);
  tree.set('content/awards/in.yaml', award('opted-in-0001', 11, true));
  tree.set('content/awards/out.yaml', award('opted-out-0001', 12, false));
  tree.set('content/awards/silent.yaml', award('silent-00001', 13));
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.content;
}

const listedIds = (content: SiteContent) => content.awards.filter((record) => record.listed).map((record) => record.id).sort();

describe('who is listed', () => {
  it('lists no one on a site of earners: unlisted, but the award that opts in', () => {
    const content = contentWith('unlisted');
    // The fixture's own award (Ada's) says nothing, so it follows the site.
    expect(listedIds(content)).toEqual(['opted-in-0001']);
    expect(listingNotice(content.issuer)).toBeUndefined();
  });

  it('lists everyone on a site of earners: listed, but the award that opts out', () => {
    const content = contentWith('listed');
    expect(listedIds(content)).toEqual(['00000000-0000-4000-8000-000000000001', 'opted-in-0001', 'silent-00001']);
    expect(listingNotice(content.issuer)).toBeUndefined();
  });

  it('keeps listing on a site that has not chosen, as before the setting existed, and asks it to choose', () => {
    const content = contentWith(undefined);
    expect(content.issuer.earners).toBeUndefined();
    expect(listedIds(content)).toEqual(listedIds(contentWith('listed')));
    const notice = listingNotice(content.issuer);
    expect(notice).toContain('content/issuer.yaml has no `earners` setting');
    expect(notice).toContain('earners: unlisted');
    expect(notice).toContain('earners: listed');
  });

  it('lets an award decide over the site, either way', () => {
    for (const earners of ['listed', 'unlisted', undefined] as const) {
      expect(isListed({ listed: true }, { earners })).toBe(true);
      expect(isListed({ listed: false }, { earners })).toBe(false);
    }
    expect(isListed({}, { earners: 'unlisted' })).toBe(false);
  });

  it('refuses an earners value it does not know, naming the choices', () => {
    const tree = fixtureTree();
    tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')}earners: hidden\n`);
    const result = validateContent(toContentFiles(tree));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ file: 'content/issuer.yaml', line: 5, field: 'earners' });
    expect(result.errors[0]!.message).toContain('unlisted');
  });
});

describe('which reasons are published', () => {
  it('publishes a reason only when the award says publishReason: true', () => {
    expect(publishedReason(undefined)).toBeUndefined();
    expect(publishedReason({ reason: 'Plagiarism found.' })).toBeUndefined();
    expect(publishedReason({ reason: 'Plagiarism found.', publishReason: false })).toBeUndefined();
    expect(publishedReason({ reason: 'Awarded in error.', publishReason: true })).toBe('Awarded in error.');
  });
});
