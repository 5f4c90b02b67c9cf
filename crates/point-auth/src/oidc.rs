//! The one module that speaks OpenID Connect through the `openidconnect` crate: discovery, the
//! signing keys, the authorization URL, the token requests and ID token verification.
//!
//! The crate's types stay inside this file; the rest of POINT sees ours. Its ID token verifier
//! is used for the signature, issuer, audience, expiry and nonce; this module adds what it leaves
//! out: `azp` with several audiences, `iat`, `auth_time` and `nbf` within a clock-skew allowance
//! of the provider's clock, `at_hash`, refusing `alg: none` and HMAC up front. Token requests are
//! plain form POSTs whose answers [`parse_token_response`] reads (pure, total, fuzzed), so that an
//! unusable answer that still rotated the refresh token gives that token back.

use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthenticationFlow, CoreClaimName, CoreClaimType, CoreClient,
    CoreClientAuthMethod, CoreGrantType, CoreIdToken, CoreIdTokenVerifier, CoreJsonWebKey,
    CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm,
    CoreJwsSigningAlgorithm, CoreResponseMode, CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, ClaimsVerificationError, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, PkceCodeChallenge, ProviderMetadata, RedirectUrl, Scope,
    SignatureVerificationError,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use url::Url;

use crate::config::{ClientId, Issuer, Redirect, REDIRECT_URI, SCOPES};
use crate::device::{
    parse_device_authorization, read_poll_answer, DeviceAuthorization, PollAnswer,
    DEVICE_CODE_GRANT,
};
use crate::dpop::{provider_asks_for_nonce, Dpop, DPOP_ALGORITHM, DPOP_HEADER};
use crate::error::{IdTokenError, SignInError};
use crate::http::HttpClient;
use crate::secret::{
    constant_time_eq, AccessToken, AuthorizationCode, IdToken, Nonce, PkceVerifier, RefreshToken,
    State,
};

/// Okta's discovery fields that the OpenID Connect core metadata does not cover.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct OktaMetadata {
    #[serde(default)]
    revocation_endpoint: Option<Url>,
    #[serde(default)]
    end_session_endpoint: Option<Url>,
    #[serde(default)]
    introspection_endpoint: Option<Url>,
    /// RFC 8628: where a sign-in on another device begins.
    #[serde(default)]
    device_authorization_endpoint: Option<Url>,
    #[serde(default)]
    code_challenge_methods_supported: Option<Vec<String>>,
    #[serde(default)]
    authorization_response_iss_parameter_supported: Option<bool>,
    /// RFC 9449: the algorithms the provider accepts in DPoP proofs.
    #[serde(default)]
    dpop_signing_alg_values_supported: Option<Vec<String>>,
}
impl AdditionalProviderMetadata for OktaMetadata {}

type Metadata = ProviderMetadata<
    OktaMetadata,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

type DiscoveredClient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How far the device's clock (after correction) may be from the provider's.
pub const CLOCK_SKEW: Duration = Duration::from_secs(300);
/// The longest access token lifetime believed; a longer `expires_in` is cut to this.
pub const MAX_ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// The lifetime assumed when a token response has no `expires_in` (Okta's default).
const DEFAULT_ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);

/// One authorization server, as its discovery document describes it.
#[derive(Clone, Debug)]
pub struct Provider {
    metadata: Metadata,
}

/// The provider's published signing keys (its JWKS).
#[derive(Clone, Debug)]
pub struct SigningKeys(CoreJsonWebKeySet);

/// Who signed in, from the verified ID token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Okta's user ID (`sub`).
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
    pub preferred_username: Option<String>,
}

/// The tokens from a token response. The access token stays in memory; the refresh token goes
/// to the keychain; the ID token is kept for the end-session request.
#[derive(Debug)]
pub struct TokenSet {
    pub access_token: AccessToken,
    pub refresh_token: Option<RefreshToken>,
    pub id_token: Option<IdToken>,
    /// When the access token expires, by this device's clock.
    pub expires_at: SystemTime,
    pub scopes: Vec<String>,
    /// `token_type` DPoP (RFC 9449 §5): the access token goes with a proof of the session's key
    /// (`Authorization: DPoP`), never as a bearer token.
    pub dpop_bound: bool,
}

/// A token request that failed. When the provider answered with something unusable that still
/// carried a new refresh token (so the old one is spent), that token rides along: it must not be
/// lost.
#[derive(Debug)]
pub struct TokenFailure {
    pub error: SignInError,
    pub rotated: Option<RefreshToken>,
}

impl From<SignInError> for TokenFailure {
    fn from(error: SignInError) -> Self {
        Self {
            error,
            rotated: None,
        }
    }
}

