// POINT's end-to-end test on Linux: the real window driven through tauri-driver and
// WebKitWebDriver, a real browser (browser.mjs, Debian's chromium), real deep links through
// xdg-open and the .desktop handler, the real keychain (GNOME Keyring) and the dev stack.
// scripts/e2e sets the stage (Xvfb, session bus, keyring, throwaway HOME, dev stack) and runs this.
//
// Prints "N passed, N failed" at the end; exits non-zero when anything failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const APP = process.env.E2E_APP;
const SHOTS = process.env.E2E_SCREENSHOTS;
const DRIVER = process.env.E2E_DRIVER_URL ?? 'http://127.0.0.1:4444';
const SERVICE = 'org.pointapp.point.dev';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
mkdirSync(SHOTS, { recursive: true });

let passed = 0;
let failed = 0;
let shot = 0;
let session = null;

async function webdriver(method, path, body) {
  const response = await fetch(`${DRIVER}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

async function launch(args = []) {
  const value = await webdriver('POST', '/session', {
    capabilities: { alwaysMatch: { 'tauri:options': { application: APP, args } } },
  });
  session = value.sessionId;
}

async function quit() {
  if (!session) return;
  await webdriver('DELETE', `/session/${session}`).catch(() => {});
  session = null;
  // Let the process exit and release the single-instance name.
  await sleep(1500);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const script = (source, args = []) => webdriver('POST', `/session/${session}/execute/sync`, { script: source, args });
const screen = () => script('return document.body.dataset.screen || ""');
const text = (selector) => script('const e = document.querySelector(arguments[0]); return e ? e.textContent : null', [selector]);

async function click(selector) {
  const element = await webdriver('POST', `/session/${session}/element`, { using: 'css selector', value: selector });
  await webdriver('POST', `/session/${session}/element/${element[ELEMENT]}/click`, {});
}

async function type(selector, value) {
  const element = await webdriver('POST', `/session/${session}/element`, { using: 'css selector', value: selector });
  await webdriver('POST', `/session/${session}/element/${element[ELEMENT]}/clear`, {}).catch(() => {});
  await webdriver('POST', `/session/${session}/element/${element[ELEMENT]}/value`, { text: value });
}

async function waitFor(description, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${description} (last: ${JSON.stringify(last)})`);
}

async function screenshot(name) {
  shot += 1;
  const data = await webdriver('GET', `/session/${session}/screenshot`);
  const file = join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  writeFileSync(file, Buffer.from(data, 'base64'));
  return file;
}

// The accounts POINT has in the keychain (secret-tool prints attributes on stderr).
function keychainEntries() {
  const found = spawnSync('secret-tool', ['search', '--all', 'service', SERVICE], { encoding: 'utf8' });
  return `${found.stdout}\n${found.stderr}`.split('\n')
    .filter((line) => line.startsWith('attribute.username = '))
    .map((line) => line.slice('attribute.username = '.length));
}

function storedRefreshToken() {
  const account = keychainEntries().find((name) => name.endsWith('00u1alice0example0001'));
  if (!account) return null;
  const secret = execFileSync('secret-tool', ['lookup', 'service', SERVICE, 'username', account], { encoding: 'utf8' });
  return JSON.parse(secret).refresh_token;
}

async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${error.message}`);
    if (session) await screenshot(`failed-${name.replace(/\W+/g, '-')}`).catch(() => {});
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const assertedScreen = async (name) => waitFor(`the ${name} screen`, async () => (await screen()) === name);

await step('1. the app registers itself as the org.pointapp.point handler, with %u', async () => {
  await launch();
  await assertedScreen('welcome');
  await screenshot('welcome');
  const dir = join(process.env.XDG_DATA_HOME ?? join(process.env.HOME, '.local/share'), 'applications');
  const entry = await waitFor('a .desktop handler', () => readdirSync(dir).find((f) => f.endsWith('.desktop') && readFileSync(join(dir, f), 'utf8').includes('x-scheme-handler/org.pointapp.point')));
  const desktop = readFileSync(join(dir, entry), 'utf8');
  assert(/^Exec=.*%u/m.test(desktop), `Exec line without %u in ${entry}:\n${desktop}`);
  const handler = execFileSync('xdg-mime', ['query', 'default', 'x-scheme-handler/org.pointapp.point'], { encoding: 'utf8' }).trim();
  assert(handler === entry, `xdg-mime default is ${handler}, not ${entry}`);
});

await step('2-4. sign in through the browser; the running app shows alice and her dashboard', async () => {
  await type('#work-email', 'alice@example.com');
  await click('#sign-in');
  await assertedScreen('waiting');
  await screenshot('waiting');
  await assertedScreen('dashboard');
  await waitFor('alice and her dashboard', async () => (await text('#user-name')) === 'Alice Anderson' && (await script('return document.querySelectorAll("#metrics li").length')) >= 3, 30000);
  assert((await text('#user-org')) === 'Example Corp', `organization is ${await text('#user-org')}`);
  await screenshot('dashboard');
  assert(keychainEntries().length === 1, `keychain entries: ${keychainEntries()}`);
});

await step('5. quit and relaunch: alice is signed in from the keychain, no browser', async () => {
  const browserRuns = existsSync(process.env.E2E_BROWSER_LOG) ? readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes(' open ')).length : 0;
  await quit();
  await launch();
  await assertedScreen('dashboard');
  await waitFor('alice restored', async () => (await text('#user-name')) === 'Alice Anderson');
  await screenshot('restored');
  const after = readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes(' open ')).length;
  assert(after === browserRuns, 'the browser was opened during the restore');
});

await step('6. sign out: revoked at the provider, back through /logout, keychain entry gone', async () => {
  const refreshToken = storedRefreshToken();
  assert(refreshToken, 'a refresh token in the keychain before sign-out');
  await click('#sign-out');
  await assertedScreen('welcome');
  await waitFor('the browser to come back through /logout', () => readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').includes('redirect org.pointapp.point:/logout'));
  await sleep(1000);
  await screenshot('signed-out');
  assert(keychainEntries().length === 0, `keychain entries left: ${keychainEntries()}`);
  const response = await fetch(`${process.env.POINT_OKTA_DOMAIN}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: process.env.POINT_CLIENT_ID }),
  });
  const body = await response.json();
  assert(body.error === 'invalid_grant', `the revoked token still works: ${response.status} ${JSON.stringify(body)}`);
});

