//! Forged ID tokens, signed with keys made here and served by a fake provider on loopback: each
//! is refused with its own error. Also: key rotation (one JWKS refetch), and a device clock that
//! is hours off (learned from the provider's `Date` header).

use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use point_auth::{
    AuthenticationRequirement, HttpClient, IdTokenError, OktaSettings, OktaSignIn, SignInError,
};
use rsa::pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use url::Url;

const CLIENT_ID: &str = "0oaPointNative";
const ACCESS_TOKEN: &str = "opaque-access-token-for-tests";
const ALICE: &str = "00u1alice0example0001";

struct Key {
    kid: &'static str,
    private: RsaPrivateKey,
}

impl Key {
    fn new(kid: &'static str) -> Self {
        let private = RsaPrivateKey::new(&mut rand_core::OsRng, 2048).expect("RSA key");
        Self { kid, private }
    }

    fn jwk(&self) -> Value {
        let public = self.private.to_public_key();
        json!({
            "kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid,
            "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
        })
    }

    fn sign(&self, claims: &Value) -> String {
        self.sign_as(self.kid, claims)
    }

    /// Signs with this key but names another key's ID in the header.
    fn sign_as(&self, kid: &str, claims: &Value) -> String {
        let der = self.private.to_pkcs1_der().unwrap();
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(kid.to_string());
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_rsa_der(der.as_bytes())).unwrap()
    }
}

/// Two keys for the whole file: RSA generation is slow in debug builds.
fn keys() -> &'static (Key, Key) {
    static KEYS: OnceLock<(Key, Key)> = OnceLock::new();
    KEYS.get_or_init(|| (Key::new("published-1"), Key::new("attacker-or-rotated")))
}

#[derive(Default)]
struct Fake {
    issuer: String,
    jwks: Vec<Value>,
    id_token: String,
    /// Seconds the provider's clock is ahead of this device's.
    clock_ahead: i64,
    jwks_requests: usize,
    token_requests: usize,
    /// An HTTP status for the token endpoint to fail with.
    token_failure: Option<u16>,
}

type Shared = Arc<Mutex<Fake>>;

fn server_date(fake: &Fake) -> String {
    let now = SystemTime::now();
    let shifted = if fake.clock_ahead >= 0 {
        now + Duration::from_secs(fake.clock_ahead as u64)
    } else {
        now - Duration::from_secs(fake.clock_ahead.unsigned_abs())
    };
    httpdate::fmt_http_date(shifted)
}

async fn discovery(State(fake): State<Shared>) -> impl IntoResponse {
    let fake = fake.lock().unwrap();
    let issuer = fake.issuer.clone();
    (
        [(header::DATE, server_date(&fake))],
        Json(json!({
            "issuer": issuer,
            "authorization_endpoint": format!("{issuer}/v1/authorize"),
            "token_endpoint": format!("{issuer}/v1/token"),
            "jwks_uri": format!("{issuer}/v1/keys"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
        })),
    )
}

async fn jwks(State(fake): State<Shared>) -> impl IntoResponse {
    let mut fake = fake.lock().unwrap();
    fake.jwks_requests += 1;
    (
        [(header::DATE, server_date(&fake))],
        Json(json!({ "keys": fake.jwks })),
    )
}

async fn token(State(fake): State<Shared>) -> axum::response::Response {
    let mut fake = fake.lock().unwrap();
    fake.token_requests += 1;
    if let Some(status) = fake.token_failure {
        let status = axum::http::StatusCode::from_u16(status).unwrap();
        return (status, "<html>upstream trouble</html>").into_response();
    }
    (
        [(header::DATE, server_date(&fake))],
        Json(json!({
            "access_token": ACCESS_TOKEN,
            "token_type": "Bearer",
            "expires_in": 3600,
            "scope": "openid profile email offline_access",
            "refresh_token": "refresh-token-for-tests",
            "id_token": fake.id_token,
        })),
    )
        .into_response()
}

async fn fake_provider() -> Shared {
    let fake: Shared = Arc::new(Mutex::new(Fake::default()));
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/v1/keys", get(jwks))
        .route("/v1/token", post(token))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let issuer = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    {
        let mut state = fake.lock().unwrap();
        state.issuer = issuer;
        state.jwks = vec![keys().0.jwk()];
    }
    fake
}

/// What a forged token may depend on.
struct Context {
    issuer: String,
    nonce: String,
    /// Seconds since the epoch, by the provider's clock.
    now: i64,
}

fn good_claims(cx: &Context) -> Value {
    let digest = Sha256::digest(ACCESS_TOKEN.as_bytes());
    json!({
        "iss": cx.issuer, "aud": CLIENT_ID, "sub": ALICE,
        "iat": cx.now, "exp": cx.now + 3600, "nonce": cx.nonce,
        "at_hash": URL_SAFE_NO_PAD.encode(&digest[..16]),
        "email": "alice@example.com", "email_verified": true, "name": "Alice Anderson",
    })
}

fn with(mut claims: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().unwrap() {
        if value.is_null() {
            claims.as_object_mut().unwrap().remove(key);
        } else {
            claims[key] = value.clone();
        }
    }
    claims
}

fn unsigned(claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap());
    format!("{header}.{payload}.")
}

