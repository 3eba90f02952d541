/**
 * The pages' view models: status in words at an injected time, earners, catalogue, skills, the
 * certificate's facts and links. Built from the minimal fixture with a few more awards laid over.
 */
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent } from '../../src/content/validate.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import {
  achievementTypeLabel,
  catalogue,
  certificateJsonLd,
  certificateUrls,
  certificateView,
  credentialStatus,
  durationInWords,
  earnerCount,
  humanDate,
  isSearchable,
  jsonLdText,
  recentEarners,
  resultValueText,
  searchFilterOptions,
  skillFilterValues,
  validityInWords,
} from '../../src/site/page-model.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite, type SignedSite } from '../../src/issue/signed-site.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import { fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };

const award = (id: string, achievement: string, statusIndex: number, name: string, awardedOn: string, extra = '') =>
  `id: ${id}\nachievement: ${achievement}\nstatusIndex: ${statusIndex}\nrecipient:\n  name: ${name}\n  identity:\n    type: sourcedId\n    value: ${id.slice(0, 8)}\nawardedOn: ${awardedOn}\n${extra}`;

/** The minimal fixture, plus a programme achievement and awards in every state. */
async function testSite(): Promise<SignedSite> {
  const tree = fixtureTree();
  tree.set(
    'content/achievements/leadership.md',
    [
      '---',
      'name: Team Leadership',
      'description: Leads a small team through a project.',
      'achievementType: CertificateOfCompletion',
      'validFor: P2Y',
      'tags: [leadership, teamwork]',
      'programme:',
      '  name: Management Programme',
      '  url: https://example.org/management',
      '  part: Block 2 of 3',
      'alignments:',
      '  - targetName: Teamwork',
      '    targetUrl: https://example.org/skills/teamwork',
      '    targetFramework: ESCO',
      '    targetCode: T1',
      '---',
      '',
      'Leads a team of four for a term.',
    ].join('\n'),
  );
  tree.set('content/awards/bo.yaml', award('bo-000000-unlisted', 'teamwork', 11, 'Bo Unlisted', '2026-05-01', 'listed: false\nresults:\n  - resultDescription: score\n    value: "87"\n'));
  tree.set('content/awards/cy.yaml', award('cy-000000-revoked', 'teamwork', 12, 'Cy Revoked', '2025-01-10', 'revoked:\n  on: 2025-02-01\n  reason: Awarded in error.\n'));
  tree.set('content/awards/di.yaml', award('di-000000-expired', 'leadership', 13, 'Di Expired', '2024-02-01'));
  tree.set('content/awards/ed.yaml', award('ed-000000-suspended', 'leadership', 14, 'Ed Suspended', '2026-01-05', 'suspended:\n  on: 2026-04-01\n  reason: Under review.\n'));
  tree.set('content/awards/fa.yaml', award('fa-000000-current', 'leadership', 15, 'Fa Current', '2026-02-02', 'evidence:\n  - url: https://example.org/work\n    name: The project\n'));
  tree.set('content/awards/gone.yaml', 'id: gone-0000-erased\nachievement: teamwork\nstatusIndex: 16\nerased:\n  on: 2026-04-04\n');
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
}

const NOW = new Date('2026-06-01T12:00:00Z');
const record = { awardedOn: '2026-03-14T00:00:00Z', validUntil: undefined, revoked: undefined, suspended: undefined };

describe('resultValueText', () => {
  const percent = { id: 'score', name: 'Score', resultType: 'Percent' } as const;
  it('writes a percentage the way the language does: "91 %" with a narrow no-break space in French, "91%" in English', () => {
    expect(resultValueText('91', percent, 'fr')).toBe('91\u202F%');
    expect(resultValueText('91.5', percent, 'fr-CA')).toBe('91,5\u202F%');
    expect(resultValueText('91', percent, 'en')).toBe('91%');
    expect(resultValueText('91.50', percent, 'en')).toBe('91.50%');
  });
  it('writes other numbers with the language\'s decimal sign, and text, or a value that is no number, as written', () => {
    const gpa = { id: 'gpa', name: 'GPA', resultType: 'GradePointAverage', valueMax: '4.0' } as const;
    expect([resultValueText('3.7', gpa, 'fr'), resultValueText('1250', { ...gpa, resultType: 'RawScore' }, 'de')]).toEqual(['3,7', '1.250']);
    expect(resultValueText('B+', { id: 'grade', name: 'Grade', resultType: 'LetterGrade' }, 'fr')).toBe('B+');
    expect(resultValueText('91', undefined, 'fr')).toBe('91');
  });
});

