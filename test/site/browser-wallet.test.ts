/**
 * The wallet page's addresses and policy (src/site/browser-wallet.ts, content-security-policy.ts).
 * The page itself, with the real polyfill and a stand-in mediator, is in pages.browser.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserWalletPath, browserWalletPathForFile, CHAPI_MEDIATOR_ORIGIN, credentialFileFor, fillWords, walletControlWords } from '../../src/site/browser-wallet.ts';
import { en } from '../../src/core/locale/en.ts';
import { fr } from '../../src/core/locale/fr.ts';
import { BROWSER_WALLET_STYLE_HASHES, browserWalletPolicy, CONTENT_SECURITY_POLICY } from '../../src/site/content-security-policy.ts';

const require = createRequire(import.meta.url);

describe('the wallet page address', () => {
  it('names one credential, under the site’s base path', () => {
    expect(browserWalletPath('/', 'a1b2c3d4-0000')).toBe('/wallet/?credential=a1b2c3d4-0000');
    expect(browserWalletPath('/badges/', 'a1b2c3d4-0000')).toBe('/badges/wallet/?credential=a1b2c3d4-0000');
    expect(browserWalletPathForFile('/badges/credentials/a1b2c3d4-0000.json')).toBe('/badges/wallet/?credential=a1b2c3d4-0000');
    expect(browserWalletPathForFile('/credentials/a1b2c3d4-0000.json')).toBe('/wallet/?credential=a1b2c3d4-0000');
    expect(browserWalletPathForFile('/achievements/data-privacy.json')).toBeUndefined();
  });

  it('reads back the credential it names, and only ever a file of credentials/', () => {
    expect(credentialFileFor('/', `?credential=a1b2c3d4-0000`)).toEqual({ id: 'a1b2c3d4-0000', file: '/credentials/a1b2c3d4-0000.json' });
    expect(credentialFileFor('/badges/', new URL(`https://x.example${browserWalletPath('/badges/', 'a1b2c3d4-0000')}`).search)).toEqual({ id: 'a1b2c3d4-0000', file: '/badges/credentials/a1b2c3d4-0000.json' });
    // Only an award id: a path or an address could reach another file (hosts decode an escaped /).
    for (const id of ['../../issuer', '..%2F..%2Fissuer', 'https://evil.example/x', 'A1B2C3D4-0000', 'short']) {
      expect(credentialFileFor('/', `?credential=${encodeURIComponent(id)}`), id).toEqual({ problem: 'not-an-id', id });
    }
    expect(credentialFileFor('/', '')).toEqual({ problem: 'none' });
    expect(credentialFileFor('/', '?credential=%20')).toEqual({ problem: 'none' });
  });
});

describe('the wallet page policy', () => {
  /** The text of each <style> the polyfill and its RPC library insert, from the installed packages. */
  function insertedStyles(): string[] {
    const polyfill = readFileSync(require.resolve('credential-handler-polyfill'), 'utf8');
    const dialog = readFileSync(path.join(path.dirname(require.resolve('web-request-rpc')), 'WebAppWindowInlineDialog.js'), 'utf8');
    return [polyfill, dialog].flatMap((source) => [...source.matchAll(/createTextNode\(\s*`([^`]*)`/g)].map((match) => match[1]!));
  }

  it('allows exactly the installed polyfill’s styles, by hash', () => {
    const styles = insertedStyles();
    expect(styles).toHaveLength(2);
    const hashes = styles.map((style) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(hashes, 'credential-handler-polyfill or web-request-rpc changed its styles: update BROWSER_WALLET_STYLE_HASHES').toEqual([...BROWSER_WALLET_STYLE_HASHES]);
  });

  it('adds the mediator’s frame and those styles to the site’s policy, and nothing else', () => {
    const policy = browserWalletPolicy(CHAPI_MEDIATOR_ORIGIN).split(';');
    const site = CONTENT_SECURITY_POLICY.split(';');
    expect(policy.filter((directive) => !site.includes(directive))).toEqual([
      `style-src 'self' ${BROWSER_WALLET_STYLE_HASHES.join(' ')}`,
      'frame-src https://authn.io',
    ]);
    expect(policy.join(';')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('frame-src');
  });
});

describe("the wallet page's words for its control", () => {
  it('writes out every sentence in the page language, leaving only what the browser knows as a placeholder', () => {
    for (const catalog of [en, fr]) {
      const words = walletControlWords(catalog.walletPage, 'authn.io');
      expect(Object.keys(words).sort()).toEqual(Object.keys(catalog.walletPage).sort());
      for (const sentence of Object.values(words)) expect(typeof sentence).toBe('string');
      expect(words.ready).toContain('authn.io');
      expect(fillWords(words.noSuchCredential, { id: 'abc-123' })).toBe(catalog.walletPage.noSuchCredential('abc-123'));
      expect(fillWords(words.credentialTitle, { learner: 'Ada', achievement: 'Web' })).toBe(catalog.walletPage.credentialTitle('Ada', 'Web'));
    }
  });

  it('fills placeholders in one pass, so a name that looks like one stays as it is', () => {
    expect(fillWords('{learner}: {achievement}', { learner: '{achievement}', achievement: 'Web' })).toBe('{achievement}: Web');
    expect(fillWords('{unknown} left', {})).toBe('{unknown} left');
  });
});