/// What one authorization request carries: its secrets, the person's hint, the prompt, and where
/// Okta sends the browser back.
#[derive(Debug, Clone, Copy)]
pub struct AuthorizationRequest<'a> {
    pub state: &'a State,
    pub nonce: &'a Nonce,
    pub verifier: &'a PkceVerifier,
    pub login_hint: Option<&'a str>,
    pub prompt: Prompt,
    pub redirect: Redirect,
}

/// How the ID token's `nonce` must look.
#[derive(Debug, Clone, Copy)]
pub enum NonceRule<'a> {
    /// After sign-in: present and equal.
    Required(&'a Nonce),
    /// After a refresh: absent (as Okta does) or equal to the original (OIDC Core §12.2).
    AbsentOrEqual(Option<&'a Nonce>),
}

/// What an ID token must satisfy.
#[derive(Debug, Clone, Copy)]
pub struct IdTokenCheck<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: NonceRule<'a>,
    /// The access token issued with it, for `at_hash`.
    pub access_token: Option<&'a str>,
    /// The subject it must name (on refresh: the signed-in user).
    pub subject: Option<&'a str>,
    /// The current time as the provider sees it.
    pub now: SystemTime,
}

/// Fetches and checks the discovery document: the issuer must be exactly the one asked for
/// (mix-up defence). Whether it offers what POINT needs (S256) is for the caller to judge.
pub async fn discover(http: &HttpClient, issuer: &Issuer) -> Result<Provider, SignInError> {
    let response = http
        .execute_with_provider_clock(get(&issuer.discovery_url())?)
        .await?;
    if !response.status().is_success() {
        return Err(SignInError::NotAnAuthorizationServer {
            status: response.status().as_u16(),
        });
    }
    let metadata: Metadata =
        serde_json::from_slice(response.body()).map_err(|e| SignInError::UnexpectedResponse {
            what: "OpenID configuration",
            detail: e.to_string(),
        })?;
    if metadata.issuer().as_str() != issuer.as_str() {
        return Err(SignInError::IssuerMismatch {
            expected: issuer.to_string(),
            found: metadata.issuer().to_string(),
        });
    }
    if metadata.token_endpoint().is_none() {
        return Err(SignInError::UnexpectedResponse {
            what: "OpenID configuration",
            detail: "no token endpoint".into(),
        });
    }
    Ok(Provider { metadata })
}

/// Fetches the provider's signing keys.
pub async fn fetch_keys(
    http: &HttpClient,
    provider: &Provider,
) -> Result<SigningKeys, SignInError> {
    let response = http
        .execute_with_provider_clock(get(provider.metadata.jwks_uri().as_str())?)
        .await?;
    if !response.status().is_success() {
        return Err(SignInError::UnexpectedResponse {
            what: "signing keys",
            detail: format!("HTTP {}", response.status()),
        });
    }
    serde_json::from_slice(response.body())
        .map(SigningKeys)
        .map_err(|e| SignInError::UnexpectedResponse {
            what: "signing keys",
            detail: e.to_string(),
        })
}

fn get(url: &str) -> Result<http::Request<Vec<u8>>, SignInError> {
    http::Request::get(url)
        .header(http::header::ACCEPT, "application/json")
        .body(Vec::new())
        .map_err(|e| SignInError::UnexpectedResponse {
            what: "request",
            detail: e.to_string(),
        })
}

/// The authorization request's `prompt` (OpenID Connect Core §3.1.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prompt {
    /// None sent: Okta reuses the browser's Okta session when there is one.
    #[default]
    Default,
    /// `prompt=login`: Okta asks for credentials again, even with a live Okta session in the
    /// browser ("sign in as someone else").
    Login,
    /// `prompt=none`: never a page; an error when the person would have to sign in.
    None,
}

impl Prompt {
    fn parameter(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::Login => Some("login"),
            Self::None => Some("none"),
        }
    }
}

/// What the authorization endpoint said to [`Provider::probe_authorization`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizationProbe {
    /// Redirected to POINT's redirect URI: the Client ID and redirect URI are accepted. The
    /// OAuth error it carried (`login_required` is the expected one; `unauthorized_client`
    /// means the app lacks the Authorization Code grant).
    Accepted { error: Option<String> },
    /// Not redirected to POINT: the endpoint refused the request, saying which part if its
    /// page names it.
    Refused { status: u16, part: RefusedPart },
}

/// Which part of an authorization request an error page refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusedPart {
    ClientId,
    RedirectUri,
    Unknown,
}

impl AuthorizationProbe {
    /// Reads the answer. Pure and total.
    pub fn read(status: u16, location: Option<&str>, body: &[u8]) -> Self {
        if let Some(location) = location.filter(|l| l.starts_with(REDIRECT_URI)) {
            let error = Url::parse(location).ok().and_then(|url| {
                url.query_pairs()
                    .find(|(k, _)| k == "error")
                    .map(|(_, v)| v.into_owned())
            });
            return Self::Accepted { error };
        }
        let page = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]).to_lowercase();
        let part = if page.contains("redirect_uri") || page.contains("redirect uri") {
            RefusedPart::RedirectUri
        } else if page.contains("client_id")
            || page.contains("invalid_client")
            || page.contains("client id")
        {
            RefusedPart::ClientId
        } else {
            RefusedPart::Unknown
        };
        Self::Refused { status, part }
    }
}

