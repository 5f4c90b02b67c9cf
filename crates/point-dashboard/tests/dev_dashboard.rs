//! The dashboard client against the dev stack: lookups by work email through the SQLite-backed
//! endpoint, the signed-in endpoints, one refresh and one retry on `invalid_token`, retries on
//! 5xx, and offline.

mod common;

use std::sync::Arc;

use common::{http, start};
use point_auth::{OktaSettings, OktaSignIn};
use point_dashboard::{DashboardClient, DashboardError, ATTEMPTS};
use point_dev_stack::DevStack;
use point_session::{MemoryKeychain, ProfileCache, SecretStore, Session};

async fn signed_in(stack: &DevStack) -> Arc<Session> {
    let settings = OktaSettings::parse(stack.issuer.as_str(), &stack.client_id, None).unwrap();
    let store: Arc<dyn SecretStore> = Arc::new(MemoryKeychain::default());
    let session = Session::new(
        Arc::new(OktaSignIn::new(settings, http(stack))),
        Ok(store),
        ProfileCache::in_dir(&stack.state_dir.join("app")),
    );
    let url = session.begin_sign_in(None).await.unwrap();
    let callback = stack.browser_leg(&url).await.unwrap();
    session
        .complete_sign_in(point_auth::parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .unwrap();
    session
}

fn refreshes(counts: &std::collections::HashMap<String, u64>) -> u64 {
    counts
        .iter()
        .filter(|(k, _)| k.starts_with("refresh_token:"))
        .map(|(_, v)| v)
        .sum()
}

#[tokio::test]
async fn work_email_finds_the_organizations_native_app() {
    let stack = start().await;
    let client = DashboardClient::new(stack.api_base.clone(), http(&stack));
    let found = client
        .okta_settings_for_email(" alice@example.com ")
        .await
        .unwrap();
    assert_eq!(found.client_id, "point-native");
    assert_eq!(found.organization_name, "Example Corp");
    // What the admin saved signs alice in, with her email as the login hint.
    let settings = OktaSettings::parse(&found.okta_domain, &found.client_id, None).unwrap();
    let sign_in = OktaSignIn::new(settings, http(&stack));
    let request = sign_in.begin(Some("alice@example.com")).await.unwrap();
    assert!(request
        .authorization_url()
        .query_pairs()
        .any(|(k, v)| k == "login_hint" && v == "alice@example.com"));
    let callback = stack
        .browser_leg(request.authorization_url())
        .await
        .unwrap();
    let callback = point_auth::parse_sign_in_callback(callback.as_str()).unwrap();
    let signed_in = sign_in.complete(&request, callback).await.unwrap();
    assert_eq!(
        signed_in.identity.email.as_deref(),
        Some("alice@example.com")
    );

    let unknown = client
        .okta_settings_for_email("carol@unknown.test")
        .await
        .unwrap_err();
    assert_eq!(unknown, DashboardError::OktaNotConnected);
    assert!(unknown
        .to_string()
        .contains("Organization → Integrations → Okta"));
    stack.stop().await;
}

#[tokio::test]
async fn signed_in_calls_and_one_refresh_on_invalid_token() {
    let stack = start().await;
    let session = signed_in(&stack).await;
    let client = DashboardClient::new(stack.api_base.clone(), http(&stack));
    let me = client.me(&session).await.unwrap();
    assert_eq!(me.user.email, "alice@example.com");
    assert_eq!(
        client.dashboard(&session).await.unwrap().organization.name,
        "Example Corp"
    );

    // One 401 invalid_token: one refresh, one retry, success.
    let before = refreshes(&stack.grant_counts().await.unwrap());
    stack.fail_next_api_requests(401, 1).await.unwrap();
    assert_eq!(
        client.me(&session).await.unwrap().user.name,
        "Alice Anderson"
    );
    assert_eq!(refreshes(&stack.grant_counts().await.unwrap()) - before, 1);

    // A dashboard that keeps refusing: still one refresh and one retry, then the error.
    let before = refreshes(&stack.grant_counts().await.unwrap());
    let requests_before = stack.api_request_count().await.unwrap();
    stack.fail_next_api_requests(401, 10).await.unwrap();
    let error = client.me(&session).await.unwrap_err();
    assert!(
        matches!(error, DashboardError::Refused { status: 401, .. }),
        "{error:?}"
    );
    assert_eq!(
        refreshes(&stack.grant_counts().await.unwrap()) - before,
        1,
        "no refresh loop"
    );
    assert_eq!(
        stack.api_request_count().await.unwrap() - requests_before,
        2,
        "no retry loop"
    );
    stack.stop().await;
}

#[tokio::test]
async fn server_errors_are_retried_then_reported() {
    let stack = start().await;
    let session = signed_in(&stack).await;
    let client = DashboardClient::new(stack.api_base.clone(), http(&stack));

    stack.fail_next_api_requests(503, 1).await.unwrap();
    client
        .dashboard(&session)
        .await
        .expect("a 503 then success");

    let before = stack.api_request_count().await.unwrap();
    stack.fail_next_api_requests(500, 100).await.unwrap();
    assert_eq!(
        client.dashboard(&session).await.unwrap_err(),
        DashboardError::Unavailable(500, None)
    );
    assert_eq!(
        stack.api_request_count().await.unwrap() - before,
        u64::from(ATTEMPTS),
        "bounded"
    );
    stack.fail_next_api_requests(500, 0).await.unwrap();
    stack.stop().await;
}

#[tokio::test]
async fn offline_is_its_own_error() {
    let stack = start().await;
    let client = DashboardClient::new(stack.api_base.clone(), http(&stack));
    stack.stop().await;
    let error = client
        .okta_settings_for_email("alice@example.com")
        .await
        .unwrap_err();
    assert_eq!(error, DashboardError::Offline);
    assert_eq!(error.code(), "dashboard_offline");
}
