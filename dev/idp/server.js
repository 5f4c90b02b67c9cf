// An OpenID provider shaped like Okta, for POINT's development and tests.
//
// Built on oidc-provider (OpenID Certified) and configured to behave like an Okta custom
// authorization server (issuer https://HOST:PORT/oauth2/default, endpoints under /v1/), or with
// --org-server like Okta's org authorization server (issuer https://HOST:PORT, endpoints under
// /oauth2/v1/). It serves TLS from the certificate the dev stack generates, registers POINT's native
// app as client `point-native`, and refuses unassigned users the way Okta does.
//
// On start it prints one JSON line to stdout: {"event":"ready","issuer":...,"port":...}.

import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import https from 'node:https';
import { parseArgs } from 'node:util';
import Provider, { errors } from 'oidc-provider';

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
  },
});

if (!opts.cert || !opts.key) {
  console.error('usage: node server.js --cert CERT.pem --key KEY.pem [--org-server] [--auto-login] [--port N]');
  process.exit(2);
}

const CLIENT_ID = 'point-native';
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

const stats = { requests: {}, grants: {} };
const count = (table, key) => { table[key] = (table[key] ?? 0) + 1; };

const server = https.createServer({
  cert: readFileSync(opts.cert),
  key: readFileSync(opts.key),
});
await new Promise((resolve) => server.listen(Number(opts.port), opts.host, resolve));
const { port } = server.address();
const issuer = `https://${opts.host}:${port}${mountPath}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `dev-${randomBytes(6).toString('hex')}`, use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_name: 'POINT Native App Integration',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['org.pointapp.point:/login'],
    post_logout_redirect_uris: ['org.pointapp.point:/logout'],
    id_token_signed_response_alg: 'RS256',
  }],
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
    Interaction: 3600,
  },
  routes: {
    authorization: endpoint('authorize'),
    token: endpoint('token'),
    userinfo: endpoint('userinfo'),
    jwks: endpoint('keys'),
    revocation: endpoint('revoke'),
    end_session: endpoint('logout'),
    introspection: endpoint('introspect'),
  },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    introspection: { enabled: true },
    rpInitiatedLogout: { enabled: true },
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
  extraTokenClaims: (_ctx, token) => {
    if (token.kind !== 'AccessToken') return undefined;
    return { ver: 1, cid: token.clientId, uid: token.accountId, scp: (token.scope ?? '').split(' ').filter(Boolean) };
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
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Something went wrong</h1><p><code>${escape(out.error)}</code></p><p>${escape(out.error_description ?? '')}</p>`);
  },
});
provider.proxy = false;

provider.on('grant.success', (ctx) => count(stats.grants, `${ctx.oidc.params.grant_type}:success`));
provider.on('grant.error', (ctx) => count(stats.grants, `${ctx.oidc.params?.grant_type ?? 'unknown'}:error`));

// Okta issues a refresh token for offline_access without asking for consent. oidc-provider drops
// offline_access unless the request prompts for consent, so ask for it on the client's behalf;
// the consent step is then granted automatically (POINT is the organization's own app).
provider.use(async (ctx, next) => {
  if (ctx.path === endpoint('authorize') && ctx.method === 'GET') {
    const query = { ...ctx.query };
    const scopes = String(query.scope ?? '').split(' ');
    if (scopes.includes('offline_access') && query.prompt === undefined) {
      query.prompt = 'consent';
      ctx.query = query;
      // oidc-provider finds its mount path by comparing the original URL with the current one.
      if (mountPath) ctx.req.originalUrl = `${mountPath}${ctx.url}`;
    }
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
  const client = await provider.Client.find(CLIENT_ID);
  try {
    await provider.IdToken.validate(hint, client);
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
  const path = new URL(req.url, issuer).pathname;
  count(stats.requests, `${req.method} ${path}`);
  try {
    if (path === '/__dev/stats') return json(res, 200, stats);
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

  if (req.method === 'POST' && path === `/interaction/${uid}/login`) {
    const form = new URLSearchParams(await readBody(req));
    return signIn(req, res, form.get('username') ?? '', form.get('password') ?? '', uid);
  }
  if (opts['auto-login']) {
    const user = userByEmail.get(String(params.login_hint ?? 'alice@example.com').toLowerCase());
    return signIn(req, res, user?.email ?? '', user?.password ?? '', uid);
  }
  return loginPage(res, uid, params.login_hint ?? '', '');
}

async function signIn(req, res, username, password, uid) {
  const user = userByEmail.get(username.trim().toLowerCase());
  if (!user || user.password !== password) {
    return loginPage(res, uid, username, 'Unable to sign in');
  }
  if (!user.assigned) {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: NOT_ASSIGNED }, { mergeWithLastSubmission: false });
  }
  return provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
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

console.log(JSON.stringify({ event: 'ready', issuer, port, clientId: CLIENT_ID, orgServer }));
