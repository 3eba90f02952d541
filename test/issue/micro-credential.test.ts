/**
 * An EU micro-credential's elements in the signed credential: OB 3.0 alignments with `ext:` target
 * types, in the edition's language, the workload as creditsAvailable once; the credential keeps its
 * two contexts, signs in safe mode (so no term is dropped), verifies with Laurel's verifier and is
 * valid against the official OB 3.0 JSON Schema. Built in memory from the micro-credential fixture.
 */
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_CONTEXTS } from '../../src/core/credential.ts';
import { ANNEX_I_URL } from '../../src/core/micro-credential.ts';
import { validateOpenBadgeSchema } from '../../src/core/schemas/ob-schema.ts';
import { verifyCredential } from '../../src/core/verify/verify.ts';
import { signedMicroCredentialSite } from '../helpers/micro-credential-site.ts';
import { validateAchievementCredential } from '../helpers/ob-schema.ts';

type Json = Record<string, unknown>;

const achievementOf = (credential: Json) => (credential['credentialSubject'] as Json)['achievement'] as Json;
/** An element of Annex I other than the EQF level, as its alignment. */
const annexI = (targetType: string, targetName: string, targetDescription: string, targetCode?: string) => ({
  type: ['Alignment'], targetName, targetDescription, targetUrl: ANNEX_I_URL, targetFramework: 'Council Recommendation 2022/C 243/02, Annex I', ...(targetCode && { targetCode }), targetType,
});

describe('an EU micro-credential in the signed credential', async () => {
  const site = await signedMicroCredentialSite((tree) => {
    const file = 'content/achievements/data-literacy.md';
    tree.set(file, tree.get(file)!.replace('microCredential:\n', 'creditsAvailable: 2\nmicroCredential:\n  qualityAssurance: Reviewed every year by the academic board.\n  qualityAssuranceUrl: https://example.org/decisions/qa-7\n  prerequisites: None.\n'));
  });
  const award = site.awards.find((signed) => signed.record.achievement === 'data-literacy')!;

  it('carries each element as an alignment with an ext: target type, and the workload as creditsAvailable', () => {
    const achievement = achievementOf(award.credential);
    expect(achievement['creditsAvailable']).toBe(2);
    expect(achievement['alignment']).toEqual([
      { type: ['Alignment'], targetName: 'Data literacy', targetUrl: 'https://example.org/skills/data-literacy' },
      { type: ['Alignment'], targetName: 'EQF level 5', targetUrl: 'http://data.europa.eu/snb/eqf/5', targetFramework: 'European Qualifications Framework', targetCode: '5', targetType: 'ext:EQFLevel' },
      annexI('ext:AssessmentType', 'Type of assessment', 'Written exam and a graded project.'),
      annexI('ext:FormOfParticipation', 'Form of participation', 'Blended: online and on site', 'blended'),
      // The decision's page, where the achievement gives one, as the educredentials and DC4EU examples link it.
      { ...annexI('ext:QualityAssurance', 'Quality assurance', 'Reviewed every year by the academic board.'), targetUrl: 'https://example.org/decisions/qa-7' },
      annexI('ext:Prerequisites', 'Prerequisites', 'None.'),
      annexI('ext:SupervisionAndIdentityVerification', 'Supervision and identity verification', 'Supervised, with identity verification', 'supervised-with-identity-verification'),
      annexI('ext:Stackability', 'Stackability', 'Stackable towards Certificate in Applied Data', 'stackable'),
    ]);
  });

  it('names them in French in the French edition of the Achievement', () => {
    const french = site.achievementEditions.get('data-literacy.fr')!;
    const names = (french['alignment'] as Json[]).map((alignment) => [alignment['targetName'], alignment['targetDescription']]);
    expect(names).toContainEqual(['Niveau 5 du CEC', undefined]);
    expect(names).toContainEqual(['Type d’évaluation', 'Examen écrit et projet noté.']);
    expect(names).toContainEqual(['Possibilités d’empilement', 'Peut être empilée pour obtenir «\u202FCertificat de données appliquées\u202F»']);
  });

  it('keeps the two contexts, is valid against the OB 3.0 JSON Schema, and verifies', async () => {
    expect(award.credential['@context']).toEqual([...CREDENTIAL_CONTEXTS]);
    expect(validateAchievementCredential(award.credential)).toEqual([]);
    // The issuer's files, as the site publishes them: its DID document and its status lists.
    const served = new Map<string, unknown>([['https://badges.example.org/.well-known/did.json', site.didDocument]]);
    for (const list of site.statusLists.values()) served.set(list['id'] as string, list);
    const fetchJson = async (url: string) => (served.has(url) ? { ok: true as const, json: served.get(url) } : { ok: false as const, reason: `${url} is not served` });
    const report = await verifyCredential(award.credential, { now: new Date('2026-06-01T00:00:00Z'), fetchJson, validateSchema: validateOpenBadgeSchema });
    // Every check passes but two this in-memory site cannot answer: no transparency log is built, and no email is given.
    expect(report.checks.filter((check) => check.state !== 'passed').map((check) => check.code)).toEqual(['log.unknown', 'recipient.no-email-given']);
    expect(report.checks.find((check) => check.id === 'proof')?.state).toBe('passed');
  });

  it('adds nothing to the credential of an achievement without the block', () => {
    const teamwork = site.awards.find((signed) => signed.record.achievement === 'teamwork')!;
    expect((achievementOf(teamwork.credential)['alignment'] as Json[]).map((alignment) => alignment['targetType'])).toEqual([undefined]);
  });
});
