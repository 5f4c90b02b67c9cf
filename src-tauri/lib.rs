//! The POINT shell: wires Tauri's plugins, hands deep links to the use cases, exposes commands
//! that are one call each into `point_app`, and opens the window. Everything that needs no
//! window lives in the crates under `crates/`.

mod browser;
mod commands;
pub mod contract;
mod deep_link;
mod events;
mod logging;
mod scheme_registration;
mod updates;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use point_app::{PointApp, Surroundings};
use point_config::AppIdentity;
use tauri::{AppHandle, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

/// How long after setup the use cases start if the window has not asked by then.
const START_AT_THE_LATEST: Duration = Duration::from_secs(3);

/// Starts the use cases (`PointApp::start`), once per process, off the main thread.
pub(crate) fn start_once(app: &AppHandle) {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let point = app.state::<Arc<PointApp>>().inner().clone();
    tauri::async_runtime::spawn(async move { point.start().await });
}

/// Builds and runs the app. Also the mobile entry point.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let launched = std::time::Instant::now();
    logging::init();
    tracing::debug!(target: "launch", "main begins");

    let builder = tauri::Builder::default();

    // The single-instance plugin must come first: on Linux and Windows the OS hands a deep link to
    // a new process as argv, and this plugin forwards it to the running instance (the `deep-link`
    // feature routes it into the deep-link plugin's `on_open_url`).
    #[cfg(desktop)]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
        deep_link::focus_main_window(app);
    }));

    // The window opens where and as large as the person left it.
    #[cfg(desktop)]
    let builder = builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(updates::PendingUpdate::default());

    builder
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        // The window's size and position are saved as they change, not only at a clean exit: a
        // session that ends with the OS (log-out, shutdown) keeps them too.
        .on_window_event(move |window, event| {
            #[cfg(desktop)]
            if matches!(
                event,
                tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Moved(_)
            ) {
                tracing::debug!(
                    ms = launched.elapsed().as_millis(),
                    ?event,
                    "window moved or resized"
                );
                use tauri_plugin_window_state::{AppHandleExt, StateFlags};
                if let Err(error) = window.app_handle().save_window_state(StateFlags::all()) {
                    tracing::debug!(%error, "could not save the window's size and position");
                }
            }
            #[cfg(mobile)]
            let _ = (window, event);
        })
        .on_page_load(move |_, payload| {
            let ms = launched.elapsed().as_millis();
            tracing::debug!(target: "launch", ms, event = ?payload.event(), "window page load");
        })
        .invoke_handler(tauri::generate_handler![
            commands::session_state,
            commands::localization,
            commands::sign_in,
            commands::cancel_sign_in,
            commands::sign_in_on_another_device,
            commands::cancel_sign_in_on_another_device,
            commands::switch_organization,
            commands::sign_in_to_another_organization,
            commands::open_browser_again,
            commands::step_up,
            commands::sign_out,
            commands::dashboard,
            commands::kept_dashboard,
            commands::set_up_manually,
            commands::dismiss_notice,
            commands::support_bundle,
            commands::email_support,
            commands::update_state,
            commands::install_update,
            commands::restart,
        ])
        .setup(move |app| {
            tracing::debug!(target: "launch", ms = launched.elapsed().as_millis(), "setup begins");
            let identity = AppIdentity::of_this_build();
            let surroundings = Surroundings::of_this_machine(
                env!("CARGO_PKG_VERSION"),
                identity,
                Arc::new(browser::OsBrowser(app.handle().clone())),
                Arc::new(events::WindowEvents(app.handle().clone())),
            )
            .map_err(|error| contract::ErrorView::from(error).message)?;
            app.manage(PointApp::new(surroundings));
            scheme_registration::register(app, identity);

            let links = app.deep_link();
            // Warm start: a link that reaches the already running app.
            let handle = app.handle().clone();
            links.on_open_url(move |event| {
                for url in event.urls() {
                    deep_link::receive(&handle, url, "warm");
                }
            });
            // Cold start: the link that launched this process.
            match links.get_current() {
                Ok(Some(urls)) => {
                    for url in urls {
                        deep_link::receive(app.handle(), url, "cold");
                    }
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "could not read the launch deep link"),
            }

            // The use cases (settings files, keychain, discovery, the restore) start at the
            // window's first ask, after its first frame (`commands::localization`): nothing of
            // theirs competes with that frame. Should it never ask, they start anyway.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                tokio::time::sleep(START_AT_THE_LATEST).await;
                start_once(&handle);
            });
            updates::start(app.handle());
            tracing::debug!(target: "launch", ms = launched.elapsed().as_millis(), "setup done");
            Ok(())
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            tracing::error!(%error, "POINT could not start");
            std::process::exit(1);
        });
}