fn hmac_with_public_key(claims: &Value) -> String {
    let public_pem = keys()
        .0
        .private
        .to_public_key()
        .to_pkcs1_pem(rsa::pkcs1::LineEnding::LF)
        .unwrap();
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("published-1".into());
    jsonwebtoken::encode(
        &header,
        claims,
        &EncodingKey::from_secret(public_pem.as_bytes()),
    )
    .unwrap()
}

/// Runs one sign-in against the fake provider whose token endpoint returns `forge(context)`.
async fn sign_in_with(
    fake: &Shared,
    forge: impl Fn(&Context) -> String,
) -> (Result<point_auth::SignedIn, SignInError>, usize) {
    sign_in_asking(fake, None, forge).await
}

/// Like [`sign_in_with`]; with `asked`, a step-up of alice's session asked to meet it.
async fn sign_in_asking(
    fake: &Shared,
    asked: Option<AuthenticationRequirement>,
    forge: impl Fn(&Context) -> String,
) -> (Result<point_auth::SignedIn, SignInError>, usize) {
    let issuer = fake.lock().unwrap().issuer.clone();
    let settings = OktaSettings::parse(&issuer, CLIENT_ID, None).unwrap();
    let sign_in = OktaSignIn::new(settings, Arc::new(HttpClient::new(None).unwrap()));
    let jwks_before = fake.lock().unwrap().jwks_requests;
    let pending = match &asked {
        Some(asked) => sign_in
            .begin_stepping_up(
                Some("alice@example.com"),
                ALICE,
                asked.clone(),
                point_auth::Redirect::CustomScheme,
            )
            .await
            .unwrap(),
        None => sign_in.begin(None).await.unwrap(),
    };
    let asked = asked.unwrap_or_default();
    let asked_of_okta = |name: &str| {
        pending
            .authorization_url()
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(asked_of_okta("acr_values"), asked.acr_values_parameter());
    assert_eq!(
        asked_of_okta("max_age"),
        asked.max_age.map(|age| age.as_secs().to_string())
    );
    // Let the key prefetch that `begin` started reach the provider, so counts are exact.
    for _ in 0..500 {
        if fake.lock().unwrap().jwks_requests > jwks_before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let query = |name: &str| {
        pending
            .authorization_url()
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap()
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + fake.lock().unwrap().clock_ahead;
    // Forge outside the lock: a case may change the provider (rotate its keys) meanwhile.
    let id_token = forge(&Context {
        issuer: issuer.clone(),
        nonce: query("nonce"),
        now,
    });
    fake.lock().unwrap().id_token = id_token;
    let mut callback = Url::parse("org.pointapp.point:/login").unwrap();
    callback
        .query_pairs_mut()
        .append_pair("code", "fake-code")
        .append_pair("state", &query("state"));
    let callback = point_auth::parse_sign_in_callback(callback.as_str()).unwrap();
    let result = sign_in.complete(&pending, callback).await;
    let jwks_requests = fake.lock().unwrap().jwks_requests - jwks_before;
    (result, jwks_requests)
}

fn refused(result: Result<point_auth::SignedIn, SignInError>) -> IdTokenError {
    match result {
        Err(SignInError::IdToken(error)) => error,
        other => panic!("expected an ID token error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_genuine_token_passes_and_each_forgery_is_refused_with_its_own_error() {
    let fake = fake_provider().await;
    let (key, attacker) = keys();

    let (genuine, _) = sign_in_with(&fake, |cx| key.sign(&good_claims(cx))).await;
    let genuine = genuine.expect("the genuine token passes");
    assert_eq!(genuine.identity.email.as_deref(), Some("alice@example.com"));

    type Forge = Box<dyn Fn(&Context) -> String>;
    let cases: Vec<(&str, Forge, IdTokenError)> = vec![
        (
            "alg none",
            Box::new(|cx| unsigned(&good_claims(cx))),
            IdTokenError::Unsigned,
        ),
        (
            "HS256 keyed with the public key",
            Box::new(|cx| hmac_with_public_key(&good_claims(cx))),
            IdTokenError::SymmetricAlgorithm("HS256".into()),
        ),
        (
            "bad signature",
            Box::new(move |cx| attacker.sign_as("published-1", &good_claims(cx))),
            IdTokenError::BadSignature,
        ),
        (
            "wrong iss",
            Box::new(move |cx| {
                key.sign(&with(
                    good_claims(cx),
                    json!({"iss": "https://evil.example"}),
                ))
            }),
            IdTokenError::WrongIssuer,
        ),
        (
            "wrong aud",
            Box::new(move |cx| key.sign(&with(good_claims(cx), json!({"aud": "0oaSomeoneElse"})))),
            IdTokenError::WrongAudience,
        ),
        (
            "several aud without azp",
            Box::new(move |cx| {
                key.sign(&with(
                    good_claims(cx),
                    json!({"aud": [CLIENT_ID, "0oaOther"]}),
                ))
            }),
            IdTokenError::MissingAuthorizedParty,
        ),
        (
            "azp of another app",
            Box::new(move |cx| {
                key.sign(&with(
                    good_claims(cx),
                    json!({"aud": [CLIENT_ID, "0oaOther"], "azp": "0oaOther"}),
                ))
            }),
            IdTokenError::WrongAuthorizedParty,
        ),
        (
            "expired beyond the skew",
            Box::new(move |cx| {
                key.sign(&with(
                    good_claims(cx),
                    json!({"iat": cx.now - 4000, "exp": cx.now - 400}),
                ))
            }),
            IdTokenError::Expired,
        ),
        (
            "iat in the future beyond the skew",
            Box::new(move |cx| key.sign(&with(good_claims(cx), json!({"iat": cx.now + 600})))),
            IdTokenError::IssuedInFuture,
        ),
        (
            "wrong nonce",
            Box::new(move |cx| {
                key.sign(&with(good_claims(cx), json!({"nonce": "another-sign-in"})))
            }),
            IdTokenError::WrongNonce,
        ),
        (
            "missing nonce",
            Box::new(move |cx| key.sign(&with(good_claims(cx), json!({"nonce": null})))),
            IdTokenError::MissingNonce,
        ),
        (
            "wrong at_hash",
            Box::new(move |cx| {
                key.sign(&with(
                    good_claims(cx),
                    json!({"at_hash": "AAAAAAAAAAAAAAAAAAAAAA"}),
                ))
            }),
            IdTokenError::WrongAccessTokenHash,
        ),
    ];
    for (name, forge, expected) in cases {
        let (result, _) = sign_in_with(&fake, forge).await;
        assert_eq!(refused(result), expected, "{name}");
    }

    // Within the skew allowance, small clock differences pass.
    let (result, _) = sign_in_with(&fake, move |cx| {
        key.sign(&with(
            good_claims(cx),
            json!({"iat": cx.now + 120, "exp": cx.now + 100}),
        ))
    })
    .await;
    result.expect("iat 2 minutes ahead and exp 100 s ahead are within the skew");
    let (result, _) = sign_in_with(&fake, move |cx| {
        key.sign(&with(
            good_claims(cx),
            json!({"aud": [CLIENT_ID, "0oaOther"], "azp": CLIENT_ID}),
        ))
    })
    .await;
    result.expect("several audiences with azp = our client");
}

#[tokio::test]
async fn an_unknown_key_id_is_refused_after_exactly_one_refetch() {
    let fake = fake_provider().await;
    let (_, attacker) = keys();
    let (result, jwks_requests) =
        sign_in_with(&fake, move |cx| attacker.sign(&good_claims(cx))).await;
    assert_eq!(refused(result), IdTokenError::UnknownSigningKey);
    // One prefetch when the sign-in began, one refetch for the unknown kid.
    assert_eq!(jwks_requests, 2);
}

#[tokio::test]
async fn a_rotated_key_is_picked_up_by_the_refetch() {
    let fake = fake_provider().await;
    let (key, rotated) = keys();
    let (result, jwks_requests) = sign_in_with(&fake, |cx| {
        // The provider rotates its keys after POINT fetched them.
        fake.lock().unwrap().jwks = vec![key.jwk(), rotated.jwk()];
        rotated.sign(&good_claims(cx))
    })
    .await;
    result.expect("the rotated key is accepted");
    assert_eq!(jwks_requests, 2, "the prefetch and one refetch");
}

#[tokio::test]
async fn a_device_clock_hours_off_does_not_break_sign_in() {
    let fake = fake_provider().await;
    let (key, _) = keys();
    fake.lock().unwrap().clock_ahead = 3 * 3600;
    let (result, _) = sign_in_with(&fake, |cx| key.sign(&good_claims(cx))).await;
    result.expect("the provider's Date header corrects the device clock");
}

#[tokio::test]
async fn a_provider_5xx_is_an_outage_not_a_protocol_error() {
    let fake = fake_provider().await;
    let (key, _) = keys();
    fake.lock().unwrap().token_failure = Some(503);
    let (result, _) = sign_in_with(&fake, |cx| key.sign(&good_claims(cx))).await;
    let error = result.unwrap_err();
    assert!(
        matches!(error, SignInError::ProviderUnavailable { status: 503, .. }),
        "{error:?}"
    );
    assert!(error.is_transient());
}

#[tokio::test]
async fn a_token_not_valid_yet_or_from_a_future_sign_in_is_refused() {
    let fake = fake_provider().await;
    let (key, _) = keys();
    let ahead = 2 * CLOCK_SKEW_SECS;
    let (result, _) = sign_in_with(&fake, |cx| {
        key.sign(&with(good_claims(cx), json!({ "nbf": cx.now + ahead })))
    })
    .await;
    assert_eq!(refused(result), IdTokenError::NotYetValid);
    let (result, _) = sign_in_with(&fake, |cx| {
        key.sign(&with(
            good_claims(cx),
            json!({ "auth_time": cx.now + ahead }),
        ))
    })
    .await;
    assert_eq!(refused(result), IdTokenError::AuthenticatedInFuture);
    // Within the allowance, both are fine.
    let (result, _) = sign_in_with(&fake, |cx| {
        key.sign(&with(
            good_claims(cx),
            json!({ "nbf": cx.now + 60, "auth_time": cx.now + 60 }),
        ))
    })
    .await;
    result.expect("a minute of skew is allowed");
}

const CLOCK_SKEW_SECS: i64 = point_auth::CLOCK_SKEW.as_secs() as i64;

/// A claim value as a provider (or a forger) might send it.
fn any_claim_value() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::from),
        Just(Value::Null),
        Just(json!([1, 2])),
    ]
}

#[test]
fn any_numbers_in_a_signed_token_and_any_header_are_judged_without_panic() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let fake = runtime.block_on(fake_provider());
    let (key, _) = keys();
    let config = Config {
        cases: 150,
        failure_persistence: None,
        ..Config::default()
    };

    // Signed tokens whose time claims hold anything: each is accepted or refused, never a panic.
    let claims = proptest::collection::vec(
        (
            prop_oneof![Just("iat"), Just("exp"), Just("nbf"), Just("auth_time")],
            any_claim_value(),
        ),
        1..4,
    );
    TestRunner::new(config.clone())
        .run(&claims, |changes| {
            let (result, _) = runtime.block_on(sign_in_with(&fake, |cx| {
                let mut forged = good_claims(cx);
                for (name, value) in &changes {
                    forged[*name] = value.clone();
                }
                key.sign(&forged)
            }));
            if let Err(error) = result {
                prop_assert!(matches!(error, SignInError::IdToken(_)), "{error:?}");
            }
            Ok(())
        })
        .unwrap();

    // Anything in the ID token's place: a JWT header of any shape, or no JWT at all.
    let raw = prop_oneof![
        ".{0,200}",
        (
            "[A-Za-z0-9_-]{0,60}",
            "[A-Za-z0-9_-]{0,60}",
            "[A-Za-z0-9_-]{0,60}"
        )
            .prop_map(|(h, p, s)| format!("{h}.{p}.{s}")),
        ".{0,80}"
            .prop_map(|header| format!("{}.e30.c2ln", URL_SAFE_NO_PAD.encode(header.as_bytes()))),
    ];
    TestRunner::new(config)
        .run(&raw, |raw| {
            let (result, _) = runtime.block_on(sign_in_with(&fake, |_| raw.clone()));
            prop_assert!(result.is_err(), "{raw:?} was accepted");
            Ok(())
        })
        .unwrap();
}

#[tokio::test]
async fn a_step_up_s_token_must_show_the_sign_in_that_was_asked() {
    let fake = fake_provider().await;
    let asked = AuthenticationRequirement {
        acr_values: vec!["urn:okta:loa:2fa:any".into()],
        max_age: Some(Duration::from_secs(300)),
    };
    let sign =
        |changes: Value| move |cx: &Context| keys().0.sign(&with(good_claims(cx), changes.clone()));
    // What Okta answers when it met the request: the class asked, a fresh auth_time.
    let (met, _) = sign_in_asking(&fake, Some(asked.clone()), |cx: &Context| {
        let claims = json!({ "acr": "urn:okta:loa:2fa:any", "auth_time": cx.now - 20 });
        keys().0.sign(&with(good_claims(cx), claims))
    })
    .await;
    let identity = met
        .expect("the step-up's token meets what was asked")
        .identity;
    assert_eq!(identity.acr.as_deref(), Some("urn:okta:loa:2fa:any"));
    assert!(identity.auth_time.is_some());

    // One factor where two were asked: refused, with what was asked and what came.
    let (weaker, _) = sign_in_asking(
        &fake,
        Some(asked.clone()),
        sign(json!({ "acr": "urn:okta:loa:1fa:any", "auth_time": 0 })),
    )
    .await;
    assert!(
        matches!(refused(weaker), IdTokenError::WeakerThanAsked { got: Some(got), .. } if got == "urn:okta:loa:1fa:any")
    );
    // No acr at all.
    let (silent, _) = sign_in_asking(&fake, Some(asked.clone()), sign(json!({}))).await;
    assert!(matches!(
        refused(silent),
        IdTokenError::WeakerThanAsked { got: None, .. }
    ));
    // The class, but a sign-in an hour old where five minutes were asked.
    let (old, _) = sign_in_asking(&fake, Some(asked.clone()), |cx: &Context| {
        let claims = json!({ "acr": "urn:okta:loa:2fa:any", "auth_time": cx.now - 3600 });
        keys().0.sign(&with(good_claims(cx), claims))
    })
    .await;
    assert_eq!(refused(old), IdTokenError::AuthenticatedTooLongAgo);
    // Someone else signed in at Okta's page: not a step-up of alice's session.
    let (someone_else, _) = sign_in_asking(&fake, Some(asked.clone()), |cx: &Context| {
        let claims =
            json!({ "sub": "00u2bob", "acr": "urn:okta:loa:2fa:any", "auth_time": cx.now });
        keys().0.sign(&with(good_claims(cx), claims))
    })
    .await;
    assert_eq!(refused(someone_else), IdTokenError::WrongSubject);
    // A plain sign-in asks nothing and holds the token to nothing of it.
    let (plain, _) = sign_in_with(&fake, sign(json!({ "acr": "urn:okta:loa:1fa:any" }))).await;
    assert!(plain.is_ok());
}
