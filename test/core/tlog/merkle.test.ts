/**
 * The log's Merkle tree (src/core/tlog/merkle.ts) against RFC 6962 vectors from
 * transparency-dev/merkle (test/fixtures/tlog/SOURCES.md), then as properties: for random trees,
 * every inclusion and consistency proof made verifies, and a changed, dropped, added or reordered
 * entry, or a proof changed in any way, does not.
 */
import { readFileSync } from 'node:fs';
import { base64, hex } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendLeaves, consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, merkleTree, nodeHash, rootHash, verifyConsistency, verifyInclusion, type Hash } from '../../../src/core/tlog/merkle.ts';

interface InclusionVector { leafIdx: number; treeSize: number; root: string | null; leafHash: string | null; proof: string[] | null; desc: string; wantErr: boolean; file: string }
interface ConsistencyVector { size1: number; size2: number; root1: string | null; root2: string | null; proof: string[] | null; desc: string; wantErr: boolean; file: string }
const vectors = JSON.parse(readFileSync(new URL('../../fixtures/tlog/transparency-dev-merkle.json', import.meta.url), 'utf8')) as { inclusion: InclusionVector[]; consistency: ConsistencyVector[] };
const bytes = (value: string | null) => (value === null ? new Uint8Array(0) : base64.decode(value));

/** testonly/constants.go: the eight standard leaves, and the roots of their first 0 to 8. */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((value) => hex.decode(value));
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 hashes and roots', () => {
  it('hashes leaves and nodes with the 0x00 and 0x01 prefixes (rfc6962_test.go)', () => {
    expect(hex.encode(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex.encode(leafHash(new Uint8Array(0)))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(hex.encode(leafHash(new TextEncoder().encode('L123456')))).toBe('395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
    expect(hex.encode(nodeHash(new TextEncoder().encode('N123'), new TextEncoder().encode('N456')))).toBe('aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb');
  });

  it('gives the roots of the standard trees of 0 to 8 leaves, built at once or leaf by leaf', () => {
    const tree = merkleTree(LEAVES.map(leafHash));
    expect(ROOTS.map((_, size) => hex.encode(rootHash(tree, size)))).toEqual(ROOTS);
    let grown = merkleTree([]);
    for (const [size, leaf] of LEAVES.entries()) {
      grown = appendLeaves(grown, [leafHash(leaf)]);
      expect(hex.encode(rootHash(grown)), `${size + 1} leaves`).toBe(ROOTS[size + 1]);
    }
  });
});

describe('the transparency-dev/merkle proof vectors', () => {
  const tree = merkleTree(LEAVES.map(leafHash));

  it(`verifies each of the ${vectors.inclusion.length} inclusion vectors as they expect, and makes the valid ones itself`, () => {
    for (const vector of vectors.inclusion) {
      const verified = verifyInclusion(vector.leafIdx, vector.treeSize, bytes(vector.leafHash), (vector.proof ?? []).map(bytes), bytes(vector.root));
      expect(verified, `${vector.file}: ${vector.desc}`).toBe(!vector.wantErr);
      if (!vector.wantErr && vector.treeSize <= LEAVES.length && vector.file.includes('/happy-path')) {
        expect(inclusionProof(tree, vector.leafIdx, vector.treeSize).map((hash) => base64.encode(hash)), vector.file).toEqual(vector.proof ?? []);
      }
    }
    expect(vectors.inclusion.filter((vector) => vector.wantErr).length).toBeGreaterThan(50);
  });

  it(`verifies each of the ${vectors.consistency.length} consistency vectors as they expect, and makes the valid ones itself`, () => {
    for (const vector of vectors.consistency) {
      const verified = verifyConsistency(vector.size1, vector.size2, (vector.proof ?? []).map(bytes), bytes(vector.root1), bytes(vector.root2));
      expect(verified, `${vector.file}: ${vector.desc}`).toBe(!vector.wantErr);
      if (!vector.wantErr && vector.size1 < vector.size2 && vector.size2 <= LEAVES.length) {
        expect(consistencyProof(tree, vector.size1, vector.size2).map((hash) => base64.encode(hash)), vector.file).toEqual(vector.proof ?? []);
      }
    }
    expect(vectors.consistency.filter((vector) => vector.wantErr).length).toBeGreaterThan(50);
  });
});

/** A naive MTH straight from RFC 6962 §2.1's definition, to check the levels against. */
function referenceRoot(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** Random entries, each ending in its own position, so that no two are alike. */
const entries = (max: number) => fc.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: max }).map((data) => data.map((entry, index) => Uint8Array.of(...entry, index & 0xff, index >> 8)));
const flipBit = (hash: Hash, bit: number) => {
  const copy = hash.slice();
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
};

