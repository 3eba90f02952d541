/**
 * Issuer-written Markdown (an achievement's criteria, an award's narrative) as HTML that is safe to
 * put in a page whatever the text holds. Sätteri, Astro's own Markdown engine, parses it into an
 * HTML tree (hast); a few presentation rules adapt that tree to the page; then hast-util-sanitize
 * (the sanitizer behind rehype-sanitize) keeps only what `SCHEMA` allows, and hast-util-to-html
 * writes it out.
 *
 * The sanitizer works on the HTML tree, after every Markdown construct has become an element, so a
 * link is checked the same way whether it was written inline, as a reference (`[x][r]` with
 * `[r]: …`), as an autolink or by the GFM autolinker; the presentation rules before it are for
 * looks only, and nothing they miss gets through.
 */
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast, type HastNode } from 'satteri';

type Element = Extract<HastNode, { type: 'element' }>;
type Child = Element['children'][number];

export interface MarkdownOptions {
  /** The level a `#` heading in the text becomes (2–6); 3 by default. */
  readonly headingLevel?: number;
}

/** GFM footnote ids carry the parser's prefix, so they never clobber the page's own ids. */
const footnoteId = /^user-content-/;

type Attributes = NonNullable<Schema['attributes']>[string];

/** The footnotes' own heading, shifted like the others and shown to screen readers only. */
const FOOTNOTE_LABEL: Attributes = [['id', 'footnote-label'], ['className', 'sr-only']];
/** Table alignment, the one style the parser writes. */
const ALIGN: Attributes = [['style', /^text-align: (?:left|center|right)$/]];

/**
 * What may appear in the output: an allow-list, so anything not named here (raw HTML, `<img>`,
 * `<iframe>`, `on*` handlers, `style` other than table alignment, unknown node types) is removed.
 * Links keep an `href` only with the schemes of `protocols` or none at all (in-page and
 * site-relative links); hast-util-sanitize compares the scheme exactly as written, after the
 * parser has decoded character references, so `JaVaScRiPt:`, `javascript&#58;` and `java&#9;script:`
 * are all dropped.
 */
export const SCHEMA: Schema = {
  tagNames: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'input',
    'strong', 'em', 'del', 'sup', 'sub', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'section',
  ],
  attributes: {
    a: ['href', ['id', footnoteId], ['ariaDescribedBy', 'footnote-label'], 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    code: [['className', /^language-[\w+-]+$/]],
    h2: FOOTNOTE_LABEL, h3: FOOTNOTE_LABEL, h4: FOOTNOTE_LABEL, h5: FOOTNOTE_LABEL, h6: FOOTNOTE_LABEL,
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: [['id', footnoteId], ['className', 'task-list-item']],
    ol: [['start', /^\d+$/]],
    section: ['dataFootnotes', ['className', 'footnotes']],
    td: ALIGN,
    th: ALIGN,
    ul: [['className', 'contains-task-list']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { li: ['ol', 'ul'], tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  // The only ids are the footnotes', prefixed by the parser and checked above; adding a second prefix would break their links.
  clobber: [],
  clobberPrefix: '',
  strip: [],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * The page's own rules, before sanitizing: raw HTML is shown as the text it is (the parser keeps it
 * as `raw` nodes), an image becomes its description (an image in a narrative would be fetched from
 * anywhere, and tells the viewer's address to whoever serves it), and headings start at `shift`
 * levels below `h1` to fit the page's outline.
 */
function adapt(children: readonly Child[], shift: number): Child[] {
  return children.flatMap((child): Child[] => {
    if (child.type === 'raw') return [{ type: 'text', value: child.value }];
    if (child.type !== 'element') return [child];
    if (child.tagName === 'img') {
      const alt = child.properties['alt'];
      return typeof alt === 'string' && alt ? [{ type: 'text', value: alt }] : [];
    }
    // RFC 3986 §3.1: schemes are case-insensitive, and the sanitizer compares them as written, so
    // `HTTPS://` is spelled `https://` for it (a `JaVaScRiPt:` becomes `javascript:` and is still dropped).
    const href = child.properties['href'];
    if (child.tagName === 'a' && typeof href === 'string') {
      child = { ...child, properties: { ...child.properties, href: href.replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase()) } };
    }
    const heading = /^h([1-6])$/.exec(child.tagName);
    const tagName = heading ? `h${Math.min(6, Number(heading[1]) + shift)}` : child.tagName;
    return [{ ...child, tagName, children: adapt(child.children, shift) as Element['children'] }];
  });
}

/** After sanitizing: a link that lost its `href` is no link, so only its text stays. */
function unwrapDeadLinks(children: readonly Child[]): Child[] {
  return children.flatMap((child): Child[] => {
    if (child.type !== 'element') return [child];
    const inner = unwrapDeadLinks(child.children);
    if (child.tagName === 'a' && child.properties['href'] === undefined) return inner;
    return [{ ...child, children: inner as Element['children'] }];
  });
}

/** Issuer-written Markdown as HTML safe to insert into a page: see the module comment. */
export function renderMarkdown(text: string, options: MarkdownOptions = {}): string {
  const shift = Math.min(5, Math.max(1, (options.headingLevel ?? 3) - 1));
  const tree = markdownToHast(text, { position: false, features: { smartPunctuation: true, frontmatter: false } });
  if (tree.type !== 'root') return '';
  const safe = sanitize({ ...tree, children: adapt(tree.children as Child[], shift) as typeof tree.children }, SCHEMA);
  if (safe.type !== 'root') return '';
  return toHtml({ ...safe, children: unwrapDeadLinks(safe.children as Child[]) as typeof safe.children });
}
