//! What IT's managed configuration allows, decided in one place for every caller (the use cases
//! and `point doctor`, not the window): changing the Okta settings, which work emails may sign
//! in, which Okta organizations POINT may sign in to (IT's email rule holds only for the Okta
//! IT trusts), sign-in on another device, and where DPoP keys are kept.

use crate::Resolved;
use point_i18n::Message;

/// A change the user asked for that IT's configuration does not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    ManagedOktaSettings,
    EmailDomain {
        allowed: String,
    },
    /// IT's email rule holds only for the Okta organizations IT trusts (its own `okta_domain`,
    /// or `allowed_okta_domains`): any other provider could assert any email.
    UntrustedOkta {
        host: String,
    },
    /// IT turned sign-in on another device off (`device_sign_in = false`).
    DeviceSignInOff,
}

impl Refused {
    /// Why, in the person's language (and in English for logs).
    pub fn message(&self) -> Message {
        match self {
            Self::ManagedOktaSettings => Message::new("error-managed-by-it"),
            Self::EmailDomain { allowed } => {
                Message::new("error-email-domain").with("allowed", allowed)
            }
            Self::UntrustedOkta { host } => Message::new("error-untrusted-okta").with("host", host),
            Self::DeviceSignInOff => Message::new("error-device-sign-in-off"),
        }
    }
}

point_i18n::english_display!(Refused);

impl Resolved {
    /// Whether the user may set the Okta settings (manual setup, sign-in by work email).
    pub fn may_change_okta_settings(&self) -> Result<(), Refused> {
        let locked = self
            .managed
            .as_ref()
            .is_some_and(|m| m.okta_domain.is_some() || m.client_id.is_some());
        if locked {
            Err(Refused::ManagedOktaSettings)
        } else {
            Ok(())
        }
    }

    /// Whether POINT may sign in to the Okta at `issuer`. With IT's email rule (or a list of
    /// trusted Okta domains), only to IT's own `okta_domain` and its `allowed_okta_domains`;
    /// without either, anywhere. Compared by host: any authorization server of a trusted Okta.
    pub fn may_sign_in_to(&self, issuer: &point_auth::Issuer) -> Result<(), Refused> {
        let Some(managed) = &self.managed else {
            return Ok(());
        };
        if managed.allowed_email_domains.is_empty() && managed.allowed_okta_domains.is_empty() {
            return Ok(());
        }
        let host = issuer.host();
        let trusted = managed
            .okta_domain
            .iter()
            .chain(&managed.allowed_okta_domains)
            .filter_map(|domain| point_auth::parse_okta_domain(domain).ok())
            .any(|trusted| trusted.host().eq_ignore_ascii_case(host));
        if trusted {
            Ok(())
        } else {
            Err(Refused::UntrustedOkta {
                host: host.to_string(),
            })
        }
    }

    /// Whether sign-in on another device (RFC 8628) may be offered: unless IT turned it off.
    pub fn may_sign_in_on_another_device(&self) -> Result<(), Refused> {
        match self.managed.as_ref().and_then(|m| m.device_sign_in) {
            Some(false) => Err(Refused::DeviceSignInOff),
            _ => Ok(()),
        }
    }

    /// What IT asks of every sign-in (`acr_values`, `max_authentication_age`): each sign-in
    /// asks Okta for it, and a new ID token that does not show it is refused.
    pub fn sign_in_minimum(&self) -> point_auth::AuthenticationRequirement {
        let managed = self.managed.as_ref();
        point_auth::AuthenticationRequirement {
            acr_values: managed.map(|m| m.acr_values.clone()).unwrap_or_default(),
            max_age: managed
                .and_then(|m| m.max_authentication_age)
                .map(std::time::Duration::from_secs),
        }
    }

    /// Where new sessions' DPoP keys are kept: IT's `dpop_key`, else in key hardware where the
    /// machine has it.
    pub fn dpop_key_policy(&self) -> point_auth::KeyPolicy {
        self.managed
            .as_ref()
            .and_then(|m| m.dpop_key)
            .unwrap_or_default()
    }

    /// Whether this work email may sign in here.
    pub fn may_use_email(&self, email: &str) -> Result<(), Refused> {
        match &self.managed {
            Some(managed) if !managed.allows_email(email) => Err(Refused::EmailDomain {
                allowed: managed.allowed_email_domains.join(", "),
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{resolve, ManagedConfig, UserSettings};

    #[test]
    fn it_s_email_rule_binds_sign_in_to_the_okta_it_trusts() {
        let issuer = |domain: &str| point_auth::parse_okta_domain(domain).unwrap();
        let managed =
            |toml: &str| ManagedConfig::from_toml(toml, "/etc/point/config.toml").unwrap();
        let user = UserSettings::default();
        let resolved = |m: &ManagedConfig| resolve(false, |_| None, Some(m), &user);

        // Email domains alone: no Okta is trusted yet; POINT signs in nowhere until IT says which.
        let alone = managed("allowed_email_domains = [\"corp.com\"]\n");
        let refused = resolved(&alone).may_sign_in_to(&issuer("https://evil.example"));
        assert!(
            matches!(refused, Err(Refused::UntrustedOkta { .. })),
            "{refused:?}"
        );
        assert!(resolved(&alone)
            .may_sign_in_to(&issuer("corp.okta.com"))
            .is_err());

        // IT's pinned Okta, and the Okta domains IT lists (any server path on them).
        let pinned = managed(
            "okta_domain = \"corp.okta.com\"\nclient_id = \"0oa1\"\nallowed_email_domains = [\"corp.com\"]\n",
        );
        assert!(resolved(&pinned)
            .may_sign_in_to(&issuer("https://corp.okta.com/oauth2/default"))
            .is_ok());
        assert!(resolved(&pinned)
            .may_sign_in_to(&issuer("evil.example"))
            .is_err());
        let listed = managed(
            "allowed_email_domains = [\"corp.com\"]\nallowed_okta_domains = [\"https://corp.okta.com\", \"corp-eu.okta-emea.com\"]\n",
        );
        assert!(resolved(&listed)
            .may_sign_in_to(&issuer("corp-eu.okta-emea.com"))
            .is_ok());
        assert!(resolved(&listed)
            .may_sign_in_to(&issuer("corp.okta.com"))
            .is_ok());
        assert!(resolved(&listed)
            .may_sign_in_to(&issuer("okta.evil.example"))
            .is_err());

        // No rule from IT: any organization.
        let none = resolve(false, |_| None, None, &user);
        assert!(none.may_sign_in_to(&issuer("anything.okta.com")).is_ok());
    }
}
