/**
 * Learner keys stay in the repository: the academy fixture gives Kenji Mori's two awards one
 * learner key, and no file of its built dist/ (pages, JSON, images, the search index read
 * uncompressed) holds it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { LEARNER_KEY_PATTERN } from '../../src/content/schemas/award.ts';

const { dist, dir: root } = inject('sites').academy;

describe('a built site whose awards carry learner keys', () => {
  it('publishes no learner key in any file', () => {
    const keys = readdirSync(path.join(root, 'content', 'awards'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.yaml'))
      .flatMap((file) => [...readFileSync(path.join(root, 'content', 'awards', file), 'utf8').matchAll(/^\s*learner: (\S+)$/gm)].map((match) => match[1]!));
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(key).toMatch(LEARNER_KEY_PATTERN);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(dist, file)).isFile());
    // The scan reads the credentials of the awards that carry the keys.
    expect(files).toContain('credentials/f03ab81a-54ba-4f1b-a4ca-8e178ad8d519.json');
    // The search index's files are gzip-compressed: they are read as what they hold.
    const compressed = files.filter((file) => readFileSync(path.join(dist, file)).subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])));
    expect(compressed.some((file) => file.startsWith('pagefind/'))).toBe(true);
    for (const file of files) {
      const raw = readFileSync(path.join(dist, file));
      const bytes = (compressed.includes(file) ? gunzipSync(raw) : raw).toString('latin1');
      for (const key of new Set(keys)) expect(bytes.includes(key), file).toBe(false);
    }
  });
});
