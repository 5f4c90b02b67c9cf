//! Sign-in with Okta as a native app (RFC 8252): authorization code + PKCE (S256) in the system
//! browser, state and nonce, the `org.pointapp.point:/login` callback, the token exchange and ID
//! token verification. No Tauri: the shell calls this crate and never sees a token.
//!
//! The flow:
//! 1. [`OktaSettings::parse`] validates the Okta domain and Client ID (any form people paste).
//! 2. [`OktaSignIn::begin`] fetches discovery (cached), starts fetching the signing keys, and
//!    returns a [`PendingSignIn`] (owned by the caller) with the URL for the system browser.
//! 3. The OS hands the callback URL to POINT, parsed once ([`parse_sign_in_callback`]);
//!    [`OktaSignIn::complete`] checks it against the pending sign-in, exchanges the code (one
//!    request) and verifies the ID token.
//!
//! Without a browser that can hand a link back (an SSH session, a kiosk),
//! [`OktaSignIn::begin_on_another_device`] and [`OktaSignIn::finish_on_another_device`] sign in
//! with the device authorization grant (RFC 8628) instead.
//!
//! Every failure is a [`SignInError`] with a code, a message for the person and, where an Okta
//! admin must act, the admin's step.

mod callback;
mod config;
mod device;
mod dpop;
mod error;
mod http;
mod loopback;
mod oidc;
mod pending_sign_in;
mod provider_snapshot;
mod retry;
mod secret;
mod sign_in;
mod step_up;

pub use callback::{
    parse_sign_in_callback, parse_sign_in_callback_to, parse_sign_out_callback, CallbackError,
    SignInCallback, SignOutCallback, MAX_CALLBACK_LEN,
};
pub use config::{
    parse_client_id, parse_okta_domain, ClientId, ConfigError, Issuer, OktaSettings, Redirect,
    ServerKind, LOOPBACK_PATH, POST_LOGOUT_REDIRECT_URI, REDIRECT_URI, SCOPES,
};
pub use device::{
    parse_device_authorization, read_poll_answer, DeviceAuthorization, Next, PollAnswer, Polling,
    DEVICE_CODE_GRANT,
};
pub use dpop::{
    access_token_hash, provider_asks_for_nonce, resource_asks_for_nonce, target_uri, Dpop, DpopKey,
    KeyError, KeyHardware, KeyPolicy, KeyProtection, DPOP_ALGORITHM, DPOP_HEADER,
    DPOP_NONCE_HEADER,
};
pub use error::{IdTokenError, SignInError};
pub use http::{
    Answer, HttpClient, HttpError, Transport, MAX_BODY, MAX_CLOCK_OFFSET, REQUEST_TIMEOUT,
    USER_AGENT,
};
pub use loopback::{LoopbackError, LoopbackListener};
pub use oidc::{
    expiry_after, parse_token_response, rotated_refresh_token, AuthorizationProbe,
    AuthorizationRequest, Identity, NonceRule, PageOptions, Prompt, Provider, RefusedPart,
    TokenFailure, TokenSet, CLOCK_SKEW, MAX_ACCESS_TOKEN_LIFETIME,
};
pub use pending_sign_in::PendingSignIn;
pub use provider_snapshot::{ProviderSnapshot, SNAPSHOT_MAX_AGE};
pub use retry::{
    parse_rate_limit_reset, parse_retry_after, server_wait, Backoff, RandomUpTo, RetryPolicy,
    MAX_SERVER_WAIT, RATE_LIMIT_RESET_HEADER,
};
pub use secret::{
    AccessToken, AuthorizationCode, DeviceCode, IdToken, Nonce, PkceVerifier, RefreshToken, State,
};
pub use sign_in::{OktaSignIn, RefusedSignIn, SignedIn, DEFAULT_SIGN_IN_TTL};

/// A fresh random value of `bytes` bytes from the OS CSPRNG, base64url-encoded.
pub fn random_token(bytes: usize) -> String {
    secret::random_url_safe(bytes)
}
pub use step_up::{describe_class, step_up_challenge, AuthenticationRequirement};
