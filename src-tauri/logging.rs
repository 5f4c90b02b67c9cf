//! POINT's log: stderr and `point.log` in the app's log folder (`point_config::AppIdentity::log_dir`).
//! Appended to (a second process that forwards a deep link to the running app logs there too);
//! past 1 MiB it moves to `point.log.1`, so the folder never holds more than about 2 MiB.
//! Nothing secret is logged: the crates log events and error kinds, and secrets print as
//! `[redacted]`. `RUST_LOG` tunes the level (default: info for POINT, warn for the rest).

use std::fs::{File, OpenOptions};
use std::sync::Mutex;

use tracing_subscriber::fmt::writer::MakeWriterExt;
use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,point=info,point_lib=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false);
    let _ = match open_log_file() {
        Some(file) => builder
            .with_writer(std::io::stderr.and(Mutex::new(file)))
            .try_init(),
        None => builder.with_writer(std::io::stderr).try_init(),
    };
}

const ROTATE_AT: u64 = 1024 * 1024;

/// Opens the log file for appending, moving a full one aside first. `None` when the folder
/// cannot be written (the app then logs to stderr only).
fn open_log_file() -> Option<File> {
    let dir = point_config::AppIdentity::of_this_build().log_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(point_config::LOG_FILE);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > ROTATE_AT) {
        let _ = std::fs::rename(&path, path.with_extension("log.1"));
    }
    OpenOptions::new().create(true).append(true).open(path).ok()
}
