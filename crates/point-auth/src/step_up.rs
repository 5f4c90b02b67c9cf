//! Step-up authentication (RFC 9470): what an API asks of the sign-in behind a token, read from
//! its `401` challenge (`WWW-Authenticate: Bearer error="insufficient_user_authentication",
//! acr_values="…", max_age=…`), asked of Okta as `acr_values` and `max_age` (OpenID Connect
//! Core §3.1.2.1), and checked in the new ID token's `acr` and `auth_time` (a provider may
//! answer with a weaker sign-in than asked: RFC 9470 §6 leaves the check to the client). IT may
//! set a minimum for every sign-in. Pure: no I/O, the time is given.

use std::time::{Duration, SystemTime};

use point_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::error::IdTokenError;

/// How strong and how recent a sign-in must be. Empty: anything Okta's policies allow.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticationRequirement {
    /// The acceptable authentication context classes, best first (`urn:okta:loa:2fa:any`,
    /// `phr`, …): one of them must be met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acr_values: Vec<String>,
    /// The longest ago the person may have authenticated (seconds on the wire).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "seconds")]
    pub max_age: Option<Duration>,
}

mod seconds {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(age) => s.serialize_some(&age.as_secs()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        Ok(Option::<u64>::deserialize(d)?.map(Duration::from_secs))
    }
}

/// Okta's suffix for a class it meets when it can, and otherwise lets pass.
const IF_POSSIBLE: &str = ":ifpossible";

impl AuthenticationRequirement {
    /// Nothing asked beyond Okta's own policies.
    pub fn is_empty(&self) -> bool {
        self.acr_values.is_empty() && self.max_age.is_none()
    }

    /// `acr_values` as the authorization request carries it (space-separated), if any.
    pub fn acr_values_parameter(&self) -> Option<String> {
        (!self.acr_values.is_empty()).then(|| self.acr_values.join(" "))
    }

    /// This requirement and IT's minimum together: IT's classes when the API asked for none
    /// (an API's own classes are its stronger ask), and the shorter of the two ages.
    pub fn at_least(mut self, minimum: &AuthenticationRequirement) -> Self {
        if self.acr_values.is_empty() {
            self.acr_values = minimum.acr_values.clone();
        }
        self.max_age = match (self.max_age, minimum.max_age) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self
    }

    /// Whether a sign-in with `acr` at `auth_time` (from its verified ID token) meets this,
    /// at `now` on the provider's clock, allowing `skew`. A class Okta meets only "if possible"
    /// is not held against the token; every other asked class must be the one the token names.
    pub fn met_by(
        &self,
        acr: Option<&str>,
        auth_time: Option<SystemTime>,
        now: SystemTime,
        skew: Duration,
    ) -> Result<(), IdTokenError> {
        let strict: Vec<&String> = self
            .acr_values
            .iter()
            .filter(|value| !value.ends_with(IF_POSSIBLE))
            .collect();
        if !strict.is_empty() && !acr.is_some_and(|acr| strict.iter().any(|asked| *asked == acr)) {
            return Err(IdTokenError::WeakerThanAsked {
                asked: self.acr_values.join(" "),
                got: acr.map(str::to_string),
            });
        }
        if let Some(max_age) = self.max_age {
            let Some(auth_time) = auth_time else {
                return Err(IdTokenError::MissingAuthTime);
            };
            let age = now.duration_since(auth_time).unwrap_or_default();
            if age > max_age + skew {
                return Err(IdTokenError::AuthenticatedTooLongAgo);
            }
        }
        Ok(())
    }

    /// What is asked, in the person's words (the first class POINT can describe, and how
    /// recent), for the window and `point doctor`.
    pub fn message(&self) -> Message {
        let strength = self
            .acr_values
            .first()
            .map(|value| describe_class(value))
            .unwrap_or(Message::new("acr-policy"));
        match self.max_age {
            Some(age) => Message::new("step-up-asked-recent")
                .with("strength", strength)
                .with("minutes", age.as_secs().div_ceil(60)),
            None => Message::new("step-up-asked").with("strength", strength),
        }
    }
}

