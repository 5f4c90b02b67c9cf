//! Secrets as types: tokens, the authorization code, the PKCE verifier, state and nonce.
//!
//! Each wraps a `String` whose `Debug` prints `[redacted]` and which has no `Display`, so a secret
//! cannot reach a log or an error message by accident. The value is read only through `expose()`.

use std::fmt;

macro_rules! secret_type {
    ($(#[$meta:meta])* $name:ident $(, $derive:ident)*) => {
        $(#[$meta])*
        #[derive(PartialEq, Eq $(, $derive)*)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The secret value, for the one place that must send or store it.
            pub fn expose(&self) -> &str {
                &self.0
            }

            pub fn into_inner(self) -> String {
                self.0
            }

            /// Compares with `other` in constant time.
            pub fn matches(&self, other: &str) -> bool {
                constant_time_eq(&self.0, other)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "([redacted])"))
            }
        }
    };
}

secret_type!(
    /// An OAuth access token: kept in memory only, sent only to the dashboard API.
    AccessToken, Clone
);
secret_type!(
    /// An OAuth refresh token: kept in the OS keychain only.
    RefreshToken, Clone
);
secret_type!(
    /// A signed OpenID Connect ID token, as received (kept for the end-session request).
    IdToken, Clone
);
secret_type!(
    /// The authorization code from the sign-in callback: single use.
    AuthorizationCode
);
secret_type!(
    /// The device code of a sign-in on another device (RFC 8628): what POINT redeems for tokens
    /// once the person has signed in elsewhere. Never shown (the user code is what people see).
    DeviceCode
);
secret_type!(
    /// The PKCE code verifier (RFC 7636). Not `Clone`: it is used once, for one code exchange.
    PkceVerifier
);
secret_type!(
    /// The `state` of an authorization request (at least 128 bits from a CSPRNG).
    State, Clone
);
secret_type!(
    /// The OpenID Connect `nonce` of an authorization request (at least 128 bits from a CSPRNG).
    Nonce, Clone
);

/// `bytes` random bytes from the OS's CSPRNG, base64url-encoded without padding.
pub(crate) fn random_url_safe(bytes: usize) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use rand::TryRngCore;
    let mut buffer = vec![0u8; bytes];
    rand::rngs::OsRng
        .try_fill_bytes(&mut buffer)
        .unwrap_or_else(|error| panic!("the OS random number generator failed: {error}"));
    URL_SAFE_NO_PAD.encode(buffer)
}

/// Compares two secrets in constant time (for `state`).
pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let token = AccessToken::new("eyJhbGciOi.very.secret");
        assert_eq!(format!("{token:?}"), "AccessToken([redacted])");
        assert_eq!(
            format!("{:?}", PkceVerifier::new("v")),
            "PkceVerifier([redacted])"
        );
        assert_eq!(token.expose(), "eyJhbGciOi.very.secret");
    }

    #[test]
    fn random_values_are_long_and_distinct() {
        let a = random_url_safe(32);
        let b = random_url_safe(32);
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
    }

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