describe('credentialStatus', () => {
  it('says valid, with or without an end date', () => {
    expect(credentialStatus(record, NOW)).toMatchObject({ state: 'valid', label: 'Valid', good: true, sentence: 'This credential is valid. It does not expire.' });
    expect(credentialStatus({ ...record, validUntil: '2027-03-14T00:00:00Z' }, NOW).sentence).toBe('This credential is valid until 14 March 2027.');
  });

  it('says expired from the moment validUntil is reached, by the injected clock', () => {
    const expiring = { ...record, validUntil: '2026-06-01T12:00:00Z' };
    expect(credentialStatus(expiring, new Date('2026-06-01T11:59:59Z')).state).toBe('valid');
    expect(credentialStatus(expiring, NOW)).toMatchObject({ state: 'expired', label: 'Expired', good: false, sentence: 'This credential expired on 1 June 2026.' });
  });

  it('says revoked, with the reason the award publishes, before anything else', () => {
    const status = credentialStatus({ ...record, validUntil: '2026-04-01T00:00:00Z', revoked: { on: '2026-05-02', reason: 'Awarded in error.', publishReason: true }, suspended: { on: '2026-05-01', reason: 'x' } }, NOW);
    expect(status).toMatchObject({ state: 'revoked', label: 'Revoked', reason: 'Awarded in error.', good: false });
    expect(status.sentence).toBe('This credential was revoked on 2 May 2026 by its issuer. It is no longer valid.');
  });

  it('says only when it was revoked or suspended when the award keeps the reason private (the default)', () => {
    for (const publishReason of [undefined, false]) {
      const revoked = credentialStatus({ ...record, revoked: { on: '2026-05-02', reason: 'Plagiarism found.', ...(publishReason === undefined ? {} : { publishReason }) } }, NOW);
      expect(revoked).toMatchObject({ state: 'revoked', label: 'Revoked', good: false });
      expect(revoked.reason).toBeUndefined();
      expect(revoked.sentence).toContain('revoked on 2 May 2026');
      expect(JSON.stringify(revoked)).not.toContain('Plagiarism');
    }
    const suspended = credentialStatus({ ...record, suspended: { on: '2026-05-01', reason: 'Under review.' } }, NOW);
    expect(suspended.reason).toBeUndefined();
    expect(JSON.stringify(suspended)).not.toContain('Under review');
  });

  it('says suspended, with the reason the award publishes, before expiry', () => {
    const status = credentialStatus({ ...record, validUntil: '2026-04-01T00:00:00Z', suspended: { on: '2026-05-01T08:00:00Z', reason: 'Under review.', publishReason: true } }, NOW);
    expect(status).toMatchObject({ state: 'suspended', reason: 'Under review.' });
    expect(status.sentence).toContain('since 1 May 2026');
    // OB 3.0 allows one credentialStatus, the revocation entry: the page says other verifiers may not see it.
    expect(status.sentence).toContain('other verifiers, which read only the revocation list, may show the credential as valid');
  });

  it('says not yet valid before the award date', () => {
    expect(credentialStatus({ ...record, awardedOn: '2026-07-01T00:00:00Z' }, NOW)).toMatchObject({ state: 'not-yet-valid', good: false });
  });
});

describe('words', () => {
  it('names durations and validity periods', () => {
    expect(durationInWords('P1Y')).toBe('1 year');
    expect(durationInWords('P2Y')).toBe('2 years');
    expect(durationInWords('P18M')).toBe('18 months');
    expect(durationInWords('P1Y6M')).toBe('1 year and 6 months');
    expect(durationInWords('P1Y2M3D')).toBe('1 year, 2 months and 3 days');
    expect(durationInWords('P90D')).toBe('90 days');
    expect(durationInWords(undefined)).toBeUndefined();
    expect(validityInWords(undefined)).toBe('Does not expire.');
    expect(validityInWords('P2Y')).toBe('Valid for 2 years from the award date.');
  });

  it('names achievement types', () => {
    expect(achievementTypeLabel('MicroCredential')).toBe('Micro-credential');
    expect(achievementTypeLabel('CertificateOfCompletion')).toBe('Certificate of completion');
    expect(achievementTypeLabel('Badge')).toBe('Badge');
    expect(achievementTypeLabel('ext:PeerAward')).toBe('Peer award');
  });

  it('writes dates the same way everywhere', () => {
    expect(humanDate('2026-03-04T00:00:00Z')).toBe('4 March 2026');
    expect(humanDate('2026-12-31')).toBe('31 December 2026');
  });
});

