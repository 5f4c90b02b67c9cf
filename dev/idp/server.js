// An OpenID provider shaped like Okta, for POINT's development and tests.
//
// Built on oidc-provider (OpenID Certified) and configured to behave like an Okta custom
// authorization server (issuer https://HOST:PORT/oauth2/default, endpoints under /v1/), or with
// --org-server like Okta's org authorization server (issuer https://HOST:PORT, endpoints under
// /oauth2/v1/). It serves TLS from the certificate the dev stack generates, registers POINT's native
// app as client `point-native` (and a second one, `point-native-dpop`, whose tokens must be bound
// to a DPoP key as when an admin ticks "Require Demonstrating Proof of Possession"), and refuses
// unassigned users the way Okta does.
//
// On start it prints one JSON line to stdout: {"event":"ready","issuer":...,"port":...}.
//
// For tests it also has a fault switch, driven with JSON requests to /__dev/ on its own HTTPS port
// (see devApi below): queued faults on its endpoints (an error status, a delay, a dropped
// connection, a captive portal's page, a truncated body), going offline for a while, a clock that
// runs fast or slow, an Okta-style signing key rotation, and Okta's refresh token grace period.

import { readFileSync } from 'node:fs';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import https from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import Provider, { errors, interactionPolicy } from 'oidc-provider';

const HERE = new URL('.', import.meta.url).pathname;

const { values: opts } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'org-server': { type: 'boolean', default: false },
    'auto-login': { type: 'boolean', default: false },
    users: { type: 'string', default: `${HERE}users.json` },
    'access-token-ttl': { type: 'string', default: '3600' },
    'id-token-ttl': { type: 'string', default: '3600' },
    'refresh-token-ttl': { type: 'string', default: String(90 * 24 * 3600) },
    // Okta's "grace period for token rotation": 30 s by default, 0 to 60 allowed.
    'refresh-grace': { type: 'string', default: '30' },
    // The polling interval of a sign-in on another device (RFC 8628): Okta's is 5 s.
    'device-interval': { type: 'string', default: '5' },
  },
});

if (!opts.cert || !opts.key) {
  console.error('usage: node server.js --cert CERT.pem --key KEY.pem [--org-server] [--auto-login] [--port N] [--refresh-grace SECONDS]');
  process.exit(2);
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const deviceInterval = Number(opts['device-interval']);
if (!Number.isInteger(deviceInterval) || deviceInterval < 1) {
  console.error('--device-interval must be a whole number of seconds, 1 or more');
  process.exit(2);
}

const MAX_REFRESH_GRACE = 60;
const validGrace = (value) => Number.isInteger(value) && value >= 0 && value <= MAX_REFRESH_GRACE;
let refreshGraceSeconds = Number(opts['refresh-grace']);
if (!validGrace(refreshGraceSeconds)) {
  console.error(`--refresh-grace must be a whole number of seconds from 0 to ${MAX_REFRESH_GRACE}`);
  process.exit(2);
}

// The provider's clock, which /__dev/clock can set running ahead or behind. oidc-provider (iat,
// exp, auth_time, expiry of its stored codes and tokens) reads the global Date.now() whenever it
// needs the time, so patching it moves everything at once; the HTTP Date header is stamped from it
// too (see the request handler).
const realNow = Date.now;
let clockOffsetMs = 0;
Date.now = () => realNow() + clockOffsetMs;
const httpDate = () => new Date(Date.now()).toUTCString();

const CLIENT_ID = 'point-native';
const DPOP_CLIENT_ID = 'point-native-dpop';
const NATIVE_CLIENT_IDS = [CLIENT_ID, DPOP_CLIENT_ID];
const API_AUDIENCE = 'api://point';
const SCOPES = ['openid', 'profile', 'email', 'offline_access'];
const NOT_ASSIGNED = 'User is not assigned to the client application.';

const users = JSON.parse(readFileSync(opts.users, 'utf8'));
const userById = new Map(users.map((u) => [u.id, u]));
const userByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));

// Okta's two shapes differ only in where the server lives and where its endpoints sit.
const orgServer = opts['org-server'];
const mountPath = orgServer ? '' : '/oauth2/default';
const endpoint = (name) => (orgServer ? `/oauth2/v1/${name}` : `/v1/${name}`);

// The provider's endpoints by the names the fault switch uses. Paths are as oidc-provider sees
// them, that is below the mount path in both shapes.
const ENDPOINT_NAMES = ['authorize', 'token', 'keys', 'revoke', 'logout', 'introspect', 'userinfo', 'device/authorize', 'par'];
const DISCOVERY_PATH = '/.well-known/openid-configuration';
const FAULT_PATHS = [...ENDPOINT_NAMES, 'discovery'];
const endpointName = (path) => (path === DISCOVERY_PATH ? 'discovery' : ENDPOINT_NAMES.find((name) => endpoint(name) === path));

// requests: by `METHOD path`; grants: by `grant_type:outcome` (and `logout:success`);
// faults: faults applied, by `path:kind:phase`.
const stats = { requests: {}, grants: {}, faults: {} };
const count = (table, key) => { table[key] = (table[key] ?? 0) + 1; };

const server = https.createServer({
  cert: readFileSync(opts.cert),
  key: readFileSync(opts.key),
});
await new Promise((resolve) => server.listen(Number(opts.port), opts.host, resolve));
const { port } = server.address();
const issuer = `https://${opts.host}:${port}${mountPath}`;

// Every open connection, so that going offline can cut the keep-alive ones too. For an HTTPS
// server 'connection' gives the TCP socket, before the TLS handshake.
const sockets = new Set();
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