/// An authentication context class in the person's words: Okta's predefined ones (its
/// step-up guide) and OpenID's EAP `phr`/`phrh`; any other as it is.
pub fn describe_class(value: &str) -> Message {
    let id = match value {
        "urn:okta:loa:1fa:any" => "acr-1fa-any",
        "urn:okta:loa:1fa:pwd" => "acr-1fa-pwd",
        "urn:okta:loa:2fa:any" => "acr-2fa-any",
        "urn:okta:loa:2fa:any:ifpossible" => "acr-2fa-any-ifpossible",
        "phr" | "urn:okta:loa:2fa:any:phr" => "acr-phr",
        "phrh" | "urn:okta:loa:2fa:any:phrh" => "acr-phrh",
        other => return Message::new("acr-other").with("value", other),
    };
    Message::new(id)
}

/// The requirement an API's `401` states (RFC 9470 §3), from its `WWW-Authenticate` value:
/// `Some` only for an `insufficient_user_authentication` challenge (Bearer or DPoP scheme),
/// with whatever of `acr_values` and `max_age` it names. Total: anything else is `None`.
pub fn step_up_challenge(header: &str) -> Option<AuthenticationRequirement> {
    let (scheme, rest) = header.trim().split_once(char::is_whitespace)?;
    if !scheme.eq_ignore_ascii_case("bearer") && !scheme.eq_ignore_ascii_case("dpop") {
        return None;
    }
    let params = auth_params(rest);
    let error = params.iter().find(|(name, _)| name == "error")?;
    if error.1 != "insufficient_user_authentication" {
        return None;
    }
    let mut requirement = AuthenticationRequirement::default();
    for (name, value) in params {
        match name.as_str() {
            "acr_values" => {
                requirement.acr_values = value.split_whitespace().map(str::to_string).collect()
            }
            "max_age" => requirement.max_age = value.parse().ok().map(Duration::from_secs),
            _ => {}
        }
    }
    Some(requirement)
}

