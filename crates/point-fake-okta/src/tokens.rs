//! What the fake Okta issues and keeps: authorization codes (single use, PKCE S256), refresh
//! tokens in families (rotation; a spent one presented again revokes its family), access tokens,
//! device codes, and RS256 ID tokens signed with a key made once per test process.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use url::Url;

use crate::{Organization, Person, World};

const KEY_ID: &str = "fast-tier-1";
const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";
/// RFC 8628's interval Okta asks for.
const DEVICE_INTERVAL: Duration = Duration::from_secs(5);
const DEVICE_LIFETIME: Duration = Duration::from_secs(600);

/// Made once per process: RSA generation is slow in debug builds.
fn key() -> &'static RsaPrivateKey {
    static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
    KEY.get_or_init(|| RsaPrivateKey::new(&mut rand_core::OsRng, 2048).expect("an RSA key"))
}

pub(crate) fn jwk() -> Value {
    let public = key().to_public_key();
    json!({
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": KEY_ID,
        "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
    })
}

fn sign(claims: &Value) -> String {
    let der = key().to_pkcs1_der().expect("DER");
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(KEY_ID.to_string());
    jsonwebtoken::encode(&header, claims, &EncodingKey::from_rsa_der(der.as_bytes()))
        .expect("a signed ID token")
}

