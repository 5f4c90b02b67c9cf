//! POINT's folders, as Tauri names them, computed without Tauri so that the log opens before the
//! app does and `point doctor` finds what the app uses. Development builds use a `dev` folder
//! inside each.
//! - settings: Linux `~/.config/org.pointapp.point`, Windows `%APPDATA%\org.pointapp.point`,
//!   macOS `~/Library/Application Support/org.pointapp.point`;
//! - log: Linux `~/.local/share/org.pointapp.point/logs`, Windows
//!   `%LOCALAPPDATA%\org.pointapp.point\logs`, macOS `~/Library/Logs/org.pointapp.point`.

use std::path::PathBuf;

/// The app's identifier (tauri.conf.json).
pub const IDENTIFIER: &str = "org.pointapp.point";
/// The log file's name; the previous run's log is kept beside it as `point.log.1`.
pub const LOG_FILE: &str = "point.log";

/// The settings folder, or `None` when the OS gives no home folder.
pub fn config_dir(dev_build: bool) -> Option<PathBuf> {
    let dir = dirs::config_dir().map(|config| config.join(IDENTIFIER));
    dir.map(|dir| if dev_build { dir.join("dev") } else { dir })
}

/// The log folder, or `None` when the OS gives no home or data folder.
pub fn log_dir(dev_build: bool) -> Option<PathBuf> {
    #[cfg(target_os = "macos")]
    let dir = dirs::home_dir().map(|home| home.join("Library/Logs").join(IDENTIFIER));
    #[cfg(not(target_os = "macos"))]
    let dir = dirs::data_local_dir().map(|data| data.join(IDENTIFIER).join("logs"));
    dir.map(|dir| if dev_build { dir.join("dev") } else { dir })
}