impl Provider {
    /// Fetches an authorization server's discovery document (for checks such as `point doctor`).
    pub async fn discover(http: &HttpClient, issuer: &Issuer) -> Result<Self, SignInError> {
        discover(http, issuer).await
    }

    /// Asks the authorization endpoint whether it accepts `client_id` with POINT's redirect URI,
    /// with `prompt=none` so that it never shows a login page: an accepted request is
    /// redirected back to the redirect URI (usually with `login_required`); a Client ID or
    /// redirect URI Okta does not accept gets an error page instead (RFC 6749 §4.1.2.1: it
    /// must not redirect to an unverified URI). For `point doctor`.
    pub async fn probe_authorization(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
    ) -> Result<AuthorizationProbe, SignInError> {
        let random = || crate::secret::random_url_safe(32);
        let url = self.authorization_url(
            client_id,
            AuthorizationRequest {
                state: &State::new(random()),
                nonce: &Nonce::new(random()),
                verifier: &PkceVerifier::new(random()),
                login_hint: None,
                prompt: Prompt::None,
                redirect: Redirect::CustomScheme,
            },
        )?;
        let request = http::Request::get(url.as_str())
            .header(http::header::ACCEPT, "text/html")
            .body(Vec::new())
            .map_err(|e| SignInError::UnexpectedResponse {
                what: "request",
                detail: e.to_string(),
            })?;
        let response = http.execute(request).await?;
        Ok(AuthorizationProbe::read(
            response.status().as_u16(),
            response
                .headers()
                .get(http::header::LOCATION)
                .and_then(|l| l.to_str().ok()),
            response.body(),
        ))
    }

    pub fn issuer(&self) -> &str {
        self.metadata.issuer().as_str()
    }

    pub fn supports_s256(&self) -> bool {
        self.metadata
            .additional_metadata()
            .code_challenge_methods_supported
            .iter()
            .flatten()
            .any(|method| method == "S256")
    }

    /// Whether the provider promises `iss` in authorization responses (RFC 9207).
    pub fn sends_issuer_in_response(&self) -> bool {
        self.metadata
            .additional_metadata()
            .authorization_response_iss_parameter_supported
            .unwrap_or(false)
    }

    pub fn scopes_supported(&self) -> Vec<String> {
        self.metadata
            .scopes_supported()
            .map(|scopes| scopes.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default()
    }

    pub fn revocation_endpoint(&self) -> Option<&Url> {
        self.metadata
            .additional_metadata()
            .revocation_endpoint
            .as_ref()
    }

    pub fn end_session_endpoint(&self) -> Option<&Url> {
        self.metadata
            .additional_metadata()
            .end_session_endpoint
            .as_ref()
    }

    fn client(
        &self,
        client_id: &ClientId,
        redirect: Redirect,
    ) -> Result<DiscoveredClient, SignInError> {
        let redirect =
            RedirectUrl::new(redirect.uri()).map_err(|e| SignInError::UnexpectedResponse {
                what: "redirect URI",
                detail: e.to_string(),
            })?;
        Ok(CoreClient::from_provider_metadata(
            self.metadata.clone(),
            openidconnect::ClientId::new(client_id.as_str().to_string()),
            None,
        )
        .set_redirect_uri(redirect))
    }

    /// The authorization URL for the system browser: code flow, PKCE S256, state, nonce, POINT's
    /// scopes, and `login_hint` when the work email is known.
    pub fn authorization_url(
        &self,
        client_id: &ClientId,
        request: AuthorizationRequest<'_>,
    ) -> Result<Url, SignInError> {
        let AuthorizationRequest {
            state,
            nonce,
            verifier,
            login_hint,
            prompt,
            redirect,
        } = request;
        let client = self.client(client_id, redirect)?;
        let challenge = PkceCodeChallenge::from_code_verifier_sha256(
            &openidconnect::PkceCodeVerifier::new(verifier.expose().to_string()),
        );
        let state = state.expose().to_string();
        let nonce = nonce.expose().to_string();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                move || openidconnect::CsrfToken::new(state),
                move || openidconnect::Nonce::new(nonce),
            )
            .set_pkce_challenge(challenge);
        for scope in SCOPES.iter().filter(|s| **s != "openid") {
            request = request.add_scope(Scope::new((*scope).to_string()));
        }
        if let Some(hint) = login_hint {
            request = request.add_extra_param("login_hint", hint.to_string());
        }
        if let Some(prompt) = prompt.parameter() {
            request = request.add_extra_param("prompt", prompt);
        }
        let (url, _state, _nonce) = request.url();
        Ok(url)
    }

