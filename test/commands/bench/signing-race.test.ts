/**
 * The signing race (src/commands/bench/signing-race.ts) on the 1EdTech OB 3.0 test vector's
 * credential and key: both implementations sign it alike and verify it, the figures are what was
 * measured, and a race that cannot be run fairly stops with an error instead of a figure.
 */
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describeSigningRace, signingRace } from '../../../src/commands/bench/signing-race.ts';
import type { JsonObject } from '../../../src/core/json.ts';
import vector from '../../fixtures/vectors/ob3-eddsa-rdfc-2022-vector.json' with { type: 'json' };

const credential = vector.unsigned as unknown as JsonObject;
const key = { secretKey: hexToBytes(vector.secretKeySeedHex), controller: vector.controller };

describe('signingRace', () => {
  it('signs and verifies each credential with both, and reports per-credential times and their ratios', async () => {
    const other = { ...credential, id: 'http://example.com/credentials/3528', name: 'Another badge' };
    const result = await signingRace({ credentials: [credential, other], key, rounds: 2, created: vector.proofOptions.created });
    expect(result.operations).toBe(4);
    for (const times of [result.laurel, result.digitalBazaar]) {
      for (const ms of Object.values(times)) expect(ms).toBeGreaterThan(0);
    }
    expect(result.ratio.sign).toBeCloseTo(result.digitalBazaar.signMs / result.laurel.signMs, 10);
    expect(result.ratio.verify).toBeCloseTo(result.digitalBazaar.verifyMs / result.laurel.verifyMs, 10);
    expect(result.cpuRatio.verify).toBeCloseTo(result.digitalBazaar.verifyCpuMs / result.laurel.verifyCpuMs, 10);
    const lines = describeSigningRace(result);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`Laurel ${result.laurel.signMs.toFixed(2)} ms, Digital Bazaar ${result.digitalBazaar.signMs.toFixed(2)} ms`);
    expect(lines[2]).toContain(`${result.ratio.verify.toFixed(2)}× faster`);
  });

  it('sets aside a proof the credential already carries', async () => {
    const signed = vector.expectedSigned as unknown as JsonObject;
    expect((await signingRace({ credentials: [signed], key, rounds: 1 })).operations).toBe(1);
  });

  it('stops when a credential cannot be signed, or the key is not the issuer’s', async () => {
    await expect(signingRace({ credentials: [{ ...credential, favouriteColour: 'blue' }], key, rounds: 1 })).rejects.toThrow(/Laurel could not sign/);
    await expect(signingRace({ credentials: [credential], key: { ...key, controller: 'https://example.org/someone-else' }, rounds: 1 })).rejects.toThrow(/Digital Bazaar did not verify/);
    await expect(signingRace({ credentials: [credential], key, rounds: 0 })).rejects.toThrow(RangeError);
  });
});
