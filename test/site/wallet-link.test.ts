/**
 * The wallet deep link (src/site/wallet-link.ts): read back as the Learner Credential Wallet reads
 * it (test/helpers/wallet-link.ts), it is an offer of a presentation that holds exactly the
 * credential it was made from, whatever characters the credential's text holds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LCW_DEEP_LINK, walletDeepLink, walletOffer } from '../../src/site/wallet-link.ts';
import { readWalletLink } from '../helpers/wallet-link.ts';

// A signed OB 3.0 credential: 1EdTech's eddsa-rdfc-2022 test vector (its _source says where from).
const vector = JSON.parse(readFileSync(new URL('../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json', import.meta.url), 'utf8')) as { expectedSigned: Record<string, unknown> };
const signed = vector.expectedSigned;
const ORIGIN = 'https://credentials.harbourside.example';

describe('walletDeepLink', () => {
  it('opens the wallet with one parameter, an offer of a presentation holding exactly the credential', () => {
    const read = readWalletLink(walletDeepLink(signed, ORIGIN));
    expect(read.target).toBe(LCW_DEEP_LINK);
    expect(read.parameters).toEqual(['request']);
    expect(read.message).toEqual({
      credentialRequestOrigin: ORIGIN,
      verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [signed] },
    });
    expect(read.message).toEqual(walletOffer(signed, ORIGIN));
  });

  it('gives back text that a query or a second decoding would change: %, +, &, #, spaces and non-Latin letters', () => {
    const tricky = { ...signed, name: 'Thảo Nguyễn: 100% attendance + A&B #1 %41 %E0%A4%A', description: 'a=b?c;d/e:f@g$h,i' };
    const link = walletDeepLink(tricky, ORIGIN);
    // One query parameter and no fragment: the link means the same to every URL parser.
    expect(link).not.toMatch(/[#+ ]|&.*=/);
    const offered = readWalletLink(link).message as { verifiablePresentation: { verifiableCredential: unknown[] } };
    expect(offered.verifiablePresentation.verifiableCredential).toEqual([tricky]);
  });
});