    /// Exchanges the authorization code and the PKCE verifier for tokens: one request.
    pub async fn exchange_code(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
        code: &AuthorizationCode,
        verifier: &PkceVerifier,
        redirect: Redirect,
        dpop: Option<&Dpop>,
    ) -> Result<TokenSet, SignInError> {
        let redirect_uri = redirect.uri();
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.expose()),
            ("redirect_uri", &redirect_uri),
            ("client_id", client_id.as_str()),
            ("code_verifier", verifier.expose()),
        ];
        self.token_request(http, &form, dpop)
            .await
            .map_err(|f| f.error)
    }

    /// Redeems a refresh token (scopes as first granted): one request. The ID token in the
    /// answer is not verified here; see [`TokenFailure`] for an unusable answer.
    pub async fn refresh(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
        refresh_token: &RefreshToken,
        dpop: Option<&Dpop>,
    ) -> Result<TokenSet, TokenFailure> {
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
            ("client_id", client_id.as_str()),
        ];
        // invalid_grant here means the provider ended the session, not that a code was refused.
        self.token_request(http, &form, dpop)
            .await
            .map_err(|failure| match failure.error {
                SignInError::CodeRejected => TokenFailure {
                    error: SignInError::RefreshTokenRejected,
                    ..failure
                },
                _ => failure,
            })
    }

    /// A POST to the token endpoint as a public client, its answer read by
    /// [`parse_token_response`]. With `dpop`, a proof goes with it and the tokens come back
    /// bound to its key.
    async fn token_request(
        &self,
        http: &HttpClient,
        form: &[(&str, &str)],
        dpop: Option<&Dpop>,
    ) -> Result<TokenSet, TokenFailure> {
        let response = self.post_to_token_endpoint(http, form, dpop).await?;
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        let tokens = parse_token_response(
            response.status().as_u16(),
            content_type,
            response.body(),
            SystemTime::now(),
        )?;
        if tokens.dpop_bound && dpop.is_none() {
            return Err(bound_without_proof().into());
        }
        Ok(tokens)
    }

    /// Sends a form to the token endpoint, with a DPoP proof when `dpop` is given. A provider
    /// that asks for a nonce of its own (`use_dpop_nonce`, as Okta always does first) gets the
    /// request once more with the nonce it handed out; the nonce is kept for the next request.
    async fn post_to_token_endpoint(
        &self,
        http: &HttpClient,
        form: &[(&str, &str)],
        dpop: Option<&Dpop>,
    ) -> Result<http::Response<Vec<u8>>, SignInError> {
        let endpoint = self
            .metadata
            .token_endpoint()
            .ok_or(SignInError::UnexpectedResponse {
                what: "OpenID configuration",
                detail: "no token endpoint".into(),
            })?
            .url();
        let mut sent_again = false;
        loop {
            let mut request = form_post(endpoint, form)?;
            if let Some(dpop) = dpop {
                let proof = dpop.proof("POST", endpoint, None, http.server_now());
                request.headers_mut().insert(
                    DPOP_HEADER,
                    http::HeaderValue::from_str(&proof).map_err(|e| {
                        SignInError::UnexpectedResponse {
                            what: "request",
                            detail: e.to_string(),
                        }
                    })?,
                );
            }
            let response =
                refused_if_rate_limited(http, http.execute_with_provider_clock(request).await?)?;
            let Some(dpop) = dpop else {
                return Ok(response);
            };
            dpop.remember_nonce(endpoint, response.headers());
            let asks = provider_asks_for_nonce(response.status().as_u16(), response.body());
            if asks && dpop.has_nonce_for(endpoint) && !sent_again {
                sent_again = true;
                continue;
            }
            return Ok(response);
        }
    }

    /// Whether the provider takes ES256 DPoP proofs (RFC 9449 §5.1).
    pub fn supports_dpop(&self) -> bool {
        self.additional_metadata()
            .dpop_signing_alg_values_supported
            .as_ref()
            .is_some_and(|algs| algs.iter().any(|alg| alg == DPOP_ALGORITHM))
    }

    /// Asks the provider whether a refresh token is still active (RFC 7662; Okta lets a native
    /// app introspect its own tokens with its Client ID). Redeems nothing, so it is safe to ask
    /// about a token that may already have been spent.
    pub async fn refresh_token_is_active(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
        refresh_token: &RefreshToken,
    ) -> Result<bool, SignInError> {
        let endpoint = self
            .additional_metadata()
            .introspection_endpoint
            .as_ref()
            // Not a passing failure: without the endpoint, the answer never comes.
            .ok_or(SignInError::TokenRequestRefused {
                error: "introspection_unavailable".into(),
                description: Some("the provider advertises no introspection endpoint".into()),
            })?;
        let response = http
            .execute_with_provider_clock(token_form(endpoint, refresh_token, client_id)?)
            .await?;
        let response = refused_if_rate_limited(http, response)?;
        #[derive(Deserialize)]
        struct Introspection {
            active: bool,
        }
        if response.status().is_success() {
            return serde_json::from_slice::<Introspection>(response.body())
                .map(|answer| answer.active)
                .map_err(|e| SignInError::UnexpectedResponse {
                    what: "introspection response",
                    detail: e.to_string(),
                });
        }
        Err(oauth_error(
            response.status().as_u16(),
            response.body(),
            "introspection response",
        ))
    }

    fn additional_metadata(&self) -> &OktaMetadata {
        self.metadata.additional_metadata()
    }
}

