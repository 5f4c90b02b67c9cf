//! DPoP (RFC 9449) on the real dev stack: Globex's Okta app requires DPoP-bound tokens. A
//! session's key binds its access and refresh tokens from the sign-in on, through refreshes and a
//! restart, to the dashboard's requests; the provider refuses the refresh token without the key
//! and the dashboard refuses a proof used twice, a proof for another request and a bound token
//! presented as a bearer token. With the key in a TPM (Debian's swtpm), a copy of the session
//! on another machine is refused there; a copy of a software-key session is not.

mod common;

use std::sync::Arc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::{http, start};
use point_auth::{
    parse_sign_in_callback, Dpop, DpopKey, KeyError, KeyHardware, KeyPolicy, KeyProtection,
    OktaSettings, OktaSignIn, DPOP_HEADER, DPOP_NONCE_HEADER,
};
use point_dashboard::DashboardClient;
use point_dev_stack::{DevStack, ProviderOptions, ServerShape, SoftwareTpm, StackOptions};
use point_session::{Credential, MemoryKeychain, ProfileCache, SecretStore, Session, SessionState};
use serde_json::Value;

const CAROL: &str = "carol@globex.test";

/// Globex's settings; `told` says whether POINT was told the app requires DPoP.
fn globex(stack: &DevStack, told: bool) -> OktaSettings {
    OktaSettings::parse(stack.issuer.as_str(), &stack.dpop_client_id, None)
        .unwrap()
        .with_dpop(told)
}

fn session(stack: &DevStack, settings: OktaSettings, store: &Arc<MemoryKeychain>) -> Arc<Session> {
    let store: Arc<dyn SecretStore> = store.clone();
    let session = Session::new(
        Arc::new(OktaSignIn::new(settings, http(stack))),
        Ok(store),
        ProfileCache::in_dir(&stack.state_dir.join("app")),
    );
    session.without_background_retries();
    session
}

async fn sign_in_carol(stack: &DevStack, session: &Session) {
    let url = session.begin_sign_in(Some(CAROL)).await.unwrap();
    let callback = stack.browser_leg(&url).await.unwrap();
    session
        .complete_sign_in(parse_sign_in_callback(callback.as_str()).unwrap())
        .await
        .expect("signed in");
}

/// The claims of a JWT, unverified (the provider signed it; this reads what it says).
fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// What the keychain holds for Carol's session.
fn stored(stack: &DevStack, store: &MemoryKeychain) -> Value {
    let account = format!(
        "{} {} 00u1carol0globex00003",
        stack.issuer.as_str().trim_end_matches('/'),
        stack.dpop_client_id
    );
    serde_json::from_str(&store.read(&account).unwrap().expect("a stored session")).unwrap()
}

fn token_url(stack: &DevStack) -> url::Url {
    url::Url::parse(&format!(
        "{}/v1/token",
        stack.issuer.as_str().trim_end_matches('/')
    ))
    .unwrap()
}

