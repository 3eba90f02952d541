/**
 * The trust list: both formats read (the DCC issuer registry and the simple list), hostile lists
 * refused with a reason, and an issuer looked up only when the credential is proven to be its.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TRUST_LIST_ENTRIES } from '../../../src/core/limits.ts';
import { describeTrustedIssuer, lookUpIssuer, parseTrustList, readTrustList } from '../../../src/core/verify/trust-list.ts';

const DID = 'did:web:badges.example.org:academy';
const passed = [{ id: 'issuer-key', state: 'passed' }, { id: 'proof', state: 'passed' }] as const;
const credential = { issuer: { id: DID, name: 'Anyone can write this' } };

function listOf(json: unknown) {
  const read = readTrustList(json, 'trusted.json');
  if (!read.ok) throw new Error(read.reason);
  return read.list;
}

describe('trust lists', () => {
  it('reads a DCC issuer registry and finds the issuer by its id', () => {
    const registry = { meta: { created: '2024-01-01T00:00:00Z' }, entries: { [DID]: { name: 'Example Academy', location: 'Utrecht', url: 'https://badges.example.org/' } } };
    const trusted = lookUpIssuer(listOf(registry), credential, passed);
    expect(trusted).toEqual({ listed: true, name: 'Example Academy', list: 'trusted.json' });
    expect(describeTrustedIssuer(trusted)).toBe('Trusted issuer: listed as Example Academy in trusted.json');
  });

  it('reads a simple named list, first entry winning', () => {
    const list = listOf({ name: 'Consortium members', issuers: [{ id: DID, name: 'Example Academy' }, { id: DID, name: 'Impostor' }, { id: 'did:key:z6Mk' }] });
    expect(list.label).toBe('Consortium members');
    expect(lookUpIssuer(list, credential, passed)).toEqual({ listed: true, name: 'Example Academy', list: 'Consortium members' });
    expect(lookUpIssuer(list, { issuer: 'did:key:z6Mk' }, passed)).toEqual({ listed: true, list: 'Consortium members' });
    const other = lookUpIssuer(list, { issuer: 'did:web:elsewhere.example' }, passed);
    expect(other).toEqual({ listed: false, list: 'Consortium members' });
    expect(describeTrustedIssuer(other)).toBe('Trusted issuer: not on Consortium members');
  });

  it('does not look up an issuer the signature has not proven', () => {
    const list = listOf({ issuers: [{ id: DID, name: 'Example Academy' }] });
    const forged = lookUpIssuer(list, credential, [{ id: 'issuer-key', state: 'failed' }, { id: 'proof', state: 'skipped' }]);
    expect(forged).toEqual({ listed: false, list: 'trusted.json', unproven: true });
  });

  it('refuses lists it cannot read, saying why', () => {
    const reason = (text: string) => {
      const read = parseTrustList(text, 'x.json');
      return read.ok ? 'read' : read.reason;
    };
    expect(reason('[1, 2')).toMatch(/not readable JSON/);
    expect(reason('[]')).toBe('it is not a JSON object');
    expect(reason('{"dids": []}')).toMatch(/neither "entries"/);
    expect(reason('{"issuers": [{"name": "no id"}]}')).toBe('issuers[0] must be an object with an "id"');
    expect(reason(JSON.stringify({ entries: { [DID]: { name: 'x'.repeat(201) } } }))).toMatch(/name must be text of at most 200/);
    const many = { issuers: Array.from({ length: MAX_TRUST_LIST_ENTRIES + 1 }, (_, index) => ({ id: `did:key:${index}` })) };
    expect(reason(JSON.stringify(many))).toMatch(`more than ${MAX_TRUST_LIST_ENTRIES} issuers`);
    expect(reason('['.repeat(100) + ']'.repeat(100))).toMatch(/too-deep/);
  });
});