await step('7. the unassigned user gets the error screen with the admin step', async () => {
  await type('#work-email', 'bob@example.com');
  await click('#sign-in');
  await assertedScreen('error');
  const message = await text('#error-message');
  const hint = await text('#error-hint');
  assert(message.includes('not assigned'), `message: ${message}`);
  assert(hint.includes('Assignments'), `hint: ${hint}`);
  await screenshot('not-assigned');
});

await step('8. a cold start with a stray callback is only a notice: the window stays on its screen', async () => {
  await quit();
  // No sign-in may be pending (steps 2 and 7 consumed theirs).
  assert(!keychainEntries().some((name) => name.startsWith('pending sign-in')), `pending: ${keychainEntries()}`);
  await launch(['org.pointapp.point:/login?code=stray-code&state=stray-state']);
  await assertedScreen('welcome');
  await waitFor('the notice', async () => (await script('return !document.getElementById("notice-banner").hidden')));
  const notice = await text('#notice-text');
  assert(notice.includes('no sign-in is in progress'), `notice: ${notice}`);
  await screenshot('stray-callback-notice');
  await click('#notice-dismiss');
  await waitFor('the notice to go', async () => (await script('return document.getElementById("notice-banner").hidden')));
});

const browserOpens = () => readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes(' open ')).length;
const managedConfig = (domains) => writeFileSync(process.env.POINT_MANAGED_CONFIG,
  `okta_domain = "${process.env.POINT_OKTA_DOMAIN}"\nclient_id = "${process.env.POINT_CLIENT_ID}"\nallowed_email_domains = ${JSON.stringify(domains)}\n`);

await step('9. IT manages the Okta settings: no manual setup, and an email outside IT\'s domains is refused before the browser', async () => {
  await quit();
  managedConfig(['example.com']);
  await launch();
  await assertedScreen('welcome');
  await waitFor('the managed note', async () => (await script('return !document.getElementById("managed-note").hidden')));
  assert(await script('return document.getElementById("manual-setup").hidden'), '"Set up manually" is on screen');
  const help = await text('#email-help');
  assert(help.includes('example.com'), `help: ${help}`);
  const before = browserOpens();
  await type('#work-email', 'mallory@elsewhere.org');
  await click('#sign-in');
  await waitFor('the refusal beside the field', async () => (await script('return !document.getElementById("email-error").hidden')));
  const refusal = await text('#email-error');
  assert(refusal.includes('only with an email address at example.com'), `refusal: ${refusal}`);
  assert((await screen()) === 'welcome', `screen: ${await screen()}`);
  await sleep(1000);
  assert(browserOpens() === before, 'the browser opened');
  await screenshot('managed-refused-email');
});

await step('10. an account whose verified email is outside IT\'s domains is not kept, and its token is revoked', async () => {
  await quit();
  managedConfig(['corp.example']);
  await launch();
  await assertedScreen('welcome');
  // Nothing typed: the provider's page signs alice@example.com in; the ID token decides.
  await click('#sign-in');
  await assertedScreen('error');
  const message = await text('#error-message');
  assert(message.includes('not one your IT department allows'), `message: ${message}`);
  await screenshot('email-not-allowed');
  await sleep(500);
  assert(keychainEntries().length === 0, `keychain entries: ${keychainEntries()}`);
});

await quit();
console.log(`\nscreenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
