//! The dev dashboard: a real HTTPS service that stands in for dash.pointapp.org.
//!
//! Its contract is written down in docs/dashboard-api.md; the app's dashboard client follows it.

pub mod bearer;
pub mod dpop;
pub mod store;
mod words;

use std::future::Future;
use std::sync::atomic::{AtomicU16, AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use serde::Deserialize;
use serde_json::json;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use url::Url;

use bearer::{BearerError, Caller, TokenCheck};
use dpop::{DpopCheck, ProofRefused};
use store::{Member, Organization, Store};

/// Shared state of the dashboard's handlers.
pub struct Dashboard {
    pub store: Store,
    pub tokens: TokenCheck,
    /// DPoP proofs: the dashboard's nonces and the proofs seen.
    pub dpop: DpopCheck,
    /// The dashboard's own address (`https://127.0.0.1:PORT`): what a proof's `htu` must name.
    pub origin: Url,
    /// Faults to inject into the next API requests (development only).
    pub faults: Faults,
    /// The sign-in class the dashboard's figures demand (RFC 9470 step-up), when one is set
    /// (`POST /__dev/require-acr`; development only). The person's own details never do.
    pub figures_demand: std::sync::RwLock<Option<String>>,
}

/// The next `count` requests under `/api/v1/` fail with `status` (401 comes with
/// `error="invalid_token"`): how tests make the dashboard misbehave on purpose.
#[derive(Default)]
pub struct Faults {
    status: AtomicU16,
    count: AtomicU32,
    /// Requests served under `/api/v1/`, faulted or not.
    pub api_requests: AtomicU32,
}

impl Faults {
    fn take(&self) -> Option<u16> {
        self.api_requests.fetch_add(1, Ordering::SeqCst);
        self.count
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .ok()
            .map(|_| self.status.load(Ordering::SeqCst))
    }
}

/// The dashboard's routes.
pub fn router(dashboard: Arc<Dashboard>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/api/v1/me", get(me))
        .route("/api/v1/dashboard", get(dashboard_data))
        .route("/api/v1/sso/okta", get(okta_settings_for_email))
        .route("/__dev/fail-next", axum::routing::post(fail_next))
        .route("/__dev/stats", get(dev_stats))
        .route("/__dev/require-acr", axum::routing::post(require_acr))
        .layer(axum::middleware::from_fn_with_state(
            dashboard.clone(),
            inject_faults,
        ))
        .with_state(dashboard)
}

/// Serves `app` over TLS on `listener` until `shutdown` completes.
pub async fn serve_tls(
    listener: TcpListener,
    tls: Arc<rustls::ServerConfig>,
    app: Router,
    shutdown: impl Future<Output = ()>,
) {
    let acceptor = TlsAcceptor::from(tls);
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let Ok((stream, _peer)) = accepted else {
            continue;
        };
        // As production servers do: without it, an answer's second write waits for the
        // client's delayed ACK (40 ms on Linux) behind Nagle's algorithm.
        let _ = stream.set_nodelay(true);
        let acceptor = acceptor.clone();
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let Ok(stream) = acceptor.accept(stream).await else {
                return;
            };
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

#[derive(Deserialize)]
struct FailNext {
    status: u16,
    count: u32,
}

async fn fail_next(
    State(dashboard): State<Arc<Dashboard>>,
    Json(fail): Json<FailNext>,
) -> StatusCode {
    dashboard.faults.status.store(fail.status, Ordering::SeqCst);
    dashboard.faults.count.store(fail.count, Ordering::SeqCst);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct RequireAcr {
    acr: Option<String>,
}

/// From now on the figures demand `acr` of the sign-in behind the token (`null`: nothing).
async fn require_acr(
    State(dashboard): State<Arc<Dashboard>>,
    Json(require): Json<RequireAcr>,
) -> StatusCode {
    *dashboard
        .figures_demand
        .write()
        .unwrap_or_else(|e| e.into_inner()) = require.acr;
    StatusCode::NO_CONTENT
}

async fn dev_stats(State(dashboard): State<Arc<Dashboard>>) -> Json<serde_json::Value> {
    Json(json!({ "apiRequests": dashboard.faults.api_requests.load(Ordering::SeqCst) }))
}

async fn inject_faults(
    State(dashboard): State<Arc<Dashboard>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if !request.uri().path().starts_with("/api/v1/") {
        return next.run(request).await;
    }
    match dashboard.faults.take() {
        Some(401) => ApiError::InvalidToken("rejected on purpose".into()).into_response(),
        Some(status) => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            Json(json!({ "error": "injected", "message": "A fault injected by a test." })),
        )
            .into_response(),
        None => next.run(request).await,
    }
}

/// Errors as the contract states them: a JSON body `{ error, message }`, and for 401 the
/// `WWW-Authenticate` challenge of RFC 6750.
#[derive(Debug)]
enum ApiError {
    NoToken,
    InvalidToken(String),
    /// A DPoP-bound token's proof was refused (`invalid_dpop_proof`).
    InvalidProof(String),
    /// A proof without a nonce the dashboard takes (`use_dpop_nonce`, with the nonce to use).
    UseNonce {
        nonce: String,
        why: &'static str,
    },
    NotMember,
    InvalidEmail,
    NotConnected,
    Provider(String),
    Database(rusqlite::Error),
    /// The sign-in behind the token is weaker than this part demands (RFC 9470).
    StepUp {
        acr: String,
    },
}

impl From<BearerError> for ApiError {
    fn from(error: BearerError) -> Self {
        match error {
            BearerError::Missing => Self::NoToken,
            BearerError::Invalid(why) => Self::InvalidToken(why),
            BearerError::Provider(why) => Self::Provider(why),
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Database(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut nonce = None;
        let (status, code, message, challenge) = match self {
            Self::NoToken => (
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "Sign in to POINT to use this API.".to_string(),
                Some(r#"Bearer realm="POINT""#.to_string()),
            ),
            Self::InvalidToken(why) => (
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "The access token is invalid or has expired.".to_string(),
                Some(format!(
                    r#"Bearer realm="POINT", error="invalid_token", error_description="{}""#,
                    why.replace(['"', '\\'], "'")
                )),
            ),
            Self::InvalidProof(why) => (
                StatusCode::UNAUTHORIZED,
                "invalid_dpop_proof",
                "The proof of possession that came with the access token was refused.".to_string(),
                Some(format!(
                    r#"DPoP algs="ES256 ES384 RS256 PS256", error="invalid_dpop_proof", error_description="{}""#,
                    why.replace(['"', '\\'], "'")
                )),
            ),
            Self::UseNonce { nonce: current, why } => {
                nonce = Some(current);
                (
                    StatusCode::UNAUTHORIZED,
                    "use_dpop_nonce",
                    "Send the request again with the dashboard's DPoP nonce.".to_string(),
                    Some(format!(
                        r#"DPoP algs="ES256 ES384 RS256 PS256", error="use_dpop_nonce", error_description="{why}""#
                    )),
                )
            }
            Self::NotMember => (
                StatusCode::FORBIDDEN,
                "not_a_member",
                "You are not a member of an organization in POINT. Ask your POINT admin to add you."
                    .to_string(),
                None,
            ),
            Self::InvalidEmail => (
                StatusCode::BAD_REQUEST,
                "invalid_email",
                "Enter your work email address, like you@company.com.".to_string(),
                None,
            ),
            Self::NotConnected => (
                StatusCode::NOT_FOUND,
                "okta_not_connected",
                "Your organization hasn't connected Okta to POINT yet. An admin can add it under Organization → Integrations → Okta.".to_string(),
                None,
            ),
            Self::StepUp { acr } => (
                StatusCode::UNAUTHORIZED,
                "insufficient_user_authentication",
                "These figures need a stronger sign-in.".to_string(),
                Some(format!(
                    r#"Bearer error="insufficient_user_authentication", error_description="A stronger sign-in is required", acr_values="{acr}""#
                )),
            ),
            Self::Provider(why) => {
                tracing::warn!(%why, "identity provider unreachable");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "identity_provider_unavailable",
                    "POINT could not reach your identity provider. Try again shortly.".to_string(),
                    None,
                )
            }
            Self::Database(error) => {
                tracing::error!(%error, "database error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Something went wrong on POINT's side. Try again shortly.".to_string(),
                    None,
                )
            }
        };
        let mut response =
            (status, Json(json!({ "error": code, "message": message }))).into_response();
        if let Some(challenge) = challenge.and_then(|c| HeaderValue::from_str(&c).ok()) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, challenge);
        }
        if let Some(nonce) = nonce.and_then(|n| HeaderValue::from_str(&n).ok()) {
            response.headers_mut().insert("DPoP-Nonce", nonce);
        }
        response
    }
}

/// How the access token was presented: `Bearer` (RFC 6750) or `DPoP` (RFC 9449 §7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Bearer,
    Dpop,
}

fn presented_token(headers: &HeaderMap) -> Result<(Scheme, &str), ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or(ApiError::NoToken)?
        .to_str()
        .map_err(|_| ApiError::InvalidToken("authorization header is not text".into()))?;
    let not_a_token =
        || ApiError::InvalidToken("authorization header is not a bearer or DPoP token".into());
    let (scheme, token) = value.split_once(' ').ok_or_else(not_a_token)?;
    let scheme = if scheme.eq_ignore_ascii_case("bearer") {
        Scheme::Bearer
    } else if scheme.eq_ignore_ascii_case("dpop") {
        Scheme::Dpop
    } else {
        return Err(not_a_token());
    };
    if token.trim().is_empty() {
        return Err(not_a_token());
    }
    Ok((scheme, token.trim()))
}

