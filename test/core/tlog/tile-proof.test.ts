/**
 * Inclusion proofs from tiles (src/core/tlog/tile-proof.ts), as a client holding only a checkpoint
 * computes them: for every leaf of trees of random sizes, across one, two and three tile levels,
 * the proof read from the published tiles is the tree's own RFC 6962 proof (src/core/tlog/merkle.ts,
 * tested against the transparency-dev vectors) and verifies; a full tile read in place of a
 * partial one gives the same proof; a missing or changed tile never proves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inclusionProof, leafHash, merkleTree, rootHash, verifyInclusion } from '../../../src/core/tlog/merkle.ts';
import { entryBundleFor, inclusionProofFromTiles, readTiles, tilesForInclusion, type TileRef } from '../../../src/core/tlog/tile-proof.ts';
import { entryBundles, readEntryBundle, readTile, treeTiles } from '../../../src/core/tlog/tiles.ts';

const entry = (index: number) => new TextEncoder().encode(`entry ${index}`);
const treeOf = (size: number) => merkleTree(Array.from({ length: size }, (_, index) => leafHash(entry(index))));

/** A tree of 70,000 leaves has tiles on three levels (the C2SP example), built once. */
const BIG = treeOf(70_000);
const bigFiles = new Map(treeTiles(BIG).map((file) => [file.path, file.bytes]));

function proofFrom(files: ReadonlyMap<string, Uint8Array>, index: number, size: number, read: (ref: TileRef) => Uint8Array | undefined = (ref) => files.get(ref.path)) {
  const tiles = tilesForInclusion(index, size).map((ref) => ({ ref, hashes: readTile(read(ref) ?? new Uint8Array())?.slice(0, ref.width) ?? [] }));
  return inclusionProofFromTiles(index, size, readTiles(tiles));
}

describe('an inclusion proof read from tiles', () => {
  it('is the tree\'s own proof, and verifies, for any leaf of any size up to 70,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70_000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (size, picks) => {
        // The big tree's first `size` leaves, published at that size.
        const tree = merkleTree(BIG.levels[0]!.slice(0, size));
        const files = new Map(treeTiles(tree).map((file) => [file.path, file.bytes]));
        for (const pick of picks) {
          const index = pick % size;
          const proof = proofFrom(files, index, size);
          expect(proof).toEqual(inclusionProof(tree, index));
          expect(verifyInclusion(index, size, leafHash(entry(index)), proof!, rootHash(BIG, size))).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reads only the tiles on the leaf\'s path and on the tree\'s right edge', () => {
    // Leaf 12,345 of 70,000: its own level-0 tile; the level-1 tile of the first 65,536 leaves; for
    // the 4,464 leaves after them, the partial level-1 tile (4,096 + 256) and the partial level-0 tile (112).
    const refs = tilesForInclusion(12_345, 70_000).map((ref) => ref.path).sort();
    expect(refs).toEqual(['tile/0/048', 'tile/0/273.p/112', 'tile/1/000', 'tile/1/001.p/17']);
    for (const path of refs) expect(bigFiles.has(path)).toBe(true);
  });

  it('is the same from the full tile once a partial one is gone (§Partial Tiles)', () => {
    const earlier = 600;
    // The log grew from 600 to 70,000 entries: the partial tiles of 600 are gone.
    const proof = proofFrom(bigFiles, 599, earlier, (ref) => bigFiles.get(ref.path) ?? bigFiles.get(ref.fullPath));
    expect(proof).toEqual(inclusionProof(BIG, 599, earlier));
    expect(verifyInclusion(599, earlier, leafHash(entry(599)), proof!, rootHash(BIG, earlier))).toBe(true);
  });

  it('is not given without its tiles, and does not verify with a changed one', () => {
    expect(proofFrom(bigFiles, 12_345, 70_000, () => undefined)).toBeUndefined();
    // Leaf 12,288, the first hash of leaf 12,345's own tile, is in the sibling subtree of height 5.
    const changed = proofFrom(bigFiles, 12_345, 70_000, (ref) => {
      const bytes = bigFiles.get(ref.path)!;
      return ref.path === 'tile/0/048' ? bytes.map((byte, index) => (index === 0 ? byte ^ 1 : byte)) : bytes;
    });
    expect(changed).not.toEqual(inclusionProof(BIG, 12_345));
    expect(verifyInclusion(12_345, 70_000, leafHash(entry(12_345)), changed!, rootHash(BIG))).toBe(false);
    const every = tilesForInclusion(300, 70_000).map((ref) => ref.path);
    for (const path of every) {
      const without = proofFrom(bigFiles, 300, 70_000, (ref) => (ref.path === path ? undefined : bigFiles.get(ref.path)));
      expect(without).toBeUndefined();
    }
  });
});

describe('the entry bundle of an entry', () => {
  it('is the bundle that holds it at the log\'s size, at its position', () => {
    const entries = Array.from({ length: 600 }, (_, index) => entry(index));
    const files = new Map(entryBundles(entries).map((file) => [file.path, file.bytes]));
    for (const index of [0, 255, 256, 511, 512, 599]) {
      const { path, position } = entryBundleFor(index, 600);
      expect(readEntryBundle(files.get(path)!)![position]).toEqual(entry(index));
    }
    expect(entryBundleFor(513, 600)).toEqual({ path: 'tile/entries/002.p/88', fullPath: 'tile/entries/002', position: 1 });
    expect(entryBundleFor(3, 256)).toEqual({ path: 'tile/entries/000', fullPath: 'tile/entries/000', position: 3 });
  });
});