// A new RSA key pair as KeyObjects of their own. Node 20's generateKeyPairSync can deadlock when
// garbage collection frees its job while the key it returned is being exported (seen: the main
// thread stuck in ~KeyGenJob under privateKey.export()); taking the keys out as PEM inside the job
// and parsing them again leaves nothing shared with the job.
function newRsaKeyPair() {
  const pem = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey: createPrivateKey(pem.privateKey), publicKey: createPublicKey(pem.publicKey) };
}

const { privateKey } = newRsaKeyPair();
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `dev-${randomBytes(6).toString('hex')}`, use: 'sig', alg: 'RS256' };

// A POINT Native App as an admin creates it in Okta.
function nativeApp(settings) {
  return {
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    // Device Authorization: sign-in on another device (RFC 8628), enabled on the app as an
    // admin enables it in Okta.
    grant_types: ['authorization_code', 'refresh_token', DEVICE_GRANT],
    response_types: ['code'],
    // The loopback redirect (RFC 8252 §7.3) where org.pointapp.point: links cannot reach POINT:
    // registered without a port, any port allowed (oidc-provider does so for native clients).
    redirect_uris: ['org.pointapp.point:/login', 'http://127.0.0.1/login'],
    post_logout_redirect_uris: ['org.pointapp.point:/logout'],
    id_token_signed_response_alg: 'RS256',
    ...settings,
  };
}

// ---- Sign-in strength (Okta's acr_values; step-up, RFC 9470) ------------------------------------
//
// Okta's predefined classes. A sign-in with the password alone is urn:okta:loa:1fa:any; one that
// asks a two-factor class gets a second page (a one-time code: the dev stack's authenticator
// always shows DEV_ONE_TIME_CODE) and is urn:okta:loa:2fa:any. Phishing-resistant classes cannot be
// met here: Okta's answer is then unmet_authentication_requirements, as for a person without
// such an authenticator.
const ONE_FACTOR = 'urn:okta:loa:1fa:any';
const TWO_FACTORS = 'urn:okta:loa:2fa:any';
const TWO_FACTOR_CLASSES = new Set([TWO_FACTORS, 'urn:okta:loa:2fa:any:ifpossible']);
const UNMEETABLE_CLASSES = new Set(['phr', 'phrh', 'urn:okta:loa:2fa:any:phr', 'urn:okta:loa:2fa:any:phrh']);
const DEV_ONE_TIME_CODE = '123456';
const askedClasses = (params) => String(params.acr_values ?? '').split(' ').filter(Boolean);
const asksTwoFactors = (params) => askedClasses(params).some((c) => TWO_FACTOR_CLASSES.has(c));
const asksOnlyUnmeetable = (params) => {
  const asked = askedClasses(params);
  return asked.length > 0 && asked.every((c) => UNMEETABLE_CLASSES.has(c));
};

