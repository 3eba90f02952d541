import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 }, colorScheme: 'dark' });
for (const [u,f] of [[process.argv[2],'/tmp/dark-cert.png'],['http://localhost:4399/','/tmp/dark-home.png']]) {
const page = await ctx.newPage();
await page.goto(u); await page.waitForTimeout(800);
await page.screenshot({ path: f });
}
await browser.close();
