/** Reads the content tree from disk for `validateContent`. The only file I/O of validation. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ContentFiles, SourceFile } from './validate.ts';

async function listFiles(directory: string, pattern: RegExp): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(directory, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function readSource(root: string, file: string): Promise<SourceFile> {
  const text = await readFile(file, 'utf8');
  return { path: path.relative(root, file).split(path.sep).join('/'), text };
}

export async function readContentFiles(root: string): Promise<ContentFiles> {
  const content = path.join(root, 'content');
  const issuerPath = path.join(content, 'issuer.yaml');
  const issuer = await readSource(root, issuerPath).catch(() => undefined);
  const achievements = await Promise.all((await listFiles(path.join(content, 'achievements'), /\.mdx?$/)).map((file) => readSource(root, file)));
  const awards = await Promise.all((await listFiles(path.join(content, 'awards'), /\.ya?ml$/)).map((file) => readSource(root, file)));
  return { issuer, achievements, awards };
}
