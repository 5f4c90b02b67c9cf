//! Sign-in against the dev provider over TLS (Node's oidc-provider shaped like Okta), in both of
//! Okta's shapes, with the browser leg played by `DevStack::browser_leg`.

use std::sync::Arc;

use point_auth::{
    parse_sign_in_callback, HttpClient, OktaSettings, OktaSignIn, PendingSignIn, ServerKind,
    SignInCallback, SignInError,
};
use point_dev_stack::{DevStack, ServerShape, StackOptions};
use url::Url;

async fn start(shape: ServerShape) -> DevStack {
    DevStack::start(StackOptions::auto_login(shape))
        .await
        .expect("dev stack starts")
}

fn sign_in_for(stack: &DevStack, okta_domain: &str) -> OktaSignIn {
    let settings = OktaSettings::parse(okta_domain, &stack.client_id, None).expect("settings");
    let http = HttpClient::new(Some(&stack.ca_file)).expect("client trusts the dev CA");
    OktaSignIn::new(settings, Arc::new(http))
}

fn with_param(url: &Url, name: &str, value: &str) -> String {
    let mut changed = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .into_owned()
        .map(|(k, v)| {
            if k == name {
                (k, value.to_string())
            } else {
                (k, v)
            }
        })
        .collect();
    changed.query_pairs_mut().clear().extend_pairs(pairs);
    changed.to_string()
}

/// The callback as the app reads it: parsed once.
fn read(callback: &str) -> SignInCallback {
    parse_sign_in_callback(callback).expect("a well-formed callback")
}

fn param(url: &Url, name: &str) -> String {
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn full_sign_in_against_both_okta_shapes() {
    for (shape, kind) in [
        (ServerShape::Custom, ServerKind::Custom),
        (ServerShape::Org, ServerKind::Org),
    ] {
        let stack = start(shape).await;
        // The issuer as an admin would paste it: with a trailing slash and spaces.
        let pasted = format!(" {}/ ", stack.issuer.as_str().trim_end_matches('/'));
        let sign_in = sign_in_for(&stack, &pasted);
        assert_eq!(sign_in.settings().issuer.kind(), kind);

        let pending = sign_in.begin(Some("alice@example.com")).await.unwrap();
        let query: Vec<(String, String)> = pending
            .authorization_url()
            .query_pairs()
            .into_owned()
            .collect();
        let get = |name: &str| {
            query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get("response_type").as_deref(), Some("code"));
        assert_eq!(get("client_id").as_deref(), Some("point-native"));
        assert_eq!(
            get("redirect_uri").as_deref(),
            Some("org.pointapp.point:/login")
        );
        assert_eq!(
            get("scope").as_deref(),
            Some("openid profile email offline_access")
        );
        assert_eq!(get("code_challenge_method").as_deref(), Some("S256"));
        assert_eq!(get("login_hint").as_deref(), Some("alice@example.com"));
        for secret in ["state", "nonce"] {
            assert!(
                get(secret).is_some_and(|v| v.len() >= 22),
                "{secret} carries at least 128 bits"
            );
        }

        // The provider takes pushed requests (RFC 9126), as Okta does: the browser gets only
        // the Client ID and a one-time reference, nothing that would let another account on
        // the machine answer this sign-in.
        let browser_url = sign_in.browser_url(&pending).await.expect("pushed");
        let names: Vec<String> = browser_url
            .query_pairs()
            .map(|(name, _)| name.into_owned())
            .collect();
        assert_eq!(names, ["client_id", "request_uri"], "{shape:?}");
        let callback = stack.browser_leg(&browser_url).await.unwrap();
        let signed_in = sign_in
            .complete(&pending, read(callback.as_str()))
            .await
            .expect("sign-in completes");
        assert_eq!(
            signed_in.identity.email.as_deref(),
            Some("alice@example.com")
        );
        assert_eq!(signed_in.identity.name.as_deref(), Some("Alice Anderson"));
        // Used once: the same reference a second time is refused by the provider.
        assert!(
            stack.browser_leg(&browser_url).await.is_err(),
            "the provider shows an error page, it sends nothing to POINT"
        );
        assert_eq!(signed_in.identity.subject, "00u1alice0example0001");
        assert!(
            signed_in.tokens.refresh_token.is_some(),
            "offline_access gives a refresh token"
        );
        stack.stop().await;
    }
}

#[tokio::test]
async fn a_mismatched_callback_is_refused_and_leaves_the_sign_in_pending() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());
    let pending = sign_in.begin(None).await.unwrap();
    let callback = stack
        .browser_leg(pending.authorization_url())
        .await
        .unwrap();

    let wrong_state = with_param(&callback, "state", "not-the-state");
    assert_eq!(
        sign_in
            .check_callback(&pending, &read(&wrong_state))
            .await
            .unwrap_err(),
        SignInError::StateMismatch
    );
    let foreign_issuer = with_param(&callback, "iss", "https://evil.example/oauth2/default");
    assert_eq!(
        sign_in
            .check_callback(&pending, &read(&foreign_issuer))
            .await
            .unwrap_err(),
        SignInError::CallbackIssuerMismatch
    );
    let host_form = callback.as_str().replacen(":/login", "://login", 1);
    assert!(parse_sign_in_callback(&host_form).is_err());

    // The genuine callback still completes (a code is redeemed once: `complete` takes the
    // pending sign-in).
    sign_in
        .complete(&pending, read(callback.as_str()))
        .await
        .expect("the pending sign-in survived");
    stack.stop().await;
}

async fn begin_and_leg(stack: &DevStack, sign_in: &OktaSignIn) -> (PendingSignIn, Url) {
    let pending = sign_in.begin(None).await.unwrap();
    let callback = stack
        .browser_leg(pending.authorization_url())
        .await
        .unwrap();
    (pending, callback)
}

