/**
 * renderMarkdown: issuer-written Markdown as HTML safe to put in a page. Each hostile input is
 * rendered, the output parsed again as a browser would (Sätteri's HTML parser), and the parsed tree
 * checked: links only to the web, mail, the page or the site; no image; no element or attribute
 * outside the allow-list; the words of what was dropped still shown.
 */
import { describe, expect, it } from 'vitest';
import { htmlToHast, type HastNode } from 'satteri';
import { renderMarkdown } from '../../src/site/markdown.ts';

type Element = Extract<HastNode, { type: 'element' }>;

/** Where the certificate page lives: relative links resolve against it, as in the browser. */
const PAGE = 'https://badges.example.org/credentials/award-1/';
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const ALLOWED_TAGS = new Set(['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'input', 'strong', 'em', 'del', 'sup', 'sub', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'section']);

function elements(node: HastNode): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? (node.children as HastNode[]) : [];
  return [...own, ...children.flatMap(elements)];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as HastNode[]).map(textOf).join('') : '';
}

/** The output parsed as a browser parses it, with what a test asserts on. */
function rendered(markdown: string, headingLevel?: number) {
  const html = renderMarkdown(markdown, headingLevel === undefined ? {} : { headingLevel });
  const tree = htmlToHast(html, { fragment: true });
  const all = elements(tree);
  return {
    html,
    text: textOf(tree),
    tags: all.map((element) => element.tagName),
    hrefs: all.filter((element) => element.tagName === 'a' && element.properties['href'] !== undefined).map((element) => String(element.properties['href'])),
    attributes: all.flatMap((element) => Object.keys(element.properties)),
  };
}

