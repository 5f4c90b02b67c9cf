//! Checks the bearer access tokens that reach the dev dashboard.
//!
//! A custom authorization server issues JWTs for `api://point`: verified locally against the
//! provider's JWKS (signature, iss, aud, exp), refetching the key set once when a `kid` is unknown.
//! The org authorization server's tokens are meant for Okta alone (Okta says not to verify them
//! locally), so in that shape they are checked by calling the provider's userinfo endpoint, with a
//! short cache keyed by the token's SHA-256.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use jsonwebtoken::{jwk::JwkSet, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::sync::{Mutex, RwLock};
use url::Url;

/// The audience POINT's access tokens are issued for.
pub const API_AUDIENCE: &str = "api://point";
const USERINFO_CACHE_TTL: Duration = Duration::from_secs(60);
const JWKS_REFETCH_COOLDOWN: Duration = Duration::from_secs(30);
const CLOCK_LEEWAY_SECONDS: u64 = 60;

/// Who is calling, once the token checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// Okta's user ID (`uid` claim, or `sub` from userinfo).
    pub okta_user_id: String,
    /// The client the token was issued to (`cid`), when the token says.
    pub client_id: Option<String>,
    /// The thumbprint of the DPoP key the token is bound to (`cnf.jkt`), if it is.
    pub dpop_jkt: Option<String>,
    /// How the person signed in (`acr`), when the token says (a custom authorization server's
    /// JWT; the org server's opaque tokens do not).
    pub acr: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BearerError {
    #[error("no bearer token")]
    Missing,
    #[error("the access token is invalid: {0}")]
    Invalid(String),
    #[error("the identity provider could not be reached: {0}")]
    Provider(String),
}

/// Which of Okta's two authorization-server shapes issued the tokens.
pub enum TokenCheck {
    Jwks {
        issuer: String,
        jwks_uri: Url,
        keys: RwLock<(JwkSet, Option<Instant>)>,
        http: reqwest::Client,
    },
    Userinfo {
        endpoint: Url,
        cache: Mutex<HashMap<[u8; 32], (Caller, Instant)>>,
        http: reqwest::Client,
    },
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: Url,
    userinfo_endpoint: Url,
}

#[derive(Deserialize)]
struct AccessClaims {
    uid: String,
    cid: Option<String>,
    cnf: Option<Confirmation>,
    acr: Option<String>,
}

/// RFC 9449 §6.1: the key a token is bound to.
#[derive(Deserialize)]
struct Confirmation {
    jkt: Option<String>,
}

#[derive(Deserialize)]
struct Userinfo {
    sub: String,
}

impl TokenCheck {
    /// Reads the provider's discovery document and picks the check for its shape: an issuer with
    /// a path (`/oauth2/<id>`) is a custom authorization server, a bare origin is the org server.
    pub async fn discover(issuer: &Url, http: reqwest::Client) -> Result<Self, BearerError> {
        let discovery_url = format!(
            "{}/.well-known/openid-configuration",
            issuer.as_str().trim_end_matches('/')
        );
        let discovery: Discovery = http
            .get(&discovery_url)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| BearerError::Provider(e.to_string()))?
            .json()
            .await
            .map_err(|e| BearerError::Provider(e.to_string()))?;
        let custom_server = issuer.path().trim_matches('/').starts_with("oauth2/");
        if custom_server {
            let keys = fetch_jwks(&http, &discovery.jwks_uri).await?;
            Ok(Self::Jwks {
                issuer: discovery.issuer,
                jwks_uri: discovery.jwks_uri,
                keys: RwLock::new((keys, Some(Instant::now()))),
                http,
            })
        } else {
            Ok(Self::Userinfo {
                endpoint: discovery.userinfo_endpoint,
                cache: Mutex::new(HashMap::new()),
                http,
            })
        }
    }

    /// Checks a bearer token and says who is calling.
    pub async fn caller(&self, token: &str) -> Result<Caller, BearerError> {
        match self {
            Self::Jwks {
                issuer,
                jwks_uri,
                keys,
                http,
            } => verify_jwt(token, issuer, jwks_uri, keys, http).await,
            Self::Userinfo {
                endpoint,
                cache,
                http,
            } => ask_userinfo(token, endpoint, cache, http).await,
        }
    }
}

