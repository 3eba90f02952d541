/**
 * YAML with positions: parses a YAML file (or a Markdown file's frontmatter) and maps a field path
 * back to the line and column where it is written, so errors can point at it.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';

export type FieldPath = ReadonlyArray<string | number>;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** How many times a file's aliases (`*name`) may be expanded, counting the nodes each one copies. */
export const MAX_ALIAS_COUNT = 100;

export interface YamlProblem {
  /** `yaml-syntax`, or `yaml-alias-limit` for aliases that would expand to too much data. */
  readonly code: 'yaml-syntax' | 'yaml-alias-limit';
  readonly message: string;
  readonly position: Position;
  readonly expected?: string;
}

export interface YamlSource {
  /** The data; undefined when there are syntax errors. */
  readonly value: unknown;
  /** Why the file cannot be read as data, already positioned; empty when it can. */
  readonly syntaxErrors: readonly YamlProblem[];
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
  const syntaxErrors: YamlProblem[] = document.errors.map((error) => ({
    code: 'yaml-syntax',
    message: error.message.split('\n')[0] ?? error.message,
    position: toPosition(error.pos[0]),
  }));
  let value: unknown;
  if (!syntaxErrors.length) {
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError when the aliases expand past maxAliasCount: a "billion laughs"
      // would otherwise take all the memory there is. It names no position; the first alias is
      // where the repetition starts.
      syntaxErrors.push(aliasProblem(document, toPosition, error));
    }
  }

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

function aliasProblem(document: ReturnType<typeof parseDocument>, toPosition: (offset: number) => Position, error: unknown): YamlProblem {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  const isAliasLimit = error instanceof ReferenceError && /excessive alias count/i.test(error.message);
  if (!isAliasLimit) return { code: 'yaml-syntax', message: error instanceof Error ? error.message : String(error), position: toPosition(offset) };
  return {
    code: 'yaml-alias-limit',
    message: `Its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies of data: a file this repetitive is refused, as it could fill all the memory there is.`,
    position: toPosition(offset),
    expected: 'each value written out, or fewer and smaller aliases',
  };
}

/** Splits `---\nfrontmatter\n---\nbody`. The offset is the frontmatter's first line minus one. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string; lineOffset: number } | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length), lineOffset: 1 };
}
