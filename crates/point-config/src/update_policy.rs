//! When POINT updates itself: IT's update policy, and the decision for one offered version.
//!
//! IT sets (Linux TOML / Windows registry and macOS plist):
//! - `updates` / `Updates`: `off` (IT ships updates itself), `notify` (the default: the user is
//!   offered the update and installs it with one click), or `automatic` (updates within the same
//!   major version install without asking);
//! - `major_updates` / `MajorUpdates`: `ask` (the default: a new major version is only ever
//!   installed when the user confirms it, even under `automatic`), `allow` (IT allows them like
//!   any other update), or `block` (never offered: IT moves staff to a new major version itself);
//! - `update_url` / `UpdateUrl`: where the app asks for updates (the updater's endpoint, with
//!   `{{target}}`, `{{arch}}` and `{{current_version}}` filled in by the updater).

use serde::Deserialize;
use url::Url;

use crate::Source;

/// Where release builds ask for updates unless IT says otherwise.
pub const DEFAULT_UPDATE_URL: &str =
    "https://dash.pointapp.org/api/v1/updates/{{target}}/{{arch}}/{{current_version}}";

/// Whether updates are looked for, and who installs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateMode {
    /// No in-app updates: IT distributes new versions.
    Off,
    /// The user is told and installs with one click.
    #[default]
    Notify,
    /// Updates within the same major version install without asking.
    Automatic,
}

/// What happens to an update that changes the major version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MajorUpdates {
    /// Offered; installed only when the user confirms.
    #[default]
    Ask,
    /// Treated like any other update.
    Allow,
    /// Never offered.
    Block,
}

/// A policy value that is not one of the known words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a valid {setting}: use one of {expected}")]
pub struct UnknownPolicyValue {
    pub setting: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl UpdateMode {
    pub fn parse(value: &str) -> Result<Self, UnknownPolicyValue> {
        match value.trim().to_ascii_lowercase().as_str() {
            "off" => Ok(Self::Off),
            "notify" => Ok(Self::Notify),
            "automatic" => Ok(Self::Automatic),
            _ => Err(UnknownPolicyValue {
                setting: "Updates",
                value: value.into(),
                expected: "off, notify, automatic",
            }),
        }
    }
}

impl MajorUpdates {
    pub fn parse(value: &str) -> Result<Self, UnknownPolicyValue> {
        match value.trim().to_ascii_lowercase().as_str() {
            "ask" => Ok(Self::Ask),
            "allow" => Ok(Self::Allow),
            "block" => Ok(Self::Block),
            _ => Err(UnknownPolicyValue {
                setting: "MajorUpdates",
                value: value.into(),
                expected: "ask, allow, block",
            }),
        }
    }
}

/// The update policy in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdatePolicy {
    pub mode: UpdateMode,
    pub major: MajorUpdates,
    /// The updater endpoint; `None` when updates are off.
    pub url: Option<Url>,
    /// An update address that was given but refused (not a URL, or plain HTTP off this machine).
    pub refused_url: Option<String>,
    /// Where the policy came from.
    pub source: Source,
}

/// What to do with a version the update server offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateDecision {
    /// Tell the user; install when they click. `major` asks for an explicit confirmation.
    Offer { major: bool },
    /// Download and install without asking (the user is told to restart).
    Install,
    /// Do nothing.
    Skip(SkipReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    UpdatesOff,
    NotNewer,
    MajorBlocked,
    /// The offered version is not a version number: refuse rather than guess.
    UnreadableVersion,
}

