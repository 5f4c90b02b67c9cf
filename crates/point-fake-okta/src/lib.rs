//! The fast tier's Okta and dashboard: [`FakeOkta`] answers POINT's [`HttpClient`] in process
//! (a [`Transport`]), so the session and the use cases run in milliseconds without Node, a
//! socket, a keyring or a window, and on tokio's paused clock.
//!
//! It behaves as Okta's documentation says a custom authorization server does for a Native
//! App (public client): discovery, RS256-signed ID tokens, the authorization code grant with
//! PKCE S256 (codes single use), refresh tokens that rotate with reuse detection at grace 0 (a
//! spent token presented again revokes the whole family), revocation (RFC 7009, always 200),
//! introspection (RFC 7662), pushed authorization requests (RFC 9126, each reference used once
//! within a minute), and the device authorization grant (RFC 8628, `slow_down` when polled
//! early). The dashboard answers `/api/v1/me`, `/api/v1/dashboard` for the access tokens
//! it issued and `/api/v1/sso/okta` by email domain.
//!
//! Tests steer it: who signs in at the "browser" ([`FakeOkta::approve`]), faults per endpoint
//! before or after it acts ([`Fault`]), a request held until the test lets it go ([`Gate`]),
//! and what it saw ([`FakeOkta::requests`], [`FakeOkta::active_refresh_tokens`]).
//!
//! The real parts stay the proof that POINT works with an Okta-shaped provider over TLS
//! (`point-dev-stack`); this proves POINT's own rules, fast.

mod dashboard;
mod tokens;

use std::collections::{HashMap, VecDeque};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use point_auth::{Answer, HttpClient, HttpError, OktaSettings, Transport};
use serde_json::{json, Value};
use tokio::sync::{Notify, Semaphore};
use url::Url;

/// The dashboard's address in the fast tier.
pub const DASHBOARD: &str = "https://dashboard.point.test";

/// One organization's Okta (a custom authorization server) and its people.
#[derive(Debug, Clone)]
pub struct Organization {
    pub name: String,
    pub id: String,
    /// `https://<host>/oauth2/default`.
    pub issuer: String,
    pub client_id: String,
    /// The email domain the dashboard's lookup maps to this organization.
    pub email_domain: String,
}

impl Organization {
    /// The Okta settings an admin saved for it.
    pub fn okta_settings(&self) -> OktaSettings {
        OktaSettings::parse(&self.issuer, &self.client_id, None).expect("valid fake settings")
    }
}

/// A person who can sign in.
#[derive(Debug, Clone)]
pub struct Person {
    pub login: String,
    pub subject: String,
    pub name: String,
    pub email: String,
    pub email_verified: bool,
    /// The organization (its issuer) they belong to.
    pub issuer: String,
}

/// An endpoint, for faults and the request log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Discovery,
    Keys,
    Token,
    Revoke,
    Introspect,
    DeviceAuthorize,
    PushedAuthorization,
    Me,
    Dashboard,
    EmailLookup,
}

/// What goes wrong with the next request to an endpoint.
#[derive(Clone)]
pub enum Fault {
    /// Answers this HTTP status before acting (nothing happens at the provider).
    Status(u16),
    /// Okta's rate limit: 429 with `X-Rate-Limit-Reset` this far ahead, before acting.
    RateLimited(Duration),
    /// Down for maintenance: 503 with `Retry-After` in whole seconds, before acting.
    Maintenance(Duration),
    /// No connection: the request never went out.
    Unreachable,
    /// The provider acts, and its answer is lost (the client's timeout ends the wait).
    LoseAnswer,
    /// The request waits at the provider, before it acts, until the gate opens.
    Hold(Arc<Gate>),
}

/// A request held at the provider (see [`Fault::Hold`]): the test learns it arrived, does
/// something meanwhile, and lets it go on.
pub struct Gate {
    arrived: Semaphore,
    open: Notify,
    opened: std::sync::atomic::AtomicBool,
}

