//! The app's identity and build kind, in one place: its identifier (tauri.conf.json), URL scheme,
//! keychain service, folders, and whether this is a development or a release build. Used by the
//! shell, the log, `point doctor` and the scheme registration. Computed without Tauri, so that
//! the log opens before the app does and `point doctor` finds what the app uses.
//!
//! Development builds keep everything apart from an installed app: their own keychain service
//! (`org.pointapp.point.dev`), a `dev` folder inside each folder, their own `.desktop` handler.
//! - settings: Linux `~/.config/org.pointapp.point`, Windows `%APPDATA%\org.pointapp.point`,
//!   macOS `~/Library/Application Support/org.pointapp.point`;
//! - data (profile cache): Linux `~/.local/share/org.pointapp.point`, Windows
//!   `%APPDATA%\org.pointapp.point`, macOS `~/Library/Application Support/org.pointapp.point`
//!   (as Tauri's `app_data_dir`);
//! - log: Linux `~/.local/share/org.pointapp.point/logs`, Windows
//!   `%LOCALAPPDATA%\org.pointapp.point\logs`, macOS `~/Library/Logs/org.pointapp.point`.

use std::path::PathBuf;

/// The app's identifier (tauri.conf.json), also its URL scheme (RFC 8252 §7.1: reverse DNS of
/// pointapp.org) and its keychain service.
pub const IDENTIFIER: &str = "org.pointapp.point";
/// The log file's name; the previous run's log is kept beside it as `point.log.1`.
pub const LOG_FILE: &str = "point.log";

/// Which kind of build this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildKind {
    /// Built without optimisations for development and tests (`debug_assertions`).
    Development,
    /// An installed app.
    Release,
}

/// See the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppIdentity {
    pub build: BuildKind,
}

impl AppIdentity {
    pub const RELEASE: Self = Self {
        build: BuildKind::Release,
    };
    pub const DEVELOPMENT: Self = Self {
        build: BuildKind::Development,
    };

    /// The identity of the running build.
    pub const fn of_this_build() -> Self {
        if cfg!(debug_assertions) {
            Self::DEVELOPMENT
        } else {
            Self::RELEASE
        }
    }

    pub fn is_development(&self) -> bool {
        self.build == BuildKind::Development
    }

    pub fn identifier(&self) -> &'static str {
        IDENTIFIER
    }

    /// The URL scheme of POINT's redirects (`org.pointapp.point:/login`), the same for both
    /// kinds of build.
    pub fn scheme(&self) -> &'static str {
        IDENTIFIER
    }

    /// The keychain service the session's entries live under.
    pub fn keychain_service(&self) -> &'static str {
        match self.build {
            BuildKind::Release => IDENTIFIER,
            BuildKind::Development => "org.pointapp.point.dev",
        }
    }

    /// The name of the `.desktop` entry a development build registers for the scheme.
    pub fn development_desktop_entry(&self) -> &'static str {
        "org.pointapp.point.dev.desktop"
    }

    /// The settings folder, or `None` when the OS gives no home folder.
    pub fn config_dir(&self) -> Option<PathBuf> {
        self.within(dirs::config_dir())
    }

    /// The data folder (Tauri's `app_data_dir`), or `None` when the OS gives none.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.within(dirs::data_dir())
    }

    /// The log folder, or `None` when the OS gives no home or data folder.
    pub fn log_dir(&self) -> Option<PathBuf> {
        #[cfg(target_os = "macos")]
        let dir = dirs::home_dir().map(|home| home.join("Library/Logs").join(IDENTIFIER));
        #[cfg(not(target_os = "macos"))]
        let dir = dirs::data_local_dir().map(|data| data.join(IDENTIFIER).join("logs"));
        dir.map(|dir| self.separated(dir))
    }

    fn within(&self, base: Option<PathBuf>) -> Option<PathBuf> {
        base.map(|base| self.separated(base.join(IDENTIFIER)))
    }

    fn separated(&self, dir: PathBuf) -> PathBuf {
        if self.is_development() {
            dir.join("dev")
        } else {
            dir
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn development_builds_keep_apart() {
        let (dev, release) = (AppIdentity::DEVELOPMENT, AppIdentity::RELEASE);
        assert_ne!(dev.keychain_service(), release.keychain_service());
        assert_eq!(release.keychain_service(), "org.pointapp.point");
        assert_eq!(dev.scheme(), release.scheme());
        for (d, r) in [
            (dev.config_dir(), release.config_dir()),
            (dev.data_dir(), release.data_dir()),
            (dev.log_dir(), release.log_dir()),
        ] {
            let (d, r) = (d.unwrap(), r.unwrap());
            assert_eq!(d, r.join("dev"));
            assert!(r.ends_with(IDENTIFIER) || r.ends_with("logs"));
        }
    }
}
