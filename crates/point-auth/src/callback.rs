//! Parses the redirects Okta sends back through the OS: `org.pointapp.point:/login?...` after
//! sign-in and `org.pointapp.point:/logout?...` after sign-out.
//!
//! Pure and total: any input, however hostile, gives a value or a [`CallbackError`], never a panic.
//! The parser reads the raw text rather than a normalized URL, so that `org.pointapp.point://login`
//! (which a URL parser reads as host `login`), dot segments or percent-encoded slashes never pass
//! for the registered redirect URI.

use crate::config::{POST_LOGOUT_REDIRECT_URI, REDIRECT_URI};
use crate::secret::{AuthorizationCode, State};
use point_i18n::Message;

/// Callbacks longer than this are refused before any parsing.
pub const MAX_CALLBACK_LEN: usize = 8 * 1024;

/// Why a URL is not a callback POINT accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackError {
    TooLong,
    NotOurRedirect,
    UnexpectedFragment,
    Repeated(&'static str),
    Missing(&'static str),
    Malformed(&'static str),
}

impl CallbackError {
    /// Why, as the reason in `error-invalid-callback`.
    pub fn message(&self) -> Message {
        match self {
            Self::TooLong => Message::new("callback-too-long"),
            Self::NotOurRedirect => Message::new("callback-not-our-redirect"),
            Self::UnexpectedFragment => Message::new("callback-fragment"),
            Self::Repeated(name) => Message::new("callback-repeated").with("parameter", *name),
            Self::Missing(name) => Message::new("callback-missing").with("parameter", *name),
            Self::Malformed(name) => Message::new("callback-malformed").with("parameter", *name),
        }
    }
}

point_i18n::english_display!(CallbackError);

/// What Okta said at the end of the browser leg of a sign-in.
#[derive(Debug, PartialEq, Eq)]
pub enum SignInCallback {
    /// Success: the code to exchange, the state to check, and the issuer (RFC 9207) if sent.
    Code {
        code: AuthorizationCode,
        state: State,
        issuer: Option<String>,
    },
    /// Okta refused: `error` and `error_description`, with the state if sent.
    Error {
        error: String,
        description: Option<String>,
        state: Option<State>,
        issuer: Option<String>,
    },
}

impl SignInCallback {
    pub fn state(&self) -> Option<&State> {
        match self {
            Self::Code { state, .. } => Some(state),
            Self::Error { state, .. } => state.as_ref(),
        }
    }

    pub fn issuer(&self) -> Option<&str> {
        match self {
            Self::Code { issuer, .. } | Self::Error { issuer, .. } => issuer.as_deref(),
        }
    }
}

/// The end of a sign-out: Okta returns the state POINT sent.
#[derive(Debug, PartialEq, Eq)]
pub struct SignOutCallback {
    pub state: Option<State>,
}

/// Parses `org.pointapp.point:/login?...`.
pub fn parse_sign_in_callback(input: &str) -> Result<SignInCallback, CallbackError> {
    parse_sign_in_callback_to(input, REDIRECT_URI)
}

/// Parses a sign-in callback sent to `redirect_uri` (the loopback redirect of one sign-in, RFC
/// 8252 §7.3), by the same rules.
pub fn parse_sign_in_callback_to(
    input: &str,
    redirect_uri: &str,
) -> Result<SignInCallback, CallbackError> {
    let params = parse_params(input, redirect_uri)?;
    let state = params.single("state")?.map(token_value).transpose()?;
    let issuer = params.single("iss")?.map(str::to_string);
    if let Some(error) = params.single("error")? {
        if !is_error_code(error) {
            return Err(CallbackError::Malformed("error"));
        }
        let description = params.single("error_description")?.map(printable);
        return Ok(SignInCallback::Error {
            error: error.to_string(),
            description,
            state: state.map(State::new),
            issuer,
        });
    }
    let code = params
        .single("code")?
        .ok_or(CallbackError::Missing("code"))?;
    let code = token_value(code).map_err(|_| CallbackError::Malformed("code"))?;
    let state = state.ok_or(CallbackError::Missing("state"))?;
    Ok(SignInCallback::Code {
        code: AuthorizationCode::new(code),
        state: State::new(state),
        issuer,
    })
}

/// Parses `org.pointapp.point:/logout?state=...`.
pub fn parse_sign_out_callback(input: &str) -> Result<SignOutCallback, CallbackError> {
    let params = parse_params(input, POST_LOGOUT_REDIRECT_URI)?;
    let state = params.single("state")?.map(token_value).transpose()?;
    Ok(SignOutCallback {
        state: state.map(State::new),
    })
}

struct Params(Vec<(String, String)>);

impl Params {
    /// The value of a parameter that may appear at most once.
    fn single(&self, name: &'static str) -> Result<Option<&str>, CallbackError> {
        let mut values = self.0.iter().filter(|(key, _)| key == name);
        let first = values.next().map(|(_, value)| value.as_str());
        if values.next().is_some() {
            return Err(CallbackError::Repeated(name));
        }
        Ok(first)
    }
}

fn parse_params(input: &str, redirect_uri: &str) -> Result<Params, CallbackError> {
    if input.len() > MAX_CALLBACK_LEN {
        return Err(CallbackError::TooLong);
    }
    let input = input.trim();
    let (before_fragment, fragment) = match input.split_once('#') {
        Some((before, after)) => (before, Some(after)),
        None => (input, None),
    };
    let (target, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    // The scheme is case-insensitive (RFC 3986 §3.1); everything after it must match exactly.
    let (scheme, rest) = target
        .split_once(':')
        .ok_or(CallbackError::NotOurRedirect)?;
    let (expected_scheme, expected_rest) = redirect_uri
        .split_once(':')
        .ok_or(CallbackError::NotOurRedirect)?;
    if !scheme.eq_ignore_ascii_case(expected_scheme) || rest != expected_rest {
        return Err(CallbackError::NotOurRedirect);
    }
    if fragment.is_some_and(|f| !f.is_empty()) {
        return Err(CallbackError::UnexpectedFragment);
    }
    Ok(Params(
        url::form_urlencoded::parse(query.as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect(),
    ))
}

/// A code or state: visible ASCII only (they are URL-safe strings), at most 4 KiB.
fn token_value(value: &str) -> Result<String, CallbackError> {
    let ok =
        !value.is_empty() && value.len() <= 4096 && value.bytes().all(|b| b.is_ascii_graphic());
    if ok {
        Ok(value.to_string())
    } else {
        Err(CallbackError::Malformed("state"))
    }
}

/// OAuth error codes are `%x20-21 / %x23-5B / %x5D-7E` (RFC 6749 §4.1.2.1): no quotes or
/// backslashes; POINT also requires them short and without spaces.
fn is_error_code(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
}

/// A description from the provider, without control characters, at most 512 characters.
fn printable(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(512)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(
        code: &str,
        state: &str,
        issuer: Option<&str>,
    ) -> Result<SignInCallback, CallbackError> {
        Ok(SignInCallback::Code {
            code: AuthorizationCode::new(code),
            state: State::new(state),
            issuer: issuer.map(str::to_string),
        })
    }

    #[test]
    fn sign_in_callbacks() {
        use CallbackError::*;
        let huge = format!(
            "org.pointapp.point:/login?code=c&state={}",
            "s".repeat(MAX_CALLBACK_LEN)
        );
        let cases: Vec<(&str, Result<SignInCallback, CallbackError>)> = vec![
            (
                "org.pointapp.point:/login?code=abc&state=xyz",
                code("abc", "xyz", None),
            ),
            (
                "  org.pointapp.point:/login?state=xyz&code=abc\n",
                code("abc", "xyz", None),
            ),
            (
                "ORG.PointApp.Point:/login?code=abc&state=xyz",
                code("abc", "xyz", None),
            ),
            (
                "org.pointapp.point:/login?code=abc&state=xyz&iss=https%3A%2F%2Fco.okta.com",
                code("abc", "xyz", Some("https://co.okta.com")),
            ),
            (
                "org.pointapp.point:/login?code=abc&state=xyz&extra=ignored",
                code("abc", "xyz", None),
            ),
            (
                "org.pointapp.point:/login?code=a%2Db&state=x%7Ey",
                code("a-b", "x~y", None),
            ),
            (
                "org.pointapp.point:/login?code=abc&state=xyz#",
                code("abc", "xyz", None),
            ),
            // Not our redirect URI.
            (
                "org.pointapp.point://login?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "org.pointapp.point:login?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "org.pointapp.point:/login/?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "org.pointapp.point:/./login?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "org.pointapp.point:/LOGIN?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "org.pointapp.point:%2Flogin?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "org.pointapp.point:/login%3Fcode=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            ("org.pointapp.point:/logout?state=xyz", Err(NotOurRedirect)),
            (
                "org.pointapp.pointx:/login?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            (
                "https://evil.example/login?code=abc&state=xyz",
                Err(NotOurRedirect),
            ),
            ("org.pointapp.point/login?code=abc", Err(NotOurRedirect)),
            ("", Err(NotOurRedirect)),
            (
                "org.pointapp.point:/lоgin?code=abc&state=xyz",
                Err(NotOurRedirect),
            ), // Cyrillic о
            // Parameters.
            (
                "org.pointapp.point:/login?code=abc&state=xyz#code=evil",
                Err(UnexpectedFragment),
            ),
            ("org.pointapp.point:/login?state=xyz", Err(Missing("code"))),
            ("org.pointapp.point:/login?code=abc", Err(Missing("state"))),
            ("org.pointapp.point:/login", Err(Missing("code"))),
            (
                "org.pointapp.point:/login?code=&state=xyz",
                Err(Malformed("code")),
            ),
            (
                "org.pointapp.point:/login?code=a%20b&state=xyz",
                Err(Malformed("code")),
            ),
            (
                "org.pointapp.point:/login?code=a%00b&state=xyz",
                Err(Malformed("code")),
            ),
            (
                "org.pointapp.point:/login?code=%C3%A9&state=xyz",
                Err(Malformed("code")),
            ),
            (
                "org.pointapp.point:/login?code=%FF&state=xyz",
                Err(Malformed("code")),
            ),
            (
                "org.pointapp.point:/login?code=abc&state=%E2%80%AE",
                Err(Malformed("state")),
            ),
            (
                "org.pointapp.point:/login?code=a&code=b&state=xyz",
                Err(Repeated("code")),
            ),
            (
                "org.pointapp.point:/login?code=a&state=x&state=y",
                Err(Repeated("state")),
            ),
            (
                "org.pointapp.point:/login?code=a&state=x&iss=a&iss=b",
                Err(Repeated("iss")),
            ),
            (
                "org.pointapp.point:/login?code=a&state=x&error=e&error=f",
                Err(Repeated("error")),
            ),
            (huge.as_str(), Err(TooLong)),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_sign_in_callback(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn error_callbacks_carry_okta_words() {
        let parsed = parse_sign_in_callback(
            "org.pointapp.point:/login?error=access_denied&error_description=User+is+not+assigned+to+the+client+application.&state=xyz",
        );
        assert_eq!(
            parsed,
            Ok(SignInCallback::Error {
                error: "access_denied".into(),
                description: Some("User is not assigned to the client application.".into()),
                state: Some(State::new("xyz")),
                issuer: None,
            })
        );
        // An error wins over a code that comes with it; control characters are dropped.
        let parsed = parse_sign_in_callback(
            "org.pointapp.point:/login?code=abc&error=server_error&error_description=a%0Ab",
        );
        assert!(
            matches!(parsed, Ok(SignInCallback::Error { ref description, state: None, .. }) if description.as_deref() == Some("ab"))
        );
        assert_eq!(
            parse_sign_in_callback("org.pointapp.point:/login?error=a%22b&state=x"),
            Err(CallbackError::Malformed("error"))
        );
    }

    #[test]
    fn sign_out_callbacks() {
        assert_eq!(
            parse_sign_out_callback("org.pointapp.point:/logout?state=abc"),
            Ok(SignOutCallback {
                state: Some(State::new("abc"))
            })
        );
        assert_eq!(
            parse_sign_out_callback("org.pointapp.point:/logout"),
            Ok(SignOutCallback { state: None })
        );
        assert_eq!(
            parse_sign_out_callback("org.pointapp.point://logout?state=abc"),
            Err(CallbackError::NotOurRedirect)
        );
        assert_eq!(
            parse_sign_out_callback("org.pointapp.point:/logout?state=a&state=b"),
            Err(CallbackError::Repeated("state"))
        );
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A cheap, deterministic fuzz: every prefix and byte-flip of a few seeds.
        let seeds = [
            "org.pointapp.point:/login?code=abc&state=xyz&iss=https%3A%2F%2Fx",
            "org.pointapp.point:/logout?state=%F0%9F%92%A5#frag",
        ];
        for seed in seeds {
            for end in 0..=seed.len() {
                if let Some(prefix) = seed.get(..end) {
                    let _ = parse_sign_in_callback(prefix);
                    let _ = parse_sign_out_callback(prefix);
                }
            }
            for i in 0..seed.len() {
                for byte in [0u8, b'%', b'?', b'#', b'&', b'=', b':', b'/', 0x7f] {
                    let mut bytes = seed.as_bytes().to_vec();
                    bytes[i] = byte;
                    let text = String::from_utf8_lossy(&bytes);
                    let _ = parse_sign_in_callback(&text);
                    let _ = parse_sign_out_callback(&text);
                }
            }
        }
    }
}
