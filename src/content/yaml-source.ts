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

/**
 * What parsing a YAML file gave, kept so that the same text is not parsed again: its data, and
 * the positions that were asked of it while it was validated (an award's line). An award file
 * is read on every build and every change the dev server signs; at 10,000 awards parsing them
 * with positions took seconds of each.
 */
export interface ParsedYaml {
  readonly value: unknown;
  readonly positions: Readonly<Record<string, Position>>;
}

/** Parsed files by their text; `get` and `set` are the caller's (src/issue/content-cache.ts keeps one between builds). */
export interface YamlParseCache {
  get(text: string): ParsedYaml | undefined;
  set(text: string, parsed: ParsedYaml): void;
}

/** A YamlSource that can be remembered once its file is known to be valid. */
export interface RememberableYamlSource extends YamlSource {
  /** Keeps the data and the positions asked so far in the cache (not data JSON cannot hold as it is). */
  remember(): void;
}

const positionKey = (path: FieldPath, options: { key?: boolean } = {}) => `${options.key ? 'k' : 'v'}${JSON.stringify(path)}`;

/**
 * The data holds only what JSON gives back unchanged: plain objects (no `__proto__` key), arrays,
 * strings, booleans, null and finite numbers other than -0. Anything else (`.inf`, `.nan`) is
 * parsed again each time rather than cached.
 */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && survivesJson(item));
}

/**
 * `parseYamlSource(text)`, or what the cache kept of the same text: its data, and its positions
 * (one not kept is found by parsing the text after all, so an error is always placed exactly).
 */
export function cachedYamlSource(text: string, cache: YamlParseCache | undefined): RememberableYamlSource {
  const kept = cache?.get(text);
  if (kept) {
    let parsed: YamlSource | undefined;
    return {
      value: kept.value,
      syntaxErrors: [],
      locate: (path, options) => kept.positions[positionKey(path, options)] ?? (parsed ??= parseYamlSource(text)).locate(path, options),
      remember: () => undefined,
    };
  }
  const source = parseYamlSource(text);
  const positions: Record<string, Position> = {};
  return {
    value: source.value,
    syntaxErrors: source.syntaxErrors,
    locate(path, options) {
      const position = source.locate(path, options);
      positions[positionKey(path, options)] = position;
      return position;
    },
    remember() {
      if (cache && source.syntaxErrors.length === 0 && survivesJson(source.value)) cache.set(text, { value: source.value, positions });
    },
  };
}
