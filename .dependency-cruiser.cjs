/**
 * The import directions of Laurel's stages (docs/architecture.md), checked by `npm test`:
 *
 *   core ← content ← issue ← site        core ← content ← render ← site
 *   core ← verifier                      commands use anything but the pages
 *   scripts/ are thin entries over src/commands/
 *
 * and no import cycle anywhere. The core is pure: no node:* module (no file system, no clock of
 * its own, no environment), and neither is the verifier, which runs in the visitor's browser.
 * .astro files are outside the check (the cruiser cannot read them); they are in src/site/.
 */
const stage = (name) => `^src/${name}/`;
const outside = (...names) => `^src/(?!(${names.join('|')})/)`;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import cycle makes a module impossible to read or test alone.', from: {}, to: { circular: true } },
    { name: 'core-is-pure', severity: 'error', comment: 'src/core has no I/O: no node:* module (pass the file, the fetcher or the clock in).', from: { path: stage('core') }, to: { dependencyTypes: ['core'] } },
    { name: 'core-stands-alone', severity: 'error', comment: 'The core depends on no other stage.', from: { path: stage('core') }, to: { path: outside('core') } },
    { name: 'content-imports-core', severity: 'error', comment: 'Reading and validating content depends on the core only.', from: { path: stage('content') }, to: { path: outside('core', 'content') } },
    { name: 'issue-imports-core-and-content', severity: 'error', comment: 'Signing depends on the core and the content only.', from: { path: stage('issue') }, to: { path: outside('core', 'content', 'issue') } },
    { name: 'render-imports-core-and-content', severity: 'error', comment: 'Rendering images depends on the core and the content only.', from: { path: stage('render') }, to: { path: outside('core', 'content', 'render') } },
    { name: 'site-does-not-run-commands', severity: 'error', comment: 'The site is built from the stages, never from a command.', from: { path: stage('site') }, to: { path: stage('commands') } },
    { name: 'verifier-imports-core', severity: 'error', comment: 'The browser verifier runs the core, and nothing of the build.', from: { path: stage('verifier') }, to: { path: outside('core', 'verifier') } },
    { name: 'verifier-runs-in-a-browser', severity: 'error', comment: 'The verifier runs in the browser: no node:* module.', from: { path: stage('verifier') }, to: { dependencyTypes: ['core'] } },
    { name: 'commands-do-not-import-pages', severity: 'error', comment: 'Commands may use any stage, but not the pages and routes Astro renders.', from: { path: stage('commands') }, to: { path: '^src/site/(pages|routes|components|layouts|site-data)' } },
    { name: 'scripts-are-thin', severity: 'error', comment: 'A script only runs a command of src/commands/.', from: { path: '^scripts/' }, to: { path: '^(?!src/commands/)', dependencyTypes: ['local'] } },
  ],
  options: {
    // TypeScript 7 has no compiler API yet; swc parses the sources.
    parser: 'swc',
    // swc reads `import type` too, so a type-only import breaks a rule like any other.
    tsPreCompilationDeps: false,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.d\\.ts$', 'src/core/schemas/ob_v3p0_achievementcredential_validator\\.js$'] },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
