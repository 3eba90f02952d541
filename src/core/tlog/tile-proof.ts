/**
 * Inclusion proofs read from a log's tiles (c2sp.org/tlog-tiles), as a client that holds only a
 * checkpoint does: which tiles the proof of one entry needs, and the proof computed from them. The
 * tiles are not trusted: the proof is checked against the checkpoint's root afterwards
 * (./merkle.ts verifyInclusion), so a wrong tile only makes it fail. Pure: the caller fetches.
 */
import { auditPath, nodeHash, type Hash, type NodeHashes } from './merkle.ts';
import { TILE_WIDTH, entryBundlePath, tilePath } from './tiles.ts';

const TILE_HEIGHT = 8;

/** One tile a proof reads: level `level` tile `index`, `width` hashes wide at the tree's size. */
export interface TileRef {
  readonly level: number;
  readonly index: number;
  readonly width: number;
  /** Its path at this width (`.p/<W>` when partial), under the log's prefix. */
  readonly path: string;
  /** The full tile's path, which a client may read instead once it exists (§Partial Tiles). */
  readonly fullPath: string;
}

const tileKey = (level: number, index: number) => `${level}/${index}`;

/**
 * §Merkle Tree: the hashes of tree level 8·level, numbers 256·index onwards, that a tree of
 * `size` leaves has: floor(size / 256^level) hashes at that level, 256 to a tile. A tile of a
 * larger tree at the same place starts with the same hashes, so it serves a smaller tree too.
 */
export function tileRef(level: number, index: number, size: number): TileRef {
  const count = Math.floor(size / TILE_WIDTH ** level);
  const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
  return { level, index, width, path: tilePath(level, index, width), fullPath: tilePath(level, index) };
}

/**
 * Where the hash of the complete subtree of height `height`, number `index`, comes from: tree
 * level 8·floor(height/8) holds its 2^(height mod 8) leftmost descendants, side by side in one
 * tile (a subtree of height below 8 never straddles two).
 */
function locate(height: number, index: number): { level: number; tile: number; from: number; count: number } {
  const level = Math.floor(height / TILE_HEIGHT);
  const count = 2 ** (height % TILE_HEIGHT);
  const first = index * count;
  return { level, tile: Math.floor(first / TILE_WIDTH), from: first % TILE_WIDTH, count };
}

/** The tiles the inclusion proof of entry `index` in a tree of `size` reads, each once. */
export function tilesForInclusion(index: number, size: number): TileRef[] {
  const tiles = new Map<string, TileRef>();
  const placeholder = new Uint8Array(32);
  auditPath((height, node) => {
    const { level, tile } = locate(height, node);
    tiles.set(tileKey(level, tile), tileRef(level, tile, size));
    return placeholder;
  }, index, size);
  return [...tiles.values()];
}

/** The tile hashes a client read, by level and index. */
export type ReadTiles = ReadonlyMap<string, readonly Hash[]>;

export function readTiles(tiles: ReadonlyArray<{ readonly ref: TileRef; readonly hashes: readonly Hash[] }>): ReadTiles {
  return new Map(tiles.map(({ ref, hashes }) => [tileKey(ref.level, ref.index), hashes]));
}

/** The subtree hashes a set of tiles gives; undefined where a tile is missing or too short. */
function hashesFromTiles(tiles: ReadTiles): NodeHashes {
  return (height, node) => {
    const { level, tile, from, count } = locate(height, node);
    const hashes = tiles.get(tileKey(level, tile));
    if (!hashes || hashes.length < from + count) return undefined;
    // RFC 6962 §2.1: a complete subtree's hash, folded up from its leftmost descendants pairwise.
    let layer = hashes.slice(from, from + count);
    while (layer.length > 1) layer = Array.from({ length: layer.length / 2 }, (_, i) => nodeHash(layer[2 * i]!, layer[2 * i + 1]!));
    return layer[0];
  };
}

/** RFC 6962 §2.1.1 PATH(index, D[0:size]) from the tiles of tilesForInclusion; undefined when a tile is missing. */
export function inclusionProofFromTiles(index: number, size: number, tiles: ReadTiles): Hash[] | undefined {
  try {
    return auditPath(hashesFromTiles(tiles), index, size);
  } catch {
    return undefined;
  }
}

/** §Log entries: the bundle that holds entry `index` in a log of `size` entries, and its position in it. */
export function entryBundleFor(index: number, size: number): { path: string; fullPath: string; position: number } {
  const bundle = Math.floor(index / TILE_WIDTH);
  const width = Math.min(TILE_WIDTH, size - bundle * TILE_WIDTH);
  return { path: entryBundlePath(bundle, width), fullPath: entryBundlePath(bundle), position: index % TILE_WIDTH };
}
