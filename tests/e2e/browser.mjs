#!/usr/bin/env node
// The "system browser" of POINT's end-to-end test (BROWSER points here): opens the URL in
// Debian's headless Chromium, signs in on the provider's page when it asks (username from the
// login_hint or E2E_USERNAME, password from E2E_PASSWORD), catches the provider's redirect to
// org.pointapp.point:..., and hands it to xdg-open, as a desktop browser hands a custom scheme
// to the OS. Logs to E2E_BROWSER_LOG (never a token: it logs the redirect's path only).
import { appendFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const url = process.argv[2];
const log = (line) => process.env.E2E_BROWSER_LOG && appendFileSync(process.env.E2E_BROWSER_LOG, `${new Date().toISOString()} ${line}\n`);

const browser = await chromium.launch({
  executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors-spki-list', '--ignore-certificate-errors'],
});
let redirect = null;
try {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.on('response', (response) => {
    const location = response.headers().location;
    if (location && location.startsWith('org.pointapp.point:')) redirect = location;
  });
  log(`open ${new URL(url).pathname}`);
  await page.goto(url).catch(() => {});
  for (let i = 0; i < 100 && !redirect; i += 1) {
    const username = await page.$('#username').catch(() => null);
    if (username) {
      if (!(await username.inputValue())) await username.fill(process.env.E2E_USERNAME ?? 'alice@example.com');
      await page.fill('#password', process.env.E2E_PASSWORD ?? 'correct horse battery staple');
      log('signing in on the provider page');
      await Promise.all([page.waitForLoadState().catch(() => {}), page.click('#sign-in').catch(() => {})]);
    }
    // A sign-in that asks for two factors (acr_values): the authenticator's one-time code.
    const code = await page.$('#code').catch(() => null);
    if (code) {
      await code.fill(process.env.E2E_ONE_TIME_CODE ?? '123456');
      log('second factor on the provider page');
      await Promise.all([page.waitForLoadState().catch(() => {}), page.click('#verify').catch(() => {})]);
    }
    await page.waitForTimeout(100);
  }
} finally {
  await browser.close();
}
if (!redirect) {
  log('no redirect to POINT');
  process.exit(1);
}
log(`redirect ${redirect.split('?')[0]} -> xdg-open`);
const opened = spawnSync('xdg-open', [redirect], { stdio: 'inherit' });
process.exit(opened.status ?? 1);
