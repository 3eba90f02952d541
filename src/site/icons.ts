/**
 * The icons the pages use (Lucide, from lucide-static, ISC licence), served once as an SVG sprite
 * at /icons.svg and referenced by each page with `<use>`: a certificate page carries a few bytes
 * per icon instead of each icon's drawing, and the browser caches the sprite for every page.
 * A page that needs another icon adds its name here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const ICON_NAMES = [
  'clock',
  'clock-alert',
  'download',
  'file-json',
  'file-text',
  'file-x',
  'layers',
  'link',
  'message-square-text',
  'pause-circle',
  'printer',
  'shield-alert',
  'shield-check',
  'shield-x',
  'smartphone',
  'wallet',
] as const;

export type IconName = (typeof ICON_NAMES)[number];

/** The sprite's path under the site's base path. */
export const ICON_SPRITE = 'icons.svg';

/** An icon's drawing: the inside of its SVG, comments and line breaks removed. */
function drawing(name: IconName): string {
  const folder = join(dirname(createRequire(import.meta.url).resolve('lucide-static/package.json')), 'icons');
  return readFileSync(join(folder, `${name}.svg`), 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(/\s*\n\s*/g, '')
    .replace(/\s*\/>/g, '/>');
}

/** LinkedIn's "in" mark, in its own colours, for "Add to LinkedIn profile". */
export const LINKEDIN_MARK = 'linkedin';
const LINKEDIN_DRAWING = '<rect width="24" height="24" rx="4" fill="#fff"/><path fill="#0a66c2" d="M5.3 9.2h3v9.6h-3zM6.8 4.4a1.7 1.7 0 1 1 0 3.5 1.7 1.7 0 0 1 0-3.5M10.2 9.2h2.9v1.3c.4-.8 1.4-1.6 2.9-1.6 3 0 3.6 2 3.6 4.6v5.3h-3v-4.7c0-1.1 0-2.6-1.6-2.6s-1.8 1.2-1.8 2.5v4.8h-3z"/>';

/** Every icon as a <symbol> whose id is its name; stroke settings are the icons' own (Lucide's). */
export function iconSprite(): string {
  const symbols = ICON_NAMES.map((name) => `<symbol id="${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${drawing(name)}</symbol>`);
  symbols.push(`<symbol id="${LINKEDIN_MARK}" viewBox="0 0 24 24">${LINKEDIN_DRAWING}</symbol>`);
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>\n`;
}
