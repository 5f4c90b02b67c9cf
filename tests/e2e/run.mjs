// POINT's end-to-end test on Linux: the real window driven through tauri-driver and
// WebKitWebDriver, a real browser (browser.mjs, Debian's chromium), real deep links through
// xdg-open and the .desktop handler, the real keychain (GNOME Keyring) and the dev stack.
// scripts/e2e sets the stage (Xvfb, session bus, keyring, throwaway HOME, dev stack) and runs this.
//
// Prints "N passed, N failed" at the end; exits non-zero when anything failed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deviceLeg } from './device-leg.mjs';

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

// The app starts through a wrapper that sources E2E_APP_ENV: a dark launch sets GTK's dark
// preference, which WebKitGTK passes on as prefers-color-scheme: dark.
// `env`: more lines for that file (step 15 unsets the stack's Okta settings).
async function launch(args = [], { dark = false, env = '' } = {}) {
  writeFileSync(process.env.E2E_APP_ENV, `${dark ? 'export GTK_THEME=Adwaita:dark\n' : ''}${env}`);
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
// An element's text, without the invisible marks Fluent puts around each value it places in a
// message (so that a name written right to left cannot reorder the sentence around it).
const text = async (selector) => {
  const found = await script('const e = document.querySelector(arguments[0]); return e ? e.textContent : null', [selector]);
  return typeof found === 'string' ? found.replace(/[\u2068\u2069]/g, '') : found;
};

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
  // Once the last change is painted (two frames later), not the frame before it.
  await webdriver('POST', `/session/${session}/execute/async`, {
    script: 'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
    args: [],
  }).catch(() => {});
  const data = await webdriver('GET', `/session/${session}/screenshot`);
  const file = join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  writeFileSync(file, Buffer.from(data, 'base64'));
  return file;
}

