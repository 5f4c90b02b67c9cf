//! Sign-in against the dev provider over TLS (Node's oidc-provider shaped like Okta), in both of
//! Okta's shapes, with the browser leg played by `DevStack::browser_leg`.

use std::sync::Arc;

use point_auth::{HttpClient, OktaSettings, OktaSignIn, ServerKind, SignInError};
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

        let request = sign_in.begin(Some("alice@example.com")).await.unwrap();
        let query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
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

        let callback = stack.browser_leg(&request.url).await.unwrap();
        let signed_in = sign_in
            .complete(callback.as_str())
            .await
            .expect("sign-in completes");
        assert_eq!(
            signed_in.identity.email.as_deref(),
            Some("alice@example.com")
        );
        assert_eq!(signed_in.identity.name.as_deref(), Some("Alice Anderson"));
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
    let request = sign_in.begin(None).await.unwrap();
    let callback = stack.browser_leg(&request.url).await.unwrap();

    let wrong_state = with_param(&callback, "state", "not-the-state");
    assert_eq!(
        sign_in.complete(&wrong_state).await.unwrap_err(),
        SignInError::StateMismatch
    );
    let foreign_issuer = with_param(&callback, "iss", "https://evil.example/oauth2/default");
    assert_eq!(
        sign_in.complete(&foreign_issuer).await.unwrap_err(),
        SignInError::CallbackIssuerMismatch
    );
    let host_form = callback.as_str().replacen(":/login", "://login", 1);
    assert!(matches!(
        sign_in.complete(&host_form).await.unwrap_err(),
        SignInError::InvalidCallback(_)
    ));

    // The genuine callback still completes, once.
    sign_in
        .complete(callback.as_str())
        .await
        .expect("the pending sign-in survived");
    assert_eq!(
        sign_in.complete(callback.as_str()).await.unwrap_err(),
        SignInError::NoPendingSignIn
    );
    stack.stop().await;
}

#[tokio::test]
async fn replayed_code_and_wrong_verifier_are_refused_by_the_provider() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());

    // Replay: a used code, presented again under a new sign-in's state.
    let first = sign_in.begin(None).await.unwrap();
    let first_callback = stack.browser_leg(&first.url).await.unwrap();
    sign_in.complete(first_callback.as_str()).await.unwrap();
    let second = sign_in.begin(None).await.unwrap();
    let replay = with_param(&first_callback, "state", &param(&second.url, "state"));
    assert_eq!(
        sign_in.complete(&replay).await.unwrap_err(),
        SignInError::CodeRejected
    );

    // Wrong verifier: a fresh code from one sign-in, redeemed with another sign-in's verifier.
    let third = sign_in.begin(None).await.unwrap();
    let third_callback = stack.browser_leg(&third.url).await.unwrap();
    let fourth = sign_in.begin(None).await.unwrap();
    let crossed = with_param(&third_callback, "state", &param(&fourth.url, "state"));
    assert_eq!(
        sign_in.complete(&crossed).await.unwrap_err(),
        SignInError::CodeRejected
    );
    stack.stop().await;
}

#[tokio::test]
async fn the_unassigned_user_gets_the_admin_step() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());
    let request = sign_in.begin(Some("bob@example.com")).await.unwrap();
    let callback = stack.browser_leg(&request.url).await.unwrap();
    let error = sign_in.complete(callback.as_str()).await.unwrap_err();
    assert_eq!(error, SignInError::NotAssigned);
    assert_eq!(error.code(), "not_assigned");
    assert!(error
        .admin_hint()
        .unwrap()
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
async fn pending_sign_ins_expire_and_can_be_cancelled() {
    let stack = start(ServerShape::Custom).await;
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let http = Arc::new(HttpClient::new(Some(&stack.ca_file)).unwrap());

    let short = OktaSignIn::with_ttl(
        settings.clone(),
        http.clone(),
        std::time::Duration::from_millis(200),
    );
    let request = short.begin(None).await.unwrap();
    let callback = stack.browser_leg(&request.url).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(short.pending_url(), None);
    assert_eq!(
        short.complete(callback.as_str()).await.unwrap_err(),
        SignInError::SignInExpired
    );

    let sign_in = OktaSignIn::new(settings, http);
    let request = sign_in.begin(None).await.unwrap();
    assert_eq!(sign_in.pending_url(), Some(request.url.clone()));
    let callback = stack.browser_leg(&request.url).await.unwrap();
    assert!(sign_in.cancel());
    assert!(!sign_in.cancel());
    assert_eq!(
        sign_in.complete(callback.as_str()).await.unwrap_err(),
        SignInError::NoPendingSignIn
    );
    stack.stop().await;
}

#[tokio::test]
async fn no_secret_reaches_debug_output() {
    let stack = start(ServerShape::Custom).await;
    let sign_in = sign_in_for(&stack, stack.issuer.as_str());
    let request = sign_in.begin(None).await.unwrap();
    let callback = stack.browser_leg(&request.url).await.unwrap();
    let code = param(&callback, "code");
    let signed_in = sign_in.complete(callback.as_str()).await.unwrap();
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
