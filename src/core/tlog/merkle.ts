/**
 * The Merkle tree of a transparency log: RFC 6962 §2.1, as RFC 9162 §2.1 restates it (same hashes,
 * clearer algorithms), with SHA-256. Pure, for the build and the browser alike.
 *
 * A tree is kept as its levels of *complete* subtrees: level k holds MTH(D[i·2^k : (i+1)·2^k])
 * for every i whose subtree is full. That is what C2SP tlog-tiles publishes (a tile at level l
 * holds hashes of level 8l, ./tiles.ts), and any other node, proof or root is made from it in
 * O(log² n) hashes, so a build that proves every entry of 100,000 does not rehash the tree.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export type Hash = Uint8Array;

export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(entry: Uint8Array): Hash {
  return sha256.create().update(LEAF_PREFIX).update(entry).digest();
}

/** RFC 6962 §2.1: SHA-256(0x01 || left || right), the hash of an interior node. */
export function nodeHash(left: Hash, right: Hash): Hash {
  return sha256.create().update(NODE_PREFIX).update(left).update(right).digest();
}

/**
 * How a tree hashes its interior nodes: `nodeHash` by default. A build hashing a whole log of
 * 100,000 entries passes Node's native SHA-256 instead (src/issue/transparency-log.ts), several
 * times faster; the result is the same, byte for byte, as the tests check.
 */
export type NodeHasher = (left: Hash, right: Hash) => Hash;

/** RFC 6962 §2.1: the hash of an empty tree, SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/** RFC 6962 §2.1: k, the largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export interface MerkleTree {
  readonly size: number;
  /** levels[k][i] = MTH(D[i·2^k : (i+1)·2^k]), for complete subtrees only; levels[0] are the leaf hashes. */
  readonly levels: readonly (readonly Hash[])[];
}

/** The tree of these leaf hashes, its complete subtrees hashed once. */
export function merkleTree(leafHashes: readonly Hash[], hashNodes: NodeHasher = nodeHash): MerkleTree {
  const levels: Hash[][] = [[...leafHashes]];
  for (let level = levels[0]!; level.length > 1; ) {
    const next: Hash[] = [];
    for (let index = 0; index + 1 < level.length; index += 2) next.push(hashNodes(level[index]!, level[index + 1]!));
    levels.push(next);
    level = next;
  }
  return { size: leafHashes.length, levels };
}

/** The tree with more leaves: only the new complete subtrees are hashed. */
export function appendLeaves(tree: MerkleTree, leafHashes: readonly Hash[], hashNodes: NodeHasher = nodeHash): MerkleTree {
  const levels: Hash[][] = tree.levels.map((level) => [...level]);
  levels[0]!.push(...leafHashes);
  for (let k = 0; levels[k]!.length > 1; k += 1) {
    const level = levels[k]!;
    const next = (levels[k + 1] ??= []);
    for (let index = next.length * 2; index + 1 < level.length; index += 2) next.push(hashNodes(level[index]!, level[index + 1]!));
  }
  return { size: levels[0]!.length, levels };
}

/**
 * The hash of the complete subtree of height `height`, number `index` (the leaves
 * index·2^height to (index+1)·2^height − 1), where it is known; a tree keeps them all, a client
 * those its tiles hold (./tile-proof.ts).
 */
export type NodeHashes = (height: number, index: number) => Hash | undefined;

const storedIn = (tree: MerkleTree): NodeHashes => (height, index) => tree.levels[height]?.[index];

/** MTH(D[start:end]) (RFC 6962 §2.1), from the complete subtrees `nodes` knows. */
function rangeHash(nodes: NodeHashes, start: number, end: number): Hash {
  const n = end - start;
  if (n <= 0) return EMPTY_ROOT;
  if ((n & (n - 1)) === 0 && start % n === 0) {
    const known = nodes(Math.log2(n), start / n);
    if (known) return known;
  }
  if (n === 1) throw new RangeError(`the hash of leaf ${start} is not known`);
  const k = split(n);
  return nodeHash(rangeHash(nodes, start, start + k), rangeHash(nodes, start + k, end));
}

/** MTH(D[start:end]) (RFC 6962 §2.1), from the complete subtrees where it can. */
export function subtreeHash(tree: MerkleTree, start: number, end: number): Hash {
  if (end > tree.size) throw new RangeError(`leaves ${start} to ${end} are not in a tree of ${tree.size}`);
  return rangeHash(storedIn(tree), start, end);
}

