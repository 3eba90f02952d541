/**
 * Repositories in temporary folders for the tests of replacing dist/: each is removed after its
 * test, and `site` writes a one-page site (dist/, the staging folder, the previous copy).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A function that makes a fresh repository folder, removed after each test of the file that calls this. */
export function useTemporaryRepositories(prefix: string): () => Promise<string> {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });
  return async () => {
    const root = await mkdtemp(path.join(tmpdir(), prefix));
    folders.push(root);
    return root;
  };
}

/** A site of one page whose text tells it apart, in `folder` of the repository. */
export async function site(root: string, folder: string, text: string): Promise<void> {
  await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, folder, 'index.html'), text);
}
