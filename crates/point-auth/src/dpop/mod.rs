//! DPoP (RFC 9449): a key the session holds, and the proofs that show the provider and the
//! dashboard that whoever presents a token also holds its key.
//!
//! Okta binds both the access token and the refresh token to the key of the proof sent with the
//! token request ("Require Demonstrating Proof of Possession (DPoP) header in token requests" on
//! the app), so a refresh token copied off the machine is useless without the key. The key is a
//! P-256 key (ES256) made per session, in the machine's key hardware where IT's policy and the
//! machine allow (key.rs; the TPM in tpm.rs), else in software (software.rs) with its private key
//! kept beside the refresh token in the keychain, never anywhere else.
//!
//! Servers may require a nonce of theirs in every proof (`DPoP-Nonce`; Okta does at its token
//! endpoint, renewing it every 24 hours): [`Dpop`] remembers the latest one per server and a
//! request refused with `use_dpop_nonce` is sent once more with the new one.

use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};
use url::Url;

use crate::secret::{random_url_safe, AccessToken};

mod key;
mod software;
#[cfg(target_os = "linux")]
mod tpm;

pub use key::{DpopKey, KeyError, KeyHardware, KeyPolicy, KeyProtection};

/// The one proof algorithm POINT signs with.
pub const DPOP_ALGORITHM: &str = "ES256";
/// The request and response header of RFC 9449.
pub const DPOP_HEADER: &str = "DPoP";
/// The header in which a server hands out the nonce it wants in the next proof.
pub const DPOP_NONCE_HEADER: &str = "DPoP-Nonce";
/// The longest nonce kept: anything longer is not a nonce.
const MAX_NONCE_LEN: usize = 512;

impl DpopKey {
    /// A proof for one request (RFC 9449 §4.2): `htm` and `htu` (the URL without query and
    /// fragment), `iat` (`now`: the server's time where it is known), a fresh `jti`, `ath` when an
    /// access token goes with the request, and the server's `nonce` when it asked for one.
    pub fn proof(
        &self,
        method: &str,
        url: &Url,
        access_token: Option<&AccessToken>,
        nonce: Option<&str>,
        now: SystemTime,
    ) -> Result<String, KeyError> {
        let iat = now
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let header = format!(
            r#"{{"typ":"dpop+jwt","alg":"{DPOP_ALGORITHM}","jwk":{}}}"#,
            self.jwk()
        );
        let mut claims = serde_json::Map::new();
        claims.insert("jti".into(), random_url_safe(16).into());
        claims.insert("htm".into(), method.into());
        claims.insert("htu".into(), target_uri(url).into());
        claims.insert("iat".into(), iat.into());
        if let Some(token) = access_token {
            claims.insert("ath".into(), access_token_hash(token).into());
        }
        if let Some(nonce) = nonce {
            claims.insert("nonce".into(), nonce.into());
        }
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(serde_json::Value::Object(claims).to_string())
        );
        // The signature is r || s, as JWS wants (RFC 7518 §3.4).
        let signature = URL_SAFE_NO_PAD.encode(self.sign(signing_input.as_bytes())?);
        Ok(format!("{signing_input}.{signature}"))
    }
}

/// `htu`: the request's URL without its query and fragment (RFC 9449 §4.2).
pub fn target_uri(url: &Url) -> String {
    let mut url = url.clone();
    url.set_query(None);
    url.set_fragment(None);
    url.to_string()
}

/// `ath`: base64url of the access token's SHA-256 (RFC 9449 §4.2).
pub fn access_token_hash(token: &AccessToken) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.expose().as_bytes()))
}

/// A session's key with the nonces servers handed out, one per origin (the provider's and the
/// dashboard's differ). Shared by the session's token requests and its dashboard requests.
pub struct Dpop {
    key: DpopKey,
    nonces: Mutex<HashMap<String, String>>,
}

