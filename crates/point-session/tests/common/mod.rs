//! What the session's tests on real parts share: the Secret Service, a dev stack, a session
//! on it, a sign-in through the provider, and looks into the keychain and the provider.
#![allow(dead_code)] // Each test binary uses its own part of this.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use point_auth::{HttpClient, OktaSettings, OktaSignIn};
use point_dev_stack::{DevStack, ProviderOptions, StackOptions};
use point_session::{KeychainError, OsKeychain, ProfileCache, SecretStore, Session};
use serde_json::Value;

/// The keychain service of installed builds, which these tests use.
pub const RELEASE_SERVICE: &str = point_config::IDENTIFIER;

/// The real keychain, or `None` (with a note) when this run has no Secret Service and does not
/// require one.
pub fn secret_service() -> Option<OsKeychain> {
    match OsKeychain::open(RELEASE_SERVICE) {
        Ok(keychain) => Some(keychain),
        Err(error) if std::env::var("POINT_SECRET_SERVICE").as_deref() == Ok("required") => {
            panic!("the Secret Service is required but unavailable: {error}")
        }
        Err(error) => {
            eprintln!("skipped: no Secret Service ({error}); run through scripts/with-keyring");
            None
        }
    }
}

/// A dev stack (custom server shape, signing in without a page) whose access tokens live
/// `access_token_ttl` seconds.
pub async fn start(access_token_ttl: Option<u32>) -> DevStack {
    start_with(ProviderOptions {
        access_token_ttl,
        ..ProviderOptions::default()
    })
    .await
}

/// A dev stack with these provider options (always signing in without a page).
pub async fn start_with(options: ProviderOptions) -> DevStack {
    DevStack::start(StackOptions {
        provider: ProviderOptions {
            auto_login: true,
            ..options
        },
        state_dir: None,
    })
    .await
    .expect("dev stack starts")
}

pub fn data_dir(stack: &DevStack) -> PathBuf {
    let dir = stack.state_dir.join("app-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn session_with(
    stack: &DevStack,
    store: Result<Arc<dyn SecretStore>, KeychainError>,
) -> Arc<Session> {
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = HttpClient::new(Some(&stack.ca_file)).unwrap();
    let sign_in = Arc::new(OktaSignIn::new(settings, Arc::new(http)));
    Session::new(sign_in, store, ProfileCache::in_dir(&data_dir(stack)))
}

pub fn session(stack: &DevStack, keychain: &OsKeychain) -> Arc<Session> {
    session_with(stack, Ok(Arc::new(keychain.clone())))
}

pub async fn sign_in(stack: &DevStack, session: &Session) {
    let url = session
        .begin_sign_in(Some("alice@example.com"))
        .await
        .unwrap();
    let callback = stack.browser_leg(&url).await.unwrap();
    session
        .complete_sign_in(point_auth::parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in");
}

pub fn account(stack: &DevStack) -> String {
    format!(
        "{} {} 00u1alice0example0001",
        stack.issuer.as_str().trim_end_matches('/'),
        stack.client_id
    )
}

/// `secret-tool lookup`: what the Secret Service itself holds, or `None`.
pub fn lookup(account: &str) -> Option<String> {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", RELEASE_SERVICE, "username", account])
        .output()
        .expect("secret-tool runs");
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
        .filter(|s| !s.is_empty())
}

pub fn stored_refresh_token(account: &str) -> Option<String> {
    let value: Value = serde_json::from_str(&lookup(account)?).ok()?;
    value["refresh_token"].as_str().map(str::to_string)
}

/// Redeems a refresh token directly at the provider, as an attacker or a second device would.
pub async fn redeem(stack: &DevStack, refresh_token: &str) -> (u16, Value) {
    let token_url = format!("{}/v1/token", stack.issuer.as_str().trim_end_matches('/'));
    let response = stack
        .http_client()
        .unwrap()
        .post(token_url)
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", &stack.client_id),
        ])
        .send()
        .await
        .unwrap();
    (
        response.status().as_u16(),
        response.json().await.unwrap_or_default(),
    )
}
