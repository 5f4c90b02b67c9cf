//! The POINT shell: wires Tauri's plugins, receives deep links, and opens the window.
//!
//! Everything that needs no window lives in the crates under `crates/`; this file only composes.

mod deep_link;

use tauri_plugin_deep_link::DeepLinkExt;

/// Builds and runs the app. Also the mobile entry point.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    init_logging();

    let builder = tauri::Builder::default();

    // The single-instance plugin must come first: on Linux and Windows the OS hands a deep link to
    // a new process as argv, and this plugin forwards it to the running instance (the `deep-link`
    // feature routes it into the deep-link plugin's `on_open_url`).
    #[cfg(desktop)]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
        use tauri::Manager;
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.set_focus();
        }
    }));

    builder
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let links = app.deep_link();
            // Warm start: a link that reaches the already running app.
            links.on_open_url(|event| {
                for url in event.urls() {
                    deep_link::receive(&url, "warm");
                }
            });
            // Cold start: the link that launched this process.
            match links.get_current() {
                Ok(Some(urls)) => urls.iter().for_each(|url| deep_link::receive(url, "cold")),
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "could not read the launch deep link"),
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            tracing::error!(%error, "POINT could not start");
            std::process::exit(1);
        });
}

/// Logs to stderr; `RUST_LOG` tunes the level (default: info for POINT, warn for the rest).
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,point=info,point_lib=info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
