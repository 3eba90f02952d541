/** Reading the verifier's answer in a page, as the browser tests of /verify/ and of previews do. */
import type { Page } from 'playwright-core';

/** How long a verification may take on a shared machine before a test gives up. */
export const WAIT = { timeout: 45_000 };

/** The verdict (`data-verification-status`), once there is one. */
export async function verdict(page: Page): Promise<string> {
  const result = page.locator('[data-verification-status]');
  await result.waitFor(WAIT);
  return (await result.getAttribute('data-verification-status')) ?? '';
}

/** Each check's state by its id, as the checklist shows it. */
export async function states(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-checklist] [data-check]', (rows) => Object.fromEntries(rows.map((row) => [row.getAttribute('data-check'), row.getAttribute('data-state')])));
}
