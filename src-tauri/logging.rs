//! POINT's log: stderr and `point.log` in the app's log folder (`point_config::AppIdentity::log_dir`).
//! Appended to (a second process that forwards a deep link to the running app logs there too);
//! past 1 MiB it moves to `point.log.1`, so the folder never holds more than about 2 MiB.
//! Nothing secret is logged: the crates log events and error kinds, and secrets print as
//! `[redacted]`. `RUST_LOG` tunes the levels by target, e.g. `warn,point_session=debug,launch=debug`
//! (default: info for POINT, warn for the rest; an unreadable one is ignored). The `launch` target
//! marks the steps of a launch (`scripts/bench startup --timeline`).

use std::fs::{File, OpenOptions};
use std::sync::Mutex;

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::writer::MakeWriterExt;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

pub fn init() {
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|levels| levels.parse::<Targets>().ok())
        .unwrap_or_else(|| {
            Targets::new()
                .with_default(LevelFilter::WARN)
                .with_target("point", LevelFilter::INFO)
                .with_target("point_lib", LevelFilter::INFO)
        });
    let layer = tracing_subscriber::fmt::layer().with_ansi(false);
    let registry = tracing_subscriber::registry().with(filter);
    let _ = match open_log_file() {
        Some(file) => registry
            .with(layer.with_writer(std::io::stderr.and(Mutex::new(file))))
            .try_init(),
        None => registry.with(layer.with_writer(std::io::stderr)).try_init(),
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
