//! The one module that speaks OpenID Connect through the `openidconnect` crate: discovery and
//! the signing keys, the authorization URL (here), the token requests (`token_requests.rs`),
//! reading their answers (`token_response.rs`) and ID token verification (`id_token.rs`).
//!
//! The crate's types stay inside this folder; the rest of POINT sees ours.

mod id_token;
mod token_requests;
mod token_response;

pub use id_token::{verify_id_token, IdTokenCheck, Identity, NonceRule, SigningKeys, CLOCK_SKEW};
pub(crate) use token_requests::oauth_error;
pub use token_response::{
    expiry_after, parse_token_response, rotated_refresh_token, TokenFailure, TokenSet,
    MAX_ACCESS_TOKEN_LIFETIME,
};

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthenticationFlow, CoreClaimName, CoreClaimType, CoreClient,
    CoreClientAuthMethod, CoreGrantType, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm, CoreResponseMode, CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, EndpointMaybeSet, EndpointNotSet, EndpointSet, PkceCodeChallenge,
    ProviderMetadata, RedirectUrl, Scope,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use url::Url;

use crate::config::{ClientId, Issuer, Redirect, REDIRECT_URI, SCOPES};
use crate::dpop::DPOP_ALGORITHM;
use crate::error::SignInError;
use crate::http::HttpClient;
use crate::secret::{IdToken, Nonce, PkceVerifier, State};
use crate::step_up::AuthenticationRequirement;

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
    /// RFC 9126: where an authorization request's parameters can be pushed.
    #[serde(default)]
    pushed_authorization_request_endpoint: Option<Url>,
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

/// One authorization server, as its discovery document describes it.
#[derive(Clone, Debug)]
pub struct Provider {
    metadata: Metadata,
    /// The discovery document as the provider sent it, for [`crate::ProviderSnapshot`].
    document: Arc<str>,
}

/// What one authorization request carries: its secrets, what the sign-in page is asked for, and
/// where Okta sends the browser back.
#[derive(Debug, Clone, Copy)]
pub struct AuthorizationRequest<'a> {
    pub state: &'a State,
    pub nonce: &'a Nonce,
    pub verifier: &'a PkceVerifier,
    pub page: PageOptions<'a>,
    pub redirect: Redirect,
}

/// What the sign-in page is asked for: whom to suggest (`login_hint`), whether to ask again
/// (`prompt`), and in which language (`ui_locales`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions<'a> {
    pub login_hint: Option<&'a str>,
    pub prompt: Prompt,
    pub ui_locales: Option<&'a str>,
    /// How strong and recent the sign-in must be (`acr_values`, `max_age`): step-up, IT's
    /// minimum.
    pub requirement: Option<&'a AuthenticationRequirement>,
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
    let document =
        std::str::from_utf8(response.body()).map_err(|e| SignInError::UnexpectedResponse {
            what: "OpenID configuration",
            detail: e.to_string(),
        })?;
    provider_from_document(issuer, document)
}

/// Reads and checks a discovery document (fetched now, or kept from an earlier run): the issuer
/// must be exactly the one asked for (mix-up defence), and it must name a token endpoint.
pub(crate) fn provider_from_document(
    issuer: &Issuer,
    document: &str,
) -> Result<Provider, SignInError> {
    let metadata: Metadata =
        serde_json::from_str(document).map_err(|e| SignInError::UnexpectedResponse {
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
    Ok(Provider {
        metadata,
        document: document.into(),
    })
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
    let document =
        std::str::from_utf8(response.body()).map_err(|e| SignInError::UnexpectedResponse {
            what: "signing keys",
            detail: e.to_string(),
        })?;
    keys_from_document(document)
}

/// Reads a JWKS document (fetched now, or kept from an earlier run).
pub(crate) fn keys_from_document(document: &str) -> Result<SigningKeys, SignInError> {
    serde_json::from_str(document)
        .map(|keys| SigningKeys(keys, document.into()))
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
    /// The discovery document as the provider sent it.
    pub(crate) fn document(&self) -> &str {
        &self.document
    }

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
                page: PageOptions {
                    prompt: Prompt::None,
                    ..PageOptions::default()
                },
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
            page:
                PageOptions {
                    login_hint,
                    prompt,
                    ui_locales,
                    requirement,
                },
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
        if let Some(locales) = ui_locales {
            request = request.add_extra_param("ui_locales", locales.to_string());
        }
        if let Some(requirement) = requirement {
            if let Some(acr_values) = requirement.acr_values_parameter() {
                request = request.add_extra_param("acr_values", acr_values);
            }
            if let Some(max_age) = requirement.max_age {
                request = request.add_extra_param("max_age", max_age.as_secs().to_string());
            }
        }
        let (url, _state, _nonce) = request.url();
        Ok(url)
    }

    /// Whether the provider takes ES256 DPoP proofs (RFC 9449 §5.1).
    pub fn supports_dpop(&self) -> bool {
        self.additional_metadata()
            .dpop_signing_alg_values_supported
            .as_ref()
            .is_some_and(|algs| algs.iter().any(|alg| alg == DPOP_ALGORITHM))
    }

    fn additional_metadata(&self) -> &OktaMetadata {
        self.metadata.additional_metadata()
    }
}

impl Provider {
    /// Where a sign-in on another device begins (RFC 8628), when the provider offers it.
    pub fn device_authorization_endpoint(&self) -> Option<&Url> {
        self.additional_metadata()
            .device_authorization_endpoint
            .as_ref()
    }

    /// Where an authorization request's parameters can be pushed (RFC 9126), when the provider
    /// offers it.
    pub fn pushed_authorization_request_endpoint(&self) -> Option<&Url> {
        self.additional_metadata()
            .pushed_authorization_request_endpoint
            .as_ref()
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