/// Presents a refresh token at the token endpoint as someone else would: without a proof, or
/// with a proof of `key` (answering the provider's request for a nonce once).
async fn redeem_elsewhere(stack: &DevStack, refresh_token: &str, key: Option<DpopKey>) -> Value {
    let client = stack.http_client().unwrap();
    let url = token_url(stack);
    let key = key.map(Dpop::new);
    let form = [
        ("grant_type", "refresh_token"),
        ("refresh_token", refresh_token),
        ("client_id", stack.dpop_client_id.as_str()),
    ];
    let mut answer = Value::Null;
    for _ in 0..2 {
        let mut request = client.post(url.clone()).form(&form);
        if let Some(key) = &key {
            request = request.header(
                DPOP_HEADER,
                key.proof("POST", &url, None, std::time::SystemTime::now())
                    .unwrap(),
            );
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        if let Some(key) = &key {
            key.remember_nonce(&url, response.headers());
        }
        answer = response.json().await.unwrap();
        assert_eq!(status, 400, "{answer}");
        if answer["error"] != "use_dpop_nonce" {
            break;
        }
    }
    answer
}

#[tokio::test]
async fn a_globex_session_is_bound_to_its_key_from_sign_in_to_refresh_restart_and_dashboard() {
    let stack = start().await;
    let store = Arc::new(MemoryKeychain::default());
    let first = session(&stack, globex(&stack, true), &store);
    sign_in_carol(&stack, &first).await;

    let Credential { access_token, dpop } = first.credential().await.unwrap();
    let dpop = dpop.expect("Globex's tokens are bound to a key");
    let jkt = dpop.key().thumbprint().to_string();
    assert_eq!(claims(access_token.expose())["cnf"]["jkt"], jkt.as_str());
    // The private key is kept with the refresh token, and only there.
    let entry = stored(&stack, &store);
    let kept =
        DpopKey::from_stored(entry["dpop_key"].as_str().unwrap(), &KeyHardware::none()).unwrap();
    assert_eq!(kept.thumbprint(), jkt);

    let dashboard = DashboardClient::new(stack.api_base.clone(), http(&stack));
    let me = dashboard.me(&first).await.unwrap();
    assert_eq!(me.user.email, CAROL);
    assert_eq!(me.organization.name, "Globex");
    // The dashboard asked for its nonce once; the proofs after that carry it.
    let before = stack.api_request_count().await.unwrap();
    dashboard.dashboard(&first).await.unwrap();
    assert_eq!(stack.api_request_count().await.unwrap() - before, 1);

    // A refresh: the same key, a new bound token, the rotated refresh token kept with the key.
    first.discard_access_token(&access_token).await;
    let refreshed = first.credential().await.unwrap();
    assert_ne!(refreshed.access_token, access_token);
    assert_eq!(
        claims(refreshed.access_token.expose())["cnf"]["jkt"],
        jkt.as_str()
    );
    let entry_after = stored(&stack, &store);
    assert_ne!(
        entry_after["bound_refresh_token"],
        entry["bound_refresh_token"]
    );
    assert_eq!(entry_after["dpop_key"], entry["dpop_key"]);

    // A restart: the key comes back from the keychain and the refresh proves it.
    let second = session(&stack, globex(&stack, true), &store);
    assert!(matches!(
        second.restore().await.state,
        SessionState::SignedIn { .. }
    ));
    let restored = second.credential().await.unwrap();
    assert_eq!(restored.dpop.unwrap().key().thumbprint(), jkt);
    assert_eq!(dashboard.me(&second).await.unwrap().user.email, CAROL);

    let grants = stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("authorization_code:success"), Some(&1));
    assert_eq!(grants.get("refresh_token:success"), Some(&2));
    assert_eq!(grants.get("dpop:missing_proof"), None, "{grants:?}");
    // The provider's nonce costs one request, once: the code exchange went twice (the first
    // answered use_dpop_nonce); the refresh, and the one after the restart (the nonce is kept
    // with the key), once each.
    let stats = stack.provider_stats().await.unwrap();
    let token_requests = stats
        .requests
        .iter()
        .filter(|(request, _)| request.starts_with("POST ") && request.ends_with("/v1/token"))
        .map(|(_, n)| n)
        .sum::<u64>();
    assert_eq!(token_requests, 4, "{:?}", stats.requests);
    stack.stop().await;
}

#[tokio::test]
async fn a_stolen_refresh_token_is_refused_without_the_key_and_the_session_goes_on() {
    let stack = start().await;
    let store = Arc::new(MemoryKeychain::default());
    let session = session(&stack, globex(&stack, true), &store);
    sign_in_carol(&stack, &session).await;
    let refresh_token = stored(&stack, &store)["bound_refresh_token"]
        .as_str()
        .unwrap()
        .to_string();

    let without_proof = redeem_elsewhere(&stack, &refresh_token, None).await;
    assert_eq!(without_proof["error"], "invalid_dpop_proof");
    let other_key =
        redeem_elsewhere(&stack, &refresh_token, Some(DpopKey::generate().unwrap())).await;
    assert_eq!(other_key["error"], "invalid_grant", "{other_key}");

    // The owner's refresh still works: the refusals spent nothing.
    let access_token = session.access_token().await.unwrap();
    session.discard_access_token(&access_token).await;
    session.access_token().await.expect("the owner refreshes");
    stack.stop().await;
}

