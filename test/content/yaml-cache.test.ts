/**
 * Award files parsed once: validating with the cache gives exactly what validating without it
 * gives (the records, and every error with its file, line and column), while the second
 * validation parses nothing that did not change.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/content/validate.ts';
import { formatError } from '../../src/core/error.ts';
import { cachedYamlSource, type ParsedYaml, type YamlParseCache } from '../../src/content/yaml-source.ts';
import { errorFixtureNames, fixtureTree, toContentFiles } from '../helpers/content-fixtures.ts';

/** A cache in memory that counts what it is asked. */
function countingCache(): YamlParseCache & { hits: number; stored: number } {
  const entries = new Map<string, ParsedYaml>();
  const cache = {
    hits: 0,
    stored: 0,
    get(text: string) {
      const entry = entries.get(text);
      if (entry) cache.hits += 1;
      return entry && structuredClone(entry);
    },
    set(text: string, parsed: ParsedYaml) {
      cache.stored += 1;
      entries.set(text, structuredClone(parsed));
    },
  };
  return cache;
}

const BATCH = [
  'achievement: teamwork',
  'awardedOn: 2026-04-01',
  'awards:',
  ...[2, 3, 4].flatMap((n) => [
    `  - id: 00000000-0000-4000-8000-00000000000${n}`,
    `    statusIndex: ${5000 + n}`,
    '    recipient:',
    `      name: Learner ${n}`,
    '      identity:',
    '        type: emailAddress',
    `        hash: sha256$${String(n).repeat(64)}`,
    `        salt: batch-salt-${n}`,
  ]),
  '',
].join('\n');

describe('validating with the parse cache', () => {
  it('gives the same records, and parses only what changed the second time', () => {
    const tree = fixtureTree();
    tree.set('content/awards/batch.yaml', BATCH);
    const files = toContentFiles(tree);
    const cache = countingCache();
    const first = validateContent(files, { yamlCache: cache });
    if (!first.ok) throw new Error(first.errors.map(formatError).join('\n'));
    expect(first.content.awards).toHaveLength(4);
    expect(first).toEqual(validateContent(files));
    expect(cache).toMatchObject({ hits: 0, stored: files.awards.length });
    const second = validateContent(files, { yamlCache: cache });
    expect(second).toEqual(first);
    expect(cache).toMatchObject({ hits: files.awards.length, stored: files.awards.length });
  });

  it.each(errorFixtureNames())('reports %s exactly as without it, from a cache of the valid tree', (name) => {
    const cache = countingCache();
    const valid = fixtureTree();
    valid.set('content/awards/batch.yaml', BATCH);
    expect(validateContent(toContentFiles(valid), { yamlCache: cache }).ok).toBe(true);
    const broken = fixtureTree(name);
    broken.set('content/awards/batch.yaml', BATCH);
    const files = toContentFiles(broken);
    const uncached = validateContent(files);
    expect(uncached.ok).toBe(false);
    // Twice: the first may remember more files; the second answers what it can from the cache.
    expect(validateContent(files, { yamlCache: cache })).toEqual(uncached);
    expect(validateContent(files, { yamlCache: cache })).toEqual(uncached);
  });

  it('places an error in a file it kept, found because of another file, where it is written', () => {
    const cache = countingCache();
    const tree = fixtureTree();
    tree.set('content/awards/batch.yaml', BATCH);
    validateContent(toContentFiles(tree), { yamlCache: cache });
    // A new file that repeats an id of the kept batch: the duplicate names the batch's line.
    tree.set('content/awards/zz-copy.yaml', BATCH.replace('awardedOn: 2026-04-01', 'awardedOn: 2026-04-02').replace(/statusIndex: 50/g, 'statusIndex: 60'));
    const files = toContentFiles(tree);
    const cached = validateContent(files, { yamlCache: cache });
    expect(cached).toEqual(validateContent(files));
    if (cached.ok) throw new Error('expected the duplicate ids to be refused');
    expect(cached.errors[0]).toMatchObject({ code: 'duplicate-award-id', file: 'content/awards/zz-copy.yaml', line: 4 });
    expect(cached.errors[0]!.message).toContain('content/awards/batch.yaml:4');
  });

  it('does not keep data JSON would change (.inf, .nan, -0, a __proto__ key), nor a file with syntax errors', () => {
    const cache = countingCache();
    for (const text of ['a: .inf\n', 'a: [1, .nan]\n', 'a: -0\n', '__proto__: {polluted: true}\n', 'a: [\n']) cachedYamlSource(text, cache).remember();
    expect(cache.stored).toBe(0);
    cachedYamlSource('a: 1\nb: [x, {c: null}]\n', cache).remember();
    expect(cache.stored).toBe(1);
    // Kept, it gives the same data and the positions asked before, and finds any other by parsing.
    const fresh = cachedYamlSource('a: 1\nb: [x, {c: null}]\n', undefined);
    const kept = cachedYamlSource('a: 1\nb: [x, {c: null}]\n', cache);
    expect(cache.hits).toBe(1);
    expect(kept.value).toEqual(fresh.value);
    expect(kept.locate(['b', 1, 'c'])).toEqual(fresh.locate(['b', 1, 'c']));
  });
});