/// The URL a request was made to, on the dashboard's own address (never the request's `Host`,
/// which the client chose).
fn request_url(origin: &Url, uri: &Uri) -> Option<Url> {
    origin.join(uri.path()).ok()
}

/// Checks the caller's token and finds their organization and member record. A token issued to
/// another organization's Okta app is refused; a DPoP-bound token is taken only with the `DPoP`
/// scheme and a proof that passes [`DpopCheck::check`], and never as a bearer token.
async fn signed_in(
    dashboard: &Dashboard,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<(Caller, Organization, Member), ApiError> {
    let (scheme, token) = presented_token(headers)?;
    let caller = dashboard.tokens.caller(token).await?;
    match (scheme, caller.dpop_jkt.as_deref()) {
        (Scheme::Bearer, None) => {}
        (Scheme::Bearer, Some(_)) => {
            return Err(ApiError::InvalidToken(
                "a DPoP-bound token goes with the DPoP scheme and a proof".into(),
            ))
        }
        (Scheme::Dpop, None) => {
            return Err(ApiError::InvalidToken("the token is not DPoP-bound".into()))
        }
        (Scheme::Dpop, Some(jkt)) => {
            let mut proofs = headers.get_all("DPoP").iter();
            let proof = match (proofs.next(), proofs.next()) {
                (Some(proof), None) => proof
                    .to_str()
                    .map_err(|_| ApiError::InvalidProof("the proof is not text".into()))?,
                _ => {
                    return Err(ApiError::InvalidProof(
                        "exactly one DPoP proof is needed".into(),
                    ))
                }
            };
            let url = request_url(&dashboard.origin, uri)
                .ok_or_else(|| ApiError::InvalidProof("the request's path is unusable".into()))?;
            dashboard
                .dpop
                .check(proof, method.as_str(), &url, token, jkt)
                .map_err(|refused| match refused {
                    ProofRefused::Invalid(why) => ApiError::InvalidProof(why),
                    ProofRefused::UseNonce { nonce, why } => ApiError::UseNonce { nonce, why },
                })?;
        }
    }
    let (organization, member) = dashboard
        .store
        .membership(&caller.okta_user_id)?
        .ok_or(ApiError::NotMember)?;
    if let Some(client_id) = &caller.client_id {
        let issued_for = dashboard.store.organization_for_client(client_id)?;
        if issued_for.as_ref() != Some(&organization) {
            return Err(ApiError::NotMember);
        }
    }
    Ok((caller, organization, member))
}

async fn me(
    State(dashboard): State<Arc<Dashboard>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (caller, organization, member) = signed_in(&dashboard, &method, &uri, &headers).await?;
    Ok(Json(json!({
        "user": {
            "id": caller.okta_user_id,
            "email": member.email,
            "name": member.name,
            "role": member.role,
        },
        "organization": organization,
    })))
}

async fn dashboard_data(
    State(dashboard): State<Arc<Dashboard>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (caller, organization, _member) = signed_in(&dashboard, &method, &uri, &headers).await?;
    let demand = dashboard
        .figures_demand
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    if let Some(acr) = demand.filter(|acr| caller.acr.as_ref() != Some(acr)) {
        return Err(ApiError::StepUp { acr });
    }
    // In the caller's language (Accept-Language), as the production dashboard answers.
    let language = words::language(&headers);
    let mut metrics = dashboard.store.metrics(&organization.id)?;
    for metric in &mut metrics {
        metric.label = words::translated(language, &metric.label);
    }
    let mut activity = dashboard.store.activity(&organization.id)?;
    for entry in &mut activity {
        entry.summary = words::translated(language, &entry.summary);
    }
    let generated_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    Ok(Json(json!({
        "organization": organization,
        "generatedAt": generated_at,
        "metrics": metrics,
        "activity": activity,
    })))
}

#[derive(Deserialize)]
struct EmailQuery {
    email: Option<String>,
}

/// The public lookup behind "sign in with your work email": the Native App's Client ID and Okta
/// domain that the email's organization saved in POINT.
async fn okta_settings_for_email(
    State(dashboard): State<Arc<Dashboard>>,
    Query(query): Query<EmailQuery>,
) -> Result<Json<store::OktaIntegration>, ApiError> {
    let email = query.email.unwrap_or_default();
    let domain = email_domain(&email).ok_or(ApiError::InvalidEmail)?;
    let integration = dashboard
        .store
        .okta_integration_for_domain(domain)?
        .ok_or(ApiError::NotConnected)?;
    Ok(Json(integration))
}

/// The domain of a plausible email address (`local@domain.tld`), or `None`.
fn email_domain(email: &str) -> Option<&str> {
    let email = email.trim();
    let (local, domain) = email.rsplit_once('@')?;
    let plausible = !local.is_empty()
        && email.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    plausible.then_some(domain)
}

#[cfg(test)]
mod tests {
    use super::email_domain;

    #[test]
    fn email_domains() {
        assert_eq!(email_domain("alice@example.com"), Some("example.com"));
        assert_eq!(email_domain("  Alice@Example.COM "), Some("Example.COM"));
        assert_eq!(email_domain("a@b@example.com"), Some("example.com"));
        for bad in [
            "",
            "alice",
            "@example.com",
            "alice@",
            "alice@localhost",
            "alice@.com",
            "alice@exa mple.com",
            "alice@example.com.",
        ] {
            assert_eq!(email_domain(bad), None, "{bad:?}");
        }
    }
}
