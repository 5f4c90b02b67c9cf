//! The desktop portal on real parts: Debian's xdg-desktop-portal with its GTK backend, started
//! by D-Bus on a private session bus, opens a URL that POINT hands it over the bus in the
//! person's default browser (here a desktop entry that writes down what it was given).
//!
//! Needs a display and that private bus: `scripts/test` runs it under Xvfb and
//! `scripts/with-keyring` with POINT_DESKTOP_PORTAL=required; without that it says why and
//! passes, as the keychain tests do without POINT_SECRET_SERVICE.
#![cfg(target_os = "linux")]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use point_app::desktop_portal::{open_uri, PortalOutcome};
use url::Url;

fn required() -> bool {
    std::env::var("POINT_DESKTOP_PORTAL").as_deref() == Ok("required")
}

fn folder(variable: &str) -> PathBuf {
    PathBuf::from(std::env::var(variable).unwrap_or_else(|_| panic!("{variable} is set")))
}

#[test]
fn the_portal_opens_the_url_in_the_default_browser() {
    if !required() {
        eprintln!("skipped: POINT_DESKTOP_PORTAL=required is not set (scripts/test sets it)");
        return;
    }
    // A "browser" for https: links, as the person's desktop would have one.
    let written = folder("XDG_RUNTIME_DIR").join("browser-was-given.txt");
    let applications = folder("XDG_DATA_HOME").join("applications");
    std::fs::create_dir_all(&applications).unwrap();
    std::fs::write(
        applications.join("point-test-browser.desktop"),
        format!(
            "[Desktop Entry]\nType=Application\nName=Test browser\n\
             Exec=/bin/sh -c 'echo \"$1\" >> {}' sh %u\n\
             MimeType=x-scheme-handler/https;x-scheme-handler/http;\n",
            written.display()
        ),
    )
    .unwrap();
    let config = folder("XDG_CONFIG_HOME");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("mimeapps.list"),
        "[Default Applications]\nx-scheme-handler/https=point-test-browser.desktop\n",
    )
    .unwrap();
    // The portal, started by D-Bus, sees this desktop's settings.
    let updated = std::process::Command::new("dbus-update-activation-environment")
        .args([
            "DISPLAY",
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "XDG_RUNTIME_DIR",
            "XDG_CURRENT_DESKTOP=GNOME",
        ])
        .status()
        .expect("dbus-update-activation-environment runs");
    assert!(updated.success());

    let url = Url::parse(
        "https://example.okta.test/oauth2/default/v1/authorize?client_id=0oaX&request_uri=urn%3Aokta%3Aabc",
    )
    .unwrap();
    let started = Instant::now();
    assert_eq!(open_uri(&url), PortalOutcome::Opened);
    let deadline = Instant::now() + Duration::from_secs(15);
    let given = loop {
        if let Ok(text) = std::fs::read_to_string(&written) {
            if !text.is_empty() {
                break text;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the browser was not started with the URL"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(given.trim(), url.as_str());
    eprintln!(
        "the portal opened the URL in {} ms (its first start included)",
        started.elapsed().as_millis()
    );
}
