/**
 * C2SP tlog-tiles (c2sp.org/tlog-tiles, C2SP/C2SP@5ba5ee8): the log's tree and entries as static
 * files, `tile/<L>/<N>[.p/<W>]` of 256 hashes and `tile/entries/<N>[.p/<W>]` of 256 entries, so
 * that any host serves them and any tlog client reads them. Pure: paths and bytes.
 */
import { concatBytes } from '@noble/hashes/utils.js';
import { HASH_SIZE, type Hash, type MerkleTree } from './merkle.ts';

/** §Merkle Tree: a full tile is 256 hashes wide (a subtree of height 8). */
export const TILE_WIDTH = 256;
const TILE_HEIGHT = 8;

/** §Merkle Tree: <N> as zero-padded 3-digit path elements, all but the last prefixed with x (1234067 → x001/x234/067). */
export function tileIndexPath(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`tile index ${index}`);
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((group, position) => (position < groups.length - 1 ? `x${group}` : group)).join('/');
}

/** §Merkle Tree and §Partial Tiles: the path of tile `index` at `level`, with `.p/<W>` when it holds fewer than 256 hashes. */
export function tilePath(level: number, index: number, width = TILE_WIDTH): string {
  if (!(Number.isInteger(level) && level >= 0 && level <= 63)) throw new RangeError(`tile level ${level}`);
  if (!(Number.isInteger(width) && width >= 1 && width <= TILE_WIDTH)) throw new RangeError(`tile width ${width}`);
  return `tile/${level}/${tileIndexPath(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** §Log entries: the path of entry bundle `index`. */
export function entryBundlePath(index: number, width = TILE_WIDTH): string {
  if (!(Number.isInteger(width) && width >= 1 && width <= TILE_WIDTH)) throw new RangeError(`bundle width ${width}`);
  return `tile/entries/${tileIndexPath(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

export interface LogFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * §Partial Tiles: which tiles a tree of `size` has at `level`: its full ones, and one partial of
 * floor(size / 256^level) mod 256 hashes, if that is not 0.
 */
function tileShape(size: number, level: number): { full: number; partial: number } {
  const count = Math.floor(size / TILE_WIDTH ** level);
  return { full: Math.floor(count / TILE_WIDTH), partial: count % TILE_WIDTH };
}

/**
 * Every tile of the tree at `size`, and the partial tiles of the earlier checkpoints' sizes that
 * no full tile has replaced yet (§Partial Tiles: a log serves the partial tiles of every size it
 * produced a checkpoint for, until the full tile exists). Level-l tile n holds the hashes of
 * level 8l of the tree, numbers n·256 to n·256 + 255.
 */
export function treeTiles(tree: MerkleTree, checkpointSizes: readonly number[] = []): LogFile[] {
  const size = tree.size;
  const files = new Map<string, Uint8Array>();
  for (let level = 0; TILE_WIDTH ** level <= size; level += 1) {
    const hashes = tree.levels[level * TILE_HEIGHT] ?? [];
    const tile = (index: number, width: number) => concatBytes(...hashes.slice(index * TILE_WIDTH, index * TILE_WIDTH + width));
    const { full } = tileShape(size, level);
    for (let index = 0; index < full; index += 1) files.set(tilePath(level, index), tile(index, TILE_WIDTH));
    for (const earlier of [...checkpointSizes, size]) {
      if (earlier > size) throw new RangeError(`a checkpoint of ${earlier} entries is beyond the tree of ${size}`);
      const shape = tileShape(earlier, level);
      if (shape.partial > 0 && shape.full >= full) files.set(tilePath(level, shape.full, shape.partial), tile(shape.full, shape.partial));
    }
  }
  return [...files].map(([path, bytes]) => ({ path, bytes }));
}

/** §Log entries: big-endian uint16 length-prefixed entries, 256 to a bundle, partial ones as for tiles. */
export function entryBundles(entries: readonly Uint8Array[], checkpointSizes: readonly number[] = []): LogFile[] {
  for (const entry of entries) if (entry.length > 0xffff) throw new RangeError(`a log entry of ${entry.length} bytes is longer than 65,535`);
  const bundle = (index: number, width: number) =>
    concatBytes(...entries.slice(index * TILE_WIDTH, index * TILE_WIDTH + width).flatMap((entry) => [Uint8Array.of(entry.length >> 8, entry.length & 0xff), entry]));
  const { full } = tileShape(entries.length, 0);
  const files = new Map<string, Uint8Array>();
  for (let index = 0; index < full; index += 1) files.set(entryBundlePath(index), bundle(index, TILE_WIDTH));
  for (const earlier of [...checkpointSizes, entries.length]) {
    const shape = tileShape(earlier, 0);
    if (shape.partial > 0 && shape.full >= full) files.set(entryBundlePath(shape.full, shape.partial), bundle(shape.full, shape.partial));
  }
  return [...files].map(([path, bytes]) => ({ path, bytes }));
}

/** A tile's bytes as its hashes; undefined when it is not a whole number of hashes, or wider than a tile. */
export function readTile(bytes: Uint8Array): Hash[] | undefined {
  if (bytes.length === 0 || bytes.length % HASH_SIZE !== 0 || bytes.length > TILE_WIDTH * HASH_SIZE) return undefined;
  return Array.from({ length: bytes.length / HASH_SIZE }, (_, index) => bytes.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE));
}

/** An entry bundle's entries; undefined when a length prefix runs past its end. */
export function readEntryBundle(bytes: Uint8Array): Uint8Array[] | undefined {
  const entries: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    if (offset + 2 > bytes.length) return undefined;
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    if (offset + 2 + length > bytes.length) return undefined;
    entries.push(bytes.slice(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  return entries.length <= TILE_WIDTH ? entries : undefined;
}
