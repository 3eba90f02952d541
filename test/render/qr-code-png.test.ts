/**
 * The certificate page's QR code as a 1-bit PNG: decoded by pngjs and jsQR (independent of the
 * encoder), and module for module the code that the SVG (and so the PDF) draws.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrCodeDataUri, qrCodePng } from '../../src/render/qr-code-png.ts';
import { qrCodeSvg, qrModules } from '../../src/render/qr-code.ts';

const url = 'https://badges.example.org/credentials/7c1f3a52-9d1e-4b8f-a0c2-4e6f8d9b1a23/';

/** The PNG's pixels as dark (true) or light, row by row. */
function darkPixels(png: Uint8Array): { size: number; dark: boolean[] } {
  const image = PNG.sync.read(Buffer.from(png));
  expect(image.width).toBe(image.height);
  const dark = [];
  for (let i = 0; i < image.width * image.height; i++) dark.push(image.data[i * 4]! < 128);
  return { size: image.width, dark };
}

/** The dark modules of the SVG's path: horizontal runs "M<x> <y+0.5>h<n>" and "m<dx> <dy>h<n>". */
function svgDarkModules(path: string, size: number): boolean[] {
  const dark: boolean[] = new Array(size * size).fill(false);
  let x = 0;
  let y = 0;
  for (const [, move, dx, dy, run] of path.matchAll(/([Mm])(-?[\d.]+) (-?[\d.]+)h(\d+)/g)) {
    x = move === 'M' ? Number(dx) : x + Number(dx);
    y = move === 'M' ? Number(dy) : y + Number(dy);
    for (let i = 0; i < Number(run); i++) dark[Math.floor(y) * size + x + i] = true;
    x += Number(run);
  }
  return dark;
}

/** Scaled up with a four-module quiet zone (ISO/IEC 18004 §6.3.8), as the page shows it. */
function scanned(png: Uint8Array, scale = 8): string | undefined {
  const { size, dark } = darkPixels(png);
  const side = (size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4;
      const column = Math.floor(x / scale) - 4;
      if (row >= 0 && row < size && column >= 0 && column < size && dark[row * size + column]) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data;
}

describe('qrCodePng', () => {
  it('decodes back to the URL', () => {
    expect(scanned(qrCodePng(url))).toBe(url);
    expect(scanned(qrCodePng('https://example.org/a/much/longer/path/under/a/base/credentials/7c1f3a52-9d1e-4b8f-a0c2-4e6f8d9b1a23/'))).toBe('https://example.org/a/much/longer/path/under/a/base/credentials/7c1f3a52-9d1e-4b8f-a0c2-4e6f8d9b1a23/');
  });

  it('has the modules of the SVG code, one pixel each', async () => {
    const modules = qrModules(await qrCodeSvg(url))!;
    const { size, dark } = darkPixels(qrCodePng(url));
    expect(size).toBe(modules.size);
    expect(dark).toEqual(svgDarkModules(modules.path, modules.size));
  });

  it('is deterministic and a fraction of the SVG', async () => {
    expect(qrCodeDataUri(url)).toBe(qrCodeDataUri(url));
    expect(qrCodeDataUri(url)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(qrCodeDataUri(url).length).toBeLessThan((await qrCodeSvg(url)).length / 4);
  });
});
