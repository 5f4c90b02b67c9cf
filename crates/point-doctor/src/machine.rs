//! The checks of this machine: its clock against the provider's, the log folder, the
//! `org.pointapp.point:` link handler (per OS), the keychain, and where DPoP keys are kept.

use std::path::PathBuf;

use point_auth::{KeyError, KeyHardware, KeyPolicy, KeyProtection};
use point_config::{AppIdentity, Resolved};

use point_i18n::Message;

use crate::{fail, pass, skip, warn, Check, Outcome};

/// How far this device's clock is from the provider's (from its `Date` header). POINT corrects
/// for it when checking tokens, but other apps and TLS do not.
pub fn clock(offset_seconds: i64) -> Check {
    const NAME: &str = "clock";
    let minutes = (offset_seconds.unsigned_abs() + 30) / 60;
    let direction = if offset_seconds > 0 {
        "behind"
    } else {
        "ahead"
    };
    if offset_seconds.unsigned_abs() > CLOCK_WARNING_SECONDS {
        warn(
            NAME,
            Message::new("doctor-clock-off")
                .with("minutes", minutes)
                .with("direction", direction),
            Message::new("doctor-clock-fix"),
        )
    } else {
        pass(
            NAME,
            Message::new("doctor-clock-ok").with("offset", format!("{offset_seconds:+}")),
        )
    }
}

/// A clock offset beyond this is reported as a warning.
pub const CLOCK_WARNING_SECONDS: u64 = 120;

/// Where the app's log file is (informational).
pub(crate) fn log_folder(identity: AppIdentity) -> Check {
    match identity.log_dir() {
        Some(dir) => pass(
            "log",
            Message::new("doctor-log").with(
                "path",
                dir.join(point_config::LOG_FILE).display().to_string(),
            ),
        ),
        None => skip("log", Message::new("doctor-log-none")),
    }
}

/// The deep-link check's detail when it could not look (Linux: no `xdg-mime`).
pub const SCHEME_CHECK_COULD_NOT_RUN: &str = "doctor-scheme-could-not-run";

#[cfg(target_os = "linux")]
pub fn scheme_handler() -> Check {
    const NAME: &str = "deep links";
    let fix = || Message::new("doctor-scheme-fix");
    let handler = std::process::Command::new("xdg-mime")
        .args(["query", "default", "x-scheme-handler/org.pointapp.point"])
        .output();
    let name = match handler {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(_) => String::new(),
        Err(error) => {
            return fail(
                NAME,
                Message::new("doctor-scheme-could-not-run").with("detail", error.to_string()),
                Message::new("doctor-scheme-install-xdg-utils"),
            )
        }
    };
    if name.is_empty() {
        return fail(NAME, Message::new("doctor-scheme-none"), fix());
    }
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".into());
    let dirs = data_home
        .into_iter()
        .chain(data_dirs.split(':').map(PathBuf::from));
    let entry = dirs
        .map(|d| d.join("applications").join(&name))
        .find_map(|path| std::fs::read_to_string(path).ok());
    match entry {
        Some(text)
            if text
                .lines()
                .any(|l| l.starts_with("Exec=") && l.contains("%u")) =>
        {
            pass(
                NAME,
                Message::new("doctor-scheme-handled").with("handler", &name),
            )
        }
        Some(_) => fail(
            NAME,
            Message::new("doctor-scheme-no-argument").with("handler", &name),
            fix(),
        ),
        None => fail(
            NAME,
            Message::new("doctor-scheme-not-installed").with("handler", &name),
            fix(),
        ),
    }
}