/// A form POST of a refresh token to `endpoint`, as a public client (revocation, introspection).
fn token_form(
    endpoint: &Url,
    refresh_token: &RefreshToken,
    client_id: &ClientId,
) -> Result<http::Request<Vec<u8>>, SignInError> {
    form_post(
        endpoint,
        &[
            ("token", refresh_token.expose()),
            ("token_type_hint", "refresh_token"),
            ("client_id", client_id.as_str()),
        ],
    )
}

/// Tokens bound to a DPoP key for a request that showed none: nobody could use them.
fn bound_without_proof() -> SignInError {
    SignInError::UnexpectedResponse {
        what: "token response",
        detail: "DPoP-bound tokens for a request without a proof".into(),
    }
}

/// A form POST to one of the provider's endpoints that answers JSON.
fn form_post(endpoint: &Url, form: &[(&str, &str)]) -> Result<http::Request<Vec<u8>>, SignInError> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    http::Request::post(endpoint.as_str())
        .header(
            http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header(http::header::ACCEPT, "application/json")
        .body(body.into_bytes())
        .map_err(|e| SignInError::UnexpectedResponse {
            what: "request",
            detail: e.to_string(),
        })
}

/// Okta's rate limit (HTTP 429) as the error it is: a refusal before the provider acted, with
/// its "not before" when it gave one; any other answer goes through.
fn refused_if_rate_limited(
    http: &HttpClient,
    response: http::Response<Vec<u8>>,
) -> Result<http::Response<Vec<u8>>, SignInError> {
    if response.status() != http::StatusCode::TOO_MANY_REQUESTS {
        return Ok(response);
    }
    let retry_after = crate::retry::server_wait(429, response.headers(), http.server_now());
    tracing::warn!(?retry_after, "Okta's rate limit: the request was refused");
    Err(SignInError::RateLimited { retry_after })
}

/// The OAuth error in a non-2xx answer, or an unexpected-response error naming `what`.
pub(crate) fn oauth_error(status: u16, body: &[u8], what: &'static str) -> SignInError {
    #[derive(Deserialize)]
    struct OAuthError {
        error: String,
        error_description: Option<String>,
    }
    match serde_json::from_slice::<OAuthError>(body) {
        Ok(error) => {
            SignInError::from_token_error(&error.error, error.error_description.as_deref())
        }
        Err(_) => SignInError::UnexpectedResponse {
            what,
            detail: format!("HTTP {status}"),
        },
    }
}

impl Provider {
    /// Revokes a refresh token (which also revokes its access tokens). Okta answers 200 even
    /// for unknown tokens, so success means "no longer usable".
    pub async fn revoke_refresh_token(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
        refresh_token: &RefreshToken,
    ) -> Result<(), SignInError> {
        let endpoint = self
            .revocation_endpoint()
            .ok_or(SignInError::UnexpectedResponse {
                what: "OpenID configuration",
                detail: "no revocation endpoint".into(),
            })?;
        let response = http
            .execute_with_provider_clock(token_form(endpoint, refresh_token, client_id)?)
            .await?;
        let response = refused_if_rate_limited(http, response)?;
        if response.status().is_success() {
            return Ok(());
        }
        Err(oauth_error(
            response.status().as_u16(),
            response.body(),
            "revocation response",
        ))
    }

    /// Where a sign-in on another device begins (RFC 8628), when the provider offers it.
    pub fn device_authorization_endpoint(&self) -> Option<&Url> {
        self.additional_metadata()
            .device_authorization_endpoint
            .as_ref()
    }

    /// Begins a sign-in on another device: one request for a device code and a user code, with
    /// the scopes of a browser sign-in.
    pub async fn authorize_device(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
    ) -> Result<DeviceAuthorization, SignInError> {
        let endpoint = self
            .device_authorization_endpoint()
            .ok_or(SignInError::DeviceGrantNotOffered)?;
        let scope = SCOPES.join(" ");
        let request = form_post(
            endpoint,
            &[("client_id", client_id.as_str()), ("scope", &scope)],
        )?;
        let response =
            refused_if_rate_limited(http, http.execute_with_provider_clock(request).await?)?;
        parse_device_authorization(
            response.status().as_u16(),
            response.body(),
            SystemTime::now(),
        )
    }

