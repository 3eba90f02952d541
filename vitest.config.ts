import { defineConfig } from 'vitest/config';

/**
 * Four projects that run side by side: fast tests in memory (unit); tests of built sites (build:
 * builds, the dev and preview servers, the command line on a built site) and tests in Chromium
 * (browser), which share the fixture sites their global setup builds once; and the template's own
 * checks (template: the repository's content builds and verifies, a fork of the template passes
 * its tests).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser tests wait on Chromium more than they use a core: let them overlap the rest.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.{build,browser,template}.test.ts'] } },
      // A whole build in a child process can take minutes on a busy machine: these limits only stop a hang.
      { extends: true, test: { name: 'build', include: ['test/**/*.build.test.ts'], globalSetup: ['test/setup/fixture-sites.ts'], testTimeout: 240_000 } },
      { extends: true, test: { name: 'browser', include: ['test/**/*.browser.test.ts'], globalSetup: ['test/setup/fixture-sites.ts'], testTimeout: 120_000 } },
      { extends: true, test: { name: 'template', include: ['test/**/*.template.test.ts'] } },
    ],
  },
});
