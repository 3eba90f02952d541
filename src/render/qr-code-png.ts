/**
 * The QR code of a certificate page as a 1-bit PNG, one pixel per module, to go into the page as a
 * `data:` URI: about 300 bytes where the same code as SVG path data is about 2.3 KB, on every
 * certificate page. The page scales it up with `image-rendering: pixelated`, and it scans and
 * prints without JavaScript. The modules are the same as `qrCodeSvg`'s (./qr-code.ts), which the
 * PDF draws: the qrcode package, error correction M, no quiet zone of its own.
 */
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { concatBytes } from '@noble/hashes/utils.js';
import { pngChunk } from '../core/baking.ts';

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function qrCodePng(url: string): Uint8Array {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  // PNG §11.2.2 IHDR: width, height, bit depth 1, colour type 0 (greyscale: 0 black, 1 white),
  // compression 0, filter 0, no interlace.
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, size);
  headerView.setUint32(4, size);
  header.set([1, 0, 0, 0, 0], 8);
  // PNG §7.2: each scanline is a filter byte (0, none) then the row's bits, most significant first.
  const stride = 1 + Math.ceil(size / 8);
  const scanlines = new Uint8Array(stride * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (!modules.get(row, column)) scanlines[row * stride + 1 + (column >> 3)]! |= 0x80 >> (column & 7);
    }
  }
  return concatBytes(PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(scanlines, { level: 9 })), pngChunk('IEND', new Uint8Array()));
}

/** The same PNG as a `data:` URI for an <img src> (the pages' Content-Security-Policy allows `data:` images). */
export function qrCodeDataUri(url: string): string {
  return `data:image/png;base64,${Buffer.from(qrCodePng(url)).toString('base64')}`;
}
