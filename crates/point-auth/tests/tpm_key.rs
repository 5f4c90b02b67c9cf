//! DPoP keys in a TPM 2.0, for real: Debian's swtpm, one instance per "machine". A key made in
//! one TPM signs proofs that verify with its public key, reads back from its stored form, and is
//! refused by another TPM; IT's policy decides where new keys go.
#![cfg(target_os = "linux")]

use std::time::SystemTime;

use jsonwebtoken::{jwk::Jwk, Algorithm, DecodingKey, Validation};
use point_auth::{DpopKey, KeyError, KeyHardware, KeyPolicy, KeyProtection};
use point_dev_stack::SoftwareTpm;
use url::Url;

/// The proof's signature verifies with the key in its header, whose thumbprint is the key's.
fn verifies(proof: &str, key: &DpopKey) {
    let header = jsonwebtoken::decode_header(proof).unwrap();
    let jwk: Jwk = header.jwk.unwrap();
    let mut validation = Validation::new(Algorithm::ES256);
    validation.required_spec_claims.clear();
    jsonwebtoken::decode::<serde_json::Value>(
        proof,
        &DecodingKey::from_jwk(&jwk).unwrap(),
        &validation,
    )
    .expect("a TPM-signed proof verifies");
    // The public key in the header is the key's (its thumbprint is what tokens are bound to).
    let jwk = serde_json::to_value(&jwk).unwrap();
    assert_eq!(thumbprint(&jwk), key.thumbprint());
}

/// RFC 7638's thumbprint of a P-256 JWK.
fn thumbprint(jwk: &serde_json::Value) -> String {
    use base64::Engine;
    use sha2::Digest;
    let canonical = format!(
        r#"{{"crv":"P-256","kty":"EC","x":{},"y":{}}}"#,
        jwk["x"], jwk["y"]
    );
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(canonical.as_bytes()))
}

#[test]
fn a_tpm_key_signs_reads_back_and_is_refused_by_another_tpm() {
    let first = SoftwareTpm::start().unwrap();
    let second = SoftwareTpm::start().unwrap();
    let here = KeyHardware::tpm(&first.tcti());
    let url = Url::parse("https://example.okta.com/oauth2/default/v1/token").unwrap();

    let key = DpopKey::generate_under(KeyPolicy::HardwareRequired, &here).unwrap();
    assert_eq!(key.protection(), KeyProtection::Tpm);
    let proof = key
        .proof("POST", &url, None, None, SystemTime::now())
        .unwrap();
    verifies(&proof, &key);

    // The entry keeps the TPM's public area and wrapped blob: no private key in the clear.
    let stored = key.to_stored();
    assert!(stored.starts_with("tpm2."), "{stored}");
    assert!(!format!("{key:?}").contains(&stored));
    let again = DpopKey::from_stored(&stored, &here).unwrap();
    assert_eq!(again.thumbprint(), key.thumbprint());
    let proof = again
        .proof("GET", &url, None, Some("n-1"), SystemTime::now())
        .unwrap();
    verifies(&proof, &key);

    // Copied to another machine: its TPM will not load the key.
    let elsewhere = DpopKey::from_stored(&stored, &KeyHardware::tpm(&second.tcti())).unwrap();
    assert_eq!(elsewhere.thumbprint(), key.thumbprint());
    assert_eq!(
        elsewhere
            .proof("POST", &url, None, None, SystemTime::now())
            .unwrap_err(),
        KeyError::NotThisMachine
    );
    // A launch that finds no TPM (a device not there yet, a variable unset) still reads the
    // session's key, and cannot sign with it for now: a transient failure, so that nothing
    // replaces the key while the TPM is away.
    let without_tpm = DpopKey::from_stored(&stored, &KeyHardware::none()).unwrap();
    assert_eq!(without_tpm.thumbprint(), key.thumbprint());
    let error = without_tpm
        .proof("POST", &url, None, None, SystemTime::now())
        .unwrap_err();
    assert!(error.is_transient(), "{error:?}");

    // The TPM gone (stopped): a transient failure, not a lost key.
    drop(first);
    let error = again
        .proof("POST", &url, None, None, SystemTime::now())
        .unwrap_err();
    assert!(
        matches!(error, KeyError::HardwareUnavailable(_)) && error.is_transient(),
        "{error:?}"
    );
}

#[test]
fn it_s_policy_decides_where_new_keys_are_kept() {
    let tpm = SoftwareTpm::start().unwrap();
    let here = KeyHardware::tpm(&tpm.tcti());
    let none = KeyHardware::none();
    let gone = KeyHardware::tpm("swtpm:host=127.0.0.1,port=1");

    let protection = |policy, hardware: &KeyHardware| {
        DpopKey::generate_under(policy, hardware).map(|key| key.protection())
    };
    assert_eq!(
        protection(KeyPolicy::HardwareWhereAvailable, &here),
        Ok(KeyProtection::Tpm)
    );
    assert_eq!(
        protection(KeyPolicy::HardwareWhereAvailable, &none),
        Ok(KeyProtection::Software)
    );
    assert_eq!(
        protection(KeyPolicy::HardwareWhereAvailable, &gone),
        Ok(KeyProtection::Software)
    );
    assert_eq!(
        protection(KeyPolicy::Software, &here),
        Ok(KeyProtection::Software)
    );
    assert_eq!(
        protection(KeyPolicy::HardwareRequired, &none),
        Err(KeyError::NoHardware)
    );
    assert!(matches!(
        protection(KeyPolicy::HardwareRequired, &gone),
        Err(KeyError::HardwareUnavailable(_))
    ));
    for (value, policy) in [
        ("hardware-required", KeyPolicy::HardwareRequired),
        (
            "Hardware-Where-Available",
            KeyPolicy::HardwareWhereAvailable,
        ),
        (" software ", KeyPolicy::Software),
    ] {
        assert_eq!(KeyPolicy::parse(value), Some(policy));
        assert_eq!(KeyPolicy::parse(policy.as_str()), Some(policy));
    }
    assert_eq!(KeyPolicy::parse("tpm"), None);
    assert_eq!(KeyPolicy::default(), KeyPolicy::HardwareWhereAvailable);
}