/** The root of the tree's first `size` leaves (RFC 6962 §2.1, MTH(D[0:size])). */
export function rootHash(tree: MerkleTree, size = tree.size): Hash {
  if (size > tree.size) throw new RangeError(`a tree of ${tree.size} has no root at ${size}`);
  return subtreeHash(tree, 0, size);
}

/**
 * RFC 6962 §2.1.1: PATH(m, D[0:size]), the audit path of leaf m, leaf to root, from the subtree
 * hashes `nodes` knows. Every value it reads is a complete subtree's or made of them.
 */
export function auditPath(nodes: NodeHashes, index: number, size: number): Hash[] {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path: Hash[] = [];
  // PATH(m, D[start:end]) unrolled: the siblings are collected root-side first, then reversed.
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = split(end - start);
    if (index < start + k) {
      path.push(rangeHash(nodes, start + k, end));
      end = start + k;
    } else {
      path.push(rangeHash(nodes, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

/** RFC 6962 §2.1.1: the audit path of leaf `index` in the tree's first `size` leaves. */
export function inclusionProof(tree: MerkleTree, index: number, size = tree.size): Hash[] {
  if (size > tree.size) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  return auditPath(storedIn(tree), index, size);
}

/**
 * RFC 6962 §2.1.2: PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true), the consistency proof between
 * the tree of the first m leaves and the tree of n, for 0 < m < n.
 */
export function consistencyProof(tree: MerkleTree, m: number, n = tree.size): Hash[] {
  if (!(m > 0 && m < n && n <= tree.size)) throw new RangeError(`no consistency proof from ${m} to ${n} leaves`);
  const proof: Hash[] = [];
  const subproof = (m: number, start: number, end: number, complete: boolean): void => {
    const size = end - start;
    if (m === size) {
      // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}.
      if (!complete) proof.push(subtreeHash(tree, start, end));
      return;
    }
    const k = split(size);
    if (m <= k) {
      // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
      subproof(m, start, start + k, complete);
      proof.push(subtreeHash(tree, start + k, end));
    } else {
      // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
      subproof(m - k, start + k, end, false);
      proof.push(subtreeHash(tree, start, start + k));
    }
  };
  subproof(m, 0, n, true);
  return proof;
}

function sameHash(a: Hash, b: Hash): boolean {
  return a.length === HASH_SIZE && b.length === HASH_SIZE && a.every((byte, index) => byte === b[index]);
}

const isHash = (value: Hash) => value.length === HASH_SIZE;

/**
 * RFC 9162 §2.1.3.2, verifying an inclusion proof: whether `proof` shows the leaf of hash
 * `leaf` at `index` in the tree of `size` leaves whose root is `root`. Never throws.
 */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  // 1. leaf_index must be in the tree (and every value a hash).
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  if (!isHash(leaf) || !isHash(root) || !proof.every(isHash)) return false;
  // 2. fn = leaf_index, sn = tree_size - 1 (as BigInt: JavaScript shifts are 32-bit).
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  // 3. r = leaf_hash
  let r = leaf;
  // 4. each p of the path
  for (const p of proof) {
    // a. a path longer than the tree is tall fails
    if (sn === 0n) return false;
    // b. p is a left sibling where fn is a right child, or fn is the last node of its level
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      // ii. skip the levels where fn is a left child with no right sibling
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    // c.
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5. the whole path was used, and it leads to the root.
  return sn === 0n && sameHash(r, root);
}

/**
 * RFC 9162 §2.1.4.2, verifying a consistency proof: whether the tree of `size2` leaves with root
 * `root2` extends the tree of `size1` leaves with root `root1`, leaves unchanged, none removed or
 * reordered. A proof from an empty tree proves nothing and fails; equal sizes need an empty proof
 * and equal roots. Never throws.
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): boolean {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2)) || size1 <= 0 || size2 < size1) return false;
  // Equal sizes: the same tree, so the same root, and nothing to prove.
  if (size1 === size2) return proof.length === 0 && root1.length === root2.length && root1.every((byte, index) => byte === root2[index]);
  if (!isHash(root1) || !isHash(root2) || !proof.every(isHash)) return false;
  // 1. an empty path fails
  if (proof.length === 0) return false;
  // 2. when first is a power of two, its root is the path's first value
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  // 3.
  let fn = BigInt(size1 - 1);
  let sn = BigInt(size2 - 1);
  // 4. skip the levels where fn is a right child
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // 6.
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  // 7.
  return sn === 0n && sameHash(fr, root1) && sameHash(sr, root2);
}