/// `name=value` and `name="quoted \" value"` pairs of a challenge (RFC 9110 §11.2), names in
/// lowercase. A malformed tail ends the list.
fn auth_params(text: &str) -> Vec<(String, String)> {
    let mut params = Vec::new();
    let mut rest = text.trim_start();
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = quoted.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            out.push(escaped);
                        }
                    }
                    '"' => {
                        end = Some(i + 1);
                        break;
                    }
                    c => out.push(c),
                }
            }
            let Some(end) = end else { break };
            value = out;
            rest = &quoted[end..];
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_string();
            rest = &rest[end..];
        }
        if name.is_empty() || name.contains(char::is_whitespace) {
            break;
        }
        params.push((name, value));
        rest = rest.trim_start().trim_start_matches(',').trim_start();
    }
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKEW: Duration = Duration::from_secs(300);

    #[test]
    fn the_challenge_of_rfc_9470_is_read() {
        let asked = step_up_challenge(
            r#"Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:okta:loa:2fa:any phr""#,
        )
        .expect("a step-up challenge");
        assert_eq!(asked.acr_values, ["urn:okta:loa:2fa:any", "phr"]);
        assert_eq!(asked.max_age, None);
        let recent = step_up_challenge(
            r#"DPoP error="insufficient_user_authentication", max_age=300, algs="ES256""#,
        )
        .unwrap();
        assert_eq!(recent.max_age, Some(Duration::from_secs(300)));
        assert!(recent.acr_values.is_empty());
        let escaped = step_up_challenge(
            r#"bearer acr_values="a\"b", error="insufficient_user_authentication""#,
        )
        .unwrap();
        assert_eq!(escaped.acr_values, ["a\"b"]);
    }

    #[test]
    fn other_challenges_and_garbage_are_not_step_up() {
        for header in [
            r#"Bearer error="invalid_token", error_description="The access token expired""#,
            r#"Bearer realm="dashboard""#,
            r#"Basic error="insufficient_user_authentication""#,
            "Bearer",
            "",
            r#"Bearer error="insufficient_user_authentication"#,
            "Bearer =,=,\"",
            "Bearer error=insufficient_user_authentication, max_age=-5",
        ] {
            let read = step_up_challenge(header);
            if header.starts_with("Bearer error=insufficient_user_authentication") {
                // Unquoted is allowed; a bad max_age is no max_age.
                assert_eq!(read, Some(AuthenticationRequirement::default()), "{header}");
            } else {
                assert_eq!(read, None, "{header}");
            }
        }
    }

    fn asked(acr: &[&str], max_age: Option<u64>) -> AuthenticationRequirement {
        AuthenticationRequirement {
            acr_values: acr.iter().map(|s| s.to_string()).collect(),
            max_age: max_age.map(Duration::from_secs),
        }
    }

    #[test]
    fn the_new_token_must_show_what_was_asked() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let two_factors = asked(&["urn:okta:loa:2fa:any"], None);
        assert_eq!(
            two_factors.met_by(Some("urn:okta:loa:2fa:any"), None, now, SKEW),
            Ok(())
        );
        assert!(matches!(
            two_factors.met_by(Some("urn:okta:loa:1fa:any"), None, now, SKEW),
            Err(IdTokenError::WeakerThanAsked { .. })
        ));
        assert!(matches!(
            two_factors.met_by(None, None, now, SKEW),
            Err(IdTokenError::WeakerThanAsked { got: None, .. })
        ));
        // "If possible" is Okta's to judge.
        let if_possible = asked(&["urn:okta:loa:2fa:any:ifpossible"], None);
        assert_eq!(
            if_possible.met_by(Some("urn:okta:loa:1fa:any"), None, now, SKEW),
            Ok(())
        );
        // Recent enough, with the clock's allowance.
        let recent = asked(&[], Some(600));
        let minutes_ago = |m: u64| Some(now - Duration::from_secs(m * 60));
        assert_eq!(recent.met_by(None, minutes_ago(9), now, SKEW), Ok(()));
        assert_eq!(recent.met_by(None, minutes_ago(14), now, SKEW), Ok(()));
        assert_eq!(
            recent.met_by(None, minutes_ago(16), now, SKEW),
            Err(IdTokenError::AuthenticatedTooLongAgo)
        );
        assert_eq!(
            recent.met_by(None, None, now, SKEW),
            Err(IdTokenError::MissingAuthTime)
        );
        assert_eq!(
            AuthenticationRequirement::default().met_by(None, None, now, SKEW),
            Ok(())
        );
    }

    #[test]
    fn it_s_minimum_applies_to_every_sign_in() {
        let minimum = asked(&["urn:okta:loa:2fa:any"], Some(3600));
        let from_api = asked(&["phr"], Some(300)).at_least(&minimum);
        assert_eq!(from_api, asked(&["phr"], Some(300)));
        let plain = AuthenticationRequirement::default().at_least(&minimum);
        assert_eq!(plain, minimum);
        assert_eq!(
            plain.acr_values_parameter().as_deref(),
            Some("urn:okta:loa:2fa:any")
        );
        assert_eq!(
            AuthenticationRequirement::default().acr_values_parameter(),
            None
        );
    }

    #[test]
    fn what_is_asked_is_said_in_the_person_s_words() {
        let said = asked(&["urn:okta:loa:2fa:any"], Some(300))
            .message()
            .english();
        assert!(said.contains("two factors"), "{said}");
        assert!(said.contains("5 minutes"), "{said}");
        let unknown = describe_class("urn:example:gold").english();
        assert!(unknown.contains("urn:example:gold"), "{unknown}");
    }

    #[test]
    fn a_pending_sign_in_keeps_its_requirement_across_a_restart() {
        let requirement = asked(&["phr"], Some(120));
        let stored = serde_json::to_string(&requirement).unwrap();
        assert_eq!(stored, r#"{"acr_values":["phr"],"max_age":120}"#);
        assert_eq!(
            serde_json::from_str::<AuthenticationRequirement>(&stored).unwrap(),
            requirement
        );
        assert_eq!(
            serde_json::from_str::<AuthenticationRequirement>("{}").unwrap(),
            AuthenticationRequirement::default()
        );
    }
}