#[tokio::test]
async fn replayed_code_and_wrong_verifier_are_refused_by_the_provider() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());

    // Replay: a used code, presented again under a new sign-in's state.
    let (first, first_callback) = begin_and_leg(&stack, &sign_in).await;
    sign_in
        .complete(&first, read(first_callback.as_str()))
        .await
        .unwrap();
    let second = sign_in.begin(None).await.unwrap();
    let replay = with_param(
        &first_callback,
        "state",
        &param(second.authorization_url(), "state"),
    );
    assert_eq!(
        sign_in.complete(&second, read(&replay)).await.unwrap_err(),
        SignInError::CodeRejected
    );

    // Wrong verifier: a fresh code from one sign-in, redeemed with another sign-in's verifier.
    let (_third, third_callback) = begin_and_leg(&stack, &sign_in).await;
    let fourth = sign_in.begin(None).await.unwrap();
    let crossed = with_param(
        &third_callback,
        "state",
        &param(fourth.authorization_url(), "state"),
    );
    assert_eq!(
        sign_in.complete(&fourth, read(&crossed)).await.unwrap_err(),
        SignInError::CodeRejected
    );
    stack.stop().await;
}

#[tokio::test]
async fn the_unassigned_user_gets_the_admin_step() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());
    let pending = sign_in.begin(Some("bob@example.com")).await.unwrap();
    let callback = stack
        .browser_leg(pending.authorization_url())
        .await
        .unwrap();
    let error = sign_in
        .complete(&pending, read(callback.as_str()))
        .await
        .unwrap_err();
    assert_eq!(error, SignInError::NotAssigned);
    assert_eq!(error.code(), "not_assigned");
    assert!(error
        .admin_hint()
        .unwrap()
        .english()
        .contains("Applications → Applications → the POINT Native App → Assignments"));
    stack.stop().await;
}

#[tokio::test]
async fn transport_failures_are_distinct() {
    let stack = start(ServerShape::Custom).await;
    // TLS: the dev CA is not trusted.
    let untrusting = OktaSignIn::new(
        OktaSettings::parse(stack.issuer.as_str(), "point-native", None).unwrap(),
        Arc::new(HttpClient::new(None).unwrap()),
    );
    let error = untrusting.begin(None).await.unwrap_err();
    assert_eq!(error.code(), "tls", "{error:?}");
    assert!(error.admin_hint().is_some());

    // Offline: nothing listens on the port any more.
    let issuer = stack.issuer.clone();
    let ca = stack.ca_file.clone();
    let ca_copy = std::env::temp_dir().join(format!("point-auth-ca-{}.pem", std::process::id()));
    std::fs::copy(&ca, &ca_copy).unwrap();
    stack.stop().await;
    let offline = OktaSignIn::new(
        OktaSettings::parse(issuer.as_str(), "point-native", None).unwrap(),
        Arc::new(HttpClient::new(Some(&ca_copy)).unwrap()),
    );
    let error = offline.begin(None).await.unwrap_err();
    assert_eq!(error.code(), "offline", "{error:?}");
    assert!(error.is_transient());
    let _ = std::fs::remove_file(ca_copy);
}

#[tokio::test]
async fn pending_sign_ins_expire_and_are_stored_only_for_their_settings() {
    let stack = start(ServerShape::Custom).await;
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = Arc::new(HttpClient::new(Some(&stack.ca_file)).unwrap());

    let short = OktaSignIn::with_ttl(
        settings.clone(),
        http.clone(),
        std::time::Duration::from_millis(200),
    );
    let (pending, callback) = begin_and_leg(&stack, &short).await;
    let stored = pending.to_secret_json();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(pending.is_expired());
    assert_eq!(
        short
            .complete(&pending, read(callback.as_str()))
            .await
            .unwrap_err(),
        SignInError::SignInExpired
    );
    let ttl = std::time::Duration::from_secs(600);
    assert!(
        PendingSignIn::from_secret_json(&stored, &settings, ttl).is_none(),
        "an expired stored sign-in is not restored"
    );

    // A stored sign-in restores for its own settings only, and completes.
    let sign_in = OktaSignIn::new(settings.clone(), http);
    let (pending, callback) = begin_and_leg(&stack, &sign_in).await;
    let stored = pending.to_secret_json();
    let other = OktaSettings::parse(stack.issuer.as_str(), "0oaAnotherApp", None).unwrap();
    assert!(PendingSignIn::from_secret_json(&stored, &other, ttl).is_none());
    let restored = PendingSignIn::from_secret_json(&stored, &settings, ttl).expect("restored");
    assert_eq!(restored.authorization_url(), pending.authorization_url());
    sign_in
        .complete(&restored, read(callback.as_str()))
        .await
        .expect("a restored sign-in completes");
    stack.stop().await;
}

#[tokio::test]
async fn no_secret_reaches_debug_output() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());
    let (pending, callback) = begin_and_leg(&stack, &sign_in).await;
    let code = param(&callback, "code");
    assert!(!format!("{pending:?}").contains(&param(pending.authorization_url(), "state")));
    let signed_in = sign_in
        .complete(&pending, read(callback.as_str()))
        .await
        .unwrap();
    let printed = format!("{signed_in:?}");
    let tokens = &signed_in.tokens;
    for secret in [
        tokens.access_token.expose(),
        tokens.refresh_token.as_ref().unwrap().expose(),
        tokens.id_token.as_ref().unwrap().expose(),
        code.as_str(),
    ] {
        assert!(
            !printed.contains(secret),
            "a secret leaked into Debug output"
        );
    }
    assert!(printed.contains("[redacted]"));
    stack.stop().await;
}
