// The person on their phone in a sign-in on another device (RFC 8628): opens the page POINT
// shows (with the code in it), submits what the provider's page submits by itself, confirms the
// code ("Yes, sign in"), and signs in on the provider's login page as alice. Plain HTTP with a
// cookie jar, no browser: the phone is not what is under test. Returns the text of the last page.
const USERNAME = 'alice@example.com';
const PASSWORD = process.env.E2E_PASSWORD ?? 'correct horse battery staple';

export async function deviceLeg(pageUrl) {
  const cookies = new Map();
  const request = async (url, body) => {
    let response;
    for (let hop = 0; hop < 10; hop += 1) {
      response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: {
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: body ? new URLSearchParams(body).toString() : undefined,
        redirect: 'manual',
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      }
      const location = response.headers.get('location');
      if (!location || response.status < 300 || response.status >= 400) break;
      url = new URL(location, url).toString();
      body = undefined;
    }
    return { url, html: await response.text() };
  };

  let { url, html } = await request(pageUrl);
  for (let page = 0; page < 8; page += 1) {
    const forms = html.split('<form').slice(1);
    const confirm = forms.find((f) => f.includes('op.deviceConfirmForm'));
    const login = forms.find((f) => f.includes('name="password"'));
    const submitsItself = html.includes('document.forms[0].submit()');
    const form = confirm ?? login ?? (submitsItself ? forms[0] : undefined);
    if (!form) return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    const fields = {};
    for (const input of form.split('<input').slice(1)) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      const value = /value="([^"]*)"/.exec(input)?.[1] ?? '';
      if (name) fields[name] = value.replaceAll('&amp;', '&');
    }
    if (form === login) Object.assign(fields, { username: USERNAME, password: PASSWORD });
    const action = new URL(/action="([^"]*)"/.exec(form)?.[1] ?? url, url).toString();
    ({ url, html } = await request(action, fields));
  }
  throw new Error('the provider never finished the device sign-in');
}
