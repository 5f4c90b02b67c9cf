//! The dev dashboard's checks of DPoP proofs (RFC 9449 §4.3, §7): what a resource server must
//! do before it takes a DPoP-bound access token (docs/dashboard-api.md says the same for the
//! production dashboard).
//!
//! A proof must be a `dpop+jwt` signed with an asymmetric key carried in its header (public
//! members only), name this request (`htm`, `htu`), be fresh (`iat`), hash this access token
//! (`ath`), be the key the token is bound to (`cnf.jkt`), carry one of the dashboard's nonces, and
//! never have been seen before (`jti`).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::jwk::ThumbprintHash;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use url::Url;

/// How far a proof's `iat` may be from the dashboard's clock.
const IAT_WINDOW: Duration = Duration::from_secs(300);
/// A nonce is handed out for this long, and taken for as long again after the next one.
const NONCE_LIFETIME: Duration = Duration::from_secs(300);
/// How long a `jti` is remembered: longer than any proof is taken.
const JTI_MEMORY: Duration = Duration::from_secs(2 * 300 + 60);
/// The proof algorithms taken: asymmetric only.
const ALGORITHMS: [Algorithm; 4] = [
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::RS256,
    Algorithm::PS256,
];

/// Why a proof was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofRefused {
    /// `invalid_dpop_proof`, with the reason.
    Invalid(String),
    /// `use_dpop_nonce`: no nonce, or one no longer taken; the current one goes with the answer.
    UseNonce { nonce: String, why: &'static str },
}

#[derive(Deserialize)]
struct ProofClaims {
    jti: Option<String>,
    htm: Option<String>,
    htu: Option<String>,
    iat: Option<i64>,
    ath: Option<String>,
    nonce: Option<String>,
}

struct Nonces {
    current: String,
    previous: Option<String>,
    since: Instant,
}

/// The dashboard's nonces and the proofs it has seen.
pub struct DpopCheck {
    nonces: Mutex<Nonces>,
    seen: Mutex<HashMap<String, Instant>>,
}

impl Default for DpopCheck {
    fn default() -> Self {
        Self {
            nonces: Mutex::new(Nonces {
                current: new_nonce(),
                previous: None,
                since: Instant::now(),
            }),
            seen: Mutex::new(HashMap::new()),
        }
    }
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

impl DpopCheck {
    /// The nonce proofs must carry now (a new one every few minutes; the previous one is still
    /// taken for as long again).
    pub fn nonce(&self) -> String {
        let mut nonces = self.nonces.lock().unwrap_or_else(|p| p.into_inner());
        if nonces.since.elapsed() >= NONCE_LIFETIME {
            let next = new_nonce();
            nonces.previous = Some(std::mem::replace(&mut nonces.current, next));
            nonces.since = Instant::now();
        }
        nonces.current.clone()
    }

    fn nonce_is_taken(&self, nonce: &str) -> bool {
        let current = self.nonce();
        let nonces = self.nonces.lock().unwrap_or_else(|p| p.into_inner());
        nonce == current || nonces.previous.as_deref() == Some(nonce)
    }

    /// Checks the proof of a request `method url` that presents `access_token`, bound to the key
    /// whose thumbprint is `jkt`.
    pub fn check(
        &self,
        proof: &str,
        method: &str,
        url: &Url,
        access_token: &str,
        jkt: &str,
    ) -> Result<(), ProofRefused> {
        let invalid = |why: &str| ProofRefused::Invalid(why.to_string());
        let header =
            jsonwebtoken::decode_header(proof).map_err(|_| invalid("the proof is not a JWT"))?;
        if header.typ.as_deref() != Some("dpop+jwt") {
            return Err(invalid("the proof's typ is not dpop+jwt"));
        }
        if !ALGORITHMS.contains(&header.alg) {
            return Err(invalid("the proof's algorithm is not an asymmetric one"));
        }
        if header_has_private_key(proof) {
            return Err(invalid("the proof's header carries a private key"));
        }
        let jwk = header.jwk.ok_or_else(|| invalid("the proof has no jwk"))?;
        let key =
            DecodingKey::from_jwk(&jwk).map_err(|_| invalid("the proof's jwk is unusable"))?;
        let mut validation = Validation::new(header.alg);
        validation.required_spec_claims.clear();
        validation.validate_exp = false;
        let claims = jsonwebtoken::decode::<ProofClaims>(proof, &key, &validation)
            .map_err(|_| invalid("the proof's signature does not verify"))?
            .claims;

        if jwk.thumbprint(ThumbprintHash::SHA256) != jkt {
            return Err(invalid(
                "the proof's key is not the one the token is bound to",
            ));
        }
        if claims.htm.as_deref() != Some(method) {
            return Err(invalid("htm does not name this request's method"));
        }
        let htu = claims
            .htu
            .as_deref()
            .and_then(|htu| Url::parse(htu).ok())
            .map(|mut htu| {
                htu.set_query(None);
                htu.set_fragment(None);
                htu
            });
        let mut expected = url.clone();
        expected.set_query(None);
        expected.set_fragment(None);
        if htu.as_ref() != Some(&expected) {
            return Err(invalid("htu does not name this request's URL"));
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default();
        let iat = claims.iat.ok_or_else(|| invalid("the proof has no iat"))?;
        if now.abs_diff(iat) > IAT_WINDOW.as_secs() {
            return Err(invalid("the proof's iat is not recent"));
        }
        let ath = URL_SAFE_NO_PAD.encode(Sha256::digest(access_token.as_bytes()));
        if claims.ath.as_deref() != Some(ath.as_str()) {
            return Err(invalid("ath is not this access token's hash"));
        }
        let jti = claims
            .jti
            .filter(|jti| !jti.is_empty() && jti.len() <= 256)
            .ok_or_else(|| invalid("the proof has no jti"))?;
        match claims.nonce.as_deref() {
            None => {
                return Err(ProofRefused::UseNonce {
                    nonce: self.nonce(),
                    why: "a nonce is required",
                })
            }
            Some(nonce) if !self.nonce_is_taken(nonce) => {
                return Err(ProofRefused::UseNonce {
                    nonce: self.nonce(),
                    why: "the nonce is no longer taken",
                })
            }
            Some(_) => {}
        }
        // Last, so that a proof refused above can be mended without looking replayed.
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        seen.retain(|_, at| at.elapsed() < JTI_MEMORY);
        if seen
            .insert(format!("{jkt} {jti}"), Instant::now())
            .is_some()
        {
            return Err(invalid("the proof was used before"));
        }
        Ok(())
    }
}

/// Whether the header's `jwk` has a private member (`d`, or RSA's primes).
fn header_has_private_key(proof: &str) -> bool {
    let Some(header) = proof
        .split('.')
        .next()
        .and_then(|part| URL_SAFE_NO_PAD.decode(part).ok())
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
    else {
        return true;
    };
    ["d", "p", "q", "dp", "dq", "qi", "k"]
        .iter()
        .any(|member| header["jwk"].get(member).is_some())
}