impl Gate {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            arrived: Semaphore::new(0),
            open: Notify::new(),
            opened: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Waits until a request arrived at the gate.
    pub async fn arrived(&self) {
        self.arrived
            .acquire()
            .await
            .expect("the gate is never closed")
            .forget();
    }

    /// Lets the held request (and any later one) go on.
    pub fn open(&self) {
        self.opened.store(true, std::sync::atomic::Ordering::SeqCst);
        self.open.notify_waiters();
    }

    async fn pass(&self) {
        self.arrived.add_permits(1);
        let opened = self.open.notified();
        if !self.opened.load(std::sync::atomic::Ordering::SeqCst) {
            opened.await;
        }
    }
}

/// One request the fake saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub endpoint: Endpoint,
    /// The token request's grant type, when it is one.
    pub grant_type: Option<String>,
    /// Its `Accept-Language`, when it had one.
    pub accept_language: Option<String>,
}

/// See the module documentation. Shared as `Arc<FakeOkta>`.
pub struct FakeOkta {
    world: Arc<Mutex<World>>,
}

struct World {
    organizations: Vec<Organization>,
    people: Vec<Person>,
    codes: HashMap<String, tokens::Code>,
    refresh_tokens: HashMap<String, tokens::Refresh>,
    revoked_families: std::collections::HashSet<u64>,
    reuse_detected: usize,
    access_tokens: HashMap<String, tokens::Access>,
    devices: HashMap<String, tokens::Device>,
    next_family: u64,
    faults: HashMap<Endpoint, VecDeque<Fault>>,
    down: std::collections::HashSet<Endpoint>,
    log: Vec<Logged>,
    access_token_ttl: Duration,
    pushed: HashMap<String, tokens::Pushed>,
    offers_pushed_requests: bool,
    /// The class every sign-in achieves, whatever it was asked (`None`: the first asked).
    acr_achieved: Option<String>,
    /// The class the dashboard demands (RFC 9470 step-up), if it demands one.
    dashboard_demands: Option<String>,
}

impl FakeOkta {
    /// Two organizations, as in the dev stack: Example Corp (alice and bob, `example.com`)
    /// and Globex (carol, `globex.test`); access tokens live an hour.
    pub fn new() -> Arc<Self> {
        let example = Organization {
            name: "Example Corp".into(),
            id: "org_example".into(),
            issuer: "https://example.okta.test/oauth2/default".into(),
            client_id: "0oaExampleNative".into(),
            email_domain: "example.com".into(),
        };
        let globex = Organization {
            name: "Globex".into(),
            id: "org_globex".into(),
            issuer: "https://globex.okta.test/oauth2/default".into(),
            client_id: "0oaGlobexNative".into(),
            email_domain: "globex.test".into(),
        };
        let person = |login: &str, subject: &str, name: &str, issuer: &str| Person {
            login: login.into(),
            subject: subject.into(),
            name: name.into(),
            email: login.into(),
            email_verified: true,
            issuer: issuer.into(),
        };
        let people = vec![
            person(
                "alice@example.com",
                "00u1alice",
                "Alice Anderson",
                &example.issuer,
            ),
            person("bob@example.com", "00u2bob", "Bob Brown", &example.issuer),
            person(
                "carol@globex.test",
                "00u3carol",
                "Carol Chen",
                &globex.issuer,
            ),
        ];
        Arc::new(Self {
            world: Arc::new(Mutex::new(World {
                organizations: vec![example, globex],
                people,
                codes: HashMap::new(),
                refresh_tokens: HashMap::new(),
                revoked_families: Default::default(),
                reuse_detected: 0,
                access_tokens: HashMap::new(),
                devices: HashMap::new(),
                next_family: 1,
                faults: HashMap::new(),
                down: Default::default(),
                log: Vec::new(),
                access_token_ttl: Duration::from_secs(3600),
                pushed: HashMap::new(),
                offers_pushed_requests: true,
                acr_achieved: None,
                dashboard_demands: None,
            })),
        })
    }

    fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    /// An organization by name ("Example Corp", "Globex").
    pub fn organization(&self, name: &str) -> Organization {
        self.world()
            .organizations
            .iter()
            .find(|o| o.name == name)
            .cloned()
            .expect("a fake organization")
    }

    /// Example Corp.
    pub fn example(&self) -> Organization {
        self.organization("Example Corp")
    }

    /// Adds (or replaces) a person.
    pub fn add_person(&self, person: Person) {
        let mut world = self.world();
        world.people.retain(|p| p.login != person.login);
        world.people.push(person);
    }

    /// Access tokens issued from now on live this long.
    pub fn set_access_token_ttl(&self, ttl: Duration) {
        self.world().access_token_ttl = ttl;
    }

    /// Whether discovery offers pushed authorization requests (on unless a test turns it off,
    /// for a provider that has none).
    pub fn offer_pushed_requests(&self, offered: bool) {
        self.world().offers_pushed_requests = offered;
    }

    /// The next request to `endpoint` meets `fault` (queued: each fault is used once).
    pub fn fail_next(&self, endpoint: Endpoint, fault: Fault) {
        self.world()
            .faults
            .entry(endpoint)
            .or_default()
            .push_back(fault);
    }

    /// Until `down(endpoint, false)`, every request to `endpoint` finds no connection.
    pub fn down(&self, endpoint: Endpoint, down: bool) {
        let mut world = self.world();
        if down {
            world.down.insert(endpoint);
        } else {
            world.down.remove(&endpoint);
        }
    }

    /// Every request seen, in order.
    pub fn requests(&self) -> Vec<Logged> {
        self.world().log.clone()
    }

    /// How many requests reached `endpoint`.
    pub fn count(&self, endpoint: Endpoint) -> usize {
        self.world()
            .log
            .iter()
            .filter(|l| l.endpoint == endpoint)
            .count()
    }

    /// The refresh tokens still valid for `login` (any organization).
    pub fn active_refresh_tokens(&self, login: &str) -> usize {
        let world = self.world();
        world
            .refresh_tokens
            .values()
            .filter(|r| r.login == login && world.is_active(r))
            .count()
    }

    /// How often a spent refresh token was presented again (each revoked its family).
    pub fn reuse_detected(&self) -> usize {
        self.world().reuse_detected
    }

    /// A client whose requests this fake answers, giving up on an answer after `timeout`.
    pub fn http_client(self: &Arc<Self>, timeout: Duration) -> Arc<HttpClient> {
        Arc::new(HttpClient::in_process(self.clone(), timeout))
    }

    /// The browser loads the authorization page at `url`: a pushed request's reference is used
    /// (once, within its minute) and the page holds the whole request, which is returned;
    /// any other URL comes back as it is.
    pub fn load(&self, url: &Url) -> Url {
        self.world().load(url)
    }

    /// The browser leg: `login` signs in on the authorization page at `url` (consent given),
    /// and Okta sends the browser to the redirect URI; returns where it went.
    pub fn approve(&self, url: &Url, login: &str) -> Url {
        self.world().authorize(url, Some(login))
    }

    /// Every sign-in from now on achieves `acr` whatever it asked (`None`: what it asked first).
    pub fn sign_ins_achieve(&self, acr: Option<&str>) {
        self.world().acr_achieved = acr.map(str::to_string);
    }

    /// The dashboard demands `acr` of the sign-in behind a token from now on: a token of a
    /// weaker sign-in gets 401 `insufficient_user_authentication` (RFC 9470).
    pub fn dashboard_demands(&self, acr: Option<&str>) {
        self.world().dashboard_demands = acr.map(str::to_string);
    }

