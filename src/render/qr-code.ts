/**
 * The QR code that leads back to a credential's page, as SVG from the qrcode package: error
 * correction M (15% of the symbol may be lost: a printed, folded certificate still scans), no
 * quiet zone of its own (the page or PDF around it leaves the white margin), one module = one
 * unit of the viewBox. The same URL always gives the same bytes.
 */
import QRCode from 'qrcode';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 0,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return svg.trim().replace('<svg ', `<svg role="img" aria-label="QR code for ${escapeXml(url)}" `);
}

/** The side in modules and the stroked path of the dark modules, to redraw the code elsewhere (the PDF). */
export interface QrModules {
  readonly size: number;
  /** Horizontal runs, stroked 1 unit wide, as the qrcode package writes them. */
  readonly path: string;
}

/** Reads back what `qrCodeSvg` wrote; undefined for anything else. */
export function qrModules(svg: string): QrModules | undefined {
  const size = /viewBox="0 0 (\d+) \1"/.exec(svg)?.[1];
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  return size && path ? { size: Number(size), path } : undefined;
}
