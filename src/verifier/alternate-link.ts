/**
 * The credential a web page links to: a certificate page says where its signed JSON is with
 * `<link rel="alternate" type="application/json" href="….json">` in its head (HTML §4.6.7.1, the
 * "alternate" keyword with a type: the same content in another format). This is how the link a
 * learner shares (their certificate page) verifies.
 *
 * The page is untrusted: only its first MAX_PAGE_HEAD_BYTES are read, once from start to end
 * (every character belongs to at most one tag), stopping at `</head>` or `<body`; no HTML parser,
 * no scripts, no entities beyond `&amp;`. The address found is checked by the fetcher's own rules.
 */
import { MAX_PAGE_HEAD_BYTES } from '../core/limits.ts';

/** Media types of a credential's JSON (VCDM 2.0 §6.1 `application/vc`, its older name, JSON-LD, JSON). */
const CREDENTIAL_TYPES = new Set(['application/vc', 'application/vc+ld+json', 'application/ld+json', 'application/json']);

/** One attribute, `name`, `name=value`, `name="value"` or `name='value'`; no nested quantifiers. */
const ATTRIBUTE = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, (match[2] ?? match[3] ?? match[4] ?? '').replaceAll('&amp;', '&'));
  }
  return attributes;
}

/** The href of the page's first `<link rel="alternate">` to a credential's JSON, as written (relative or not). */
export function credentialLinkOf(page: Uint8Array): string | undefined {
  const head = new TextDecoder().decode(page.subarray(0, MAX_PAGE_HEAD_BYTES));
  const lower = head.toLowerCase();
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<', at);
    if (open === -1) return undefined;
    const close = lower.indexOf('>', open);
    if (close === -1) return undefined;
    const name = /^<\/?([a-z]+)/.exec(lower.slice(open, Math.min(close, open + 12)))?.[1];
    if (lower.startsWith('</head', open) || name === 'body') return undefined;
    // A comment or a script's text is not a tag: skip it whole, whatever it holds.
    if (lower.startsWith('<!--', open)) {
      const end = lower.indexOf('-->', open + 4);
      if (end === -1) return undefined;
      at = end + 3;
      continue;
    }
    if (name === 'script' || name === 'style' || name === 'template') {
      const end = lower.indexOf(`</${name}`, close);
      if (end === -1) return undefined;
      at = end;
      continue;
    }
    if (name === 'link') {
      const attributes = attributesOf(head.slice(open + 5, close));
      const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
      const type = (attributes.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
      const href = attributes.get('href')?.trim();
      if (rel.includes('alternate') && CREDENTIAL_TYPES.has(type) && href) return href;
    }
    at = close + 1;
  }
}