    /// The other device: `login` enters `user_code` and approves.
    pub fn approve_device(&self, user_code: &str, login: &str) {
        let mut world = self.world();
        if let Some(device) = world
            .devices
            .values_mut()
            .find(|d| d.user_code == user_code)
        {
            device.approved_by = Some(login.to_string());
        }
    }
}

impl Transport for FakeOkta {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Pin<Box<dyn std::future::Future<Output = Answer> + Send>> {
        Box::pin(answer(self.world.clone(), request))
    }
}

/// Answers one request: its endpoint, a queued fault, then what the provider does.
async fn answer(world: Arc<Mutex<World>>, request: http::Request<Vec<u8>>) -> Answer {
    let host = request.uri().host().unwrap_or_default().to_string();
    let url: Url = request
        .uri()
        .to_string()
        .parse()
        .map_err(|_| HttpError::Connect { host: host.clone() })?;
    let form = form_of(request.body());
    let endpoint = lock(&world).route(&url);
    let Some(endpoint) = endpoint else {
        return Ok(json_answer(404, &json!({ "error": "not_found" })));
    };
    let fault = {
        let mut world = lock(&world);
        world.log.push(Logged {
            endpoint,
            grant_type: form.get("grant_type").cloned(),
            accept_language: request
                .headers()
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
        });
        if world.down.contains(&endpoint) {
            Some(Fault::Unreachable)
        } else {
            world
                .faults
                .get_mut(&endpoint)
                .and_then(VecDeque::pop_front)
        }
    };
    match fault {
        Some(Fault::Status(status)) => {
            return Ok(json_answer(status, &json!({ "error": "server_error" })))
        }
        Some(Fault::RateLimited(reset_after)) => return Ok(rate_limited(reset_after)),
        Some(Fault::Maintenance(retry_after)) => {
            let mut answer = json_answer(503, &json!({ "error": "temporarily_unavailable" }));
            if let Ok(value) = http::HeaderValue::from_str(&retry_after.as_secs().to_string()) {
                answer
                    .headers_mut()
                    .insert(http::header::RETRY_AFTER, value);
            }
            return Ok(answer);
        }
        Some(Fault::Unreachable) => return Err(HttpError::Connect { host }),
        Some(Fault::Hold(ref gate)) => gate.pass().await,
        Some(Fault::LoseAnswer) | None => {}
    }
    let answer = lock(&world).act(endpoint, &request, &url, &form);
    if matches!(fault, Some(Fault::LoseAnswer)) {
        // Acted on, the answer never arrives: the client's timeout ends the wait.
        std::future::pending::<()>().await;
    }
    Ok(answer)
}