    /// Asks once whether the person has signed in with the device code: one token request
    /// (two when the provider first asks for a DPoP nonce).
    pub async fn poll_device(
        &self,
        http: &HttpClient,
        client_id: &ClientId,
        authorization: &DeviceAuthorization,
        dpop: Option<&Dpop>,
    ) -> PollAnswer {
        let form = [
            ("grant_type", DEVICE_CODE_GRANT),
            ("device_code", authorization.device_code().expose()),
            ("client_id", client_id.as_str()),
        ];
        match self.post_to_token_endpoint(http, &form, dpop).await {
            Ok(response) => match read_poll_answer(
                response.status().as_u16(),
                response
                    .headers()
                    .get(http::header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok()),
                response.body(),
                SystemTime::now(),
            ) {
                PollAnswer::Tokens(tokens) if tokens.dpop_bound && dpop.is_none() => {
                    let error = bound_without_proof();
                    match tokens.refresh_token {
                        Some(refresh_token) => PollAnswer::Unusable {
                            error,
                            refresh_token,
                        },
                        None => PollAnswer::Failed(error),
                    }
                }
                answer => answer,
            },
            Err(error) => PollAnswer::Failed(error),
        }
    }

    /// The end-session URL for the system browser: Okta's `/v1/logout` with the ID token as hint,
    /// POINT's post-logout redirect and a state that the `/logout` deep link must return.
    pub fn end_session_url(&self, id_token: &IdToken, state: &State) -> Option<Url> {
        let mut url = self.end_session_endpoint()?.clone();
        url.query_pairs_mut()
            .append_pair("id_token_hint", id_token.expose())
            .append_pair(
                "post_logout_redirect_uri",
                crate::config::POST_LOGOUT_REDIRECT_URI,
            )
            .append_pair("state", state.expose());
        Some(url)
    }
}

/// Reads a token endpoint's answer: tokens (2xx), an OAuth error (4xx), or something else (a
/// captive portal's page, a truncated body). Pure and total. When a 2xx answer is unusable but
/// carries a `refresh_token`, that token is returned in the [`TokenFailure`]: the provider has
/// rotated, so it must not be lost. `now` is this device's time, for the access token's expiry.
pub fn parse_token_response(
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
    now: SystemTime,
) -> Result<TokenSet, TokenFailure> {
    let unexpected = |detail: String| SignInError::UnexpectedResponse {
        what: "token response",
        detail,
    };
    let json = content_type.is_none_or(|ct| {
        let essence = ct.split(';').next().unwrap_or_default().trim();
        essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
    });
    if !(200..300).contains(&status) {
        return Err(match json {
            true => oauth_error(status, body, "token response"),
            false => unexpected(format!("HTTP {status}")),
        }
        .into());
    }
    let answer = if json {
        serde_json::from_slice::<TokenAnswer>(body)
            .map_err(|e| e.to_string())
            .and_then(|answer| {
                let known = answer.token_type.eq_ignore_ascii_case("bearer")
                    || answer.token_type.eq_ignore_ascii_case("dpop");
                if known {
                    Ok(answer)
                } else {
                    Err(format!(
                        "token type {:?} is neither Bearer nor DPoP",
                        answer.token_type
                    ))
                }
            })
    } else {
        Err(format!(
            "{} instead of JSON",
            content_type.unwrap_or_default()
        ))
    };
    match answer {
        Ok(answer) => Ok(token_set(answer, now)),
        // Whatever went wrong, a refresh token in a 2xx answer is the provider's rotation.
        Err(detail) => Err(TokenFailure {
            error: unexpected(detail),
            rotated: rotated_refresh_token(body),
        }),
    }
}

/// The `refresh_token` of a token response that failed to parse as a whole (a bad `expires_in`,
/// an unknown `token_type`): the provider has rotated, so the new token must be kept.
pub fn rotated_refresh_token(body: &[u8]) -> Option<RefreshToken> {
    #[derive(Deserialize)]
    struct Rotated {
        refresh_token: String,
    }
    serde_json::from_slice::<Rotated>(body)
        .ok()
        .map(|r| r.refresh_token)
        .filter(|token| plausible_refresh_token(token))
        .map(RefreshToken::new)
}

/// A refresh token worth keeping: not empty, and not larger than any provider issues.
fn plausible_refresh_token(token: &str) -> bool {
    !token.is_empty() && token.len() <= 4096
}