describe('proofs of random trees', () => {
  it('has the root of the definition at every size, and appending gives the same tree as building', () => {
    fc.assert(fc.property(entries(300), fc.nat(), (data, cut) => {
      const leaves = data.map(leafHash);
      const at = cut % (leaves.length + 1);
      const built = merkleTree(leaves);
      const appended = appendLeaves(merkleTree(leaves.slice(0, at)), leaves.slice(at));
      for (const size of [at, leaves.length]) {
        expect(rootHash(built, size)).toEqual(referenceRoot(leaves.slice(0, size)));
        expect(rootHash(appended, size)).toEqual(referenceRoot(leaves.slice(0, size)));
      }
    }), { numRuns: 60 });
  });

  it('proves every entry of a tree, and no changed entry, index, size, root or proof', () => {
    fc.assert(fc.property(entries(600), fc.nat(), fc.nat(), fc.nat(), (data, pick, cut, bit) => {
      const leaves = data.map(leafHash);
      const tree = merkleTree(leaves);
      const size = 1 + (cut % leaves.length);
      const index = pick % size;
      const root = rootHash(tree, size);
      const proof = inclusionProof(tree, index, size);
      expect(verifyInclusion(index, size, leaves[index]!, proof, root)).toBe(true);
      // Another entry at this index; this entry at another index; another size; another root.
      expect(verifyInclusion(index, size, leafHash(Uint8Array.of(...data[index]!, 1)), proof, root)).toBe(false);
      if (size > 1) expect(verifyInclusion((index + 1) % size, size, leaves[index]!, proof, root)).toBe(false);
      // The proof against the next tree's root (a proof holds for the tree its root commits to).
      if (size < leaves.length) expect(verifyInclusion(index, size + 1, leaves[index]!, proof, rootHash(tree, size + 1))).toBe(false);
      expect(verifyInclusion(index, size, leaves[index]!, proof, flipBit(root, bit))).toBe(false);
      // Any hash of the proof changed, dropped, or one added.
      if (proof.length > 0) {
        const at = bit % proof.length;
        expect(verifyInclusion(index, size, leaves[index]!, proof.map((hash, position) => (position === at ? flipBit(hash, bit) : hash)), root)).toBe(false);
        expect(verifyInclusion(index, size, leaves[index]!, proof.filter((_, position) => position !== at), root)).toBe(false);
      }
      expect(verifyInclusion(index, size, leaves[index]!, [...proof, root], root)).toBe(false);
    }), { numRuns: 200 });
  });

  it('proves that a tree extends each of its earlier sizes, and that a changed, dropped or reordered entry breaks it', () => {
    fc.assert(fc.property(entries(600), fc.nat(), fc.nat(), fc.nat(), (data, first, second, bit) => {
      const leaves = data.map(leafHash);
      if (leaves.length < 2) return;
      const tree = merkleTree(leaves);
      const size2 = 2 + (second % (leaves.length - 1));
      const size1 = 1 + (first % (size2 - 1));
      const root1 = rootHash(tree, size1);
      const root2 = rootHash(tree, size2);
      const proof = consistencyProof(tree, size1, size2);
      expect(verifyConsistency(size1, size2, proof, root1, root2)).toBe(true);
      expect(verifyConsistency(size1, size2, proof, flipBit(root1, bit), root2)).toBe(false);
      expect(verifyConsistency(size1, size2, proof, root1, flipBit(root2, bit))).toBe(false);
      expect(verifyConsistency(size2, size1, proof, root2, root1)).toBe(false);

      // A log rewritten before size1: one entry changed, dropped, or two swapped, then grown back to size2.
      const at = bit % size1;
      const changed = [...data.slice(0, size2)];
      changed[at] = Uint8Array.of(...changed[at]!, 0xff);
      const dropped = [...data.slice(0, at), ...data.slice(at + 1, size2 + 1)];
      const swapped = [...data.slice(0, size2)];
      if (at + 1 < size2) [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
      for (const [what, rewritten] of [['changed', changed], ['dropped', dropped], ['reordered', swapped]] as const) {
        const differs = rewritten.slice(0, size1).some((entry, position) => hex.encode(entry) !== hex.encode(data[position]!));
        if (!differs || rewritten.length < size2) continue;
        const forged = merkleTree(rewritten.map(leafHash));
        const forgedProof = consistencyProof(forged, size1, size2);
        expect(verifyConsistency(size1, size2, forgedProof, root1, rootHash(forged, size2)), what).toBe(false);
      }
    }), { numRuns: 200 });
  });
});
