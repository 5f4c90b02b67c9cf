//! Development builds register themselves as the `org.pointapp.point:` handler, so sign-in works
//! from `scripts/demo` and the end-to-end test; so does an AppImage, which nothing installs
//! (it registers the path it runs from, at each start, as AppImages move). Installed builds get
//! the handler from their package instead (.deb/.rpm .desktop entry, the Windows installer,
//! Info.plist).
//!
//! On Linux POINT writes the .desktop entry itself rather than using the deep-link plugin's
//! `register_all`: the plugin quotes the Exec path even when nothing needs quoting, and
//! xdg-open's generic mode (no desktop environment) takes the quotes as part of the program
//! name and fails. Set POINT_NO_SCHEME_REGISTRATION to skip this. The registration runs two
//! programs (`update-desktop-database`, `xdg-mime`), so it runs on its own thread: the window's
//! first frame never waits for it.

#[cfg(target_os = "linux")]
pub fn register(_app: &tauri::App, identity: point_config::AppIdentity) {
    if std::env::var_os("POINT_NO_SCHEME_REGISTRATION").is_some() {
        return;
    }
    let handler = if identity.is_development() {
        std::env::current_exe().ok().map(|exe| {
            (
                exe,
                identity.development_desktop_entry(),
                "POINT (development)",
            )
        })
    } else {
        std::env::var_os("APPIMAGE").map(|image| {
            let image = std::path::PathBuf::from(image);
            (image, "org.pointapp.point.appimage.desktop", "POINT")
        })
    };
    if let Some((exe, name, title)) = handler {
        let registration = std::thread::Builder::new()
            .name("scheme-registration".into())
            .spawn(move || {
                if let Err(error) = register_desktop_entry(&exe, name, title, identity.scheme()) {
                    tracing::warn!(%error, "could not register the org.pointapp.point scheme");
                }
            });
        if let Err(error) = registration {
            tracing::warn!(%error, "could not start registering the org.pointapp.point scheme");
        }
    }
}

#[cfg(target_os = "linux")]
fn register_desktop_entry(
    exe: &std::path::Path,
    name: &str,
    title: &str,
    scheme: &str,
) -> std::io::Result<()> {
    use std::process::Command;

    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".local/share"))
        })
        .ok_or_else(|| std::io::Error::other("neither XDG_DATA_HOME nor HOME is set"))?;
    let dir = data_home.join("applications");
    std::fs::create_dir_all(&dir)?;
    let entry = format!(
        "[Desktop Entry]\nType=Application\nName={title}\nExec={} %u\nTerminal=false\nNoDisplay=true\nMimeType=x-scheme-handler/{scheme};\n",
        exec_word(&exe.to_string_lossy())
    );
    std::fs::write(dir.join(name), entry)?;
    let _ = Command::new("update-desktop-database").arg(&dir).status();
    let status = Command::new("xdg-mime")
        .args(["default", name, &format!("x-scheme-handler/{scheme}")])
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other(format!(
            "xdg-mime exited with {status}"
        )));
    }
    Ok(())
}

/// A program path as an Exec word: bare unless it has a character the Desktop Entry
/// Specification reserves, then double-quoted with `"`, `` ` ``, `$` and `\` escaped.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn exec_word(path: &str) -> String {
    const RESERVED: &[char] = &[
        ' ', '\t', '\n', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(',
        ')', '`',
    ];
    if !path.contains(RESERVED) {
        return path.to_string();
    }
    let mut quoted = String::from("\"");
    for c in path.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

#[cfg(windows)]
pub fn register(app: &tauri::App, identity: point_config::AppIdentity) {
    use tauri_plugin_deep_link::DeepLinkExt;
    if identity.is_development() && std::env::var_os("POINT_NO_SCHEME_REGISTRATION").is_none() {
        if let Err(error) = app.deep_link().register_all() {
            tracing::warn!(%error, "could not register the org.pointapp.point scheme");
        }
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
pub fn register(_app: &tauri::App, _identity: point_config::AppIdentity) {}

#[cfg(test)]
mod tests {
    use super::exec_word;

    #[test]
    fn exec_words_are_quoted_only_when_needed() {
        assert_eq!(exec_word("/usr/bin/point"), "/usr/bin/point");
        assert_eq!(exec_word("/home/a b/point"), "\"/home/a b/point\"");
        assert_eq!(exec_word("/opt/$x/po\"int"), "\"/opt/\\$x/po\\\"int\"");
    }
}
