/**
 * Global setup of the projects that read built sites (build, browser): the fixture sites of this
 * checkout (test/helpers/fixture-sites.ts), built once however many projects ask. The projects'
 * setups are separate module instances in one process, hence the memo on globalThis.
 */
import type { TestProject } from 'vitest/node';
import { fixtureSites, type FixtureSites } from '../helpers/fixture-sites.ts';

const KEY = Symbol.for('laurel.test.fixture-sites');

export default async function setup(project: TestProject): Promise<void> {
  const store = globalThis as unknown as Record<symbol, Promise<FixtureSites> | undefined>;
  project.provide('sites', await (store[KEY] ??= fixtureSites()));
}