/// When a token that lives `lifetime` from now expires: unknown lifetimes are Okta's hour,
/// and no lifetime is believed past [`MAX_ACCESS_TOKEN_LIFETIME`].
pub fn expiry_after(lifetime: Option<Duration>, now: SystemTime) -> SystemTime {
    let lifetime = lifetime
        .unwrap_or(DEFAULT_ACCESS_TOKEN_LIFETIME)
        .min(MAX_ACCESS_TOKEN_LIFETIME);
    now.checked_add(lifetime).unwrap_or(now)
}

/// A successful token answer (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3). The ID token stays a
/// string here: it is parsed and judged by [`verify_id_token`], so a bad claim in it cannot make
/// the rest of the answer, and its rotated refresh token, unreadable.
#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    token_type: String,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    id_token: Option<String>,
    #[serde(default)]
    scope: Option<String>,
}

fn token_set(answer: TokenAnswer, now: SystemTime) -> TokenSet {
    TokenSet {
        dpop_bound: answer.token_type.eq_ignore_ascii_case("dpop"),
        access_token: AccessToken::new(answer.access_token),
        refresh_token: answer
            .refresh_token
            .filter(|token| plausible_refresh_token(token))
            .map(RefreshToken::new),
        id_token: answer.id_token.map(IdToken::new),
        expires_at: expiry_after(answer.expires_in.map(Duration::from_secs), now),
        scopes: answer
            .scope
            .map(|scope| scope.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
    }
}

/// Verifies an ID token against the provider's keys. Pure: no I/O, the time is given.
pub fn verify_id_token(
    raw: &str,
    keys: &SigningKeys,
    check: &IdTokenCheck<'_>,
) -> Result<Identity, IdTokenError> {
    // Refuse unsigned and shared-secret tokens before anything else reads them.
    let alg = header_algorithm(raw)?;
    match alg.as_str() {
        "none" => return Err(IdTokenError::Unsigned),
        a if a.starts_with("HS") => return Err(IdTokenError::SymmetricAlgorithm(alg)),
        "RS256" => {}
        _ => return Err(IdTokenError::DisallowedAlgorithm(alg)),
    }
    let token: CoreIdToken = raw
        .parse()
        .map_err(|e: serde_json::Error| IdTokenError::Malformed(e.to_string()))?;

    let issuer = openidconnect::IssuerUrl::new(check.issuer.to_string())
        .map_err(|e| IdTokenError::Malformed(e.to_string()))?;
    let not_after: DateTime<Utc> = DateTime::<Utc>::from(check.now) - skew();
    let verifier = CoreIdTokenVerifier::new_public_client(
        openidconnect::ClientId::new(check.client_id.to_string()),
        issuer,
        keys.0.clone(),
    )
    .set_allowed_algs([CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256])
    // Extra audiences are judged below, by azp.
    .set_other_audience_verifier_fn(|_| true)
    .set_time_fn(move || not_after);

    let nonce_rule = check.nonce;
    let claims = token
        .claims(&verifier, |nonce: Option<&openidconnect::Nonce>| {
            check_nonce(nonce_rule, nonce.map(|n| n.secret().as_str()))
        })
        .map_err(claims_error)?;

    let client_id = check.client_id;
    match claims.authorized_party() {
        Some(azp) if azp.as_str() != client_id => return Err(IdTokenError::WrongAuthorizedParty),
        None if claims.audiences().len() > 1 => return Err(IdTokenError::MissingAuthorizedParty),
        _ => {}
    }
    if !claims
        .audiences()
        .iter()
        .any(|aud| aud.as_str() == client_id)
    {
        return Err(IdTokenError::WrongAudience);
    }
    let latest_issue: DateTime<Utc> = DateTime::<Utc>::from(check.now) + skew();
    if claims.issue_time() > latest_issue {
        return Err(IdTokenError::IssuedInFuture);
    }
    if claims.auth_time().is_some_and(|at| at > latest_issue) {
        return Err(IdTokenError::AuthenticatedInFuture);
    }
    if not_before(raw)?.is_some_and(|nbf| nbf > latest_issue.timestamp() as f64) {
        return Err(IdTokenError::NotYetValid);
    }
    if let (Some(expected), Some(access_token)) = (claims.access_token_hash(), check.access_token) {
        let digest = Sha256::digest(access_token.as_bytes());
        let actual = URL_SAFE_NO_PAD.encode(&digest[..16]);
        if !constant_time_eq(&actual, expected.as_str()) {
            return Err(IdTokenError::WrongAccessTokenHash);
        }
    }
    let subject = claims.subject().as_str();
    if check.subject.is_some_and(|expected| expected != subject) {
        return Err(IdTokenError::WrongSubject);
    }
    Ok(Identity {
        subject: subject.to_string(),
        email: claims.email().map(|e| e.as_str().to_string()),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_string()),
        preferred_username: claims.preferred_username().map(|u| u.as_str().to_string()),
    })
}

