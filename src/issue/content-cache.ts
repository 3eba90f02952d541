/**
 * Award files parsed by earlier builds (`content.json` in the cache folder), by the SHA-256 of their
 * text: a build parses only the award files that changed. What is kept is what the parser gave
 * (src/content/yaml-source.ts `cachedYamlSource`); validation still runs on every file, so the
 * cache decides nothing about whether content is valid. The file names the parser's version: a
 * different one starts afresh.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ParsedYaml, YamlParseCache } from '../content/yaml-source.ts';

export interface PersistentContentCache extends YamlParseCache {
  /** Writes the entries this process used or added since it opened the cache (only those, so the file does not grow for ever). */
  save(): Promise<void>;
}

interface StoredCache {
  readonly parser: string;
  readonly entries: Array<[string, ParsedYaml]>;
}

const PARSER = `yaml@${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version}`;
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** A missing, unreadable or older file is an empty cache. `keepAll`: saving keeps every entry (a cache shared by several sites). */
export async function openContentCache(cacheDirectory: string, options: { keepAll?: boolean } = {}): Promise<PersistentContentCache> {
  const file = path.join(cacheDirectory, 'content.json');
  let stored = new Map<string, ParsedYaml>();
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as StoredCache;
    if (parsed.parser === PARSER) stored = new Map(parsed.entries);
  } catch {
    // No cache yet: every award file is parsed.
  }
  const used = new Set<string>();
  return {
    get(text) {
      const key = hashOf(text);
      const entry = stored.get(key);
      if (!entry) return undefined;
      used.add(key);
      // A copy: whatever a validation does with the data, the next one (the dev server's) starts
      // from what the parser gave.
      return structuredClone(entry);
    },
    set(text, parsed) {
      const key = hashOf(text);
      used.add(key);
      stored.set(key, structuredClone(parsed));
    },
    async save() {
      await mkdir(path.dirname(file), { recursive: true });
      const entries = [...stored].filter(([key]) => options.keepAll || used.has(key));
      const contents: StoredCache = { parser: PARSER, entries };
      // Written aside and renamed: an interrupted build never leaves half a file.
      await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(contents));
      await rename(`${file}.${process.pid}.tmp`, file);
    },
  };
}
