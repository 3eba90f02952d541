/**
 * Why an issuer's key could not be found, said in the reader's language (src/core/key-problems.ts):
 * the English sentences are the ones the command line always printed; the French verifier says
 * every problem in French, the problems it quotes included, and a real failed key lookup reads in
 * French end to end.
 */
import { describe, expect, it } from 'vitest';
import { englishKeyProblems, keyFailure, sayKeyProblem, type KeyProblemCode } from '../../src/core/key-problems.ts';
import { frenchKeyProblems } from '../../src/core/verify/key-problems-fr.ts';
import { checkIssuerKey } from '../../src/core/verify/issuer-key.ts';
import { describeCheck, english } from '../../src/core/verify/messages.ts';
import { french } from '../../src/core/verify/messages-fr.ts';
import { resolveVerificationMethod } from '../../src/core/verification-method.ts';

const DID = 'did:web:badges.univ-exemple.fr';
const URL = 'https://badges.univ-exemple.fr/.well-known/did.json';
const KEY = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

/** Values for all a problem may quote; an inner problem is added for those that quote one. */
const VALUES: Record<string, string> = { did: DID, host: '0x7f.1', vmId: `${DID}#${KEY}`, said: '"https://elsewhere.example/"', url: URL, type: '"JsonWebKey"', controller: '"did:web:other.example"', reason: '⟨fetch reason⟩', on: '2026-05-01T00:00:00Z', added: '2026-01-01T00:00:00Z', removed: '2026-05-01T00:00:00Z' };

/** Words only English sentences of this catalog use. */
const ENGLISH = /\b(is not|does not|could not|cannot|the key|the issuer|listed|contains|has no|must|only)\b/i;

describe('a key problem', () => {
  it('is said in English as the verifier always said it', () => {
    expect(keyFailure('no-method', { vmId: `${DID}#${KEY}` }).reason).toBe(`The key document has no verification method with the id ${DID}#${KEY} (ids must be absolute).`);
    expect(keyFailure('in-did-document', { inner: keyFailure('not-assertion-method', { vmId: `${DID}#k` }).problem, url: URL, added: 'A', removed: 'B' }).reason).toBe(
      `The key ${DID}#k is not listed under assertionMethod, so it may not sign credentials. (in ${URL}) The issuer's DID history listed it from A until B.`,
    );
  });

  it('is said in French for every code, with every value, and no English word of the catalog', () => {
    for (const code of Object.keys(englishKeyProblems) as KeyProblemCode[]) {
      const inner = keyFailure('method-type', { type: '"JsonWebKey"' }).problem;
      const problem = keyFailure(code, { ...VALUES, inner }).problem;
      const words = sayKeyProblem(problem, frenchKeyProblems);
      expect(words, code).not.toMatch(ENGLISH);
      expect(words, code).not.toBe(sayKeyProblem(problem, englishKeyProblems));
      // What the English sentence quotes, the French one quotes too.
      for (const value of Object.values(problem.params)) if (typeof value === 'string' && sayKeyProblem(problem, englishKeyProblems).includes(value)) expect(words, `${code}: ${value}`).toContain(value);
    }
  });

  it('reads in French on a French verifier, end to end, and in English on the command line', async () => {
    // The DID document lists another key than the one the proof names.
    const document = { '@context': ['https://www.w3.org/ns/did/v1'], id: DID, verificationMethod: [], assertionMethod: [] };
    const fetchJson = async (url: string) => (url === URL ? { ok: true as const, json: document } : { ok: false as const, reason: 'not found' });
    const resolved = await resolveVerificationMethod(`${DID}#${KEY}`, fetchJson);
    expect(resolved.ok).toBe(false);
    const { check } = await checkIssuerKey({ issuer: DID }, { ok: true, proof: { verificationMethod: `${DID}#${KEY}` } } as never, fetchJson, new Date('2026-06-01T00:00:00Z'), true);
    const inFrench = describeCheck(check, french).summary;
    expect(inFrench).toContain('ne contient aucune méthode de vérification d’identifiant');
    expect(inFrench).toContain(`(dans ${URL})`);
    expect(inFrench).not.toMatch(ENGLISH);
    expect(describeCheck(check, english).summary).toContain(`The key document has no verification method with the id ${DID}#${KEY} (ids must be absolute). (in ${URL})`);
  });
});