#[tokio::test]
async fn the_dashboard_refuses_a_replayed_proof_a_proof_for_another_request_and_a_bearer_presentation(
) {
    let stack = start().await;
    let store = Arc::new(MemoryKeychain::default());
    let session = session(&stack, globex(&stack, true), &store);
    sign_in_carol(&stack, &session).await;
    let Credential { access_token, dpop } = session.credential().await.unwrap();
    let dpop = dpop.unwrap();
    let client = stack.http_client().unwrap();
    let me = stack.api_base.join("/api/v1/me").unwrap();
    let send = |proof: Option<String>, scheme: &'static str| {
        let mut request = client.get(me.clone()).header(
            "authorization",
            format!("{scheme} {}", access_token.expose()),
        );
        if let Some(proof) = proof {
            request = request.header(DPOP_HEADER, proof);
        }
        request.send()
    };
    let challenge = |response: &reqwest::Response| {
        response
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };

    // Without the dashboard's nonce: use_dpop_nonce, and the nonce to use.
    let first = send(
        Some(
            dpop.proof("GET", &me, Some(&access_token), stack_now())
                .unwrap(),
        ),
        "DPoP",
    )
    .await
    .unwrap();
    assert_eq!(first.status(), 401);
    assert!(challenge(&first).contains(r#"error="use_dpop_nonce""#));
    assert!(first.headers().contains_key(DPOP_NONCE_HEADER));
    dpop.remember_nonce(&me, first.headers());

    let proof = dpop
        .proof("GET", &me, Some(&access_token), stack_now())
        .unwrap();
    let accepted = send(Some(proof.clone()), "DPoP").await.unwrap();
    assert_eq!(accepted.status(), 200);
    let replayed = send(Some(proof), "DPoP").await.unwrap();
    assert_eq!(replayed.status(), 401);
    assert!(
        challenge(&replayed).contains("used before"),
        "{}",
        challenge(&replayed)
    );

    let elsewhere = stack.api_base.join("/api/v1/dashboard").unwrap();
    let wrong_url = send(
        Some(
            dpop.proof("GET", &elsewhere, Some(&access_token), stack_now())
                .unwrap(),
        ),
        "DPoP",
    )
    .await
    .unwrap();
    assert_eq!(wrong_url.status(), 401);
    assert!(challenge(&wrong_url).contains("htu"));

    let wrong_method = send(
        Some(
            dpop.proof("POST", &me, Some(&access_token), stack_now())
                .unwrap(),
        ),
        "DPoP",
    )
    .await
    .unwrap();
    assert!(challenge(&wrong_method).contains("htm"));

    let other = Dpop::new(DpopKey::generate().unwrap());
    dpop_nonce_from(&other, &me, &dpop);
    let other_key = send(
        Some(
            other
                .proof("GET", &me, Some(&access_token), stack_now())
                .unwrap(),
        ),
        "DPoP",
    )
    .await
    .unwrap();
    assert_eq!(other_key.status(), 401);
    assert!(challenge(&other_key).contains("bound to"));

    let as_bearer = send(None, "Bearer").await.unwrap();
    assert_eq!(as_bearer.status(), 401);
    assert!(challenge(&as_bearer).contains(r#"error="invalid_token""#));
    let no_proof = send(None, "DPoP").await.unwrap();
    assert_eq!(no_proof.status(), 401);
    stack.stop().await;
}

fn stack_now() -> std::time::SystemTime {
    std::time::SystemTime::now()
}

/// Gives `to` the dashboard nonce `from` holds (as if it had asked itself).
fn dpop_nonce_from(to: &Dpop, url: &url::Url, from: &Dpop) {
    let proof = from.proof("GET", url, None, stack_now()).unwrap();
    let nonce = claims(&proof)["nonce"].as_str().unwrap().to_string();
    let mut headers = http::HeaderMap::new();
    headers.insert(DPOP_NONCE_HEADER, nonce.parse().unwrap());
    to.remember_nonce(url, &headers);
}

#[tokio::test]
async fn an_okta_app_that_requires_dpop_is_found_out_at_sign_in_without_being_told() {
    let stack = start().await;
    let store = Arc::new(MemoryKeychain::default());
    let session = session(&stack, globex(&stack, false), &store);
    sign_in_carol(&stack, &session).await;
    let credential = session.credential().await.unwrap();
    let dpop = credential
        .dpop
        .expect("bound after the provider asked for a proof");
    assert_eq!(
        claims(credential.access_token.expose())["cnf"]["jkt"],
        dpop.key().thumbprint()
    );
    let grants = stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("dpop:missing_proof"), Some(&1), "{grants:?}");
    assert_eq!(grants.get("authorization_code:success"), Some(&1));
    // Refreshes go with a proof from the start.
    session.discard_access_token(&credential.access_token).await;
    session.access_token().await.unwrap();
    let grants = stack.grant_counts().await.unwrap();
    assert_eq!(grants.get("dpop:missing_proof"), Some(&1), "{grants:?}");
    assert_eq!(grants.get("refresh_token:success"), Some(&1));
    stack.stop().await;
}

#[tokio::test]
async fn a_sign_in_on_another_device_is_bound_too() {
    let stack = DevStack::start(StackOptions {
        provider: ProviderOptions {
            device_interval: Some(1),
            ..StackOptions::auto_login(ServerShape::Custom).provider
        },
        state_dir: None,
    })
    .await
    .expect("dev stack starts");
    let sign_in = OktaSignIn::new(globex(&stack, true), http(&stack));
    let authorization = sign_in.begin_on_another_device().await.unwrap();
    let page = authorization.verification_uri_complete.clone().unwrap();
    let (signed_in, _page) =
        tokio::join!(sign_in.finish_on_another_device(&authorization), async {
            // The device leg signs in the login hint's user; for the device grant that is alice
            // by default: the person on the other device may be anyone the app is assigned to.
            stack.device_leg(&page, true).await
        });
    let signed_in = signed_in.unwrap();
    let dpop = signed_in.dpop.expect("bound");
    assert!(signed_in.tokens.dpop_bound);
    assert_eq!(
        claims(signed_in.tokens.access_token.expose())["cnf"]["jkt"],
        dpop.key().thumbprint()
    );
    stack.stop().await;
}

/// A session on one "machine": its own keychain, profile folder and key hardware, under IT's
/// key `policy`.
fn session_on(
    stack: &DevStack,
    machine: &str,
    store: &Arc<MemoryKeychain>,
    policy: KeyPolicy,
    hardware: &KeyHardware,
) -> Arc<Session> {
    let store: Arc<dyn SecretStore> = store.clone();
    let sign_in =
        OktaSignIn::new(globex(stack, true), http(stack)).keeping_keys(policy, hardware.clone());
    let session = Session::new(
        Arc::new(sign_in),
        Ok(store),
        ProfileCache::in_dir(&stack.state_dir.join(machine)),
    );
    session.without_background_retries();
    session
}

/// Copies Carol's session from one machine to another, as someone who took the keychain entry
/// and the profile cache would: the entry byte for byte, the profile file as it is.
fn copy_session(stack: &DevStack, from: (&str, &MemoryKeychain), to: (&str, &MemoryKeychain)) {
    let account = format!(
        "{} {} 00u1carol0globex00003",
        stack.issuer.as_str().trim_end_matches('/'),
        stack.dpop_client_id
    );
    to.1.write(&account, &from.1.read(&account).unwrap().unwrap())
        .unwrap();
    let target = stack.state_dir.join(to.0);
    std::fs::create_dir_all(&target).unwrap();
    std::fs::copy(
        stack.state_dir.join(from.0).join("profile.json"),
        target.join("profile.json"),
    )
    .unwrap();
}

fn token_requests(stats: &point_dev_stack::ProviderStats) -> u64 {
    stats
        .requests
        .iter()
        .filter(|(request, _)| request.starts_with("POST ") && request.ends_with("/v1/token"))
        .map(|(_, n)| n)
        .sum()
}

#[tokio::test]
async fn a_tpm_bound_session_copied_to_another_machine_is_refused_there_and_a_software_one_is_not()
{
    let stack = start().await;
    let (tpm_a, tpm_b) = (SoftwareTpm::start().unwrap(), SoftwareTpm::start().unwrap());
    let (machine_a, machine_b) = (
        KeyHardware::tpm(&tpm_a.tcti()),
        KeyHardware::tpm(&tpm_b.tcti()),
    );
    let dashboard = DashboardClient::new(stack.api_base.clone(), http(&stack));

    // Machine A: IT requires keys in hardware. Carol's key is made in A's TPM; the entry holds
    // only what A's TPM wrapped.
    let store_a = Arc::new(MemoryKeychain::default());
    let a = session_on(
        &stack,
        "a",
        &store_a,
        KeyPolicy::HardwareRequired,
        &machine_a,
    );
    sign_in_carol(&stack, &a).await;
    let Credential { access_token, dpop } = a.credential().await.unwrap();
    let key = dpop.expect("Globex's tokens are bound to a key");
    assert_eq!(key.key().protection(), KeyProtection::Tpm);
    let jkt = key.key().thumbprint().to_string();
    assert_eq!(claims(access_token.expose())["cnf"]["jkt"], jkt.as_str());
    let entry = stored(&stack, &store_a);
    assert!(entry["dpop_key"].as_str().unwrap().starts_with("tpm2."));
    // The dashboard and the provider take the TPM's proofs: a dashboard call and a refresh.
    assert_eq!(dashboard.me(&a).await.unwrap().user.email, CAROL);
    a.discard_access_token(&access_token).await;
    let refreshed = a.credential().await.expect("a refresh proven by the TPM");
    assert_eq!(
        claims(refreshed.access_token.expose())["cnf"]["jkt"],
        jkt.as_str()
    );
    let entry_now = stored(&stack, &store_a);
    // Under a name that versions which cannot use a TPM key do not read (they see no session
    // rather than replace the key).
    assert!(
        entry_now.get("bound_refresh_token").is_none(),
        "{entry_now}"
    );
    let refresh_token = entry_now["hardware_bound_refresh_token"]
        .as_str()
        .unwrap()
        .to_string();

    // Copied to machine B: B's TPM will not load A's key, so POINT there cannot make a proof
    // and sends nothing; the session cannot go on there.
    let store_b = Arc::new(MemoryKeychain::default());
    copy_session(&stack, ("a", &store_a), ("b", &store_b));
    let before = token_requests(&stack.provider_stats().await.unwrap());
    let b = session_on(
        &stack,
        "b",
        &store_b,
        KeyPolicy::HardwareWhereAvailable,
        &machine_b,
    );
    assert_eq!(b.restore().await.state, SessionState::Ended);
    assert_eq!(
        token_requests(&stack.provider_stats().await.unwrap()),
        before,
        "no request went out from B"
    );
    // Whoever took the entry cannot use the token either: the provider refuses it without a
    // proof, and with a proof of any other key.
    let without_proof = redeem_elsewhere(&stack, &refresh_token, None).await;
    assert_eq!(without_proof["error"], "invalid_dpop_proof");
    let other_key =
        redeem_elsewhere(&stack, &refresh_token, Some(DpopKey::generate().unwrap())).await;
    assert_eq!(other_key["error"], "invalid_grant", "{other_key}");
    // And the key in the entry is only A's TPM's wrapping: B's TPM refuses to load it.
    let copied = DpopKey::from_stored(entry["dpop_key"].as_str().unwrap(), &machine_b).unwrap();
    let token_url = token_url(&stack);
    assert_eq!(
        copied
            .proof("POST", &token_url, None, None, stack_now())
            .unwrap_err(),
        KeyError::NotThisMachine
    );
    // On machine A the session goes on: nothing above spent its token.
    let current = a.credential().await.unwrap();
    a.discard_access_token(&current.access_token).await;
    a.credential().await.expect("A refreshes");

    // A software key, copied the same way, works on the other machine: the entry carries the
    // private key (which is what the IT guide says of software keys).
    let store_c = Arc::new(MemoryKeychain::default());
    let c = session_on(&stack, "c", &store_c, KeyPolicy::Software, &machine_a);
    sign_in_carol(&stack, &c).await;
    let software = c.credential().await.unwrap().dpop.unwrap();
    assert_eq!(software.key().protection(), KeyProtection::Software);
    let store_d = Arc::new(MemoryKeychain::default());
    copy_session(&stack, ("c", &store_c), ("d", &store_d));
    let d = session_on(
        &stack,
        "d",
        &store_d,
        KeyPolicy::HardwareWhereAvailable,
        &KeyHardware::none(),
    );
    assert!(matches!(
        d.restore().await.state,
        SessionState::SignedIn { .. }
    ));
    assert_eq!(dashboard.me(&d).await.unwrap().user.email, CAROL);
    stack.stop().await;
}

#[tokio::test]
async fn a_discovery_document_kept_from_before_dpop_is_fetched_again_when_okta_asks_for_a_proof() {
    let stack = start().await;
    // What an earlier run kept: the provider's discovery document as it was before the
    // organization turned DPoP on.
    let discovery_url = format!(
        "{}/.well-known/openid-configuration",
        stack.issuer.as_str().trim_end_matches('/')
    );
    let mut document: Value = stack
        .http_client()
        .unwrap()
        .get(discovery_url)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    document
        .as_object_mut()
        .unwrap()
        .remove("dpop_signing_alg_values_supported");
    let kept = point_auth::ProviderSnapshot {
        issuer: stack.issuer.as_str().to_string(),
        discovery: document.to_string(),
        keys: None,
        fetched_at: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    };
    let store: Arc<dyn SecretStore> = Arc::new(MemoryKeychain::default());
    let sign_in = OktaSignIn::new(globex(&stack, false), http(&stack))
        .starting_from(&kept, std::time::SystemTime::now());
    let session = Session::new(
        Arc::new(sign_in),
        Ok(store),
        ProfileCache::in_dir(&stack.state_dir.join("kept")),
    );
    session.without_background_retries();
    sign_in_carol(&stack, &session).await;
    let credential = session.credential().await.unwrap();
    assert!(
        credential.dpop.is_some(),
        "bound after discovery was asked again"
    );
    let snapshot = session.sign_in().snapshot().await.unwrap();
    assert!(
        snapshot
            .discovery
            .contains("dpop_signing_alg_values_supported"),
        "the fresh document is what is kept now"
    );
    stack.stop().await;
}
