//! Property tests for every parser that reads outside input: callback URLs (from the OS), Okta
//! domains and Client IDs (from people and IT), token endpoint answers and stored pending
//! sign-ins (from the network and the keychain). Each must be total: any input gives a value or
//! a typed error, never a panic; and what POINT itself writes reads back unchanged.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use point_auth::{
    parse_client_id, parse_okta_domain, parse_sign_in_callback, parse_sign_out_callback,
    parse_token_response, OktaSettings, PendingSignIn, SignInCallback, SignInError,
    MAX_ACCESS_TOKEN_LIFETIME,
};
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[ -~]{0,300}",
        // Shapes close to the real thing, where parsers branch.
        "org\\.pointapp\\.point:/(login|logout)?\\??[a-z_=&%0-9A-Z.~-]{0,200}",
        "(https?://)?[a-z0-9.-]{0,40}(\\.okta\\.com|\\.oktapreview\\.com)?(/oauth2(/[a-z0-9]{0,20})?)?/?",
    ]
}

/// A JSON number as a provider might send it, in range or not.
fn any_number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| format!("{n:e}")),
        Just("1e400".to_string()),
        Just("18446744073709551616".to_string()),
        Just("null".to_string()),
        Just("\"3600\"".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn callback_parsers_are_total(input in any_text()) {
        let _ = parse_sign_in_callback(&input);
        let _ = parse_sign_out_callback(&input);
    }

    #[test]
    fn a_callback_gives_back_its_code_and_state(
        code in "[A-Za-z0-9_-]{1,100}",
        state in "[A-Za-z0-9_-]{1,100}",
        iss in proptest::option::of("https://[a-z]{1,20}\\.okta\\.com(/oauth2/default)?"),
    ) {
        let mut url = format!("org.pointapp.point:/login?code={code}&state={state}");
        if let Some(iss) = &iss {
            url.push_str(&format!("&iss={}", url::form_urlencoded::byte_serialize(iss.as_bytes()).collect::<String>()));
        }
        match parse_sign_in_callback(&url) {
            Ok(SignInCallback::Code { code: got, state: got_state, issuer }) => {
                prop_assert!(got.matches(&code));
                prop_assert!(got_state.matches(&state));
                prop_assert_eq!(issuer, iss);
            }
            other => prop_assert!(false, "{url} gave {other:?}"),
        }
    }

    #[test]
    fn okta_settings_parsers_are_total(domain in any_text(), client_id in any_text(), secret in proptest::option::of(any_text())) {
        let _ = parse_okta_domain(&domain);
        let _ = parse_client_id(&client_id);
        let _ = OktaSettings::parse(&domain, &client_id, secret.as_deref());
    }

    #[test]
    fn an_okta_domain_in_any_pasted_form_gives_the_same_issuer(
        // A DNS label as organizations have them (no "xn--" punycode, no double hyphen).
        org in "[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,8}){0,2}",
        scheme in prop_oneof![Just(""), Just("https://"), Just("HTTPS://")],
        trailing in prop_oneof![Just(""), Just("/"), Just("  ")],
    ) {
        let issuer = parse_okta_domain(&format!("{scheme}{org}.okta.com{trailing}")).unwrap();
        prop_assert_eq!(issuer.as_str(), format!("https://{org}.okta.com"));
    }

    #[test]
    fn token_answers_of_any_shape_are_read_without_panic(
        status in prop_oneof![Just(200u16), Just(400u16), Just(401u16), any::<u16>()],
        content_type in proptest::option::of(prop_oneof![Just("application/json".to_string()), Just("text/html".to_string()), "[ -~]{0,40}"]),
        body in prop_oneof![".*".prop_map(String::into_bytes), proptest::collection::vec(any::<u8>(), 0..400)],
    ) {
        let _ = parse_token_response(status, content_type.as_deref(), &body, SystemTime::now());
    }

    #[test]
    fn any_expires_in_gives_a_bounded_expiry(expires_in in any_number(), now_secs in 0u64..=u64::MAX) {
        let body = format!(r#"{{"access_token":"a","token_type":"Bearer","expires_in":{expires_in},"refresh_token":"r2"}}"#);
        // A clock anywhere a SystemTime can be, even at its end.
        let now = UNIX_EPOCH.checked_add(Duration::from_secs(now_secs)).unwrap_or(UNIX_EPOCH);
        match parse_token_response(200, Some("application/json"), body.as_bytes(), now) {
            Ok(tokens) => {
                let lifetime = tokens.expires_at.duration_since(now).unwrap_or_default();
                prop_assert!(lifetime <= MAX_ACCESS_TOKEN_LIFETIME);
                prop_assert!(tokens.refresh_token.unwrap().matches("r2"));
            }
            // An answer it cannot use still gives back the rotated refresh token.
            Err(failure) => prop_assert!(failure.rotated.is_some_and(|t| t.matches("r2")), "{:?}", failure.error),
        }
    }

    #[test]
    fn stored_pending_sign_ins_are_read_without_panic(
        json in prop_oneof![
            ".*",
            any_number().prop_map(|n| format!(r#"{{"issuer":"i","client_id":"c","state":"s","nonce":"n","verifier":"v","authorization_url":"https://x.okta.com/a","expires_at":{n}}}"#)),
        ],
    ) {
        let settings = OktaSettings::parse("x.okta.com", "c", None).unwrap();
        if let Some(pending) = PendingSignIn::from_secret_json(&json, &settings, std::time::Duration::from_secs(600)) {
            prop_assert!(!pending.is_expired());
        }
    }
}

#[test]
fn an_error_answer_is_typed_and_an_html_page_is_not_taken_for_tokens() {
    let now = SystemTime::now();
    let rejected = parse_token_response(
        400,
        Some("application/json;charset=UTF-8"),
        br#"{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}"#,
        now,
    )
    .unwrap_err();
    assert_eq!(rejected.error, SignInError::CodeRejected);
    let portal = parse_token_response(
        200,
        Some("text/html; charset=utf-8"),
        b"<html>Hotel Wi-Fi</html>",
        now,
    )
    .unwrap_err();
    assert_eq!(portal.error.code(), "unexpected_response");
    assert!(portal.rotated.is_none());
    // A 200 that is cut short keeps nothing it cannot read.
    let cut = parse_token_response(
        200,
        Some("application/json"),
        br#"{"access_token":"a","token_type":"Bearer","refresh_tok"#,
        now,
    )
    .unwrap_err();
    assert!(cut.rotated.is_none());
}
