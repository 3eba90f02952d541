import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
for (const [w,h,f] of [[1280,900,'/tmp/cert-wide.png'],[390,1600,'/tmp/cert-phone.png']]) {
const page = await browser.newPage({ viewport: { width: w, height: h } });
await page.goto(process.argv[2]); await page.waitForTimeout(800);
if (w < 500) await page.evaluate(() => document.querySelector('.actions').scrollIntoView());
await page.screenshot({ path: f });
}
await browser.close();
