//! The user's own settings (`settings.json` in the app's config folder): the organization in
//! force as the person (or the work-email lookup) set it up, and the others they signed in to
//! and can switch back to. Written whole and owner-only.

use std::path::{Path, PathBuf};

use point_auth::{ConfigError, OktaSettings};
use serde::{Deserialize, Serialize};

use crate::write_private;

/// The user's own settings, kept as `settings.json` in the app's config directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserSettings {
    pub okta_domain: Option<String>,
    pub client_id: Option<String>,
    /// The organization that sign-in by work email found, for display.
    pub organization_name: Option<String>,
    /// The organization asks for DPoP-bound tokens (from the work-email lookup).
    #[serde(default)]
    pub okta_dpop: bool,
    /// Other organizations the person signed in to here and can switch back to without signing
    /// in again (each with its own session in the keychain). The one above is in force.
    #[serde(default)]
    pub other_organizations: Vec<SavedOrganization>,
    /// The person's last answer to "also sign out of Okta in my browser" (when IT leaves it to
    /// them); unset until they first sign out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_okta_session: Option<bool>,
}

/// One organization's Okta settings as the person (or the work-email lookup) gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedOrganization {
    pub okta_domain: String,
    pub client_id: String,
    pub organization_name: Option<String>,
    #[serde(default)]
    pub okta_dpop: bool,
}

impl SavedOrganization {
    /// The settings, validated (an entry that no longer parses is skipped by its readers).
    pub fn okta_settings(&self) -> Result<OktaSettings, ConfigError> {
        Ok(
            OktaSettings::parse(&self.okta_domain, &self.client_id, None)?
                .with_dpop(self.okta_dpop),
        )
    }
}

impl UserSettings {
    /// The organization in force among the user's settings, if both its fields are there.
    pub fn current(&self) -> Option<SavedOrganization> {
        Some(SavedOrganization {
            okta_domain: self.okta_domain.clone()?,
            client_id: self.client_id.clone()?,
            organization_name: self.organization_name.clone(),
            okta_dpop: self.okta_dpop,
        })
    }

    /// Puts `chosen` in force. The one in force until now joins the others when `keep_previous`
    /// (it still has a session to come back to); `chosen` leaves them. Entries are the same
    /// organization when their settings are (the issuer as normalized, and the Client ID).
    pub fn make_current(&mut self, chosen: SavedOrganization, keep_previous: bool) {
        let same = |a: &SavedOrganization, b: &SavedOrganization| match (
            a.okta_settings(),
            b.okta_settings(),
        ) {
            (Ok(a), Ok(b)) => a.issuer == b.issuer && a.client_id == b.client_id,
            _ => a.okta_domain == b.okta_domain && a.client_id == b.client_id,
        };
        let previous = self.current().filter(|previous| !same(previous, &chosen));
        self.other_organizations
            .retain(|other| !same(other, &chosen));
        if let Some(previous) = previous.filter(|_| keep_previous) {
            self.other_organizations
                .retain(|other| !same(other, &previous));
            self.other_organizations.insert(0, previous);
        }
        self.okta_domain = Some(chosen.okta_domain);
        self.client_id = Some(chosen.client_id);
        self.organization_name = chosen.organization_name;
        self.okta_dpop = chosen.okta_dpop;
    }

    pub fn path_in(dir: &Path) -> PathBuf {
        dir.join("settings.json")
    }

    /// The settings in `dir`, or none when there are none or they cannot be read.
    pub fn load(dir: &Path) -> Self {
        std::fs::read_to_string(Self::path_in(dir))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings, whole, readable by their owner only.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_private(&Self::path_in(dir), &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve;

    #[test]
    fn switching_keeps_the_previous_organization_once_and_takes_the_chosen_one_out() {
        let example = SavedOrganization {
            okta_domain: "example.okta.com".into(),
            client_id: "0oaExample".into(),
            organization_name: Some("Example Corp".into()),
            okta_dpop: false,
        };
        let globex = SavedOrganization {
            okta_domain: "https://globex.okta.com/oauth2/default".into(),
            client_id: "0oaGlobex".into(),
            organization_name: Some("Globex".into()),
            okta_dpop: true,
        };
        let mut user = UserSettings::default();
        user.make_current(example.clone(), true);
        assert_eq!(user.current(), Some(example.clone()));
        assert!(user.other_organizations.is_empty());
        user.make_current(globex.clone(), true);
        assert_eq!(user.current(), Some(globex.clone()));
        assert_eq!(user.other_organizations, std::slice::from_ref(&example));
        // Back: the same organization however its domain was written, never listed twice.
        let example_again = SavedOrganization {
            okta_domain: "https://example.okta.com/".into(),
            ..example.clone()
        };
        user.make_current(example_again.clone(), true);
        assert_eq!(user.current(), Some(example_again));
        assert_eq!(user.other_organizations, std::slice::from_ref(&globex));
        // A previous organization without a session is not kept.
        user.make_current(globex.clone(), false);
        assert!(user.other_organizations.is_empty());
        let (okta, _) = resolve(false, |_| None, None, &user).okta.unwrap();
        assert!(okta.dpop && okta.client_id.as_str() == "0oaGlobex");
    }

    #[cfg(unix)]
    #[test]
    fn the_user_s_settings_are_theirs_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("point-settings-mode-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        UserSettings::default().save(&dir).unwrap();
        let mode = std::fs::metadata(UserSettings::path_in(&dir))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
