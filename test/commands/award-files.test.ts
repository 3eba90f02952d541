/**
 * The pure side of the award commands (src/commands/award-files.ts, and the edits of status.ts and
 * forget.ts): ids, salted hashes, random status indices with an injected random source, the YAML
 * emitter, and the in-place edits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  batchAwardYaml, findAward, hashEmail, newAwardEntry, newSalt, normalizeAwardId,
  pickStatusIndex, renderYaml, singleAwardPath, singleAwardYaml, slugify, type RandomSource,
} from '../../src/commands/award-files.ts';
import { eraseAward } from '../../src/commands/forget.ts';
import { changeStatus } from '../../src/commands/status.ts';
import { matchesIdentityHash } from '../../src/core/identity-hash.ts';
import { LaurelError } from '../../src/core/error.ts';

/** A reproducible random source: bytes from a seeded mulberry32, ids numbered. */
function counterRandom(seed = 1): RandomSource {
  let state = seed >>> 0;
  let ids = 0;
  const byte = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return {
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    bytes: (length) => Uint8Array.from({ length }, byte),
  };
}

describe('new award records', () => {
  it('hashes the normalised email with a fresh 16-character base64url salt', () => {
    const random = counterRandom();
    const identity = hashEmail('  Ada@Example.ORG ', random);
    expect(identity.type).toBe('emailAddress');
    expect(identity.salt).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(matchesIdentityHash('ada@example.org', identity.salt, identity.hash)).toBe(true);
    expect(newSalt(random)).not.toBe(identity.salt);
  });

  it('picks status indices in [0, 131072) that no award uses', () => {
    const used = new Set([0, 1, 2]);
    const random = counterRandom();
    const picked = Array.from({ length: 2000 }, () => pickStatusIndex(used, random));
    expect(new Set(picked).size).toBe(picked.length);
    for (const index of picked) expect(index >= 0 && index < 131_072 && ![0, 1, 2].includes(index)).toBe(true);
    expect(used.size).toBe(2003);
  });

  it('draws again when the random index is taken', () => {
    const fixed = [[0, 0, 5], [0, 0, 5], [0, 0, 9]];
    const random: RandomSource = { uuid: () => 'x', bytes: () => Uint8Array.from(fixed.shift()!) };
    const used = new Set<number>();
    expect(pickStatusIndex(used, random)).toBe(5);
    expect(pickStatusIndex(used, random)).toBe(9);
  });

  it('writes a single-award file that parses back to the record, without the email', () => {
    const entry = newAwardEntry({ name: 'No', email: 'ada@example.org', awardedOn: '2026-03-14', evidenceUrl: 'https://example.org/a?b=1', narrative: 'Line one.\nLine: two # not a comment', listed: false }, new Set(), counterRandom());
    const text = singleAwardYaml('accessible-interfaces', entry);
    expect(text).not.toContain('ada@example.org');
    expect(text.split('\n').slice(0, 3)).toEqual(['id: 00000000-0000-4000-8000-000000000001', 'achievement: accessible-interfaces', `statusIndex: ${entry.statusIndex}`]);
    expect(text).toContain('name: "No"');
    expect(parse(text)).toEqual({ id: entry.id, achievement: 'accessible-interfaces', statusIndex: entry.statusIndex, recipient: entry['recipient'], awardedOn: '2026-03-14', evidence: [{ url: 'https://example.org/a?b=1' }], narrative: 'Line one.\nLine: two # not a comment', listed: false });
  });

  it('names the file after the achievement, the learner and the short id', () => {
    expect(singleAwardPath('accessible-interfaces', "Zoë O'Brien-Ångström", '3f2a9c1e-0000-4000-8000-000000000000', '2026-03-14')).toBe('content/awards/2026/accessible-interfaces-zoe-o-brien-angstrom-3f2a9c1e.yaml');
    expect(slugify('李小龍')).toBe('');
    expect(singleAwardPath('x', '李小龍', 'abcdef12-0000', '2025-01-01')).toBe('content/awards/2025/x-learner-abcdef12.yaml');
  });

  it('emits YAML that always parses back to the same values', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('true', 'No', '1e3', '0x1F', '~', 'null', '.inf', '- a', 'a: b', 'a #b', 'https://x.org/a:', '"q"', "'q'", ' pad ', '@x', '`x`', '%x', '!x', '&x', '*x', '|', '>', '? x', '\u0085', '\ufeff', '\u2028'));
    const leaf = fc.oneof(text, fc.integer(), fc.boolean());
    const record = fc.dictionary(fc.constantFrom('id', 'name', 'salt', 'url', 'narrative', 'value'), fc.oneof(leaf, fc.array(fc.dictionary(fc.constantFrom('url', 'value', 'name'), leaf), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'salt'), leaf)));
    fc.assert(fc.property(record, (value) => {
      expect(parse(renderYaml(value))).toEqual(Object.keys(value).length ? value : null);
    }), { numRuns: 500 });
  });

  it('writes a batch with the shared date once and the awards in order', () => {
    const random = counterRandom();
    const used = new Set<number>();
    const entries = ['Ada', 'Grace'].map((name) => newAwardEntry({ name, email: `${name}@example.org`, results: [{ resultDescription: 'score', value: '92' }] }, used, random));
    const value = parse(batchAwardYaml('x', '2026-03-14', entries, ' Imported from roster.csv.'));
    expect(value.awardedOn).toBe('2026-03-14');
    expect(value.awards.map((award: { recipient: { name: string } }) => award.recipient.name)).toEqual(['Ada', 'Grace']);
    expect(value.awards[0].results).toEqual([{ resultDescription: 'score', value: '92' }]);
  });
});

