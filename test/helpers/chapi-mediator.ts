/**
 * A stand-in for a CHAPI mediator (authn.io), for Chromium tests that must not reach the network:
 * the page the credential-handler-polyfill frames, answered by Playwright, that speaks the
 * polyfill's own protocol with the polyfill's own library (web-request-rpc's WebApp, served from
 * node_modules as the real mediator's bundle carries it). Its `credentialsContainer.store` records
 * the web credential it was handed and answers as a wallet that kept it, or as a learner who
 * closed the chooser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

const RPC_LIBRARY = path.dirname(createRequire(import.meta.url).resolve('web-request-rpc'));

export interface FakeMediator {
  /** Every web credential handed to `store`, as the mediator received it. */
  readonly stored: unknown[];
  /** Whether the next `store` keeps the credential (a wallet was chosen) or answers null. */
  keep: boolean;
}

export async function routeFakeMediator(context: BrowserContext, mediatorOrigin: string, relyingOrigin: string): Promise<FakeMediator> {
  const mediator: FakeMediator = { stored: [], keep: true };
  const page = `<!doctype html><title>Mediator</title><script type="module">
    import { WebApp } from '/rpc/index.js';
    const app = new WebApp(${JSON.stringify(relyingOrigin)});
    app.server.define('credentialsContainer', {
      async get() { return null; },
      async store(credential) {
        const answer = await fetch('/stored', { method: 'POST', body: JSON.stringify(credential) });
        return (await answer.json()).keep ? { dataType: credential.dataType, data: credential.data } : null;
      },
    });
    await app.connect();
    await app.ready();
  </script>`;
  await context.route(`${mediatorOrigin}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/mediator') return route.fulfill({ contentType: 'text/html', body: page });
    if (pathname === '/stored') {
      mediator.stored.push(JSON.parse(route.request().postData() ?? 'null'));
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ keep: mediator.keep }) });
    }
    const file = /^\/rpc\/(\w+\.js)$/.exec(pathname)?.[1];
    if (file) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(RPC_LIBRARY, file), 'utf8') });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  return mediator;
}