fn skew() -> chrono::Duration {
    chrono::Duration::seconds(CLOCK_SKEW.as_secs() as i64)
}

const NONCE_MISSING: &str = "missing";
const NONCE_MISMATCH: &str = "mismatch";

fn check_nonce(rule: NonceRule<'_>, got: Option<&str>) -> Result<(), String> {
    match (rule, got) {
        (NonceRule::Required(_), None) => Err(NONCE_MISSING.into()),
        (NonceRule::AbsentOrEqual(_), None) => Ok(()),
        (NonceRule::Required(expected), Some(got))
        | (NonceRule::AbsentOrEqual(Some(expected)), Some(got)) => {
            if constant_time_eq(expected.expose(), got) {
                Ok(())
            } else {
                Err(NONCE_MISMATCH.into())
            }
        }
        (NonceRule::AbsentOrEqual(None), Some(_)) => Err(NONCE_MISMATCH.into()),
    }
}

fn claims_error(error: ClaimsVerificationError) -> IdTokenError {
    match error {
        ClaimsVerificationError::SignatureVerification(signature) => match signature {
            SignatureVerificationError::NoMatchingKey => IdTokenError::UnknownSigningKey,
            SignatureVerificationError::NoSignature => IdTokenError::Unsigned,
            SignatureVerificationError::DisallowedAlg(alg)
            | SignatureVerificationError::UnsupportedAlg(alg) => {
                IdTokenError::DisallowedAlgorithm(alg)
            }
            _ => IdTokenError::BadSignature,
        },
        ClaimsVerificationError::InvalidIssuer(_) => IdTokenError::WrongIssuer,
        ClaimsVerificationError::InvalidAudience(_) => IdTokenError::WrongAudience,
        ClaimsVerificationError::Expired(_) => IdTokenError::Expired,
        ClaimsVerificationError::InvalidNonce(why) if why == NONCE_MISSING => {
            IdTokenError::MissingNonce
        }
        ClaimsVerificationError::InvalidNonce(_) => IdTokenError::WrongNonce,
        ClaimsVerificationError::InvalidSubject(_) => IdTokenError::WrongSubject,
        other => IdTokenError::Malformed(other.to_string()),
    }
}

/// The `nbf` claim, which the `openidconnect` claims leave out (Okta does not send it; a token
/// that does is not used early).
fn not_before(raw: &str) -> Result<Option<f64>, IdTokenError> {
    let payload = raw
        .split('.')
        .nth(1)
        .ok_or_else(|| IdTokenError::Malformed("not a compact JWT".into()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| IdTokenError::Malformed("payload is not base64url".into()))?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|_| IdTokenError::Malformed("payload is not JSON".into()))?;
    match claims.get("nbf") {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(value) => value
            .as_f64()
            .map(Some)
            .ok_or_else(|| IdTokenError::Malformed("nbf is not a number".into())),
    }
}

/// The `alg` of a compact JWS, read from its header.
fn header_algorithm(raw: &str) -> Result<String, IdTokenError> {
    #[derive(Deserialize)]
    struct Header {
        alg: String,
    }
    let encoded = raw
        .split('.')
        .next()
        .filter(|h| !h.is_empty() && raw.split('.').count() == 3)
        .ok_or_else(|| IdTokenError::Malformed("not a compact JWT".into()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(encoded)
        .map_err(|_| IdTokenError::Malformed("header is not base64url".into()))?;
    let header: Header = serde_json::from_slice(&bytes)
        .map_err(|_| IdTokenError::Malformed("header is not JSON with alg".into()))?;
    Ok(header.alg)
}

#[cfg(test)]
mod tests {
    use super::{AuthorizationProbe as P, RefusedPart as R};

    #[test]
    fn probe_pages_are_read() {
        assert_eq!(
            P::read(
                302,
                Some("org.pointapp.point:/login?error=login_required&state=x"),
                b""
            ),
            P::Accepted {
                error: Some("login_required".into())
            }
        );
        // Okta's page for a redirect URI the app does not list.
        let okta = b"<html>The 'redirect_uri' parameter must be a Login redirect URI in the client app settings</html>";
        assert_eq!(
            P::read(400, None, okta),
            P::Refused {
                status: 400,
                part: R::RedirectUri
            }
        );
        // oidc-provider's page for an unknown client.
        assert_eq!(
            P::read(400, None, b"<pre>invalid_client</pre>"),
            P::Refused {
                status: 400,
                part: R::ClientId
            }
        );
        // A redirect elsewhere (a login page) is not POINT's redirect.
        assert_eq!(
            P::read(302, Some("https://company.okta.com/login"), b""),
            P::Refused {
                status: 302,
                part: R::Unknown
            }
        );
        assert_eq!(
            P::read(200, None, &[0xff; 10]),
            P::Refused {
                status: 200,
                part: R::Unknown
            }
        );
    }
}