fn random(prefix: &str) -> String {
    let bytes: [u8; 18] = rand::random();
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// An authorization code waiting for its exchange.
pub(crate) struct Code {
    login: String,
    client_id: String,
    redirect_uri: String,
    challenge: String,
    nonce: Option<String>,
    offline: bool,
    /// How the person authenticated on the page (`acr`).
    acr: String,
}

/// Okta's class for a sign-in with any one factor.
pub(crate) const ONE_FACTOR: &str = "urn:okta:loa:1fa:any";

/// A refresh token: its family (one sign-in's chain of rotations) and whether it was spent.
pub(crate) struct Refresh {
    pub(crate) login: String,
    pub(crate) client_id: String,
    pub(crate) family: u64,
    pub(crate) spent_at: Option<SystemTime>,
    /// The sign-in's `acr`, which refreshed tokens carry on (as Okta's do).
    pub(crate) acr: String,
}

/// An access token the dashboard accepts until it expires or its family is revoked.
pub(crate) struct Access {
    pub(crate) login: String,
    pub(crate) family: Option<u64>,
    pub(crate) expires_at: SystemTime,
    pub(crate) acr: String,
}

/// A pushed authorization request (RFC 9126) waiting for the browser.
pub(crate) struct Pushed {
    parameters: HashMap<String, String>,
    expires_at: tokio::time::Instant,
}

/// How long a pushed request's reference lives (Okta's and oidc-provider's minute).
const PUSHED_LIFETIME: Duration = Duration::from_secs(60);

/// A device authorization (RFC 8628) waiting for the person.
pub(crate) struct Device {
    pub(crate) user_code: String,
    pub(crate) approved_by: Option<String>,
    client_id: String,
    expires_at: tokio::time::Instant,
    last_poll: Option<tokio::time::Instant>,
}

/// Okta's answer to a request from another client than the organization's Native App.
fn client_refused(
    organization: &Organization,
    form: &HashMap<String, String>,
) -> Option<(u16, Value)> {
    (form.get("client_id") != Some(&organization.client_id))
        .then(|| (401, json!({ "error": "invalid_client" })))
}

fn oauth_error(error: &str, description: &str) -> (u16, Value) {
    (
        400,
        json!({ "error": error, "error_description": description }),
    )
}

impl World {
    pub(crate) fn person(&self, login: &str) -> Option<Person> {
        self.people.iter().find(|p| p.login == login).cloned()
    }

    /// The page a browser gets at `url`: a pushed request's reference resolved (used once,
    /// within its minute) into the whole request.
    pub(crate) fn load(&mut self, url: &Url) -> Url {
        let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
        let Some(reference) = query.get("request_uri") else {
            return url.clone();
        };
        let pushed = self
            .pushed
            .remove(reference)
            .filter(|p| tokio::time::Instant::now() < p.expires_at)
            .expect("a pushed request not yet used or expired");
        assert_eq!(
            query.get("client_id"),
            pushed.parameters.get("client_id"),
            "the pushed request's client"
        );
        let mut page = url.clone();
        page.set_query(None);
        page.query_pairs_mut()
            .extend_pairs(pushed.parameters.iter());
        page
    }

    /// The authorization page: checks the request as Okta does and sends the browser back
    /// with a code (or `access_denied` when `login` is `None`). The page is loaded first.
    pub(crate) fn authorize(&mut self, url: &Url, login: Option<&str>) -> Url {
        let url = &self.load(url);
        let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
        let Some(organization) = self.organization_at(url) else {
            panic!("the fake knows no authorization server at {url}");
        };
        let get = |name: &str| query.get(name).cloned().unwrap_or_default();
        let mut back = Url::parse(&get("redirect_uri")).expect("a redirect URI");
        let state = get("state");
        let checks = [
            (get("client_id") == organization.client_id, "client_id"),
            (get("response_type") == "code", "response_type"),
            (
                get("code_challenge_method") == "S256",
                "code_challenge_method",
            ),
            (!get("code_challenge").is_empty(), "code_challenge"),
            (get("scope").split(' ').any(|s| s == "openid"), "scope"),
        ];
        if let Some((_, what)) = checks.iter().find(|(ok, _)| !ok) {
            panic!("the authorization request is not one Okta takes: {what}");
        }
        let member = login.and_then(|login| {
            self.person(login)
                .filter(|p| p.issuer == organization.issuer)
        });
        // What the page asks of the person: the first class asked, unless the fake is set to
        // give a weaker one (a person without the factor, an Okta that lets it pass).
        let acr = self.acr_achieved.clone().unwrap_or_else(|| {
            get("acr_values")
                .split_whitespace()
                .next()
                .unwrap_or(ONE_FACTOR)
                .to_string()
        });
        match member {
            Some(person) => {
                let code = random("code-");
                self.codes.insert(
                    code.clone(),
                    Code {
                        login: person.login,
                        client_id: organization.client_id.clone(),
                        redirect_uri: get("redirect_uri"),
                        challenge: get("code_challenge"),
                        nonce: query.get("nonce").cloned(),
                        offline: get("scope").split(' ').any(|s| s == "offline_access"),
                        acr,
                    },
                );
                back.query_pairs_mut()
                    .append_pair("code", &code)
                    .append_pair("state", &state);
            }
            None => {
                back.query_pairs_mut()
                    .append_pair("error", "access_denied")
                    .append_pair(
                        "error_description",
                        "User is not assigned to the client application.",
                    )
                    .append_pair("state", &state);
            }
        }
        back
    }

    pub(crate) fn token(
        &mut self,
        organization: &Organization,
        form: &HashMap<String, String>,
    ) -> (u16, Value) {
        let get = |name: &str| form.get(name).cloned().unwrap_or_default();
        if get("client_id") != organization.client_id {
            return (
                401,
                json!({ "error": "invalid_client", "error_description": "Client authentication failed." }),
            );
        }
        match get("grant_type").as_str() {
            "authorization_code" => {
                let Some(code) = self.codes.remove(&get("code")) else {
                    return oauth_error(
                        "invalid_grant",
                        "The authorization code is invalid or has expired.",
                    );
                };
                let verifier = Sha256::digest(get("code_verifier").as_bytes());
                if URL_SAFE_NO_PAD.encode(verifier) != code.challenge {
                    return oauth_error("invalid_grant", "PKCE verification failed.");
                }
                if code.redirect_uri != get("redirect_uri") || code.client_id != get("client_id") {
                    return oauth_error("invalid_grant", "The redirect URI does not match.");
                }
                let family = code.offline.then(|| self.new_family());
                let acr = code.acr.clone();
                self.issue(
                    organization,
                    &code.login,
                    family,
                    code.nonce.as_deref(),
                    &acr,
                )
            }
            "refresh_token" => {
                let presented = get("refresh_token");
                let Some(refresh) = self.refresh_tokens.get_mut(&presented) else {
                    return oauth_error(
                        "invalid_grant",
                        "The refresh token is invalid or expired.",
                    );
                };
                if refresh.client_id != organization.client_id {
                    return oauth_error(
                        "invalid_grant",
                        "The refresh token is invalid or expired.",
                    );
                }
                let family = refresh.family;
                if refresh.spent_at.is_some() {
                    // Reuse at grace 0: the whole chain is revoked.
                    self.reuse_detected += 1;
                    self.revoked_families.insert(family);
                    return oauth_error(
                        "invalid_grant",
                        "The refresh token is invalid or expired.",
                    );
                }
                if self.revoked_families.contains(&family) {
                    return oauth_error(
                        "invalid_grant",
                        "The refresh token is invalid or expired.",
                    );
                }
                refresh.spent_at = Some(SystemTime::now());
                let login = refresh.login.clone();
                let acr = refresh.acr.clone();
                self.issue(organization, &login, Some(family), None, &acr)
            }
            DEVICE_CODE_GRANT => self.poll_device(organization, &get("device_code")),
            _ => oauth_error("unsupported_grant_type", "The grant type is not supported."),
        }
    }

    fn new_family(&mut self) -> u64 {
        self.next_family += 1;
        self.next_family
    }

    /// A token answer for `login`: an access token, an ID token, and a refresh token of
    /// `family` when there is one.
    fn issue(
        &mut self,
        organization: &Organization,
        login: &str,
        family: Option<u64>,
        nonce: Option<&str>,
        acr: &str,
    ) -> (u16, Value) {
        let Some(person) = self.person(login) else {
            return oauth_error("invalid_grant", "The user no longer exists.");
        };
        let now = SystemTime::now();
        let ttl = self.access_token_ttl;
        let access_token = random("access-");
        self.access_tokens.insert(
            access_token.clone(),
            Access {
                login: login.to_string(),
                family,
                expires_at: SystemTime::now() + ttl,
                acr: acr.to_string(),
            },
        );
        let mut claims = json!({
            "ver": 1,
            "iss": organization.issuer,
            "sub": person.subject,
            "aud": organization.client_id,
            "iat": seconds(now),
            "exp": seconds(now) + 3600,
            "auth_time": seconds(now),
            "acr": acr,
            "jti": random("ID."),
            "email": person.email,
            "email_verified": person.email_verified,
            "name": person.name,
            "preferred_username": person.login,
        });
        if let Some(nonce) = nonce {
            claims["nonce"] = json!(nonce);
        }
        let mut answer = json!({
            "token_type": "Bearer",
            "expires_in": ttl.as_secs(),
            "access_token": access_token,
            "scope": "openid profile email offline_access",
            "id_token": sign(&claims),
        });
        if let Some(family) = family {
            let refresh_token = random("refresh-");
            self.refresh_tokens.insert(
                refresh_token.clone(),
                Refresh {
                    login: login.to_string(),
                    client_id: organization.client_id.clone(),
                    family,
                    spent_at: None,
                    acr: acr.to_string(),
                },
            );
            answer["refresh_token"] = json!(refresh_token);
        }
        (200, answer)
    }

    pub(crate) fn revoke(
        &mut self,
        organization: &Organization,
        form: &HashMap<String, String>,
    ) -> (u16, Value) {
        if let Some(refusal) = client_refused(organization, form) {
            return refusal;
        }
        let token = form.get("token").cloned().unwrap_or_default();
        if let Some(family) = self.refresh_tokens.get(&token).map(|r| r.family) {
            self.revoked_families.insert(family);
        }
        if let Some(access) = self.access_tokens.get_mut(&token) {
            access.expires_at = UNIX_EPOCH;
        }
        (200, json!({}))
    }

    pub(crate) fn introspect(
        &mut self,
        organization: &Organization,
        form: &HashMap<String, String>,
    ) -> (u16, Value) {
        if let Some(refusal) = client_refused(organization, form) {
            return refusal;
        }
        let token = form.get("token").cloned().unwrap_or_default();
        let active = self
            .refresh_tokens
            .get(&token)
            .is_some_and(|r| self.is_active(r));
        (200, json!({ "active": active }))
    }

    /// RFC 9126: keeps the request's parameters for the browser's one visit, after the checks
    /// Okta makes before any page (the client, the redirect URI's form).
    pub(crate) fn push(
        &mut self,
        organization: &Organization,
        form: &HashMap<String, String>,
    ) -> (u16, Value) {
        if let Some(refusal) = client_refused(organization, form) {
            return refusal;
        }
        if form.contains_key("request_uri") {
            return oauth_error("invalid_request", "request_uri cannot be pushed");
        }
        let reference = format!("urn:okta:{}", random("par-"));
        self.pushed.insert(
            reference.clone(),
            Pushed {
                parameters: form.clone(),
                expires_at: tokio::time::Instant::now() + PUSHED_LIFETIME,
            },
        );
        (
            201,
            json!({ "request_uri": reference, "expires_in": PUSHED_LIFETIME.as_secs() }),
        )
    }

    pub(crate) fn authorize_device(
        &mut self,
        organization: &Organization,
        form: &HashMap<String, String>,
    ) -> (u16, Value) {
        if let Some(refusal) = client_refused(organization, form) {
            return refusal;
        }
        let device_code = random("device-");
        let user_code = format!(
            "{:04}-{:04}",
            rand::random_range(0..10_000),
            rand::random_range(0..10_000)
        );
        self.devices.insert(
            device_code.clone(),
            Device {
                user_code: user_code.clone(),
                approved_by: None,
                client_id: organization.client_id.clone(),
                expires_at: tokio::time::Instant::now() + DEVICE_LIFETIME,
                last_poll: None,
            },
        );
        let activate = organization.issuer.replace("/oauth2/default", "/activate");
        (
            200,
            json!({
                "device_code": device_code,
                "user_code": user_code,
                "verification_uri": activate,
                "verification_uri_complete": format!("{activate}?user_code={user_code}"),
                "expires_in": DEVICE_LIFETIME.as_secs(),
                "interval": DEVICE_INTERVAL.as_secs(),
            }),
        )
    }

    fn poll_device(&mut self, organization: &Organization, device_code: &str) -> (u16, Value) {
        let now = tokio::time::Instant::now();
        let Some(device) = self.devices.get_mut(device_code) else {
            return oauth_error("invalid_grant", "The device code is invalid.");
        };
        if device.client_id != organization.client_id {
            return oauth_error("invalid_grant", "The device code is invalid.");
        }
        if now >= device.expires_at {
            return oauth_error("expired_token", "The device code has expired.");
        }
        let early = device
            .last_poll
            .is_some_and(|last| now.duration_since(last) < DEVICE_INTERVAL);
        device.last_poll = Some(now);
        if early {
            return oauth_error("slow_down", "Polling too frequently.");
        }
        let Some(login) = device.approved_by.clone() else {
            return oauth_error("authorization_pending", "The user has not yet approved.");
        };
        self.devices.remove(device_code);
        let family = self.new_family();
        self.issue(organization, &login, Some(family), None, ONE_FACTOR)
    }
}
