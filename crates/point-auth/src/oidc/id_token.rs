//! ID token verification: the `openidconnect` verifier for the signature, issuer, audience,
//! expiry and nonce, and what it leaves out: `azp` with several audiences, `iat`, `auth_time`
//! and `nbf` within a clock-skew allowance of the provider's clock, `at_hash`, refusing
//! `alg: none` and HMAC before anything reads the token. Pure: no I/O, the time is given.

use std::time::{Duration, SystemTime};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use openidconnect::core::{
    CoreIdToken, CoreIdTokenVerifier, CoreJsonWebKeySet, CoreJwsSigningAlgorithm,
};
use openidconnect::{ClaimsVerificationError, SignatureVerificationError};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::IdTokenError;
use crate::secret::{constant_time_eq, Nonce};
use crate::step_up::AuthenticationRequirement;

/// How far the device's clock (after correction) may be from the provider's.
pub const CLOCK_SKEW: Duration = Duration::from_secs(300);

/// The provider's published signing keys (its JWKS), and the document they came in.
#[derive(Clone, Debug)]
pub struct SigningKeys(pub(super) CoreJsonWebKeySet, pub(super) std::sync::Arc<str>);

impl SigningKeys {
    /// The JWKS document as the provider sent it.
    pub(crate) fn document(&self) -> &str {
        &self.1
    }
}

/// Who signed in, from the verified ID token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// Okta's user ID (`sub`).
    pub subject: String,
    /// The email, only when the ID token says it is verified (`email_verified: true`).
    pub email: Option<String>,
    pub name: Option<String>,
    pub preferred_username: Option<String>,
    /// How the person authenticated (`acr`) and when (`auth_time`), when the token says.
    pub acr: Option<String>,
    pub auth_time: Option<SystemTime>,
}

/// How the ID token's `nonce` must look.
#[derive(Debug, Clone, Copy)]
pub enum NonceRule<'a> {
    /// After sign-in: present and equal.
    Required(&'a Nonce),
    /// After a refresh: absent (as Okta does) or equal to the original (OIDC Core §12.2).
    AbsentOrEqual(Option<&'a Nonce>),
}

/// What an ID token must satisfy.
#[derive(Debug, Clone, Copy)]
pub struct IdTokenCheck<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: NonceRule<'a>,
    /// The access token issued with it, for `at_hash`.
    pub access_token: Option<&'a str>,
    /// The subject it must name (on refresh, and on a step-up: the signed-in user).
    pub subject: Option<&'a str>,
    /// What the sign-in was asked to meet (`acr`, `auth_time`), if anything.
    pub requirement: Option<&'a AuthenticationRequirement>,
    /// The current time as the provider sees it.
    pub now: SystemTime,
}

/// Verifies an ID token against the provider's keys. Pure: no I/O, the time is given.
pub fn verify_id_token(
    raw: &str,
    keys: &SigningKeys,
    check: &IdTokenCheck<'_>,
) -> Result<Identity, IdTokenError> {
    // Refuse unsigned and shared-secret tokens before anything else reads them.
    let alg = header_algorithm(raw)?;
    match alg.as_str() {
        "none" => return Err(IdTokenError::Unsigned),
        a if a.starts_with("HS") => return Err(IdTokenError::SymmetricAlgorithm(alg)),
        "RS256" => {}
        _ => return Err(IdTokenError::DisallowedAlgorithm(alg)),
    }
    let token: CoreIdToken = raw
        .parse()
        .map_err(|e: serde_json::Error| IdTokenError::Malformed(e.to_string()))?;

    let issuer = openidconnect::IssuerUrl::new(check.issuer.to_string())
        .map_err(|e| IdTokenError::Malformed(e.to_string()))?;
    let not_after: DateTime<Utc> = DateTime::<Utc>::from(check.now) - skew();
    let verifier = CoreIdTokenVerifier::new_public_client(
        openidconnect::ClientId::new(check.client_id.to_string()),
        issuer,
        keys.0.clone(),
    )
    .set_allowed_algs([CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256])
    // Extra audiences are judged below, by azp.
    .set_other_audience_verifier_fn(|_| true)
    .set_time_fn(move || not_after);

    let nonce_rule = check.nonce;
    let claims = token
        .claims(&verifier, |nonce: Option<&openidconnect::Nonce>| {
            check_nonce(nonce_rule, nonce.map(|n| n.secret().as_str()))
        })
        .map_err(claims_error)?;

    let client_id = check.client_id;
    match claims.authorized_party() {
        Some(azp) if azp.as_str() != client_id => return Err(IdTokenError::WrongAuthorizedParty),
        None if claims.audiences().len() > 1 => return Err(IdTokenError::MissingAuthorizedParty),
        _ => {}
    }
    if !claims
        .audiences()
        .iter()
        .any(|aud| aud.as_str() == client_id)
    {
        return Err(IdTokenError::WrongAudience);
    }
    let latest_issue: DateTime<Utc> = DateTime::<Utc>::from(check.now) + skew();
    if claims.issue_time() > latest_issue {
        return Err(IdTokenError::IssuedInFuture);
    }
    if claims.auth_time().is_some_and(|at| at > latest_issue) {
        return Err(IdTokenError::AuthenticatedInFuture);
    }
    if not_before(raw)?.is_some_and(|nbf| nbf > latest_issue.timestamp() as f64) {
        return Err(IdTokenError::NotYetValid);
    }
    if let (Some(expected), Some(access_token)) = (claims.access_token_hash(), check.access_token) {
        let digest = Sha256::digest(access_token.as_bytes());
        let actual = URL_SAFE_NO_PAD.encode(&digest[..16]);
        if !constant_time_eq(&actual, expected.as_str()) {
            return Err(IdTokenError::WrongAccessTokenHash);
        }
    }
    let subject = claims.subject().as_str();
    if check.subject.is_some_and(|expected| expected != subject) {
        return Err(IdTokenError::WrongSubject);
    }
    let acr = claims
        .auth_context_ref()
        .map(|acr| acr.as_str().to_string());
    let auth_time = claims.auth_time().map(SystemTime::from);
    if let Some(requirement) = check.requirement {
        requirement.met_by(acr.as_deref(), auth_time, check.now, CLOCK_SKEW)?;
    }
    Ok(Identity {
        subject: subject.to_string(),
        // An email the provider does not vouch for is no email: IT's email rule must never
        // admit an address anyone could type into their own account.
        email: claims
            .email()
            .filter(|_| claims.email_verified() == Some(true))
            .map(|e| e.as_str().to_string()),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_string()),
        preferred_username: claims.preferred_username().map(|u| u.as_str().to_string()),
        acr,
        auth_time,
    })
}

