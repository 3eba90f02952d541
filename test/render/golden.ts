/**
 * Golden files: what we emit, committed in test/fixtures/golden/ and compared on every run.
 *
 * After an intended change to the artwork, fonts, layout or renderer, regenerate them with
 *   UPDATE_GOLDEN=1 npx vitest run test/build
 * then look at the new PNGs (they are pictures: open them) before committing.
 *
 * SVGs are compared byte for byte: they are the source of truth, letters already turned into
 * paths. PNGs are compared pixel by pixel within a few levels, since a rasterizer built for another
 * processor may round antialiased edges differently; on one machine two renders are identical,
 * which the tests check separately.
 */
import type { ResolvedBadgeDesign } from '../../src/content/badge-design.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** The committed golden `name`, first written from `actual` when UPDATE_GOLDEN=1. */
export function golden<T extends string | Uint8Array>(name: string, actual: T): T {
  const path = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1 to create it`);
  return (typeof actual === 'string' ? readFileSync(path, 'utf8') : new Uint8Array(readFileSync(path))) as T;
}

/** PNG §11.2.2 IHDR: width and height, big-endian, at bytes 16 and 20. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The share of pixels with a channel more than `tolerance` levels apart (1 if sizes differ). */
export function pixelDifference(a: Uint8Array, b: Uint8Array, tolerance = 3): number {
  const [x, y] = [PNG.sync.read(Buffer.from(a)), PNG.sync.read(Buffer.from(b))];
  if (x.width !== y.width || x.height !== y.height) return 1;
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(x.data[i + c]! - y.data[i + c]!) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return differing / (x.width * x.height);
}

/** A design fixed field by field, so the goldens do not move when the default palettes do. */
export const FIXED_DESIGN: ResolvedBadgeDesign = {
  shape: 'circle',
  primaryColor: '#1e3a5f',
  secondaryColor: '#d4a72c',
  textColor: '#ffffff',
  emblem: 'graduation-cap',
  label: 'Accessible Front-End Development',
};

/** The fixed design as an issuer's badge: its name around the top, a level on a ribbon. */
export const FIXED_SEAL: ResolvedBadgeDesign = {
  ...FIXED_DESIGN,
  issuerName: 'Harbourside College of Art and Design',
  ribbon: 'Level 2',
};
