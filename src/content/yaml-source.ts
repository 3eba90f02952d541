/**
 * YAML with positions: parses a YAML file (or a Markdown file's frontmatter) and maps a field path
 * back to the line and column where it is written, so errors can point at it.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export type FieldPath = ReadonlyArray<string | number>;

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlSource {
  readonly value: unknown;
  /** Syntax errors, already positioned. */
  readonly syntaxErrors: ReadonlyArray<{ message: string; position: Position }>;
  /** The position of the field's value, or of the nearest enclosing node that exists. */
  locate(path: FieldPath, options?: { key?: boolean }): Position;
}

export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const syntaxErrors = document.errors.map((error) => ({
    message: error.message.split('\n')[0] ?? error.message,
    position: toPosition(error.pos[0]),
  }));
  const value: unknown = syntaxErrors.length ? undefined : document.toJS({ maxAliasCount: 100 });

  function locate(path: FieldPath, options: { key?: boolean } = {}): Position {
    let node: unknown = document.contents;
    let best: number = (document.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        const keyNode = pair.key as Node;
        best = keyNode.range?.[0] ?? best;
        node = pair.value;
        if (!options.key && node && (node as Node).range) best = (node as Node).range![0];
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        best = item.range?.[0] ?? best;
        node = item;
      } else {
        break;
      }
    }
    return toPosition(best);
  }

  return { value, syntaxErrors, locate };
}

/** Splits `---\nfrontmatter\n---\nbody`. The offset is the frontmatter's first line minus one. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string; lineOffset: number } | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length), lineOffset: 1 };
}