fn skew() -> chrono::Duration {
    chrono::Duration::seconds(CLOCK_SKEW.as_secs() as i64)
}

const NONCE_MISSING: &str = "missing";
const NONCE_MISMATCH: &str = "mismatch";

fn check_nonce(rule: NonceRule<'_>, got: Option<&str>) -> Result<(), String> {
    match (rule, got) {
        (NonceRule::Required(_), None) => Err(NONCE_MISSING.into()),
        (NonceRule::AbsentOrEqual(_), None) => Ok(()),
        (NonceRule::Required(expected), Some(got))
        | (NonceRule::AbsentOrEqual(Some(expected)), Some(got)) => {
            if constant_time_eq(expected.expose(), got) {
                Ok(())
            } else {
                Err(NONCE_MISMATCH.into())
            }
        }
        (NonceRule::AbsentOrEqual(None), Some(_)) => Err(NONCE_MISMATCH.into()),
    }
}

fn claims_error(error: ClaimsVerificationError) -> IdTokenError {
    match error {
        ClaimsVerificationError::SignatureVerification(signature) => match signature {
            SignatureVerificationError::NoMatchingKey => IdTokenError::UnknownSigningKey,
            SignatureVerificationError::NoSignature => IdTokenError::Unsigned,
            SignatureVerificationError::DisallowedAlg(alg)
            | SignatureVerificationError::UnsupportedAlg(alg) => {
                IdTokenError::DisallowedAlgorithm(alg)
            }
            _ => IdTokenError::BadSignature,
        },
        ClaimsVerificationError::InvalidIssuer(_) => IdTokenError::WrongIssuer,
        ClaimsVerificationError::InvalidAudience(_) => IdTokenError::WrongAudience,
        ClaimsVerificationError::Expired(_) => IdTokenError::Expired,
        ClaimsVerificationError::InvalidNonce(why) if why == NONCE_MISSING => {
            IdTokenError::MissingNonce
        }
        ClaimsVerificationError::InvalidNonce(_) => IdTokenError::WrongNonce,
        ClaimsVerificationError::InvalidSubject(_) => IdTokenError::WrongSubject,
        other => IdTokenError::Malformed(other.to_string()),
    }
}

/// The `nbf` claim, which the `openidconnect` claims leave out (Okta does not send it; a token
/// that does is not used early).
fn not_before(raw: &str) -> Result<Option<f64>, IdTokenError> {
    let payload = raw
        .split('.')
        .nth(1)
        .ok_or_else(|| IdTokenError::Malformed("not a compact JWT".into()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| IdTokenError::Malformed("payload is not base64url".into()))?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|_| IdTokenError::Malformed("payload is not JSON".into()))?;
    match claims.get("nbf") {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(value) => value
            .as_f64()
            .map(Some)
            .ok_or_else(|| IdTokenError::Malformed("nbf is not a number".into())),
    }
}

/// The `alg` of a compact JWS, read from its header.
fn header_algorithm(raw: &str) -> Result<String, IdTokenError> {
    #[derive(Deserialize)]
    struct Header {
        alg: String,
    }
    let encoded = raw
        .split('.')
        .next()
        .filter(|h| !h.is_empty() && raw.split('.').count() == 3)
        .ok_or_else(|| IdTokenError::Malformed("not a compact JWT".into()))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(encoded)
        .map_err(|_| IdTokenError::Malformed("header is not base64url".into()))?;
    let header: Header = serde_json::from_slice(&bytes)
        .map_err(|_| IdTokenError::Malformed("header is not JSON with alg".into()))?;
    Ok(header.alg)
}
