//! Opens URLs in the system browser, from Rust (RFC 8252: never in the app's own webview).
//!
//! On desktop, honours `BROWSER` as command-line and desktop tools do: a `:`-separated list of
//! commands, each with `%s` for the URL or the URL appended; the first that starts wins.
//! Otherwise, on Linux, the desktop portal's OpenURI over D-Bus, which puts the URL on no command
//! line of POINT's; where there is no portal, the opener plugin asks the OS (`xdg-open` on
//! Linux; on iOS and Android through its native side).

use point_app::{BrowserDidNotOpen, SystemBrowser};
use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

/// The system browser, for the use cases. A failure carries nothing (the URL may hold the ID
/// token), and is logged without the opener's text, which may quote the URL.
pub struct OsBrowser(pub AppHandle);

impl SystemBrowser for OsBrowser {
    fn open(&self, url: &url::Url) -> Result<(), BrowserDidNotOpen> {
        // BROWSER names web browsers: a mailto: link goes to the OS's mail handler instead.
        #[cfg(desktop)]
        if matches!(url.scheme(), "https" | "http") && open_from_browser_variable(url) {
            return Ok(());
        }
        #[cfg(target_os = "linux")]
        match point_app::desktop_portal::open_uri(url) {
            point_app::desktop_portal::PortalOutcome::Opened => return Ok(()),
            point_app::desktop_portal::PortalOutcome::Unavailable(why) => {
                tracing::info!(%why, "no desktop portal to open the browser: xdg-open instead");
            }
        }
        self.0
            .opener()
            .open_url(url.as_str(), None::<&str>)
            .map_err(|_| BrowserDidNotOpen)
    }
}

/// Starts the first command of `BROWSER` that starts; false when none does or it is unset.
#[cfg(desktop)]
fn open_from_browser_variable(url: &url::Url) -> bool {
    use std::process::{Command, Stdio};
    if let Ok(browsers) = std::env::var("BROWSER") {
        for candidate in browsers.split(':').filter(|c| !c.trim().is_empty()) {
            let mut words: Vec<String> = candidate.split_whitespace().map(str::to_string).collect();
            if words.iter().any(|w| w.contains("%s")) {
                words = words
                    .iter()
                    .map(|w| w.replace("%s", url.as_str()))
                    .collect();
            } else {
                words.push(url.to_string());
            }
            let Some((program, args)) = words.split_first() else {
                continue;
            };
            let started = Command::new(program)
                .args(args)
                .stdin(Stdio::null())
                .spawn();
            if started.is_ok() {
                tracing::info!(browser = %program, "opened the browser from BROWSER");
                return true;
            }
        }
    }
    false
}
