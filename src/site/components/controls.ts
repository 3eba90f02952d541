/**
 * Controls that the certificate page's elements make in the browser, drawn as the components
 * draw them on the server (a `.button` with an icon of the site's sprite, as Icon.astro does).
 */
const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon of the site's sprite, as the Icon component draws it. */
export function icon(sprite: string, name: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `${sprite}#${name}`);
  svg.append(use);
  return svg;
}

/** A `.button` with an icon, its words and a hint (the file type), if any. */
export function button(sprite: string, iconName: string, words: string, hint?: string): HTMLButtonElement {
  const made = document.createElement('button');
  made.className = 'button';
  made.type = 'button';
  made.append(icon(sprite, iconName), words);
  if (hint) {
    const small = document.createElement('span');
    small.className = 'hint';
    small.textContent = hint;
    made.append(small);
  }
  return made;
}
