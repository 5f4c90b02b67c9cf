//! The dev stack on real parts: the Okta-shaped provider (Node's oidc-provider over TLS) and the
//! dev dashboard, driven by a browserless authorization-code flow with PKCE.

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use point_dev_stack::{DevStack, ServerShape, StackOptions};
use rand::RngCore;
use reqwest::{header, StatusCode};
use serde_json::Value;
use sha2::{Digest, Sha256};
use url::Url;

const REDIRECT_URI: &str = "org.pointapp.point:/login";
const POST_LOGOUT_URI: &str = "org.pointapp.point:/logout";

async fn start(shape: ServerShape) -> DevStack {
    DevStack::start(StackOptions::auto_login(shape))
        .await
        .expect("dev stack starts")
}

fn random_b64(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

async fn discovery(stack: &DevStack) -> Value {
    let url = format!(
        "{}/.well-known/openid-configuration",
        stack.issuer.as_str().trim_end_matches('/')
    );
    let response = stack.http_client().unwrap().get(url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn endpoint(discovery: &Value, name: &str) -> Url {
    Url::parse(
        discovery[name]
            .as_str()
            .unwrap_or_else(|| panic!("{name} advertised")),
    )
    .unwrap()
}

struct Authorization {
    callback: Url,
    verifier: String,
    state: String,
}

/// Runs the browser leg: /authorize, the provider's (automatic) sign-in and consent, until the
/// provider redirects to POINT's custom scheme.
async fn authorize(stack: &DevStack, discovery: &Value, login_hint: &str) -> Authorization {
    let verifier = random_b64(32);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let state = random_b64(16);
    let mut url = endpoint(discovery, "authorization_endpoint");
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &stack.client_id)
        .append_pair("redirect_uri", REDIRECT_URI)
        .append_pair("scope", "openid profile email offline_access")
        .append_pair("state", &state)
        .append_pair("nonce", &random_b64(16))
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256")
        .append_pair("login_hint", login_hint);
    let callback = stack
        .browser_leg(&url)
        .await
        .expect("the provider redirects to POINT");
    Authorization {
        callback,
        verifier,
        state,
    }
}

fn query(url: &Url) -> HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

async fn token_request(
    stack: &DevStack,
    discovery: &Value,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let response = stack
        .http_client()
        .unwrap()
        .post(endpoint(discovery, "token_endpoint"))
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

/// The whole sign-in: authorize, then exchange the code with the PKCE verifier.
async fn sign_in(stack: &DevStack, discovery: &Value) -> Value {
    let auth = authorize(stack, discovery, "alice@example.com").await;
    let params = query(&auth.callback);
    assert_eq!(auth.callback.path(), "/login");
    assert_eq!(params.get("state"), Some(&auth.state));
    assert_eq!(
        params.get("iss").map(String::as_str),
        Some(stack.issuer.as_str().trim_end_matches('/'))
    );
    let code = &params["code"];
    let (status, tokens) = token_request(
        stack,
        discovery,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT_URI),
            ("client_id", &stack.client_id),
            ("code_verifier", &auth.verifier),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    assert_eq!(tokens["token_type"], "Bearer");
    for name in ["access_token", "id_token", "refresh_token"] {
        assert!(
            tokens[name].as_str().is_some_and(|t| !t.is_empty()),
            "{name} issued"
        );
    }
    tokens
}

async fn api_get(stack: &DevStack, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = stack
        .http_client()
        .unwrap()
        .get(stack.api_base.join(path).unwrap());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

fn tamper(token: &str) -> String {
    // Change one character in the middle of the token: a JWT's payload, or an opaque value.
    let mut chars: Vec<char> = token.chars().collect();
    let middle = chars.len() / 2;
    chars[middle] = if chars[middle] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

async fn assert_rejected(stack: &DevStack, token: &str) {
    let response = api_get(stack, "/api/v1/me", Some(token)).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let challenge = response.headers()[header::WWW_AUTHENTICATE]
        .to_str()
        .unwrap();
    assert!(challenge.starts_with("Bearer "), "{challenge}");
    assert!(
        challenge.contains(r#"error="invalid_token""#),
        "{challenge}"
    );
}

async fn assert_me_is_alice(stack: &DevStack, access_token: &str) {
    let response = api_get(stack, "/api/v1/me", Some(access_token)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let me: Value = response.json().await.unwrap();
    assert_eq!(me["user"]["email"], "alice@example.com");
    assert_eq!(me["user"]["name"], "Alice Anderson");
    assert_eq!(me["organization"]["name"], "Example Corp");
}

#[tokio::test]
async fn custom_server_is_okta_shaped_and_signs_in_with_pkce() {
    let stack = start(ServerShape::Custom).await;
    assert_eq!(stack.issuer.path(), "/oauth2/default");
    let discovery = discovery(&stack).await;
    let base = stack.issuer.as_str().trim_end_matches('/');
    assert_eq!(discovery["issuer"], base);
    for (name, path) in [
        ("authorization_endpoint", "/v1/authorize"),
        ("token_endpoint", "/v1/token"),
        ("revocation_endpoint", "/v1/revoke"),
        ("end_session_endpoint", "/v1/logout"),
        ("jwks_uri", "/v1/keys"),
        ("userinfo_endpoint", "/v1/userinfo"),
    ] {
        assert_eq!(discovery[name], format!("{base}{path}"), "{name}");
    }
    assert_eq!(
        discovery["code_challenge_methods_supported"],
        serde_json::json!(["S256"])
    );

    let tokens = sign_in(&stack, &discovery).await;
    let access_token = tokens["access_token"].as_str().unwrap();

    // The access token is an Okta-style JWT for POINT's API.
    let payload: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(access_token.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(payload["aud"], "api://point");
    assert_eq!(payload["cid"], "point-native");
    assert_eq!(payload["uid"], "00u1alice0example0001");
    assert!(payload["scp"]
        .as_array()
        .unwrap()
        .contains(&"offline_access".into()));

    assert_me_is_alice(&stack, access_token).await;
    assert_rejected(&stack, &tamper(access_token)).await;

    let anonymous = api_get(&stack, "/api/v1/me", None).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert!(anonymous.headers().contains_key(header::WWW_AUTHENTICATE));

    let dashboard = api_get(&stack, "/api/v1/dashboard", Some(access_token)).await;
    assert_eq!(dashboard.status(), StatusCode::OK);
    let dashboard: Value = dashboard.json().await.unwrap();
    assert_eq!(dashboard["organization"]["name"], "Example Corp");
    assert!(dashboard["metrics"].as_array().unwrap().len() >= 3);
    stack.stop().await;
}

#[tokio::test]
async fn org_server_shape_signs_in_and_the_dashboard_checks_tokens_with_userinfo() {
    let stack = start(ServerShape::Org).await;
    assert_eq!(stack.issuer.path(), "/");
    let discovery = discovery(&stack).await;
    let origin = stack.issuer.as_str().trim_end_matches('/');
    for (name, path) in [
        ("authorization_endpoint", "/oauth2/v1/authorize"),
        ("token_endpoint", "/oauth2/v1/token"),
        ("revocation_endpoint", "/oauth2/v1/revoke"),
        ("end_session_endpoint", "/oauth2/v1/logout"),
        ("jwks_uri", "/oauth2/v1/keys"),
    ] {
        assert_eq!(discovery[name], format!("{origin}{path}"), "{name}");
    }
    let tokens = sign_in(&stack, &discovery).await;
    let access_token = tokens["access_token"].as_str().unwrap();
    assert_me_is_alice(&stack, access_token).await;
    assert_rejected(&stack, &tamper(access_token)).await;
    stack.stop().await;
}

#[tokio::test]
async fn unassigned_user_is_refused_like_okta_refuses() {
    let stack = start(ServerShape::Custom).await;
    let discovery = discovery(&stack).await;
    let auth = authorize(&stack, &discovery, "bob@example.com").await;
    let params = query(&auth.callback);
    assert_eq!(
        params.get("error").map(String::as_str),
        Some("access_denied")
    );
    assert_eq!(
        params.get("error_description").map(String::as_str),
        Some("User is not assigned to the client application.")
    );
    assert_eq!(params.get("state"), Some(&auth.state));
    assert!(!params.contains_key("code"));
    stack.stop().await;
}

#[tokio::test]
async fn refresh_tokens_rotate_and_a_spent_one_is_refused() {
    let stack = start(ServerShape::Custom).await;
    let discovery = discovery(&stack).await;
    let tokens = sign_in(&stack, &discovery).await;
    let first = tokens["refresh_token"].as_str().unwrap();
    let refresh = |token: String| {
        let stack = &stack;
        let discovery = &discovery;
        async move {
            token_request(
                stack,
                discovery,
                &[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", &token),
                    ("client_id", &stack.client_id),
                ],
            )
            .await
        }
    };
    let (status, rotated) = refresh(first.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{rotated}");
    let second = rotated["refresh_token"].as_str().unwrap();
    assert_ne!(first, second, "the refresh token rotates");
    assert_me_is_alice(&stack, rotated["access_token"].as_str().unwrap()).await;

    // Within Okta's default grace period (30 s) the spent token still works, once more.
    let (status, again) = refresh(first.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(
        stack
            .provider_stats()
            .await
            .unwrap()
            .grants("refresh_token:reuse_in_grace"),
        1
    );

    // Without a grace period, a spent token is reuse: refused, and the whole session revoked.
    stack.set_refresh_grace(0).await.unwrap();
    let (status, error) = refresh(first.to_string()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"], "invalid_grant");
    let (status, error) = refresh(second.to_string()).await;
    assert_eq!(
        (status, error["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant")),
        "the newest token of the session is revoked too"
    );
    assert_eq!(
        stack.provider_stats().await.unwrap().refresh_token_reuse(),
        1
    );
    stack.stop().await;
}

#[tokio::test]
async fn revocation_and_logout_behave_like_okta() {
    let stack = start(ServerShape::Custom).await;
    let discovery = discovery(&stack).await;
    let tokens = sign_in(&stack, &discovery).await;
    let refresh_token = tokens["refresh_token"].as_str().unwrap();

    // Logout: straight back to the registered post-logout URI with the state, no confirmation.
    let mut logout = endpoint(&discovery, "end_session_endpoint");
    logout
        .query_pairs_mut()
        .append_pair("id_token_hint", tokens["id_token"].as_str().unwrap())
        .append_pair("post_logout_redirect_uri", POST_LOGOUT_URI)
        .append_pair("state", "logout-state-1");
    let back = stack.browser_leg(&logout).await.unwrap();
    assert_eq!(
        back.as_str(),
        "org.pointapp.point:/logout?state=logout-state-1"
    );

    // An unregistered post-logout URI is refused.
    let mut foreign = endpoint(&discovery, "end_session_endpoint");
    foreign
        .query_pairs_mut()
        .append_pair("id_token_hint", tokens["id_token"].as_str().unwrap())
        .append_pair("post_logout_redirect_uri", "https://evil.example/");
    let response = stack
        .http_client()
        .unwrap()
        .get(foreign)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // Revocation, then the refresh token no longer works.
    let response = stack
        .http_client()
        .unwrap()
        .post(endpoint(&discovery, "revocation_endpoint"))
        .form(&[
            ("token", refresh_token),
            ("token_type_hint", "refresh_token"),
            ("client_id", &stack.client_id),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (status, error) = token_request(
        &stack,
        &discovery,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", &stack.client_id),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"], "invalid_grant");
    stack.stop().await;
}

#[tokio::test]
async fn work_email_finds_the_organizations_okta_settings() {
    let stack = start(ServerShape::Custom).await;
    let response = api_get(&stack, "/api/v1/sso/okta?email=alice%40example.com", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let settings: Value = response.json().await.unwrap();
    assert_eq!(settings["clientId"], "point-native");
    assert_eq!(settings["oktaDomain"], stack.issuer.as_str());
    assert_eq!(settings["organizationName"], "Example Corp");

    for unknown in ["carol%40unknown.test", "dana%40initech.test"] {
        let response = api_get(&stack, &format!("/api/v1/sso/okta?email={unknown}"), None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{unknown}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], "okta_not_connected");
    }
    let response = api_get(&stack, "/api/v1/sso/okta?email=not-an-email", None).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    stack.stop().await;
}