impl fmt::Debug for Dpop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dpop")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl Dpop {
    pub fn new(key: DpopKey) -> Self {
        Self {
            key,
            nonces: Mutex::new(HashMap::new()),
        }
    }

    pub fn key(&self) -> &DpopKey {
        &self.key
    }

    /// A proof for `method url`, with the nonce last handed out by that URL's server.
    pub fn proof(
        &self,
        method: &str,
        url: &Url,
        access_token: Option<&AccessToken>,
        now: SystemTime,
    ) -> Result<String, KeyError> {
        let nonce = self.nonce_for(url);
        self.key
            .proof(method, url, access_token, nonce.as_deref(), now)
    }

    /// Keeps the `DPoP-Nonce` of an answer from `url`'s server, if it has a plausible one.
    pub fn remember_nonce(&self, url: &Url, headers: &http::HeaderMap) {
        let Some(nonce) = headers
            .get(DPOP_NONCE_HEADER)
            .and_then(|value| value.to_str().ok())
            .map(str::trim)
            .filter(|nonce| plausible_nonce(nonce))
        else {
            return;
        };
        self.nonces
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(url.origin().ascii_serialization(), nonce.to_string());
    }

    /// The nonces handed out so far, by origin: kept with the key, so that the next run's
    /// first request carries one (Okta's stays good for three days).
    pub fn nonces(&self) -> Vec<(String, String)> {
        let nonces = self
            .nonces
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut kept: Vec<_> = nonces
            .iter()
            // Short ones only, and few: the keychain entry has room for 1280 characters.
            .filter(|(origin, nonce)| origin.len() <= 128 && nonce.len() <= 128)
            .map(|(origin, nonce)| (origin.clone(), nonce.clone()))
            .collect();
        kept.sort();
        kept.truncate(4);
        kept
    }

    /// The key with nonces kept by [`Dpop::nonces`] (implausible ones are left out).
    pub fn with_nonces(key: DpopKey, kept: &[(String, String)]) -> Self {
        let nonces = kept
            .iter()
            .filter(|(origin, nonce)| plausible_nonce(nonce) && origin.len() <= MAX_NONCE_LEN)
            .cloned()
            .collect();
        Self {
            key,
            nonces: Mutex::new(nonces),
        }
    }

    /// Whether a request to `url` that was refused for want of a nonce is worth sending once
    /// more: that server has handed out a nonce (with that answer, or with another request's
    /// that ran at the same time).
    pub fn has_nonce_for(&self, url: &Url) -> bool {
        self.nonce_for(url).is_some()
    }

    fn nonce_for(&self, url: &Url) -> Option<String> {
        self.nonces
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&url.origin().ascii_serialization())
            .cloned()
    }
}

/// RFC 9449 §8.1: `nonce = 1*NQCHAR`, printable ASCII without `"` and `\`.
fn plausible_nonce(nonce: &str) -> bool {
    !nonce.is_empty()
        && nonce.len() <= MAX_NONCE_LEN
        && nonce
            .bytes()
            .all(|b| (0x21..=0x7e).contains(&b) && b != b'"' && b != b'\\')
}