/** What must hold for every input, hostile or not. */
function expectSafe(output: ReturnType<typeof rendered>) {
  for (const href of output.hrefs) expect(SAFE_SCHEMES, `href ${href}`).toContain(new URL(href, PAGE).protocol);
  expect(output.tags.filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
  expect(output.attributes.filter((name) => /^on/i.test(name))).toEqual([]);
  expect(output.html).not.toMatch(/<(?:img|script|iframe|object|embed|svg|math|style|link|meta|form|base)\b/i);
}

const HOSTILE: ReadonlyArray<{ readonly name: string; readonly markdown: string; readonly keeps: string }> = [
  { name: 'a reference link to javascript:', markdown: 'See [the course][r].\n\n[r]: javascript:alert(1)', keeps: 'See the course.' },
  { name: 'a reference link with a title, defined before use', markdown: '[r]: <javascript:alert(1)> "t"\n\nSee [the course][r].', keeps: 'See the course.' },
  { name: 'a collapsed and a shortcut reference', markdown: '[one][] and [two]\n\n[one]: vbscript:msgbox(1)\n[two]: data:text/html,<script>alert(1)</script>', keeps: 'one and two' },
  { name: 'a reference image from elsewhere', markdown: 'Look: ![a tracking pixel][s]\n\n[s]: https://tracker.example/p.png', keeps: 'Look: a tracking pixel' },
  { name: 'an inline image from elsewhere', markdown: '![the badge](https://tracker.example/b.png "title")', keeps: 'the badge' },
  { name: 'an image inside a link', markdown: '[![logo](https://tracker.example/l.png)](https://ok.example/)', keeps: 'logo' },
  { name: 'an autolink to javascript:', markdown: '<javascript:alert(1)>', keeps: 'javascript:alert(1)' },
  { name: 'a scheme in mixed case', markdown: '[a](JaVaScRiPt:alert(1))', keeps: 'a' },
  { name: 'an entity-encoded colon', markdown: '[a](javascript&#58;alert(1)) [b](javascript&colon;alert(1))', keeps: 'a b' },
  { name: 'an encoded tab inside the scheme', markdown: '[a](java&#9;script:alert(1)) [b](<java\tscript:alert(1)>)', keeps: 'a b' },
  { name: 'a data: URL', markdown: '[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', keeps: 'a' },
  { name: 'a vbscript: URL', markdown: '[a](vbscript:msgbox(1))', keeps: 'a' },
  { name: 'a file: URL', markdown: '[a](file:///etc/passwd)', keeps: 'a' },
  { name: 'an HTML block', markdown: '<div onmouseover="alert(1)"><script>alert(1)</script></div>', keeps: '<div onmouseover="alert(1)"><script>alert(1)</script></div>' },
  { name: 'inline HTML', markdown: 'Hello <img src=x onerror=alert(1)> <a href="javascript:alert(1)">there</a>', keeps: 'Hello <img src=x onerror=alert(1)> <a href="javascript:alert(1)">there</a>' },
  { name: 'an HTML comment and an iframe', markdown: '<!-- hidden -->\n\n<iframe src="https://evil.example/"></iframe>', keeps: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'an SVG with a script', markdown: '<svg onload="alert(1)"><script>alert(1)</script></svg>', keeps: '<svg onload="alert(1)">' },
  { name: 'a footnote whose definition links to javascript:', markdown: 'Passed[^1].\n\n[^1]: See [this](javascript:alert(1)).', keeps: 'See this.' },
  { name: 'a footnote named like a page id', markdown: 'Passed[^verify].\n\n[^verify]: A note.', keeps: 'A note.' },
  { name: 'a link title that closes the attribute', markdown: '[a](https://ok.example/ "x\\" onclick=\\"alert(1)")', keeps: 'a' },
  { name: 'a code block with HTML', markdown: '```html\n<script>alert(1)</script>\n```', keeps: '<script>alert(1)</script>' },
];

describe('renderMarkdown, with hostile input', () => {
  it.each(HOSTILE)('$name: no script, no image, no foreign element, and its words stay', ({ markdown, keeps }) => {
    const output = rendered(markdown);
    expectSafe(output);
    expect(output.text).toContain(keeps);
  });

  it('drops the scheme-carrying links and keeps no link without an address', () => {
    const output = rendered('[x][r] <javascript:alert(1)> [a](JaVaScRiPt:1) [b](javascript&#58;1) [c](data:text/html,1) [d](vbscript:1)\n\n[r]: javascript:alert(1)');
    expect(output.hrefs).toEqual([]);
    expect(output.tags).not.toContain('a');
  });

  it('gives footnote ids the user-content- prefix, so they cannot replace the page’s own ids', () => {
    const output = rendered('Passed[^verify].\n\n[^verify]: A note.');
    const ids = elements(htmlToHast(output.html, { fragment: true })).map((element) => element.properties['id']).filter((id) => id !== undefined);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(String(id)).toMatch(/^(?:user-content-|footnote-label$)/);
  });
});

describe('renderMarkdown, with the Markdown issuers write', () => {
  it('keeps web, mail, in-page and site-relative links', () => {
    const output = rendered('[site](https://ok.example/a?b=1&c=2) [plain](http://ok.example/) [mail](mailto:badges@example.org) [top](#criteria) [home](/achievements/) www.example.com [ref][r]\n\n[r]: https://ok.example/ref');
    expect(output.hrefs).toEqual(['https://ok.example/a?b=1&c=2', 'http://ok.example/', 'mailto:badges@example.org', '#criteria', '/achievements/', 'http://www.example.com', 'https://ok.example/ref']);
    expectSafe(output);
  });

  it('reads a scheme in any case, as RFC 3986 does', () => {
    const output = rendered('[a](HTTPS://ok.example/A) [b](Mailto:badges@example.org)');
    expect(output.hrefs).toEqual(['https://ok.example/A', 'mailto:badges@example.org']);
    expectSafe(output);
  });

  it('starts headings at the level given, 3 by default, never past h6', () => {
    expect(rendered('# One\n\n## Two\n\n###### Six').tags).toEqual(['h3', 'h4', 'h6']);
    expect(rendered('# One\n\n## Two', 4).tags).toEqual(['h4', 'h5']);
    expect(rendered('# One', 2).tags).toEqual(['h2']);
  });

  it('renders emphasis, lists, quotes, code, tables, task lists and smart punctuation', () => {
    const output = rendered('**Bold** *it* ~~old~~ `code` "quoted"...\n\n> quote\n\n3. three\n\n- [x] done\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```js\nlet x;\n```');
    expect(output.tags).toEqual(expect.arrayContaining(['strong', 'em', 'del', 'code', 'blockquote', 'ol', 'li', 'ul', 'input', 'table', 'th', 'td', 'pre']));
    expect(output.text).toContain('“quoted”…');
    expect(output.html).toContain('<ol start="3">');
    expect(output.html).toContain('<th style="text-align: left">a</th>');
    expect(output.html).toContain('<input type="checkbox" checked disabled>');
    expect(output.html).toContain('<code class="language-js">');
    expectSafe(output);
  });

  it('keeps footnotes working: the reference links to its note and back', () => {
    const output = rendered('Passed[^1].\n\n[^1]: A note.');
    expect(output.hrefs).toEqual(['#user-content-fn-1', '#user-content-fnref-1']);
    expect(output.html).toContain('id="user-content-fn-1"');
  });
});