impl UpdatePolicy {
    /// Decides what to do with `offered` when `current` runs.
    pub fn decide(&self, current: &str, offered: &str) -> UpdateDecision {
        if self.mode == UpdateMode::Off || self.url.is_none() {
            return UpdateDecision::Skip(SkipReason::UpdatesOff);
        }
        let (Ok(current), Ok(offered)) = (
            semver::Version::parse(current.trim_start_matches('v')),
            semver::Version::parse(offered.trim_start_matches('v')),
        ) else {
            return UpdateDecision::Skip(SkipReason::UnreadableVersion);
        };
        if offered <= current {
            return UpdateDecision::Skip(SkipReason::NotNewer);
        }
        let major = crosses_major(&current, &offered);
        match (major, self.major, self.mode) {
            (true, MajorUpdates::Block, _) => UpdateDecision::Skip(SkipReason::MajorBlocked),
            (true, MajorUpdates::Ask, _) => UpdateDecision::Offer { major: true },
            (_, _, UpdateMode::Automatic) => UpdateDecision::Install,
            _ => UpdateDecision::Offer { major },
        }
    }
}

/// Whether going from `current` to `offered` may break things, by Cargo's reading of semantic
/// versions: the leftmost non-zero component changes (so 0.1 → 0.2 is as big as 1.x → 2.0).
fn crosses_major(current: &semver::Version, offered: &semver::Version) -> bool {
    if current.major != offered.major {
        return true;
    }
    if current.major == 0 {
        if current.minor != offered.minor {
            return true;
        }
        if current.minor == 0 {
            return current.patch != offered.patch;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(mode: UpdateMode, major: MajorUpdates) -> UpdatePolicy {
        UpdatePolicy {
            mode,
            major,
            url: Some(Url::parse("https://updates.example/{{target}}").unwrap()),
            refused_url: None,
            source: Source::Managed,
        }
    }

    #[test]
    fn a_major_update_is_never_installed_without_the_user_or_it() {
        use MajorUpdates::*;
        use SkipReason::*;
        use UpdateDecision::*;
        use UpdateMode::*;
        let cases = [
            // (mode, major policy, current, offered, decision)
            (Notify, Ask, "1.2.0", "1.3.0", Offer { major: false }),
            (Automatic, Ask, "1.2.0", "1.2.1", Install),
            (Automatic, Ask, "1.9.9", "2.0.0", Offer { major: true }),
            (Notify, Ask, "1.9.9", "2.0.0", Offer { major: true }),
            (Automatic, Allow, "1.9.9", "2.0.0", Install),
            (Notify, Allow, "1.9.9", "2.0.0", Offer { major: true }),
            (Automatic, Block, "1.9.9", "2.0.0", Skip(MajorBlocked)),
            (Notify, Block, "1.2.0", "1.3.0", Offer { major: false }),
            // 0.x: the minor number is the major one.
            (Automatic, Ask, "0.1.0", "0.2.0", Offer { major: true }),
            (Automatic, Ask, "0.1.0", "0.1.7", Install),
            (Automatic, Block, "0.0.1", "0.0.2", Skip(MajorBlocked)),
            (Automatic, Ask, "1.2.0", "1.2.0", Skip(NotNewer)),
            (Automatic, Allow, "1.2.0", "1.1.0", Skip(NotNewer)),
            (Automatic, Allow, "1.2.0", "banana", Skip(UnreadableVersion)),
            (Off, Allow, "1.2.0", "1.2.1", Skip(UpdatesOff)),
            (Notify, Ask, "v1.2.0", "v1.2.1", Offer { major: false }),
        ];
        for (mode, major, current, offered, expected) in cases {
            assert_eq!(
                policy(mode, major).decide(current, offered),
                expected,
                "{mode:?} {major:?} {current} → {offered}"
            );
        }
        let mut no_url = policy(Automatic, Allow);
        no_url.url = None;
        assert_eq!(
            no_url.decide("1.0.0", "1.0.1"),
            Skip(SkipReason::UpdatesOff)
        );
    }

    #[test]
    fn policy_words() {
        assert_eq!(UpdateMode::parse(" Automatic "), Ok(UpdateMode::Automatic));
        assert_eq!(MajorUpdates::parse("BLOCK"), Ok(MajorUpdates::Block));
        let error = UpdateMode::parse("yes").unwrap_err();
        assert_eq!(
            error.to_string(),
            "`yes` is not a valid Updates: use one of off, notify, automatic"
        );
        assert!(MajorUpdates::parse("").is_err());
    }
}