fn lock(world: &Mutex<World>) -> MutexGuard<'_, World> {
    world
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl World {
    fn is_active(&self, refresh: &tokens::Refresh) -> bool {
        refresh.spent_at.is_none() && !self.revoked_families.contains(&refresh.family)
    }

    fn route(&self, url: &Url) -> Option<Endpoint> {
        let address = url.as_str().split('?').next().unwrap_or_default();
        if address.starts_with(DASHBOARD) {
            return match url.path() {
                "/api/v1/me" => Some(Endpoint::Me),
                "/api/v1/dashboard" => Some(Endpoint::Dashboard),
                "/api/v1/sso/okta" => Some(Endpoint::EmailLookup),
                _ => None,
            };
        }
        let organization = self
            .organizations
            .iter()
            .find(|o| address.starts_with(&o.issuer))?;
        match &address[organization.issuer.len()..] {
            "/.well-known/openid-configuration" => Some(Endpoint::Discovery),
            "/v1/keys" => Some(Endpoint::Keys),
            "/v1/token" => Some(Endpoint::Token),
            "/v1/revoke" => Some(Endpoint::Revoke),
            "/v1/introspect" => Some(Endpoint::Introspect),
            "/v1/device/authorize" => Some(Endpoint::DeviceAuthorize),
            "/v1/par" => Some(Endpoint::PushedAuthorization),
            _ => None,
        }
    }

    fn organization_at(&self, url: &Url) -> Option<Organization> {
        self.organizations
            .iter()
            .find(|o| url.as_str().starts_with(&o.issuer))
            .cloned()
    }

    fn act(
        &mut self,
        endpoint: Endpoint,
        request: &http::Request<Vec<u8>>,
        url: &Url,
        form: &HashMap<String, String>,
    ) -> http::Response<Vec<u8>> {
        let organization = self.organization_at(url);
        let (status, body) = match (endpoint, organization) {
            (Endpoint::Discovery, Some(o)) => {
                (200, discovery(&o.issuer, self.offers_pushed_requests))
            }
            (Endpoint::PushedAuthorization, Some(o)) if self.offers_pushed_requests => {
                self.push(&o, form)
            }
            (Endpoint::Keys, Some(_)) => (200, json!({ "keys": [tokens::jwk()] })),
            (Endpoint::Token, Some(o)) => self.token(&o, form),
            (Endpoint::Revoke, Some(o)) => self.revoke(&o, form),
            (Endpoint::Introspect, Some(o)) => self.introspect(&o, form),
            (Endpoint::DeviceAuthorize, Some(o)) => self.authorize_device(&o, form),
            (Endpoint::Me | Endpoint::Dashboard | Endpoint::EmailLookup, _) => {
                self.dashboard(endpoint, request, url)
            }
            (_, None) | (Endpoint::PushedAuthorization, _) => {
                (404, json!({ "error": "not_found" }))
            }
        };
        let mut answer = json_answer(status, &body);
        if body["error"] == "insufficient_user_authentication" {
            let challenge = format!(
                "Bearer error=\"insufficient_user_authentication\", error_description=\"A stronger sign-in is required\", acr_values=\"{}\"",
                body["acr_values"].as_str().unwrap_or_default()
            );
            if let Ok(value) = http::HeaderValue::from_str(&challenge) {
                answer
                    .headers_mut()
                    .insert(http::header::WWW_AUTHENTICATE, value);
            }
        }
        answer
    }
}

fn discovery(issuer: &str, offers_pushed_requests: bool) -> Value {
    let mut discovery = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/v1/authorize"),
        "token_endpoint": format!("{issuer}/v1/token"),
        "jwks_uri": format!("{issuer}/v1/keys"),
        "revocation_endpoint": format!("{issuer}/v1/revoke"),
        "introspection_endpoint": format!("{issuer}/v1/introspect"),
        "end_session_endpoint": format!("{issuer}/v1/logout"),
        "device_authorization_endpoint": format!("{issuer}/v1/device/authorize"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": [
            "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"
        ],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "dpop_signing_alg_values_supported": ["ES256"],
    });
    if offers_pushed_requests {
        discovery["pushed_authorization_request_endpoint"] = json!(format!("{issuer}/v1/par"));
    }
    discovery
}

fn form_of(body: &[u8]) -> HashMap<String, String> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

fn json_answer(status: u16, body: &Value) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .header("date", httpdate::fmt_http_date(SystemTime::now()))
        .header("cache-control", "no-store")
        .body(serde_json::to_vec(body).unwrap_or_default())
        .expect("a valid response")
}

/// Okta's answer past a rate limit (its documented headers and body).
fn rate_limited(reset_after: Duration) -> http::Response<Vec<u8>> {
    let reset = SystemTime::now() + reset_after;
    let reset = reset
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let mut response = json_answer(
        429,
        &json!({
            "errorCode": "E0000047",
            "errorSummary": "API call exceeded rate limit due to too many requests.",
        }),
    );
    let headers = response.headers_mut();
    headers.insert("x-rate-limit-limit", http::HeaderValue::from_static("600"));
    headers.insert(
        "x-rate-limit-remaining",
        http::HeaderValue::from_static("0"),
    );
    if let Ok(value) = http::HeaderValue::from_str(&reset.to_string()) {
        headers.insert("x-rate-limit-reset", value);
    }
    response
}
