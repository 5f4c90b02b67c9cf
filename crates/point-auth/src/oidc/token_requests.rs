//! The token endpoint and its neighbours, as a public client: the code exchange, the refresh,
//! the device grant's requests, pushed authorization requests, introspection and revocation. Form POSTs whose answers
//! [`parse_token_response`] reads; a DPoP proof where the session has a key (and the one resend
//! with the server's nonce that `use_dpop_nonce` asks for); Okta's rate limit as the refusal it
//! is.

use std::time::SystemTime;

use serde::Deserialize;
use url::Url;

use super::{parse_token_response, Provider, TokenFailure, TokenSet};
use crate::config::{ClientId, Redirect, SCOPES};
use crate::device::{
    parse_device_authorization, read_poll_answer, DeviceAuthorization, PollAnswer,
    DEVICE_CODE_GRANT,
};
use crate::dpop::{provider_asks_for_nonce, Dpop, DPOP_HEADER};
use crate::error::SignInError;
use crate::http::HttpClient;
use crate::secret::{AuthorizationCode, PkceVerifier, RefreshToken};

impl Provider {
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
                let proof = dpop.proof("POST", endpoint, None, http.server_now())?;
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

    /// Pushes the authorization request in `authorization_url` (RFC 9126) and returns the URL
    /// for the browser: the authorization endpoint with only the Client ID and the provider's
    /// one-time `request_uri`. State, nonce, PKCE challenge and login hint then travel over TLS
    /// to the provider, never in a URL that a command line or a browser's history holds.
    /// `None` when the provider takes no pushed requests. A refusal is read as the
    /// authorization endpoint's would be (the provider checks the same things, before any page).
    pub async fn push_authorization_request(
        &self,
        http: &HttpClient,
        authorization_url: &Url,
    ) -> Option<Result<Url, SignInError>> {
        let endpoint = self.pushed_authorization_request_endpoint()?;
        Some(self.push(http, endpoint, authorization_url).await)
    }

    async fn push(
        &self,
        http: &HttpClient,
        endpoint: &Url,
        authorization_url: &Url,
    ) -> Result<Url, SignInError> {
        let parameters: Vec<(String, String)> =
            authorization_url.query_pairs().into_owned().collect();
        let form: Vec<(&str, &str)> = parameters
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect();
        let client_id = parameters
            .iter()
            .find(|(name, _)| name == "client_id")
            .map(|(_, value)| value.clone())
            .unwrap_or_default();
        let response = refused_if_rate_limited(
            http,
            http.execute_with_provider_clock(form_post(endpoint, &form)?)
                .await?,
        )?;
        let request_uri = read_pushed_authorization(response.status().as_u16(), response.body())?;
        let mut url = self.metadata.authorization_endpoint().url().clone();
        url.set_query(None);
        url.query_pairs_mut()
            .append_pair("client_id", &client_id)
            .append_pair("request_uri", &request_uri);
        Ok(url)
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

/// The `request_uri` of a pushed authorization request's answer (RFC 9126 §2.2: 201, or 200 as
/// some providers answer), or the refusal it carries (§2.3), read as the authorization
/// endpoint's. Pure and total.
pub(crate) fn read_pushed_authorization(status: u16, body: &[u8]) -> Result<String, SignInError> {
    #[derive(Deserialize)]
    struct Pushed {
        request_uri: String,
    }
    #[derive(Deserialize)]
    struct Refusal {
        error: String,
        error_description: Option<String>,
    }
    if matches!(status, 200 | 201) {
        return match serde_json::from_slice::<Pushed>(body) {
            Ok(pushed) if !pushed.request_uri.trim().is_empty() => Ok(pushed.request_uri),
            _ => Err(SignInError::UnexpectedResponse {
                what: "pushed authorization response",
                detail: "no request_uri".into(),
            }),
        };
    }
    match serde_json::from_slice::<Refusal>(body) {
        Ok(refusal) => Err(SignInError::from_authorization_error(
            &refusal.error,
            refusal.error_description.as_deref(),
        )),
        Err(_) => Err(SignInError::UnexpectedResponse {
            what: "pushed authorization response",
            detail: format!("HTTP {status}"),
        }),
    }
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

#[cfg(test)]
mod tests {
    use super::read_pushed_authorization as read;
    use crate::error::SignInError;

    #[test]
    fn pushed_authorization_answers_are_read() {
        let pushed = br#"{"request_uri":"urn:okta:abc","expires_in":60}"#;
        assert_eq!(read(201, pushed).unwrap(), "urn:okta:abc");
        assert_eq!(read(200, pushed).unwrap(), "urn:okta:abc");
        // Okta checks the client and the redirect URI before any page, and says so here.
        assert_eq!(
            read(401, br#"{"error":"invalid_client"}"#).unwrap_err(),
            SignInError::InvalidClient
        );
        assert_eq!(
            read(
                400,
                br#"{"error":"invalid_request","error_description":"'redirect_uri' must be a Login redirect URI in the client app settings"}"#
            )
            .unwrap_err(),
            SignInError::RedirectUriNotRegistered
        );
        for (status, body) in [
            (201, &b"{}"[..]),
            (201, br#"{"request_uri":" "}"#),
            (201, b"<html>"),
            (400, &[0xff; 8][..]),
        ] {
            assert!(
                matches!(
                    read(status, body),
                    Err(SignInError::UnexpectedResponse { .. })
                ),
                "{status} {body:?}"
            );
        }
    }
}
