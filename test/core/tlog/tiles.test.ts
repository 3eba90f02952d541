/**
 * The log as C2SP tlog-tiles files (src/core/tlog/tiles.ts): the specification's examples of
 * paths and of which tiles a tree has, tiles whose hashes are the tree's, entry bundles read back,
 * and the partial tiles of earlier checkpoints kept until their full tile exists.
 */
import { describe, expect, it } from 'vitest';
import { leafHash, merkleTree, nodeHash, rootHash, subtreeHash } from '../../../src/core/tlog/merkle.ts';
import { entryBundlePath, entryBundles, readEntryBundle, readTile, tileIndexPath, tilePath, treeTiles } from '../../../src/core/tlog/tiles.ts';

const entry = (index: number) => new TextEncoder().encode(`entry ${index}`);
const treeOf = (size: number) => merkleTree(Array.from({ length: size }, (_, index) => leafHash(entry(index))));

describe('tile paths', () => {
  it('encodes indices and widths as §Merkle Tree says', () => {
    expect(tileIndexPath(1234067)).toBe('x001/x234/067');
    expect(tileIndexPath(0)).toBe('000');
    expect(tileIndexPath(999)).toBe('999');
    expect(tileIndexPath(1000)).toBe('x001/000');
    expect(tilePath(0, 1234067)).toBe('tile/0/x001/x234/067');
    expect(tilePath(2, 5, 17)).toBe('tile/2/005.p/17');
    expect(entryBundlePath(273, 112)).toBe('tile/entries/273.p/112');
    expect(() => tilePath(64, 0)).toThrow(RangeError);
    expect(() => tilePath(0, 0, 0)).toThrow(RangeError);
  });
});

describe('the tiles of a tree', () => {
  it('are those of the specification\'s example of 70,000 entries, and of 256', () => {
    const paths = treeTiles(treeOf(70000)).map((file) => file.path);
    expect(paths.filter((path) => /^tile\/0\/[x\d/]+$/.test(path))).toHaveLength(273);
    expect(paths.filter((path) => path.includes('.p/'))).toEqual(['tile/0/273.p/112', 'tile/1/001.p/17', 'tile/2/000.p/1']);
    expect(paths.filter((path) => path.startsWith('tile/1/') && !path.includes('.p/'))).toEqual(['tile/1/000']);
    expect(paths).toHaveLength(273 + 1 + 1 + 1 + 1);
    expect(treeTiles(treeOf(256)).map((file) => file.path)).toEqual(['tile/0/000', 'tile/1/000.p/1']);
  });

  it('hold the tree\'s hashes: level 0 its leaves, level 1 the hashes of full level-0 tiles', () => {
    const tree = treeOf(600);
    const files = new Map(treeTiles(tree).map((file) => [file.path, file.bytes]));
    const level0 = readTile(files.get('tile/0/001')!)!;
    expect(level0).toHaveLength(256);
    expect(level0[5]).toEqual(leafHash(entry(256 + 5)));
    const partial = readTile(files.get('tile/0/002.p/88')!)!;
    expect(partial).toHaveLength(88);
    const level1 = readTile(files.get('tile/1/000.p/2')!)!;
    expect(level1).toEqual([subtreeHash(tree, 0, 256), subtreeHash(tree, 256, 512)]);
    // The root from the tiles alone: the two full subtrees, then the partial tile's 88 leaves.
    const rest = rootHash(merkleTree(partial));
    expect(rootHash(tree)).toEqual(nodeHash(nodeHash(level1[0]!, level1[1]!), rest));
  });

  it('keeps the partial tiles of earlier checkpoints until the full tile replaces them', () => {
    const paths = treeTiles(treeOf(300), [10, 40, 280]).map((file) => file.path).filter((path) => path.includes('.p/'));
    // 10 and 40 were in tile 0, full now; 280 is in tile 1, still partial (24 and 44 wide).
    expect(paths.sort()).toEqual(['tile/0/001.p/24', 'tile/0/001.p/44', 'tile/1/000.p/1']);
    expect(() => treeTiles(treeOf(10), [20])).toThrow(RangeError);
  });
});

describe('entry bundles', () => {
  it('are length-prefixed entries, 256 to a bundle, read back unchanged', () => {
    const entries = Array.from({ length: 300 }, (_, index) => entry(index));
    const bundles = entryBundles(entries, [100]);
    expect(bundles.map((file) => file.path)).toEqual(['tile/entries/000', 'tile/entries/001.p/44']);
    expect(bundles[0]!.bytes.subarray(0, 9)).toEqual(Uint8Array.of(0, 7, ...new TextEncoder().encode('entry 0')));
    expect(bundles.flatMap((file) => readEntryBundle(file.bytes)!)).toEqual(entries);
    expect(readEntryBundle(Uint8Array.of(0, 5, 1, 2))).toBeUndefined();
    expect(readTile(new Uint8Array(33))).toBeUndefined();
    expect(() => entryBundles([new Uint8Array(70000)])).toThrow(RangeError);
  });
});