/// Whether a resource server's 401 asks for a nonce: `WWW-Authenticate: DPoP …
/// error="use_dpop_nonce"` (RFC 9449 §9).
pub fn resource_asks_for_nonce(status: u16, headers: &http::HeaderMap) -> bool {
    status == 401
        && headers
            .get_all(http::header::WWW_AUTHENTICATE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .any(|challenge| {
                let challenge = challenge.trim_start();
                challenge
                    .get(..5)
                    .is_some_and(|scheme| scheme.eq_ignore_ascii_case("dpop "))
                    && challenge.contains(r#"error="use_dpop_nonce""#)
            })
}

/// Whether a token endpoint's 400 asks for a nonce: `{"error": "use_dpop_nonce"}` (RFC 9449 §8).
pub fn provider_asks_for_nonce(status: u16, body: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct OAuthError {
        error: String,
    }
    status == 400
        && serde_json::from_slice::<OAuthError>(body).is_ok_and(|e| e.error == "use_dpop_nonce")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{jwk::Jwk, Algorithm, DecodingKey, Validation};

    fn claims_of(proof: &str, key: &DpopKey) -> serde_json::Value {
        let header = jsonwebtoken::decode_header(proof).unwrap();
        assert_eq!(header.typ.as_deref(), Some("dpop+jwt"));
        assert_eq!(header.alg, Algorithm::ES256);
        let jwk: Jwk = header.jwk.expect("the public key rides in the header");
        let decoding = DecodingKey::from_jwk(&jwk).unwrap();
        let mut validation = Validation::new(Algorithm::ES256);
        validation.required_spec_claims.clear();
        validation.validate_exp = false;
        let data = jsonwebtoken::decode::<serde_json::Value>(proof, &decoding, &validation)
            .expect("the proof verifies with the key in its header");
        // The thumbprint the provider binds is the one POINT says.
        let jwk_json = serde_json::to_value(&jwk).unwrap();
        let canonical = format!(
            r#"{{"crv":"P-256","kty":"EC","x":{},"y":{}}}"#,
            jwk_json["x"], jwk_json["y"]
        );
        assert_eq!(
            URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes())),
            key.thumbprint()
        );
        data.claims
    }

    #[test]
    fn a_proof_verifies_with_its_key_and_names_the_request() {
        let key = DpopKey::generate().unwrap();
        let url = Url::parse("https://example.okta.com/oauth2/default/v1/token?x=1#f").unwrap();
        let now = UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000);
        let proof = key.proof("POST", &url, None, None, now).unwrap();
        let claims = claims_of(&proof, &key);
        assert_eq!(claims["htm"], "POST");
        assert_eq!(
            claims["htu"],
            "https://example.okta.com/oauth2/default/v1/token"
        );
        assert_eq!(claims["iat"], 1_795_000_000);
        assert!(claims.get("ath").is_none() && claims.get("nonce").is_none());
        assert!(claims["jti"].as_str().unwrap().len() >= 22);
        // The header carries the public key only: no private member.
        let header = URL_SAFE_NO_PAD
            .decode(proof.split('.').next().unwrap())
            .unwrap();
        let header: serde_json::Value = serde_json::from_slice(&header).unwrap();
        assert_eq!(
            header["jwk"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            ["crv", "kty", "x", "y"]
        );

        let token = AccessToken::new("eyJ.access.token");
        let second = key
            .proof("GET", &url, Some(&token), Some("n-1"), now)
            .unwrap();
        let claims2 = claims_of(&second, &key);
        assert_eq!(claims2["ath"], access_token_hash(&token));
        assert_eq!(claims2["nonce"], "n-1");
        assert_ne!(claims["jti"], claims2["jti"], "a fresh jti each time");
    }

    #[test]
    fn a_stored_key_reads_back_and_anything_else_is_none() {
        let key = DpopKey::generate().unwrap();
        let none = KeyHardware::none();
        let again = DpopKey::from_stored(&key.to_stored(), &none).unwrap();
        assert_eq!(again.protection(), KeyProtection::Software);
        assert_eq!(again.thumbprint(), key.thumbprint());
        assert_ne!(DpopKey::generate().unwrap().thumbprint(), key.thumbprint());
        for bad in ["", "not base64!", "AAAA", &key.to_stored()[4..]] {
            assert!(DpopKey::from_stored(bad, &none).is_err(), "{bad:?}");
        }
        assert!(!format!("{key:?}").contains(&key.to_stored()));
    }

    #[test]
    fn nonces_are_kept_per_server_and_only_plausible_ones() {
        let dpop = Dpop::new(DpopKey::generate().unwrap());
        let provider = Url::parse("https://example.okta.com/oauth2/default/v1/token").unwrap();
        let dashboard = Url::parse("https://dash.pointapp.org/api/v1/me").unwrap();
        let mut headers = http::HeaderMap::new();
        headers.insert(DPOP_NONCE_HEADER, "abc-1".parse().unwrap());
        dpop.remember_nonce(&provider, &headers);
        assert_eq!(dpop.nonce_for(&provider).as_deref(), Some("abc-1"));
        assert!(dpop.has_nonce_for(&provider));
        assert!(!dpop.has_nonce_for(&dashboard));
        headers.insert(DPOP_NONCE_HEADER, "has space".parse().unwrap());
        dpop.remember_nonce(&dashboard, &headers);
        assert!(!dpop.has_nonce_for(&dashboard), "not a nonce");
        headers.insert(DPOP_NONCE_HEADER, "abc-2".parse().unwrap());
        dpop.remember_nonce(&provider, &headers);
        assert_eq!(dpop.nonce_for(&provider).as_deref(), Some("abc-2"));
        // Kept with the key, and back.
        let kept = dpop.nonces();
        let again = Dpop::with_nonces(DpopKey::generate().unwrap(), &kept);
        assert_eq!(again.nonce_for(&provider).as_deref(), Some("abc-2"));
        headers.insert(DPOP_NONCE_HEADER, "n".repeat(200).parse().unwrap());
        dpop.remember_nonce(&dashboard, &headers);
        assert_eq!(dpop.nonces().len(), 1, "a long nonce is used, not kept");
        let odd = [("https://x".to_string(), "has \"quote".to_string())];
        assert!(Dpop::with_nonces(DpopKey::generate().unwrap(), &odd)
            .nonces()
            .is_empty());
    }

    #[test]
    fn requests_for_a_nonce_are_recognised() {
        assert!(provider_asks_for_nonce(
            400,
            br#"{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof."}"#
        ));
        assert!(!provider_asks_for_nonce(
            400,
            br#"{"error":"invalid_grant"}"#
        ));
        assert!(!provider_asks_for_nonce(
            401,
            br#"{"error":"use_dpop_nonce"}"#
        ));
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::WWW_AUTHENTICATE,
            r#"DPoP algs="ES256", error="use_dpop_nonce", error_description="nonce""#
                .parse()
                .unwrap(),
        );
        assert!(resource_asks_for_nonce(401, &headers));
        assert!(!resource_asks_for_nonce(403, &headers));
        headers.insert(
            http::header::WWW_AUTHENTICATE,
            r#"Bearer error="invalid_token""#.parse().unwrap(),
        );
        assert!(!resource_asks_for_nonce(401, &headers));
    }
}
