/** Builds in-memory content trees from test/fixtures/content (see its README). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ContentFiles, SourceFile } from '../../src/content/validate.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/content');

function readTree(directory: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(directory, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}

export function toContentFiles(tree: ReadonlyMap<string, string>): ContentFiles {
  const sources = [...tree].map(([file, text]): SourceFile => ({ path: file, text })).sort((a, b) => a.path.localeCompare(b.path));
  return {
    issuer: sources.find((file) => file.path === 'content/issuer.yaml'),
    achievements: sources.filter((file) => /^content\/achievements\/.*\.mdx?$/.test(file.path)),
    awards: sources.filter((file) => /^content\/awards\/.*\.ya?ml$/.test(file.path)),
  };
}

function layOver(tree: Map<string, string>, directory: string): Map<string, string> {
  for (const [file, text] of readTree(directory)) {
    if (file === 'expected.json') continue;
    if (file.endsWith('.delete')) tree.delete(file.slice(0, -'.delete'.length));
    else tree.set(file, text);
  }
  return tree;
}

/** The minimal tree, with an error fixture's files laid over it. */
export function fixtureTree(overlay?: string): Map<string, string> {
  const tree = readTree(path.join(FIXTURES, 'minimal'));
  return overlay ? layOver(tree, path.join(FIXTURES, 'errors', overlay)) : tree;
}

/** The minimal tree with the files of another fixture folder (test/fixtures/content/<name>/) laid over it. */
export function fixtureTreeWith(name: string): Map<string, string> {
  return layOver(readTree(path.join(FIXTURES, 'minimal')), path.join(FIXTURES, name));
}

export function errorFixtureNames(): string[] {
  return readdirSync(path.join(FIXTURES, 'errors')).sort();
}

export interface ExpectedError {
  code: string;
  file: string;
  line: number;
  field?: string;
  messageIncludes?: string;
}

export function expectedError(name: string): ExpectedError {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'errors', name, 'expected.json'), 'utf8')) as ExpectedError;
}