const BATCH = `# Spring cohort.
achievement: accessible-interfaces
awardedOn: 2026-03-14
awards:
  # First learner.
  - id: aaaaaaaa-0000-4000-8000-000000000001
    statusIndex: 10
    recipient:
      name: "Ada Lovelace"
      identity: { type: emailAddress, hash: "sha256$${'a'.repeat(64)}", salt: "saltsaltsalt1234" }
    narrative: Built a screen-reader test plan. # kept
  - id: aaaaaaaa-0000-4000-8000-000000000002
    statusIndex: 20
    recipient:
      name: "Grace Hopper"
      identity: { type: emailAddress, hash: "sha256$${'b'.repeat(64)}", salt: "saltsaltsalt5678" }
`;
const files = [{ path: 'content/awards/2026/batch.yaml', text: BATCH }];

describe('editing awards in place', () => {
  it('finds an award in a batch by id or by credential URL', () => {
    const found = findAward(files, normalizeAwardId('https://badges.example/credentials/aaaaaaaa-0000-4000-8000-000000000002/'));
    expect(found).toMatchObject({ path: ['awards', 1], line: 12, achievement: 'accessible-interfaces', erased: false });
    expect(findAward(files, 'aaaaaaaa-0000-4000-8000-000000000003')).toBeUndefined();
  });

  it('revokes the right entry and keeps every comment and line as it was', () => {
    const { text } = changeStatus(findAward(files, 'aaaaaaaa-0000-4000-8000-000000000002')!, 'revoke', { on: '2026-04-01', reason: 'Awarded in error: wrong cohort.' });
    expect(text).toBe(`${BATCH}    revoked:\n      on: 2026-04-01\n      reason: "Awarded in error: wrong cohort."\n`);
  });

  it('suspends, refuses to suspend twice, and reinstates', () => {
    const suspended = changeStatus(findAward(files, 'aaaaaaaa-0000-4000-8000-000000000001')!, 'suspend', { on: '2026-04-01', reason: 'Under review' }).text;
    const again = [{ path: files[0]!.path, text: suspended }];
    expect(() => changeStatus(findAward(again, 'aaaaaaaa-0000-4000-8000-000000000001')!, 'suspend', { on: '2026-04-02', reason: 'x' })).toThrow(LaurelError);
    expect(changeStatus(findAward(again, 'aaaaaaaa-0000-4000-8000-000000000001')!, 'reinstate').text).toBe(BATCH);
  });

  it('never undoes a revocation', () => {
    const revoked = [{ path: files[0]!.path, text: changeStatus(findAward(files, 'aaaaaaaa-0000-4000-8000-000000000001')!, 'revoke', { on: '2026-04-01', reason: 'Fraud' }).text }];
    const attempt = (action: 'revoke' | 'suspend' | 'reinstate') => {
      try {
        changeStatus(findAward(revoked, 'aaaaaaaa-0000-4000-8000-000000000001')!, action, { on: '2026-04-02', reason: 'x' });
      } catch (error) {
        return (error as LaurelError).code;
      }
      return 'done';
    };
    expect([attempt('revoke'), attempt('suspend'), attempt('reinstate')]).toEqual(['already-revoked', 'revoked', 'not-suspended']);
  });

  it('erases an entry of a batch down to its tombstone', () => {
    const text = eraseAward(findAward(files, 'aaaaaaaa-0000-4000-8000-000000000001')!, '2026-05-01');
    expect(text).not.toMatch(/Ada|Lovelace|saltsaltsalt1234|a{64}|screen-reader|First learner/);
    expect(parse(text).awards[0]).toEqual({ id: 'aaaaaaaa-0000-4000-8000-000000000001', statusIndex: 10, erased: { on: '2026-05-01' } });
    expect(text).toContain('# Spring cohort.');
    expect(text).toContain('Grace Hopper');
  });

  it('rewrites a single-award file as a tombstone with its achievement', () => {
    const single = [{ path: 'content/awards/2026/x.yaml', text: `# Note about Ada.\n${singleAwardYaml('accessible-interfaces', newAwardEntry({ name: 'Ada', email: 'a@b.co', awardedOn: '2026-01-01' }, new Set(), counterRandom()))}` }];
    const location = findAward(single, '00000000-0000-4000-8000-000000000001')!;
    expect(eraseAward(location, '2026-02-01')).toBe(`id: 00000000-0000-4000-8000-000000000001\nachievement: accessible-interfaces\nstatusIndex: ${String(location.data['statusIndex'])}\nerased:\n  on: 2026-02-01\n`);
  });
});