// The dev dashboard's switches (its figures' demand for a stronger sign-in).
async function dashboardApi(path, body) {
  const response = await fetch(new URL(path, process.env.POINT_API_BASE), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

// The dev provider's fault switch (on its own port).
async function devApi(path, body) {
  const response = await fetch(new URL(path, process.env.POINT_OKTA_DOMAIN), {
    method: body === undefined ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

// axe-core inside the real window: WCAG 2.1 A and AA rules, 0 violations expected.
const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const axeReport = [];
async function axe(name) {
  await script(`${AXE}\n;window.axe = axe; return true;`);
  const violations = await webdriver('POST', `/session/${session}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        .then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
        .catch((e) => done(['axe did not run: ' + e]));`,
    args: [],
  });
  const dark = await script('return matchMedia("(prefers-color-scheme: dark)").matches');
  axeReport.push(`${name} (${dark ? 'dark' : 'light'}): ${violations.length} violations`);
  assert(violations.length === 0, `axe on ${name}, ${dark ? 'dark' : 'light'}: ${violations.join(' | ')}`);
  // And what a screen reader receives of the same screen.
  screenReader(`${name} (${dark ? 'dark' : 'light'})`);
}

// What a screen reader receives on the screen shown (AT-SPI, read by tests/e2e/atspi.py, not
// the DOM): a heading it can name, a name for every control, the live region that announces
// status changes, and (when given) the focus where ARCHITECTURE.md says it lands.
const ATSPI = new URL('./atspi.py', import.meta.url).pathname;
const CONTROLS = new Set(['push button', 'toggle button', 'entry', 'password text', 'check box', 'radio button', 'link', 'combo box', 'spin button']);
const a11yReport = [];
function screenReader(what, { focus } = {}) {
  const run = spawnSync('/usr/bin/python3', [ATSPI, 'point'], { encoding: 'utf8', timeout: 60000 });
  let tree = {};
  try { tree = JSON.parse(run.stdout); } catch { /* said below */ }
  assert(Array.isArray(tree.nodes), `${what}: no accessibility tree: ${tree.error ?? run.stderr}`);
  const nodes = tree.nodes;
  const headings = nodes.filter((n) => n.role === 'heading' && n.name);
  assert(headings.length > 0, `${what}: no heading a screen reader can name`);
  const controls = nodes.filter((n) => CONTROLS.has(n.role));
  const unnamed = controls.filter((n) => !n.name);
  assert(unnamed.length === 0, `${what}: controls without a name: ${unnamed.map((n) => `${n.role}#${n.id}`).join(', ')}`);
  // A modal dialog makes the rest of the page inert (the live region too): then the dialog
  // itself, named, is what a screen reader announces as it opens.
  const dialog = nodes.find((n) => n.role === 'dialog');
  if (dialog) assert(dialog.name, `${what}: the dialog has no name a screen reader can announce`);
  else assert(nodes.some((n) => n.id === 'announcer' && n.live === 'polite'), `${what}: no live region announces screen changes (${nodes.map((n) => `${n.role}#${n.id}`).join(', ')})`);
  const focused = nodes.filter((n) => n.focused && n.role !== 'document web');
  if (focus) assert(focused.some((n) => n.id === focus), `${what}: the focus is on ${focused.map((n) => `${n.role}#${n.id}`).join(', ') || 'nothing'}, not #${focus}`);
  a11yReport.push(`${what}: ${nodes.length} objects, ${dialog ? `dialog "${dialog.name}"` : 'live region'}, heading "${headings[0].name}", ${controls.length} controls all named, focus on ${focused.map((n) => `${n.role} "${n.name}"`).join(', ') || 'the page'}`);
}

const statusText = () => script('const e = document.getElementById("dashboard-status"); return e.hidden ? "" : e.textContent');
const visible = (id) => script(`return !document.getElementById("${id}").hidden`);

// Signs out through the confirmation, which opens with Cancel focused and the Okta question (when
// the choice is the person's) answered as they last did; `endOkta` answers it, `remembered` is
// the answer expected from last time.
async function signOut({ endOkta, remembered } = {}) {
  await click('#sign-out');
  await waitFor('the sign-out confirmation', () => script('return document.getElementById("sign-out-dialog").open'));
  assert((await script('return document.activeElement.id')) === 'sign-out-cancel', 'Cancel has the focus');
  const asked = await visible('end-okta-choice');
  if (asked && remembered !== undefined) {
    const ticked = await script('return document.getElementById("end-okta-session").checked');
    assert(ticked === remembered, `the Okta question remembered ${remembered}, found ${ticked}`);
  }
  if (asked && endOkta !== undefined) await script(`document.getElementById("end-okta-session").checked = ${endOkta}; return true`);
  await click('#sign-out-confirm');
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
  screenReader('welcome', { focus: 'welcome-title' });
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

await step('5. quit and relaunch: "signing you in" with alice\'s cached name and kept dashboard, then the fresh one; never Welcome, no browser', async () => {
  const browserRuns = existsSync(process.env.E2E_BROWSER_LOG) ? readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes(' open ')).length : 0;
  await quit();
  // A slow token endpoint holds the restore for 3 s, so the restoring state can be seen.
  await devApi('/__dev/faults', { path: 'token', kind: 'delay', delay_ms: 3000, phase: 'before', count: 1 });
  await launch();
  const seen = new Set();
  let restoringShot = false;
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const now = await screen();
    seen.add(now);
    if (now === 'dashboard' && !restoringShot && (await statusText()).startsWith('Signing you in…')) {
      assert((await text('#user-name')) === 'Alice Anderson', `name while restoring: ${await text('#user-name')}`);
      // The dashboard kept from step 2-4, "as of" its time, before Okta answers.
      await waitFor('the kept dashboard while restoring', async () => (await statusText()).startsWith('Signing you in… showing your dashboard as of')
        && (await script('return document.querySelectorAll("#metrics li").length')) >= 3, 2000);
      await screenshot('restoring');
      await axe('restoring');
      restoringShot = true;
    }
    if (now === 'dashboard' && (await script('return document.querySelectorAll("#metrics li").length')) >= 3 && (await statusText()) === '') break;
    await sleep(100);
  }
  assert(restoringShot, `the restoring state was not seen (screens: ${[...seen]})`);
  assert(!seen.has('welcome'), `Welcome was shown during the restore (screens: ${[...seen]})`);
  await screenshot('restored');
  const after = readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes(' open ')).length;
  assert(after === browserRuns, 'the browser was opened during the restore');
});

await step('5b. offline relaunch: the kept dashboard "as of" its time, and POINT comes back by itself', async () => {
  await quit();
  await devApi('/__dev/offline', { seconds: 12 });
  await launch();
  await waitFor('the kept dashboard', async () => (await screen()) === 'dashboard' && (await statusText()).startsWith('Offline: showing your dashboard as of'), 20000);
  assert((await script('return document.querySelectorAll("#metrics li").length')) >= 3, 'the kept figures are shown');
  assert(await visible('offline-banner'), 'the offline banner');
  await screenshot('offline-kept-dashboard');
  await axe('offline dashboard');
  await waitFor('POINT back online by itself', async () => (await statusText()) === '' && !(await visible('offline-banner')), 60000);
  await screenshot('back-online');
});

await step('6. sign out: revoked at the provider, back through /logout, keychain entry gone', async () => {
  const refreshToken = storedRefreshToken();
  assert(refreshToken, 'a refresh token in the keychain before sign-out');
  // The confirmation: Cancel (or Escape) leaves everything as it was.
  await click('#sign-out');
  await waitFor('the sign-out confirmation', () => script('return document.getElementById("sign-out-dialog").open'));
  assert(await visible('end-okta-choice'), 'the Okta question is the person\'s here');
  assert(await script('return document.getElementById("end-okta-session").checked'), 'yes until first answered');
  await screenshot('sign-out-confirmation');
  await axe('sign-out confirmation');
  screenReader('sign-out confirmation', { focus: 'sign-out-cancel' });
  await click('#sign-out-cancel');
  await waitFor('the confirmation closed', async () => !(await script('return document.getElementById("sign-out-dialog").open')));
  assert((await script('return document.activeElement.id')) === 'sign-out', 'focus back on Sign out');
  assert((await screen()) === 'dashboard' && storedRefreshToken() === refreshToken, 'nothing changed');
  await signOut({ endOkta: true });
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

await step('7b. contact support: the bundle is written and holds no token material', async () => {
  assert((await screen()) === 'error', `screen: ${await screen()}`);
  assert((await text('#error-title')) === "Sign-in didn't work", `title: ${await text('#error-title')}`);
  await click('#contact-support');
  await waitFor('the bundle', async () => (await text('#support-status')).startsWith('Saved '), 60000);
  const status = await text('#support-status');
  const path = status.slice('Saved '.length, status.indexOf('.txt') + 4);
  assert(existsSync(path), `no bundle at ${path}`);
  const bundle = readFileSync(path, 'utf8');
  for (const needle of ['POINT support bundle', 'okta issuer:', '== point doctor', 'okta app', 'DPoP key: new keys are made in this computer\'s TPM (swtpm:', '== the last 200 lines of the log']) {
    assert(bundle.includes(needle), `the bundle lacks ${needle}`);
  }
  const material = bundle.match(/eyJ[A-Za-z0-9_-]{8,}|(refresh|access|id)_token["=:]\s*"?[A-Za-z0-9_-]{4,}|[?&](code|state)=[A-Za-z0-9_-]{4,}/);
  assert(!material, `token material in the bundle: ${material}`);
  assert(await visible('email-support'), 'the "Email support" button');
  await screenshot('support-bundle');
});

await step('7c. not assigned → "sign in as someone else": Okta asks again (prompt=login) and the assigned user signs in', async () => {
  const pages = () => readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes('signing in on the provider page')).length;
  const before = pages();
  assert(await visible('error-someone-else'), 'the button on the not-assigned screen');
  await click('#error-someone-else');
  await assertedScreen('dashboard');
  await waitFor('alice', async () => (await text('#user-name')) === 'Alice Anderson');
  assert(pages() === before + 1, 'the provider\'s login page was not shown');
  await screenshot('someone-else-signed-in');
  // Sign out locally only this time (the Okta session stays): no /logout round trip.
  await signOut({ endOkta: false, remembered: true });
  await assertedScreen('welcome');
  await waitFor('no keychain entry', () => keychainEntries().length === 0);
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
  await axe('welcome with a notice');
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

await step('11. keyboard and screen readers: axe-core finds 0 WCAG A/AA violations on every screen, light and dark', async () => {
  for (const dark of [false, true]) {
    await quit();
    writeFileSync(process.env.POINT_MANAGED_CONFIG, '');
    await launch([], { dark });
    await assertedScreen('welcome');
    assert((await script('return matchMedia("(prefers-color-scheme: dark)").matches')) === dark, `prefers-color-scheme: dark is ${!dark}`);
    await axe('welcome');
    // The notice banner.
    await screenshot(`welcome-${dark ? 'dark' : 'light'}`);
    await click('#manual-setup');
    await assertedScreen('setup');
    assert((await script('return document.activeElement && document.activeElement.id')) === 'okta-domain', 'focus moves to the first field');
    await axe('setup');
    await click('#setup-back');
    await assertedScreen('welcome');
    // The waiting screen, held by a slow authorize endpoint; Escape cancels it.
    await devApi('/__dev/faults', { path: 'authorize', kind: 'delay', delay_ms: 4000, phase: 'before', count: 1 });
    await type('#work-email', 'bob@example.com');
    await click('#sign-in');
    await assertedScreen('waiting');
    assert((await script('return document.activeElement && document.activeElement.id')) === 'waiting-title', 'focus on the waiting screen\'s heading');
    await axe('waiting');
    await screenshot(`waiting-${dark ? 'dark' : 'light'}`);
    await assertedScreen('error');
    await axe('error');
    await screenshot(`error-${dark ? 'dark' : 'light'}`);
    await click('#error-someone-else');
    await assertedScreen('dashboard');
    await waitFor('the dashboard', async () => (await script('return document.querySelectorAll("#metrics li").length')) >= 3);
    await axe('dashboard');
    await screenshot(`dashboard-${dark ? 'dark' : 'light'}`);
    await signOut({ endOkta: false, remembered: false });
    await assertedScreen('welcome');
  }
  console.log(axeReport.join('\n'));
  console.log(a11yReport.join('\n'));
});

await step('12. the window opens as large as it was left', async () => {
  await quit();
  await launch();
  await assertedScreen('welcome');
  await webdriver('POST', `/session/${session}/window/rect`, { width: 1010, height: 730 });
  const left = await webdriver('GET', `/session/${session}/window/rect`);
  await quit();
  await launch();
  await assertedScreen('welcome');
  const now = await webdriver('GET', `/session/${session}/window/rect`);
  assert(now.width === left.width && now.height === left.height, `left ${JSON.stringify(left)}, reopened ${JSON.stringify(now)}`);
});

await step('13. keyboard: Escape cancels a sign-in that waits for the browser; its late answer is only a notice', async () => {
  await devApi('/__dev/faults', { path: 'authorize', kind: 'delay', delay_ms: 3000, phase: 'before', count: 1 });
  await type('#work-email', 'alice@example.com');
  await click('#sign-in');
  await assertedScreen('waiting');
  await webdriver('POST', `/session/${session}/actions`, {
    actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }],
  });
  await assertedScreen('welcome');
  assert(!keychainEntries().some((name) => name.startsWith('pending sign-in')), 'the pending sign-in is gone');
  await waitFor('the late answer as a notice', async () => (await visible('notice-banner')) && (await text('#notice-text')).includes('no sign-in is in progress'), 30000);
  assert((await screen()) === 'welcome', `screen: ${await screen()}`);
  await screenshot('escape-cancelled');
});

await step('14. sign in on another device: the code, the page and a QR code in the window; signed in once alice confirms on her phone', async () => {
  assert((await screen()) === 'welcome', `screen: ${await screen()}`);
  await click('#device-sign-in');
  await waitFor('the device screen', async () => (await screen()) === 'device');
  const code = await text('#device-code');
  const page = await text('#device-page');
  assert(/^[A-Z]{4}-[A-Z]{4}$/.test(code), `code: ${code}`);
  assert(page.endsWith('/activate'), `page: ${page}`);
  const qr = await script('const q = document.getElementById("device-qr"); return q.hidden ? "" : q.src');
  assert(qr.startsWith('data:image/svg+xml,'), `qr: ${qr.slice(0, 40)}`);
  await screenshot('device-sign-in');
  await axe('device sign-in');
  const last = await deviceLeg(`${page}?user_code=${code}`);
  assert(last.includes('Device activated'), `the phone's last page: ${last}`);
  await waitFor('alice on the dashboard', async () => (await screen()) === 'dashboard' && (await text('#user-email')) === 'alice@example.com', 30000);
  assert(keychainEntries().length === 1, `keychain entries: ${keychainEntries()}`);
  await screenshot('device-signed-in');
});

await step('15. two organizations: alice at Example Corp and carol at Globex (DPoP-bound), switched in the window without signing in again; signing out of one leaves the other', async () => {
  const onDashboard = (name, organization) => waitFor(`${name} at ${organization}`, async () => (await screen()) === 'dashboard'
    && (await text('#user-name')) === name && (await text('#user-org')) === organization
    && (await script('return document.querySelectorAll("#metrics li").length')) >= 1, 30000);
  await quit();
  // The Okta settings are the person's own (found by work email), not the environment's.
  await launch([], { env: 'unset POINT_OKTA_DOMAIN POINT_CLIENT_ID\n' });
  await assertedScreen('welcome');
  await type('#work-email', 'alice@example.com');
  await click('#sign-in');
  await onDashboard('Alice Anderson', 'Example Corp');
  assert(await visible('add-organization'), 'Add an organization is offered');

  await click('#add-organization');
  await assertedScreen('welcome');
  assert((await text('#welcome-title')) === 'Add an organization', `title: ${await text('#welcome-title')}`);
  await screenshot('add-organization');
  await axe('add an organization');
  await type('#work-email', 'carol@globex.test');
  await click('#sign-in');
  await onDashboard('Carol Chen', 'Globex');
  const accounts = keychainEntries();
  const carol = accounts.find((name) => name.endsWith(' point-native-dpop 00u1carol0globex00003'));
  assert(carol && accounts.some((name) => name.endsWith(' point-native 00u1alice0example0001')), `keychain entries: ${accounts}`);
  const stored = JSON.parse(execFileSync('secret-tool', ['lookup', 'service', SERVICE, 'username', carol], { encoding: 'utf8' }));
  // The key was made in the TPM (scripts/e2e gives the app a software TPM, swtpm): the entry
  // holds only what the TPM wrapped, which no other TPM can load.
  assert(typeof stored.dpop_key === 'string' && stored.dpop_key.startsWith('tpm2.'), `Globex's tokens are bound to a key in the TPM: ${String(stored.dpop_key).slice(0, 8)}`);
  await screenshot('globex-dashboard');
  await axe('dashboard with two organizations');

  const before = browserOpens();
  await click('#organization-list button');
  await onDashboard('Alice Anderson', 'Example Corp');
  await screenshot('switched-to-example');
  await click('#organization-list button');
  await onDashboard('Carol Chen', 'Globex');
  assert(browserOpens() === before, 'switching opened the browser');

  // Signing out of Globex ends Globex's session only; Example Corp is one click away.
  await signOut({ endOkta: false });
  await assertedScreen('welcome');
  await waitFor('Globex\'s keychain entry gone', () => !keychainEntries().some((name) => name.includes('point-native-dpop')));
  assert(keychainEntries().some((name) => name.endsWith(' point-native 00u1alice0example0001')), `keychain entries: ${keychainEntries()}`);
  assert(await visible('welcome-organizations'), 'the other organization is offered on Welcome');
  await screenshot('signed-out-of-globex');
  await axe('welcome with another organization');
  await click('#welcome-organization-list button');
  await onDashboard('Alice Anderson', 'Example Corp');
  assert(browserOpens() === before, 'switching back opened the browser');
});

// Text that does not fit: an element wider than the window or outside it, or whose content is
// wider or taller than its box where the box cuts it off (overflow other than visible), or a
// control whose label runs past its edges.
const OVERFLOW = `const out = [];
  const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('[hidden]') || (e.closest('dialog') && !e.closest('dialog').open)) continue;
    // Kept for screen readers only, clipped on purpose.
    if (e.closest('.visually-hidden')) continue;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < -1 || box.right > innerWidth + 1) out.push('outside the window: ' + name(e));
    const style = getComputedStyle(e);
    if (style.display === 'inline') continue;
    const cuts = style.overflowX !== 'visible' || style.overflowY !== 'visible' || e.matches('button, input, label, h1, h2');
    if (cuts && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) out.push('cut off: ' + name(e));
  }
  return out;`;
async function fits(what) {
  const problems = await script(OVERFLOW);
  assert(problems.length === 0, `${what}: ${problems.join(' | ')}`);
}

await step('16. in every language POINT ships, in a longer one (the pseudo-locale) and right to left (Arabic): every word from the catalogs (the window\'s and POINT\'s errors), nothing cut off, axe 0 violations', async () => {
  const LOCALES = [['en_XA.UTF-8', 'en-XA', 'ltr'], ['ar_EG.UTF-8', 'ar', 'rtl'], ['de_DE.UTF-8', 'de', 'ltr'], ['fr_FR.UTF-8', 'fr', 'ltr'], ['es_ES.UTF-8', 'es', 'ltr'], ['pt_BR.UTF-8', 'pt-BR', 'ltr'], ['ja_JP.UTF-8', 'ja', 'ltr']];
  for (const [tag, lang, dir] of LOCALES) {
    await quit();
    // As step 15 left it: two organizations found by work email, alice at Example Corp in force.
    await launch([], { env: `unset POINT_OKTA_DOMAIN POINT_CLIENT_ID\nexport LANGUAGE=${tag.split('.')[0]}\nexport LANG=${tag}\n` });
    await assertedScreen('dashboard');
    await waitFor('the dashboard', async () => (await script('return document.querySelectorAll("#metrics li").length')) >= 3);
    assert((await script('return document.documentElement.lang')) === lang, `lang ${lang}`);
    // The screenshots show the words only where this machine has a font for them.
    const fonts = spawnSync('fc-list', [`:lang=${lang.split('-')[0]}`], { encoding: 'utf8' }).stdout ?? '';
    assert(fonts.trim(), `no font for ${lang} on this machine: its screenshots would show boxes`);
    assert((await script('return document.documentElement.dir')) === dir, `dir ${dir}`);
    assert((await text('#sign-out')) !== 'Sign out', `the ${lang} catalog words the page`);
    await screenshot(`dashboard-${lang}`);
    await fits(`dashboard (${lang})`);
    await axe(`dashboard (${lang})`);
    await click('#sign-out');
    await waitFor('the sign-out confirmation', () => script('return document.getElementById("sign-out-dialog").open'));
    await screenshot(`sign-out-confirmation-${lang}`);
    await fits(`sign-out confirmation (${lang})`);
    await axe(`sign-out confirmation (${lang})`);
    await click('#sign-out-cancel');
    await click('#add-organization');
    await assertedScreen('welcome');
    await screenshot(`add-organization-${lang}`);
    await fits(`welcome, adding an organization (${lang})`);
    await axe(`welcome (${lang})`);
    // An error POINT's Rust side words (the dashboard knows no Okta for this domain): in the
    // person's language too, with its hint box and buttons.
    await type('#work-email', 'someone@not-connected.example');
    await click('#sign-in');
    await assertedScreen('error');
    const message = await text('#error-message');
    assert(message && !message.includes("hasn't connected Okta"), `the error in ${lang}, not English: ${message}`);
    await screenshot(`error-${lang}`);
    await fits(`error (${lang})`);
    await axe(`error (${lang})`);
  }
  console.log(a11yReport.filter((line) => LOCALES.some(([, lang]) => line.includes(`(${lang})`))).join('\n'));
});

await step('17. step-up: the figures ask for two factors; the window says so, alice signs in again on the provider with her second factor, and the figures show', async () => {
  await quit();
  await launch([], { env: 'unset POINT_OKTA_DOMAIN POINT_CLIENT_ID\n' });
  await assertedScreen('dashboard');
  await waitFor('the dashboard', async () => (await script('return document.querySelectorAll("#metrics li").length')) >= 3);
  await dashboardApi('/__dev/require-acr', { acr: 'urn:okta:loa:2fa:any' });
  try {
    await click('#refresh');
    await assertedScreen('error');
    assert((await text('#error-title')) === 'This needs a stronger sign-in', `title: ${await text('#error-title')}`);
    const asked = await text('#error-message');
    assert(asked.includes('two factors'), `what is asked, in words: ${asked}`);
    assert(!(await script('return document.getElementById("error-step-up").hidden')), '"Sign in again" offered');
    assert(await script('return document.getElementById("error-retry").hidden'), 'not "Try again"');
    await screenshot('step-up-asked');
    await fits('step-up asked');
    await axe('step-up asked');
    const factors = () => readFileSync(process.env.E2E_BROWSER_LOG, 'utf8').split('\n').filter((l) => l.includes('second factor on the provider page')).length;
    const before = factors();
    await click('#error-step-up');
    await waitFor('the dashboard after the step-up', async () => (await screen()) === 'dashboard', 60000);
    await waitFor('the figures, after the step-up', async () => (await script('return document.querySelectorAll("#metrics li").length')) >= 3);
    assert(factors() === before + 1, 'the provider asked alice for her second factor once');
    assert((await text('#user-email')) === 'alice@example.com', 'the same person, alice');
    await waitFor('her organization named', async () => (await text('#user-org')) === 'Example Corp');
    // The figures answered: the window does not go back to asking for more.
    await sleep(2000);
    assert((await screen()) === 'dashboard', `the figures after the step-up, not ${await screen()}`);
    await screenshot('step-up-done');
  } finally {
    await dashboardApi('/__dev/require-acr', { acr: null });
  }
});

await quit();
console.log(`\nscreenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