describe('the site view models', async () => {
  const site = await testSite();
  const byId = (id: string) => site.awards.find((candidate) => candidate.record.id === id)!;

  it('counts earners without revoked awards, unlisted ones included', () => {
    expect(earnerCount(site, 'teamwork')).toBe(2); // Ada and Bo; Cy is revoked
    expect(earnerCount(site, 'leadership')).toBe(3); // expired and suspended awards were still earned
  });

  it('lists recent earners newest first, never unlisted, revoked or suspended ones', () => {
    expect(recentEarners(site, 'teamwork').map((earner) => earner.name)).toEqual(['Ada Example']);
    const leaders = recentEarners(site, 'leadership');
    expect(leaders.map((earner) => earner.name)).toEqual(['Fa Current', 'Di Expired']);
    expect(leaders[0]!.pagePath).toBe('/credentials/fa-000000-current/');
    expect(recentEarners(site, 'leadership', 1)).toHaveLength(1);
  });

  it('groups the catalogue by programme, programmes first', () => {
    const groups = catalogue(site);
    expect(groups.map((group) => group.programme)).toEqual(['Management Programme', undefined]);
    expect(groups[0]!.programmeUrl).toBe('https://example.org/management');
    expect(groups[0]!.entries[0]).toMatchObject({ slug: 'leadership', type: 'Certificate of completion', earners: 3, pagePath: '/achievements/leadership/', badgePath: '/achievements/leadership/small.svg' });
    expect(groups[1]!.entries.map((entry) => entry.slug)).toEqual(['teamwork']);
  });

  it('offers skills and keywords once each, whatever their case', () => {
    const leadership = site.content.achievements.get('leadership')!;
    expect(skillFilterValues(leadership)).toEqual(['Teamwork', 'leadership']);
    expect(searchFilterOptions(site)).toEqual({
      skills: ['collaboration', 'leadership', 'Teamwork'],
      achievements: ['Team Leadership', 'Teamwork'],
      years: ['2026', '2024'],
    });
  });

  it('keeps unlisted, revoked and suspended awards out of search', () => {
    expect(isSearchable(byId('bo-000000-unlisted').record)).toBe(false);
    expect(isSearchable(byId('cy-000000-revoked').record)).toBe(false);
    expect(isSearchable(byId('ed-000000-suspended').record)).toBe(false);
    expect(isSearchable(byId('di-000000-expired').record)).toBe(true);
  });

  it('builds the certificate: facts, results, links and the LinkedIn task', () => {
    const view = certificateView(site, byId('bo-000000-unlisted'), NOW);
    expect(view).toMatchObject({ learnerName: 'Bo Unlisted', issuerName: 'Example Academy', issuerUrl: 'https://badges.example.org/', listed: false, achievementType: 'Micro-credential' });
    // A Percent, written the way the site's language (English by default) writes it.
    expect(view.results).toEqual([{ name: 'Score', value: '87%' }]);
    expect(view.skills.map((skill) => skill.name)).toEqual(['Teamwork']);
    expect(view.urls).toEqual(certificateUrls(site, byId('bo-000000-unlisted')));
    // The page and its JSON are the award's only files; the link preview is the achievement's card.
    expect(view.urls).toEqual({
      page: 'https://badges.example.org/credentials/bo-000000-unlisted/',
      json: 'https://badges.example.org/credentials/bo-000000-unlisted.json',
      shareCard: 'https://badges.example.org/achievements/teamwork/share.png',
    });
    // What the download buttons make the baked badges and the PDF from, besides the JSON.
    expect(view.downloads).toEqual({
      badgePng: 'https://badges.example.org/achievements/teamwork.png',
      badgeSvg: 'https://badges.example.org/achievements/teamwork.svg',
      // The default design's colour for the slug "teamwork" (the badge's primary colour).
      accentColor: '#0f5f48',
    });
    const linkedIn = new URL(view.linkedIn).searchParams;
    expect(linkedIn.get('organizationName')).toBe('Example Academy');
    expect(linkedIn.get('certUrl')).toBe('https://badges.example.org/credentials/bo-000000-unlisted/');
    expect(linkedIn.get('certId')).toBe('bo-000000-unlisted');
    expect(linkedIn.get('issueYear')).toBe('2026');
    expect(linkedIn.get('issueMonth')).toBe('5');
    expect(linkedIn.has('expirationYear')).toBe(false);

    const expired = certificateView(site, byId('di-000000-expired'), NOW);
    expect(expired.status.state).toBe('expired');
    expect(expired.validUntil).toBe('2026-02-01T00:00:00Z');
    expect(new URL(expired.linkedIn).searchParams.get('expirationMonth')).toBe('2');
    expect(certificateView(site, byId('fa-000000-current'), NOW).evidence).toEqual([{ url: 'https://example.org/work', name: 'The project' }]);
  });

  it('previews a certificate with its own share card when issuer.yaml asks for personal ones', async () => {
    const tree = fixtureTree();
    tree.set('content/issuer.yaml', `${tree.get('content/issuer.yaml')!}shareCards: personal\n`);
    const result = validateContent(toContentFiles(tree));
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    const personal = await buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() });
    const [first] = personal.awards;
    expect(certificateView(personal, first!, NOW).urls.shareCard).toBe(`https://badges.example.org/credentials/${first!.record.id}/share.png`);
  });

  it('describes the page as JSON-LD that no text can break out of', () => {
    const view = certificateView(site, byId('fa-000000-current'), NOW);
    const jsonLd = certificateJsonLd(view);
    expect(jsonLd).toMatchObject({ '@type': 'EducationalOccupationalCredential', url: view.urls.page, image: view.urls.shareCard, expires: '2028-02-02T00:00:00Z' });
    expect(jsonLdText({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(jsonLdText({ name: '</script>\u2028' }))).toEqual({ name: '</script>\u2028' });
  });
});