async fn fetch_jwks(http: &reqwest::Client, uri: &Url) -> Result<JwkSet, BearerError> {
    http.get(uri.clone())
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| BearerError::Provider(e.to_string()))?
        .json()
        .await
        .map_err(|e| BearerError::Provider(e.to_string()))
}

async fn verify_jwt(
    token: &str,
    issuer: &str,
    jwks_uri: &Url,
    keys: &RwLock<(JwkSet, Option<Instant>)>,
    http: &reqwest::Client,
) -> Result<Caller, BearerError> {
    let header = jsonwebtoken::decode_header(token)
        .map_err(|e| BearerError::Invalid(format!("malformed: {e}")))?;
    if header.alg != Algorithm::RS256 {
        return Err(BearerError::Invalid(format!(
            "algorithm {:?} is not accepted",
            header.alg
        )));
    }
    let kid = header
        .kid
        .ok_or_else(|| BearerError::Invalid("no key ID".into()))?;

    let mut jwk = keys.read().await.0.find(&kid).cloned();
    if jwk.is_none() {
        // The provider may have rotated its keys: refetch once, at most every cooldown.
        let mut guard = keys.write().await;
        let due = guard
            .1
            .is_none_or(|at| at.elapsed() >= JWKS_REFETCH_COOLDOWN);
        if due {
            guard.0 = fetch_jwks(http, jwks_uri).await?;
            guard.1 = Some(Instant::now());
        }
        jwk = guard.0.find(&kid).cloned();
    }
    let jwk = jwk.ok_or_else(|| BearerError::Invalid(format!("unknown key ID {kid}")))?;
    let key = DecodingKey::from_jwk(&jwk).map_err(|e| BearerError::Invalid(e.to_string()))?;

    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[API_AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    validation.leeway = CLOCK_LEEWAY_SECONDS;
    let data = jsonwebtoken::decode::<AccessClaims>(token, &key, &validation)
        .map_err(|e| BearerError::Invalid(e.to_string()))?;
    Ok(Caller {
        okta_user_id: data.claims.uid,
        client_id: data.claims.cid,
        dpop_jkt: data.claims.cnf.and_then(|cnf| cnf.jkt),
        acr: data.claims.acr,
    })
}

async fn ask_userinfo(
    token: &str,
    endpoint: &Url,
    cache: &Mutex<HashMap<[u8; 32], (Caller, Instant)>>,
    http: &reqwest::Client,
) -> Result<Caller, BearerError> {
    let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
    {
        let mut cache = cache.lock().await;
        cache.retain(|_, (_, at)| at.elapsed() < USERINFO_CACHE_TTL);
        if let Some((caller, _)) = cache.get(&digest) {
            return Ok(caller.clone());
        }
    }
    let response = http
        .get(endpoint.clone())
        .bearer_auth(token)
        .send()
        .await
        .map_err(|e| BearerError::Provider(e.to_string()))?;
    let status = response.status();
    if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
        return Err(BearerError::Invalid(format!("userinfo answered {status}")));
    }
    if !status.is_success() {
        return Err(BearerError::Provider(format!("userinfo answered {status}")));
    }
    let info: Userinfo = response
        .json()
        .await
        .map_err(|e| BearerError::Provider(e.to_string()))?;
    let caller = Caller {
        okta_user_id: info.sub,
        client_id: None,
        dpop_jkt: None,
        acr: None,
    };
    cache
        .lock()
        .await
        .insert(digest, (caller.clone(), Instant::now()));
    Ok(caller)
}
