//! Fuzzes the reading of the token endpoint's answers (status, content type, body): never a
//! panic, never an access token said to live longer than POINT believes, and never a rotated
//! refresh token lost from an answer that carried one.
#![no_main]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use libfuzzer_sys::fuzz_target;
use point_auth::{parse_token_response, MAX_ACCESS_TOKEN_LIFETIME};

const CONTENT_TYPES: [Option<&str>; 4] = [
    None,
    Some("application/json"),
    Some("application/json;charset=UTF-8"),
    Some("text/html"),
];

fuzz_target!(|input: (u16, u8, u64, &[u8])| {
    let (status, content_type, clock, body) = input;
    let content_type = CONTENT_TYPES[usize::from(content_type) % CONTENT_TYPES.len()];
    let now = UNIX_EPOCH
        .checked_add(Duration::from_secs(clock))
        .unwrap_or(SystemTime::now());
    match parse_token_response(status, content_type, body, now) {
        Ok(tokens) => {
            let lifetime = tokens.expires_at.duration_since(now).unwrap_or_default();
            assert!(lifetime <= MAX_ACCESS_TOKEN_LIFETIME);
        }
        Err(failure) => {
            if failure.rotated.is_none() && (200..300).contains(&status) {
                // Nothing lost: the body held no readable refresh_token string.
                #[derive(serde::Deserialize)]
                struct Rotated<'a> {
                    #[serde(borrow)]
                    refresh_token: std::borrow::Cow<'a, str>,
                }
                let json = content_type.is_none_or(|ct| ct.starts_with("application/json"));
                if json {
                    if let Ok(r) = serde_json::from_slice::<Rotated>(body) {
                        assert!(r.refresh_token.is_empty() || r.refresh_token.len() > 4096);
                    }
                }
            }
        }
    }
});
