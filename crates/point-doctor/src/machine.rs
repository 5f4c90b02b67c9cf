//! The checks of this machine: its clock against the provider's, the log folder, the
//! `org.pointapp.point:` link handler (per OS), and the keychain.

use std::path::PathBuf;

use point_config::AppIdentity;

use crate::{fail, pass, skip, Check, Outcome};

/// How far this device's clock is from the provider's (from its `Date` header). POINT corrects
/// for it when checking tokens, but other apps and TLS do not.
pub fn clock(offset_seconds: i64) -> Check {
    const NAME: &str = "clock";
    let minutes = (offset_seconds.unsigned_abs() + 30) / 60;
    let direction = if offset_seconds > 0 {
        "behind"
    } else {
        "ahead of"
    };
    if offset_seconds.unsigned_abs() > CLOCK_WARNING_SECONDS {
        Check {
            name: NAME,
            outcome: Outcome::Warn,
            detail: format!(
                "this device's clock is about {minutes} min {direction} Okta's (POINT corrects for it; other apps may not)"
            ),
            fix: Some("Turn on automatic date and time in the system settings (Linux: timedatectl set-ntp true; Windows: Settings → Time & language → Set time automatically; macOS: System Settings → General → Date & Time).".into()),
        }
    } else {
        pass(
            NAME,
            format!("this device's clock is within {offset_seconds:+} s of Okta's"),
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
            format!(
                "POINT logs to {}",
                dir.join(point_config::LOG_FILE).display()
            ),
        ),
        None => skip(
            "log",
            "this account has no data folder: POINT logs to stderr only",
        ),
    }
}

/// How the deep-link check's detail begins when it could not look (Linux: no `xdg-mime`).
pub const SCHEME_CHECK_COULD_NOT_RUN: &str = "xdg-mime could not run";

#[cfg(target_os = "linux")]
pub fn scheme_handler() -> Check {
    const NAME: &str = "deep links";
    let fix = "Reinstall POINT's package, which registers org.pointapp.point: links; or run: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point";
    let handler = std::process::Command::new("xdg-mime")
        .args(["query", "default", "x-scheme-handler/org.pointapp.point"])
        .output();
    let name = match handler {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(_) => String::new(),
        Err(error) => {
            return fail(
                NAME,
                format!("{SCHEME_CHECK_COULD_NOT_RUN} ({error})"),
                "Install xdg-utils.",
            )
        }
    };
    if name.is_empty() {
        return fail(
            NAME,
            "no application handles org.pointapp.point: links",
            fix,
        );
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
        Some(text) if text.lines().any(|l| l.starts_with("Exec=") && l.contains("%u")) => {
            pass(NAME, format!("{name} handles org.pointapp.point: links"))
        }
        Some(_) => fail(NAME, format!("{name} handles org.pointapp.point: links, but its Exec line lacks %u, so the link is dropped"), fix),
        None => fail(NAME, format!("the handler {name} is not installed"), fix),
    }
}

#[cfg(windows)]
pub fn scheme_handler() -> Check {
    use winreg::enums::HKEY_CLASSES_ROOT;
    let key = winreg::RegKey::predef(HKEY_CLASSES_ROOT)
        .open_subkey(r"org.pointapp.point\shell\open\command");
    match key.and_then(|k| k.get_value::<String, _>("")) {
        Ok(command) if command.contains("%1") => {
            pass("deep links", format!("org.pointapp.point: opens {command}"))
        }
        Ok(command) => fail(
            "deep links",
            format!("org.pointapp.point: opens {command} without the link"),
            "Reinstall POINT.",
        ),
        Err(_) => fail(
            "deep links",
            "org.pointapp.point: links are not registered",
            "Reinstall POINT (the installer registers the link type).",
        ),
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
pub fn scheme_handler() -> Check {
    skip(
        "deep links",
        "registered by the installed app bundle's Info.plist (not checked here)",
    )
}

pub(crate) fn keychain(identity: AppIdentity) -> Check {
    const NAME: &str = "keychain";
    match point_session::probe_keychain(identity.keychain_service()) {
        Ok(()) => pass(NAME, "wrote, read and deleted a probe entry"),
        Err(error) => fail(NAME, error.to_string(), error.hint()),
    }
}
