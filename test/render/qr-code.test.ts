/**
 * QR codes: deterministic SVG, decoded for real by jsQR from a resvg rendering.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/render/badge-image.ts';
import { qrCodeSvg, qrModules } from '../../src/render/qr-code.ts';

const url = 'https://badges.example.org/credentials/7c1f3a52-9d1e-4b8f-a0c2-4e6f8d9b1a23/';

/** Draws the code with a four-module quiet zone (ISO/IEC 18004 §6.3.8), as a page would around it. */
function withQuietZone(svg: string): string {
  const size = qrModules(svg)!.size;
  const inner = svg.replace('<svg ', `<svg x="4" y="4" width="${size}" height="${size}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size + 8} ${size + 8}"><rect width="100%" height="100%" fill="#ffffff"/>${inner}</svg>`;
}

describe('qrCodeSvg', () => {
  it('is deterministic and names what it encodes', async () => {
    const svg = await qrCodeSvg(url);
    expect(await qrCodeSvg(url)).toBe(svg);
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code for https:\/\/badges\.example\.org\/credentials\/[^"]+" xmlns=/);
    expect(svg).toContain('<path stroke="#000000" d="M0 0.5h7');
    expect(await qrCodeSvg(`${url}x`)).not.toBe(svg);
  });

  it('has no margin of its own: modules start at the edge', async () => {
    const modules = qrModules(await qrCodeSvg(url))!;
    expect(modules.path.startsWith('M0 0.5h7')).toBe(true); // the finder pattern's top row
    expect((modules.size - 17) % 4).toBe(0); // ISO/IEC 18004: 4 × version + 17 modules
  });

  it('decodes back to the URL (jsQR on the resvg rendering)', async () => {
    const png = PNG.sync.read(Buffer.from(renderPng(withQuietZone(await qrCodeSvg(url)), 600)));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(url);
  });

  it('escapes the URL in its label', async () => {
    expect(await qrCodeSvg('https://example.org/?a=1&b="2"')).toContain('aria-label="QR code for https://example.org/?a=1&#38;b=&#34;2&#34;"');
  });
});