// Okta asks for what a session lacks: a session signed in with one factor meets a two-factor
// request only after the second factor.
const signInPolicy = interactionPolicy.base();
signInPolicy.get('login').checks.add(new interactionPolicy.Check('acr_values', 'The sign-in is not as strong as asked', (ctx) => {
  const { oidc } = ctx;
  if (!asksTwoFactors(oidc.params) && !asksOnlyUnmeetable(oidc.params)) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  if (oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  if (oidc.session.accountId && oidc.session.acr === TWO_FACTORS && !asksOnlyUnmeetable(oidc.params)) {
    return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  }
  return interactionPolicy.Check.REQUEST_PROMPT;
}));
// Who has given their password on a page that still asks the second factor, by interaction.
const awaitingSecondFactor = new Map();

const provider = new Provider(issuer, {
  acrValues: [ONE_FACTOR, 'urn:okta:loa:1fa:pwd', TWO_FACTORS, 'urn:okta:loa:2fa:any:ifpossible', 'phr', 'phrh'],
  clients: [
    nativeApp({ client_id: CLIENT_ID, client_name: 'POINT Native App Integration' }),
    // Globex's POINT app, with "Require Demonstrating Proof of Possession (DPoP) header in token
    // requests" ticked: access and refresh tokens are bound to the key of the proof (RFC 9449).
    nativeApp({ client_id: DPOP_CLIENT_ID, client_name: 'POINT Native App Integration (DPoP)', dpop_bound_access_tokens: true }),
    {
      // The website's Single-Page App, as POINT's web guide has admins create it: a Client ID an
      // admin may paste into POINT by mistake (its redirect URI is not POINT's: `point doctor`'s
      // `okta app` check says so).
      client_id: 'point-web-spa',
      client_name: 'POINT SPA Integration',
      application_type: 'web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['https://dash.pointapp.org/login/callback'],
      post_logout_redirect_uris: ['https://dash.pointapp.org'],
      id_token_signed_response_alg: 'RS256',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: SCOPES,
  claims: {
    openid: ['sub'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale', 'zoneinfo', 'updated_at'],
    email: ['email', 'email_verified'],
  },
  // Okta puts the profile claims in the ID token of a code flow.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  rotateRefreshToken: true,
  ttl: {
    AccessToken: Number(opts['access-token-ttl']),
    IdToken: Number(opts['id-token-ttl']),
    RefreshToken: Number(opts['refresh-token-ttl']),
    AuthorizationCode: 300,
    Grant: Number(opts['refresh-token-ttl']),
    Session: 14 * 24 * 3600,
    // Longer than Okta's, so that the clock-offset fault (up to ±2 h) does not expire the
    // browser's interaction cookie at once.
    Interaction: 3 * 3600,
  },
  routes: {
    authorization: endpoint('authorize'),
    token: endpoint('token'),
    userinfo: endpoint('userinfo'),
    jwks: endpoint('keys'),
    revocation: endpoint('revoke'),
    end_session: endpoint('logout'),
    introspection: endpoint('introspect'),
    device_authorization: endpoint('device/authorize'),
    pushed_authorization_request: endpoint('par'),
    // Okta's page for the user code.
    code_verification: '/activate',
  },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    introspection: {
      enabled: true,
      // Okta lets a native app introspect its own tokens with just its client_id. A client without
      // credentials may introspect only its own tokens; a consumed (rotated away) refresh token is
      // answered {"active": false}.
      allowedPolicy: (_ctx, client, token) => client.clientAuthMethod !== 'none' || token.clientId === client.clientId,
    },
    rpInitiatedLogout: { enabled: true },
    // Pushed authorization requests (RFC 9126), as Okta has them at /v1/par: offered, not
    // required; each request_uri lives a minute and is used once.
    pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
    // DPoP (RFC 9449), as Okta has it: offered to every client, required of those that ask for
    // bound tokens, and always with a nonce of the provider's own at the token endpoint (the first
    // proof is answered use_dpop_nonce with a DPoP-Nonce header).
    dPoP: {
      enabled: true,
      nonceSecret: randomBytes(32),
      requireNonce: () => true,
    },
    // Sign-in on another device: the person opens /activate (the code filled in from
    // verification_uri_complete), confirms the code, and signs in on the usual page.
    deviceFlow: {
      enabled: true,
      charset: 'base-20',
      mask: '****-****',
      userCodeInputSource: (ctx, form, _out, err) => {
        ctx.body = page('Activate a device', `<div class="brand">Okta (dev)</div><h1>Activate a device</h1>
${err ? `<p class="error">That did not work (${escape(err.name ?? 'error')}). Check the code and try again.</p>` : '<p>Enter the code POINT shows.</p>'}
${form}<button type="submit" form="op.deviceInputForm">Next</button>`);
      },
      userCodeConfirmSource: (ctx, form, client, _deviceInfo, userCode) => {
        ctx.body = page('Activate a device', `<div class="brand">Okta (dev)</div><h1>Sign in to ${escape(client.clientName ?? client.clientId)}?</h1>
<p>Check that POINT shows this code: <code id="user-code">${escape(userCode)}</code></p>
${form}<button type="submit" form="op.deviceConfirmForm">Yes, sign in</button>
<button type="submit" form="op.deviceConfirmForm" name="abort" value="yes">No, that's not me</button>`);
      },
      successSource: (ctx) => {
        ctx.body = page('Device activated', '<div class="brand">Okta (dev)</div><h1>Device activated</h1><p>Return to POINT: it is signing you in.</p>');
      },
    },
    resourceIndicators: {
      // A custom authorization server issues JWT access tokens for POINT's API. The org server's
      // tokens are meant for Okta itself: opaque here, checked through userinfo.
      enabled: !orgServer,
      defaultResource: () => API_AUDIENCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== API_AUDIENCE) throw new errors.InvalidTarget();
        return {
          scope: SCOPES.join(' '),
          audience: API_AUDIENCE,
          accessTokenTTL: Number(opts['access-token-ttl']),
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  extraTokenClaims: (ctx, token) => {
    if (token.kind !== 'AccessToken') return undefined;
    // How the person signed in, for the dashboard's step-up check (Okta's access tokens can carry
    // acr and auth_time as claims of the authorization server).
    const grant = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken ?? ctx.oidc.entities.DeviceCode;
    const strength = { ...(grant?.acr ? { acr: grant.acr } : {}), ...(grant?.authTime ? { auth_time: grant.authTime } : {}) };
    return { ver: 1, cid: token.clientId, uid: token.accountId, scp: (token.scope ?? '').split(' ').filter(Boolean), ...strength };
  },
  findAccount: (_ctx, id) => {
    const user = userById.get(id);
    if (!user) return undefined;
    return {
      accountId: id,
      claims: () => ({
        sub: id,
        email: user.email,
        email_verified: true,
        name: user.name,
        given_name: user.given_name,
        family_name: user.family_name,
        preferred_username: user.email,
        locale: user.locale,
        zoneinfo: user.zoneinfo,
        updated_at: 1700000000,
      }),
    };
  },
  interactions: { policy: signInPolicy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Something went wrong</h1><p><code>${escape(out.error)}</code></p><p>${escape(out.error_description ?? '')}</p>`);
  },
});
provider.proxy = false;

provider.on('grant.success', (ctx) => count(stats.grants, `${ctx.oidc.params.grant_type}:success`));
provider.on('grant.error', (ctx) => count(stats.grants, `${ctx.oidc.params?.grant_type ?? 'unknown'}:error`));

// Koa middleware, in the order a request meets it (all of it runs before oidc-provider's routes):
// the fault switch, the key rotation, the refresh token grace period, then Okta's peculiarities.
provider.use(rateLimitHeaders);
provider.use(applyFaults);
provider.use(rotatedKeys);
provider.use(dpopProofRequired);
provider.use(refreshGrace);
provider.use(devicePolling);

// ---- Fault switch -------------------------------------------------------------------------------
//
// Queued faults, first match first. A request to a provider endpoint takes the first fault queued
// for that endpoint's name and spends one of its count. Phase "before": the provider never sees the
// request (a refresh token is not spent); phase "after": the provider answers it (a refresh token
// IS spent) and the answer is then replaced.
const FAULT_KINDS = ['status', 'delay', 'close', 'captive_portal', 'truncate', 'rate_limited'];
const FAULT_PHASES = ['before', 'after'];
let faults = [];
// Pushed authorization requests by request_uri: what POINT sent (GET /__dev/pushed).
const pushed = new Map();

function takeFault(name) {
  const fault = faults.find((f) => f.path === name);
  if (!fault) return undefined;
  fault.count -= 1;
  if (fault.count <= 0) faults = faults.filter((f) => f !== fault);
  count(stats.faults, `${fault.path}:${fault.kind}:${fault.phase}`);
  return fault;
}

async function applyFaults(ctx, next) {
  const name = endpointName(ctx.path);
  const fault = name && takeFault(name);
  if (!fault) return next();

  if (fault.phase === 'before') {
    switch (fault.kind) {
      // A slow provider: it has the whole request, and acts on it after the delay even if
      // the client has given up meanwhile.
      case 'delay': await holdRequest(ctx); await sleep(fault.delay_ms); return next();
      case 'status': return answerError(ctx, fault.status);
      case 'rate_limited': return rateLimited(ctx, fault.reset_s);
      case 'close': return dropConnection(ctx);
      case 'captive_portal': return captivePortal(ctx);
      default: throw new Error(`fault ${fault.kind} cannot come before`);
    }
  }

  await next();
  switch (fault.kind) {
    case 'delay': await sleep(fault.delay_ms); return undefined;
    case 'status': return answerError(ctx, fault.status);
    case 'close': return dropConnection(ctx);
    case 'captive_portal': return captivePortal(ctx);
    case 'truncate': return truncate(ctx);
    default: throw new Error(`unknown fault ${fault.kind}`);
  }
}

// Reads a request's body now (oidc-provider then takes it from ctx.req.body), so that the request
// survives its client going away.
async function holdRequest(ctx) {
  if (ctx.req.readable && ctx.method === 'POST') ctx.req.body = await readRawBody(ctx.req);
}

// Okta's error shape ({errorCode, errorSummary, ...}), with its codes for the usual statuses.
const OKTA_ERRORS = {
  401: ['E0000011', 'Invalid token provided'],
  403: ['E0000006', 'You do not have permission to perform the requested action'],
  404: ['E0000007', 'Not found: Resource not found'],
  429: ['E0000047', 'API call exceeded rate limit due to too many requests.'],
};

function answerError(ctx, status) {
  const [errorCode, errorSummary] = OKTA_ERRORS[status]
    ?? (status >= 500 ? ['E0000009', 'Internal Server Error'] : [undefined, STATUS_CODES[status] ?? 'Error']);
  ctx.remove('location');
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = { errorCode, errorSummary, errorLink: errorCode, errorId: `oaedev${randomBytes(8).toString('hex')}`, errorCauses: [] };
}

// Okta's rate limit: 429 with its error body and its headers, the limit's reset `resetSeconds`
// from now (UTC epoch seconds, as Okta sends it).
function rateLimited(ctx, resetSeconds) {
  answerError(ctx, 429);
  ctx.set('x-rate-limit-limit', '600');
  ctx.set('x-rate-limit-remaining', '0');
  ctx.set('x-rate-limit-reset', String(Math.ceil(Date.now() / 1000) + resetSeconds));
}

// Okta's rate-limit headers on every answer (they say how much of the limit is left, not to wait).
async function rateLimitHeaders(ctx, next) {
  await next();
  if (!endpointName(ctx.path) || ctx.res.headersSent || ctx.respond === false) return;
  if (ctx.response.get('x-rate-limit-reset')) return;
  ctx.set('x-rate-limit-limit', '600');
  ctx.set('x-rate-limit-remaining', '599');
  ctx.set('x-rate-limit-reset', String(Math.ceil(Date.now() / 1000) + 60));
}

// No answer at all: the connection just ends.
function dropConnection(ctx) {
  ctx.respond = false;
  ctx.req.socket.destroy();
}

// What a client gets from a hotel's Wi-Fi before the guest has signed in: 200 and a web page.
function captivePortal(ctx) {
  ctx.remove('location');
  ctx.status = 200;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('cache-control', 'no-store');
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour View Hotel - Guest Wi-Fi</title></head>
<body><h1>Welcome to Harbour View Hotel</h1><p>Please sign in to access the Internet.</p>
<form method="post" action="/portal/login"><label>Room number <input name="room"></label>
<label>Last name <input name="surname"></label><label><input type="checkbox" name="terms"> I accept the terms of use</label>
<button type="submit">Connect</button></form></body></html>`;
}

// The real answer's status line and a content-length for the whole body, then half of the body,
// then the connection ends.
function truncate(ctx) {
  const { body } = ctx;
  if (body && typeof body.pipe === 'function') return dropConnection(ctx);
  const full = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? {}));
  ctx.respond = false;
  const { res } = ctx;
  res.writeHead(ctx.status || 200, { 'content-type': 'application/json', 'content-length': full.length });
  res.write(full.subarray(0, Math.floor(full.length / 2)), () => setImmediate(() => res.socket?.destroy()));
  return undefined;
}

// Reads a fault from the JSON body of POST /__dev/faults; throws a message for a bad one.
function parseFault(input) {
  const fault = {
    path: input.path,
    kind: input.kind,
    phase: input.phase ?? 'before',
    count: input.count ?? 1,
  };
  if (!FAULT_PATHS.includes(fault.path)) throw new Error(`path must be one of ${FAULT_PATHS.join(', ')}`);
  if (!FAULT_KINDS.includes(fault.kind)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (!FAULT_PHASES.includes(fault.phase)) throw new Error('phase must be "before" or "after"');
  if (fault.kind === 'truncate' && fault.phase !== 'after') throw new Error('truncate needs phase "after" (there is no body to cut before)');
  if (!Number.isInteger(fault.count) || fault.count < 1) throw new Error('count must be a positive whole number');
  if (fault.kind === 'status') {
    fault.status = input.status ?? 503;
    if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) throw new Error('status must be an HTTP status from 200 to 599');
  }
  if (fault.kind === 'rate_limited') {
    if (fault.phase !== 'before') throw new Error('rate_limited needs phase "before" (Okta refuses before it acts)');
    fault.reset_s = input.reset_s ?? 60;
    if (!Number.isInteger(fault.reset_s) || fault.reset_s < 0) throw new Error('reset_s must be a whole number of seconds');
  }
  if (fault.kind === 'delay') {
    fault.delay_ms = input.delay_ms;
    if (!Number.isInteger(fault.delay_ms) || fault.delay_ms < 0) throw new Error('delay_ms (a whole number of milliseconds) is required for a delay');
  }
  return fault;
}

// ---- Going offline ------------------------------------------------------------------------------
//
// Close the listening socket and cut every open connection, so clients get "connection refused",
// then listen again on the same host and port.
let offline = false;

function goOffline(seconds) {
  if (offline) return;
  offline = true;
  server.close();
  for (const socket of sockets) socket.destroy();
  console.error(`dev idp: offline for ${seconds} s`);
  setTimeout(() => listenAgain(50), seconds * 1000);
}

function listenAgain(attemptsLeft) {
  const retry = (err) => {
    if (attemptsLeft <= 0) {
      console.error(`dev idp: cannot listen on ${opts.host}:${port} again: ${err.message}`);
      return;
    }
    setTimeout(() => listenAgain(attemptsLeft - 1), 200);
  };
  server.once('error', retry);
  server.listen(port, opts.host, () => {
    server.off('error', retry);
    offline = false;
    console.error('dev idp: back online');
  });
}

// ---- Key rotation -------------------------------------------------------------------------------
//
// oidc-provider's keystore is fixed when it starts, so a rotation is imitated at the edge: GET keys
// publishes only the newest key, and every JWT in a token response is signed again with it (same
// header but for kid, same payload bytes). Okta drops the old key at once in this scenario.
let rotatedKey;

function rotateKeys() {
  const { privateKey, publicKey } = newRsaKeyPair();
  const kid = `dev-${randomBytes(6).toString('hex')}`;
  rotatedKey = { kid, privateKey, publicKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
  return kid;
}

async function rotatedKeys(ctx, next) {
  await next();
  if (!rotatedKey || ctx.status !== 200) return;
  const name = endpointName(ctx.path);
  if (name === 'keys') {
    ctx.body = { keys: [rotatedKey.publicJwk] };
  } else if (name === 'token' && ctx.body && typeof ctx.body === 'object') {
    const { access_token: accessToken, id_token: idToken } = ctx.body;
    if (accessToken !== undefined) ctx.body.access_token = await resign(accessToken);
    if (idToken !== undefined) ctx.body.id_token = await resign(idToken, ctx.body.access_token);
  }
}

// Signs a JWT again with the rotated key, same header but for kid, same payload bytes; anything
// that is not an RS256 JWT is left as it is. The token endpoint's ID tokens carry no at_hash, but
// should one be there it is recomputed for the re-signed access token it describes.
async function resign(token, accessToken) {
  if (typeof token !== 'string' || token.split('.').length !== 3) return token;
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return token;
  }
  if (header.alg !== 'RS256') return token;
  let payload = Buffer.from(token.split('.')[1], 'base64url');
  const claims = JSON.parse(payload.toString('utf8'));
  if (claims.at_hash !== undefined && typeof accessToken === 'string') {
    claims.at_hash = createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
    payload = Buffer.from(JSON.stringify(claims));
  }
  return new CompactSign(payload).setProtectedHeader({ ...header, kid: rotatedKey.kid }).sign(rotatedKey.privateKey);
}

// An ID token hint after a rotation: signed with the current key, issued here for POINT. Like
// oidc-provider's own check, an expired one is still good enough to sign out with.
async function validateHintWithRotatedKey(hint) {
  const { payload } = await compactVerify(hint, rotatedKey.publicKey, { algorithms: ['RS256'] });
  const claims = JSON.parse(Buffer.from(payload).toString('utf8'));
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer || !audiences.some((aud) => NATIVE_CLIENT_IDS.includes(aud)) || typeof claims.sub !== 'string') {
    throw new Error('id_token_hint was not issued here for this client');
  }
}

// ---- Refresh token grace period and reuse detection ---------------------------------------------
//
// oidc-provider rotates refresh tokens and, when a spent one comes back, revokes the whole grant
// (Okta's reuse detection). Okta also keeps the previous refresh token good for a grace period: a
// client that lost the answer may present it again and gets tokens. Here it gets the very answer
// it lost. Past the grace period the request goes on to oidc-provider, which answers invalid_grant
// and revokes the grant, newest refresh token included.
const redeemed = new Map(); // sha256(refresh token) -> { at, grantId, body } of its successful redemption
const inflight = new Map(); // sha256(refresh token) -> promise of a redemption under way

// ---- Sign-in on another device, as Okta answers it -------------------------------------------
//
// Okta's device authorization answer carries `interval` (5 s) and its token endpoint refuses a
// device code polled sooner than that with `slow_down` (RFC 8628 §3.5); oidc-provider does
// neither, so this does both (--device-interval sets the interval; tests use 1 s).
const lastDevicePoll = new Map();

async function devicePolling(ctx, next) {
  const name = endpointName(ctx.path);
  if (name === 'device/authorize') {
    await next();
    if (ctx.status === 200 && ctx.body?.device_code) ctx.body = { ...ctx.body, interval: deviceInterval };
    return;
  }
  // refreshGrace has read the token request's form into ctx.req.body.
  if (name !== 'token' || ctx.method !== 'POST' || !Buffer.isBuffer(ctx.req.body)) return next();
  const form = new URLSearchParams(ctx.req.body.toString('utf8'));
  if (form.get('grant_type') !== DEVICE_GRANT) return next();
  const key = createHash('sha256').update(form.get('device_code') ?? '').digest('hex');
  const now = Date.now();
  const previous = lastDevicePoll.get(key);
  lastDevicePoll.set(key, now);
  if (previous !== undefined && now - previous < deviceInterval * 1000) {
    count(stats.grants, `${DEVICE_GRANT}:slow_down`);
    ctx.status = 400;
    ctx.set('cache-control', 'no-store');
    ctx.body = { error: 'slow_down', error_description: 'The client is polling too quickly.' };
    return;
  }
  await next();
}

// ---- DPoP, as Okta answers it -----------------------------------------------------------------
//
// Okta answers a token request without a proof, for an app that requires DPoP, with
// invalid_dpop_proof "The DPoP proof JWT header is missing." (oidc-provider says invalid_grant,
// which a client must take as the end of its session).
// Reads a token request's form here. oidc-provider's body parser then finds the stream read and
// falls back to ctx.req.body (a Buffer is parsed as a form, like the stream would have been).
// Undefined, with a 400 answer set, when the body cannot be read.
async function readForm(ctx) {
  try {
    ctx.req.body = ctx.req.body ?? await readRawBody(ctx.req);
  } catch (err) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request', error_description: err.message };
    return undefined;
  }
  return new URLSearchParams(ctx.req.body.toString('utf8'));
}

async function dpopProofRequired(ctx, next) {
  if (endpointName(ctx.path) !== 'token' || ctx.method !== 'POST' || ctx.get('DPoP')) return next();
  const form = await readForm(ctx);
  if (!form) return undefined;
  if (form.get('client_id') !== DPOP_CLIENT_ID) return next();
  count(stats.grants, 'dpop:missing_proof');
  ctx.status = 400;
  ctx.set('cache-control', 'no-store');
  ctx.body = { error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' };
}

async function refreshGrace(ctx, next) {
  if (endpointName(ctx.path) !== 'token' || ctx.method !== 'POST' || !ctx.is('application/x-www-form-urlencoded')) return next();

  const form = await readForm(ctx);
  if (!form) return undefined;
  const presented = form.get('refresh_token');
  if (form.get('grant_type') !== 'refresh_token' || !presented) return next();
  // A DPoP-bound token's lost answer is not handed out again: that would need the proof checked
  // against the token's key first, which oidc-provider does only for the redemption itself.
  if (form.get('client_id') === DPOP_CLIENT_ID) return next();

  // One redemption of a token at a time: a second presentation waits for the first to finish.
  const key = createHash('sha256').update(presented).digest('hex');
  while (inflight.has(key)) await inflight.get(key);
  let finished;
  inflight.set(key, new Promise((resolve) => { finished = resolve; }));
  try {
    const previous = redeemed.get(key);
    if (previous) {
      const inGrace = Date.now() - previous.at < refreshGraceSeconds * 1000;
      if (inGrace && previous.grantId && await provider.Grant.find(previous.grantId)) {
        count(stats.grants, 'refresh_token:reuse_in_grace');
        ctx.status = 200;
        ctx.set('cache-control', 'no-store');
        ctx.set('pragma', 'no-cache');
        ctx.body = structuredClone(previous.body);
        return;
      }
      count(stats.grants, 'refresh_token:reuse');
      await next();
      return;
    }
    await next();
    if (ctx.status === 200 && ctx.body?.access_token) {
      redeemed.set(key, { at: Date.now(), grantId: ctx.oidc.entities.Grant?.jti, body: structuredClone(ctx.body) });
    }
  } finally {
    inflight.delete(key);
    finished();
  }
}

async function readRawBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    // oidc-provider's own limit.
    if (size > 56 * 1024) throw new Error('request entity too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// ---- Okta's peculiarities -----------------------------------------------------------------------

// Okta issues a refresh token for offline_access without asking for consent. oidc-provider drops
// offline_access unless the request prompts for consent, so ask for it on the client's behalf;
// the consent step is then granted automatically (POINT is the organization's own app).
provider.use(async (ctx, next) => {
  if (ctx.path === endpoint('authorize') && ctx.method === 'GET') {
    const query = { ...ctx.query };
    const scopes = String(query.scope ?? '').split(' ');
    const prompts = String(query.prompt ?? '').split(' ').filter(Boolean);
    // With prompt=login too ("sign in as someone else"); prompt=none may not add a step.
    if (scopes.includes('offline_access') && !prompts.includes('consent') && !prompts.includes('none')) {
      query.prompt = [...prompts, 'consent'].join(' ');
      ctx.query = query;
      // oidc-provider finds its mount path by comparing the original URL with the current one.
      if (mountPath) ctx.req.originalUrl = `${mountPath}${ctx.url}`;
    }
  }
  // The same for a pushed request (RFC 9126), whose parameters come in the POST's form. What
  // POINT pushed is kept for the tests (GET /__dev/pushed?request_uri=…): its browser's address
  // no longer shows it.
  if (ctx.path === endpoint('par') && ctx.method === 'POST') {
    const form = await readForm(ctx);
    if (!form) return;
    const asked = Object.fromEntries(form);
    const scopes = String(form.get('scope') ?? '').split(' ');
    const prompts = String(form.get('prompt') ?? '').split(' ').filter(Boolean);
    if (scopes.includes('offline_access') && !prompts.includes('consent') && !prompts.includes('none')) {
      form.set('prompt', [...prompts, 'consent'].join(' '));
      ctx.req.body = Buffer.from(form.toString());
    }
    await next();
    if (ctx.status === 201 && ctx.body?.request_uri) pushed.set(ctx.body.request_uri, asked);
    return;
  }
  if (ctx.path === endpoint('logout') && ctx.method === 'GET') {
    await oktaLogout(ctx);
    return;
  }
  await next();
});

// Okta's /v1/logout ends the session and redirects straight to the registered post-logout URI,
// without a confirmation page. id_token_hint is required, as in Okta's reference.
async function oktaLogout(ctx) {
  const { id_token_hint: hint, post_logout_redirect_uri: target, state } = ctx.query;
  const fail = (status, error, description) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = page('Sign-out failed', `<h1>Sign-out failed</h1><p><code>${escape(error)}</code></p><p>${escape(description)}</p>`);
  };
  if (typeof hint !== 'string') return fail(400, 'invalid_request', 'The id_token_hint parameter is required.');
  // The app the hint was issued to (either of POINT's apps); read before it is verified.
  let audience;
  try {
    audience = JSON.parse(Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString('utf8')).aud;
  } catch {
    audience = undefined;
  }
  const hinted = [audience].flat().find((aud) => NATIVE_CLIENT_IDS.includes(aud)) ?? CLIENT_ID;
  const client = await provider.Client.find(hinted);
  try {
    // After a rotation oidc-provider's keystore no longer holds the key ID tokens are signed with.
    if (rotatedKey) await validateHintWithRotatedKey(hint);
    else await provider.IdToken.validate(hint, client);
  } catch {
    return fail(400, 'invalid_token', 'The id_token_hint is not valid.');
  }
  if (target !== undefined && !client.postLogoutRedirectUriAllowed(String(target))) {
    return fail(400, 'invalid_request', "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings.");
  }
  const session = await provider.Session.get(ctx);
  if (session.accountId) await session.destroy();
  ctx.cookies.set(provider.cookieName('session'), null);
  count(stats.grants, 'logout:success');
  if (target === undefined) {
    ctx.body = page('Signed out', '<h1>You have been signed out</h1>');
    return;
  }
  const url = new URL(String(target));
  if (state !== undefined) url.searchParams.set('state', String(state));
  ctx.status = 302;
  ctx.redirect(url.href);
}

const providerCallback = provider.callback();

server.on('request', async (req, res) => {
  // Node's own Date header comes from a clock that the offset does not reach.
  res.setHeader('date', httpDate());
  const path = new URL(req.url, issuer).pathname;
  count(stats.requests, `${req.method} ${path}`);
  try {
    if (path.startsWith('/__dev/')) return await devApi(req, res, path);
    if (path.startsWith('/interaction/')) return await interaction(req, res, path);
    if (mountPath) {
      if (path !== mountPath && !path.startsWith(`${mountPath}/`)) return json(res, 404, { errorCode: 'E0000022', errorSummary: 'The endpoint does not support the provided HTTP method' });
      req.originalUrl = req.url;
      req.url = req.url.slice(mountPath.length) || '/';
    }
    return providerCallback(req, res);
  } catch (err) {
    console.error(`dev idp: ${req.method} ${path}: ${err.message}`);
    if (!res.headersSent) json(res, 500, { error: 'server_error' });
  }
});

// The test controls, as JSON over the provider's own port:
//   GET    /__dev/stats          {requests, grants, faults}
//   GET    /__dev/faults         {faults: [...]}, the faults still queued
//   POST   /__dev/faults         {path, kind, phase?, status?, delay_ms?, count?} queues a fault
//   DELETE /__dev/faults         clears every queued fault
//   POST   /__dev/offline        {seconds}: refuse connections for that long
//   POST   /__dev/clock          {offset_seconds}: run the clock that far ahead (negative: behind)
//   POST   /__dev/rotate-keys    {}: sign with a new key from now on, publish only that one
//   POST   /__dev/refresh-grace  {seconds}: the refresh token grace period, 0 to 60
async function devApi(req, res, path) {
  const route = `${req.method} ${path}`;
  const bad = (message) => json(res, 400, { error: 'invalid_request', error_description: message });
  let input = {};
  if (req.method === 'POST') {
    const text = await readBody(req);
    try {
      input = text.trim() ? JSON.parse(text) : {};
    } catch {
      return bad('the body must be JSON');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return bad('the body must be a JSON object');
  }

  switch (route) {
    case 'GET /__dev/stats':
      return json(res, 200, stats);

    // What POINT pushed for a request_uri (its parameters as sent), for the tests.
    case 'GET /__dev/pushed': {
      const reference = new URL(req.url, issuer).searchParams.get('request_uri') ?? '';
      const asked = pushed.get(reference);
      return asked ? json(res, 200, asked) : json(res, 404, { error: 'not_found' });
    }

    case 'GET /__dev/faults':
      return json(res, 200, { faults });
    case 'POST /__dev/faults': {
      let fault;
      try {
        fault = parseFault(input);
      } catch (err) {
        return bad(err.message);
      }
      faults.push(fault);
      return json(res, 200, { queued: fault, faults });
    }
    case 'DELETE /__dev/faults':
      faults = [];
      return json(res, 200, { faults });

    case 'POST /__dev/offline': {
      const { seconds } = input;
      if (typeof seconds !== 'number' || !(seconds > 0) || seconds > 3600) return bad('seconds must be a number above 0 (at most 3600)');
      // Answer first, on a connection that then closes, and go down once it has.
      res.setHeader('connection', 'close');
      json(res, 200, { offline_seconds: seconds });
      let down = false;
      const goDown = () => {
        if (down) return;
        down = true;
        goOffline(seconds);
      };
      req.socket.once('close', goDown);
      setTimeout(goDown, 500);
      return undefined;
    }

    case 'POST /__dev/clock': {
      const offset = input.offset_seconds;
      if (typeof offset !== 'number' || !Number.isFinite(offset)) return bad('offset_seconds must be a number');
      clockOffsetMs = Math.round(offset * 1000);
      return json(res, 200, { offset_seconds: clockOffsetMs / 1000, now: Math.floor(Date.now() / 1000) });
    }

    case 'POST /__dev/rotate-keys':
      return json(res, 200, { kid: rotateKeys() });

    case 'POST /__dev/refresh-grace': {
      if (!validGrace(input.seconds)) return bad(`seconds must be a whole number from 0 to ${MAX_REFRESH_GRACE}`);
      refreshGraceSeconds = input.seconds;
      return json(res, 200, { seconds: refreshGraceSeconds });
    }

    default:
      return json(res, 404, { error: 'not_found', error_description: `no dev control ${route}` });
  }
}

// The sign-in page (or, with --auto-login, a sign-in without one) and the automatic consent.
async function interaction(req, res, path) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = details;

  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    const missing = prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, details.grantId ? {} : { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  if (asksOnlyUnmeetable(params)) {
    return provider.interactionFinished(req, res, {
      error: 'unmet_authentication_requirements',
      error_description: 'The user has no authenticator that meets the requested authentication level.',
    }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && path === `/interaction/${uid}/login`) {
    const form = new URLSearchParams(await readBody(req));
    return signIn(req, res, form.get('username') ?? '', form.get('password') ?? '', details);
  }
  if (req.method === 'POST' && path === `/interaction/${uid}/factor`) {
    const form = new URLSearchParams(await readBody(req));
    return secondFactor(req, res, String(form.get('code') ?? ''), details);
  }
  if (opts['auto-login']) {
    const user = userByEmail.get(String(params.login_hint ?? 'alice@example.com').toLowerCase());
    if (user && asksTwoFactors(params)) awaitingSecondFactor.set(uid, user);
    if (user && asksTwoFactors(params)) return secondFactor(req, res, DEV_ONE_TIME_CODE, details);
    return signIn(req, res, user?.email ?? '', user?.password ?? '', details);
  }
  // A step-up of the person signed in in this browser: Okta asks only for what is missing.
  const signedIn = details.session?.accountId ? userById.get(details.session.accountId) : undefined;
  const hinted = String(params.login_hint ?? '').toLowerCase();
  if (asksTwoFactors(params) && signedIn && (!hinted || signedIn.email === hinted)) {
    awaitingSecondFactor.set(uid, signedIn);
    return factorPage(res, uid, '');
  }
  return loginPage(res, uid, params.login_hint ?? '', '');
}

async function signIn(req, res, username, password, details) {
  const { uid, params } = details;
  const user = userByEmail.get(username.trim().toLowerCase());
  if (!user || user.password !== password) {
    return loginPage(res, uid, username, 'Unable to sign in');
  }
  if (!user.assigned) {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: NOT_ASSIGNED }, { mergeWithLastSubmission: false });
  }
  if (asksTwoFactors(params)) {
    awaitingSecondFactor.set(uid, user);
    return factorPage(res, uid, '');
  }
  return provider.interactionFinished(req, res, { login: { accountId: user.id, acr: ONE_FACTOR, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
}

async function secondFactor(req, res, code, details) {
  const { uid } = details;
  const user = awaitingSecondFactor.get(uid);
  if (!user) return loginPage(res, uid, '', 'Sign in first');
  if (code.trim() !== DEV_ONE_TIME_CODE) return factorPage(res, uid, 'That code is not right');
  awaitingSecondFactor.delete(uid);
  return provider.interactionFinished(req, res, { login: { accountId: user.id, acr: TWO_FACTORS, amr: ['pwd', 'otp'] } }, { mergeWithLastSubmission: false });
}

function factorPage(res, uid, error) {
  const alert = error ? `<p class="error" role="alert">${escape(error)}</p>` : '';
  const body = `
    <div class="brand">POINT Dev Okta</div>
    <h1>Verify it's you</h1>
    <p>This needs a second factor. Enter the code from your authenticator (the dev stack's is ${DEV_ONE_TIME_CODE}).</p>
    ${alert}
    <form method="post" action="/interaction/${escape(uid)}/factor" autocomplete="off">
      <label for="code">Code</label>
      <input id="code" name="code" type="text" inputmode="numeric" autofocus required>
      <button id="verify" type="submit">Verify</button>
    </form>`;
  res.writeHead(error ? 401 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page('Verify it\'s you', body));
}

function loginPage(res, uid, username, error) {
  const alert = error ? `<p class="error" role="alert">${escape(error)}</p>` : '';
  const body = `
    <div class="brand">POINT Dev Okta</div>
    <h1>Sign In</h1>
    ${alert}
    <form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
      <label for="username">Username</label>
      <input id="username" name="username" type="text" value="${escape(username)}" autofocus required>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" required>
      <button id="sign-in" type="submit">Sign In</button>
    </form>`;
  res.writeHead(error ? 401 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page('Sign In', body));
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#eef1f6;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;padding:32px 40px;border-radius:8px;box-shadow:0 2px 12px #0002;width:340px}
.brand{font-weight:700;color:#1662dd;margin-bottom:16px} h1{font-size:1.3rem}
label{display:block;margin-top:12px;font-size:.9rem} input{width:100%;padding:8px;box-sizing:border-box;margin-top:4px}
button{margin-top:20px;width:100%;padding:10px;background:#1662dd;color:#fff;border:0;border-radius:4px;font-size:1rem}
.error{color:#b00020}
</style></head><body><main>${body}</main></body></html>`;
}

function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 64 * 1024) reject(new Error('form too large'));
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

console.log(JSON.stringify({ event: 'ready', issuer, port, clientId: CLIENT_ID, dpopClientId: DPOP_CLIENT_ID, orgServer }));