#[cfg(windows)]
pub fn scheme_handler() -> Check {
    use winreg::enums::HKEY_CLASSES_ROOT;
    let key = winreg::RegKey::predef(HKEY_CLASSES_ROOT)
        .open_subkey(r"org.pointapp.point\shell\open\command");
    match key.and_then(|k| k.get_value::<String, _>("")) {
        Ok(command) if command.contains("%1") => pass(
            "deep links",
            Message::new("doctor-scheme-windows").with("command", command),
        ),
        Ok(command) => fail(
            "deep links",
            Message::new("doctor-scheme-windows-no-argument").with("command", command),
            Message::new("doctor-reinstall"),
        ),
        Err(_) => fail(
            "deep links",
            Message::new("doctor-scheme-windows-unregistered"),
            Message::new("doctor-reinstall-registers"),
        ),
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
pub fn scheme_handler() -> Check {
    skip("deep links", Message::new("doctor-scheme-bundle"))
}

pub(crate) fn keychain(identity: AppIdentity) -> Check {
    const NAME: &str = "keychain";
    match point_session::probe_keychain(identity.keychain_service()) {
        Ok(()) => pass(NAME, Message::new("doctor-keychain-ok")),
        Err(error) => fail(NAME, error.message(), error.hint()),
    }
}

/// Where DPoP keys are kept here: the signed-in session's (from its keychain entry, reading
/// nothing secret out of it), and where IT's policy and this machine's TPM put new ones.
pub(crate) fn dpop_key(
    resolved: &Resolved,
    identity: AppIdentity,
    hardware: &KeyHardware,
) -> Check {
    let policy = resolved.dpop_key_policy();
    // IT said software: the TPM is not touched.
    let probe = match policy {
        KeyPolicy::Software => Err(KeyError::NoHardware),
        _ => hardware.probe(),
    };
    key_check(
        policy,
        hardware.tpm_tcti(),
        probe,
        current_key(resolved, identity),
    )
}

/// The session's key protection in the organization in force, if there is a session with one.
fn current_key(resolved: &Resolved, identity: AppIdentity) -> Option<KeyProtection> {
    let (okta, _) = resolved.okta.as_ref()?;
    let dir = point_config::organization_dir(&identity.data_dir()?, okta);
    let profile = point_session::ProfileCache::in_dir(&dir).load()?;
    let keychain = point_session::OsKeychain::open(identity.keychain_service()).ok()?;
    point_session::stored_key_protection(&keychain, &profile.keychain_account())
        .ok()
        .flatten()
}

/// The check from what was found: IT's policy, the TPM (its TCTI and whether it answered) and
/// the current session's key.
fn key_check(
    policy: KeyPolicy,
    tcti: Option<&str>,
    probe: Result<(), KeyError>,
    current: Option<KeyProtection>,
) -> Check {
    const NAME: &str = "dpop key";
    let said = Message::new;
    let reason = |error: KeyError| match error {
        KeyError::HardwareUnavailable(reason) => reason,
        other => other.to_string(),
    };
    let fix = said("doctor-key-tpm-fix");
    let (outcome, new, fix) = match (policy, probe) {
        (KeyPolicy::Software, _) => (Outcome::Pass, said("doctor-key-new-software-policy"), None),
        (_, Ok(())) => (
            Outcome::Pass,
            said("doctor-key-new-tpm").with("tpm", tcti.unwrap_or_default()),
            None,
        ),
        (KeyPolicy::HardwareWhereAvailable, Err(KeyError::NoHardware)) => {
            (Outcome::Pass, said("doctor-key-new-software-no-tpm"), None)
        }
        (KeyPolicy::HardwareWhereAvailable, Err(error)) => (
            Outcome::Warn,
            said("doctor-key-new-software-tpm-unusable").with("reason", reason(error)),
            Some(fix),
        ),
        (KeyPolicy::HardwareRequired, Err(KeyError::NoHardware)) => {
            (Outcome::Fail, said("doctor-key-required-no-tpm"), Some(fix))
        }
        (KeyPolicy::HardwareRequired, Err(error)) => (
            Outcome::Fail,
            said("doctor-key-required-tpm-unusable").with("reason", reason(error)),
            Some(fix),
        ),
    };
    let detail = match current {
        Some(protection) => said("doctor-key-session")
            .with("key", protection.describe())
            .with("new", new),
        None => new,
    };
    Check {
        name: NAME,
        outcome,
        detail,
        fix,
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    fn english(check: &Check) -> (Outcome, String) {
        (check.outcome, check.detail.english())
    }

    #[test]
    fn the_key_check_says_where_keys_are_kept_and_fails_only_when_it_requires_a_tpm() {
        let tpm = Some("device:/dev/tpmrm0");
        let unusable = || Err(KeyError::HardwareUnavailable("permission denied".into()));
        let (outcome, detail) = english(&key_check(
            KeyPolicy::HardwareWhereAvailable,
            tpm,
            Ok(()),
            Some(KeyProtection::Tpm),
        ));
        assert_eq!(outcome, Outcome::Pass);
        assert!(
            detail.contains("TPM") && detail.contains("/dev/tpmrm0"),
            "{detail}"
        );
        let (outcome, detail) = english(&key_check(
            KeyPolicy::HardwareWhereAvailable,
            None,
            Err(KeyError::NoHardware),
            None,
        ));
        assert_eq!(outcome, Outcome::Pass);
        assert!(detail.contains("software"), "{detail}");
        let check = key_check(KeyPolicy::HardwareWhereAvailable, tpm, unusable(), None);
        assert_eq!(check.outcome, Outcome::Warn);
        assert!(check.detail.english().contains("permission denied"));
        assert!(check.fix.is_some());
        let check = key_check(
            KeyPolicy::HardwareRequired,
            None,
            Err(KeyError::NoHardware),
            None,
        );
        assert_eq!(check.outcome, Outcome::Fail);
        let check = key_check(KeyPolicy::HardwareRequired, tpm, unusable(), None);
        assert_eq!(check.outcome, Outcome::Fail);
        let (outcome, detail) = english(&key_check(
            KeyPolicy::Software,
            tpm,
            Ok(()),
            Some(KeyProtection::Software),
        ));
        assert_eq!(outcome, Outcome::Pass);
        assert!(detail.contains("software"), "{detail}");
    }
}
