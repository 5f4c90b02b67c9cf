//! The support bundle: what a person attaches when they contact support. The app's version and
//! OS, which configuration is in force and where it came from, the session's state, the results
//! of `point doctor`, and the last lines of the log. Nothing secret: the configuration holds no
//! secret, and every log line is checked again ([`scrub`]) although the log is token-free.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use point_config::{AppIdentity, Resolved, LOG_FILE};
use point_i18n::Message;
use url::Url;

use crate::app::PointApp;
use crate::error::AppError;
use crate::status::state_name;

/// POINT's own support, when IT names none.
pub const DEFAULT_SUPPORT_EMAIL: &str = "support@pointapp.org";
pub const DEFAULT_SUPPORT_URL: &str = "https://pointapp.org/support";
/// How much of the log goes in.
const LOG_LINES: usize = 200;

impl PointApp {
    /// Where staff get help (IT's help desk, or POINT's).
    pub fn support_contact(&self) -> SupportContact {
        SupportContact::of(&self.settings().0)
    }

    /// Writes the support bundle (version, OS, configuration in force and where it came from,
    /// the session's state, `point doctor`'s results, the last lines of the log: nothing
    /// secret) and returns where.
    pub async fn write_support_bundle(&self) -> Result<(PathBuf, SupportContact), AppError> {
        let (resolved, problem) = self.settings();
        let surroundings = self.surroundings();
        let identity = surroundings.identity;
        let checks: Vec<String> = point_doctor::run(identity)
            .await
            .into_iter()
            .map(|check| check.summary())
            .collect();
        let state = match self.organizations().in_force().await {
            Ok(organization) => state_name(&organization.session.status().state),
            Err(_) => Message::new("bundle-state-not-set-up"),
        };
        let problem = problem.or_else(|| self.organizations().settings_problem());
        let text = bundle_text(
            &surroundings.app_version,
            identity,
            &resolved,
            problem.map(|p| p.spoken()).as_deref(),
            &state.spoken(),
            &checks,
            &read_log(identity),
        );
        let path = bundle_path(&surroundings.data_dir);
        point_config::write_private(&path, text.as_bytes())
            .map_err(|e| AppError::Storage(e.to_string()))?;
        tracing::info!(path = %path.display(), "wrote a support bundle");
        Ok((path, SupportContact::of(&resolved)))
    }

    /// Opens an email to support in the mail app (through the system's opener), naming the
    /// bundle to attach.
    pub fn email_support(&self, bundle: Option<&Path>) -> Result<(), AppError> {
        let link = self.support_contact().mail_link(bundle);
        let url = Url::parse(&link).map_err(|_| AppError::BrowserDidNotOpen)?;
        self.open_browser(&url)
    }
}

/// Where staff get help: IT's help desk when set, else POINT's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportContact {
    pub email: String,
    pub url: String,
}

impl SupportContact {
    pub fn of(resolved: &Resolved) -> Self {
        let managed = resolved.managed.as_ref();
        Self {
            email: managed
                .and_then(|m| m.support_email.clone())
                .filter(|e| e.contains('@') && !e.contains(['?', '&', '\n']))
                .unwrap_or_else(|| DEFAULT_SUPPORT_EMAIL.into()),
            url: managed
                .and_then(|m| m.support_url.clone())
                .filter(|u| u.starts_with("https://"))
                .unwrap_or_else(|| DEFAULT_SUPPORT_URL.into()),
        }
    }

    /// A `mailto:` link with a subject and a body that says what to attach.
    pub fn mail_link(&self, bundle: Option<&Path>) -> String {
        let describe = Message::new("mail-describe").spoken();
        let body = match bundle {
            Some(path) => {
                let attach = Message::new("mail-attach").with("path", path.display().to_string());
                format!("{describe}\n\n{}", attach.spoken())
            }
            None => describe,
        };
        format!(
            "mailto:{}?subject={}&body={}",
            self.email,
            encode(&Message::new("mail-subject").spoken()),
            encode(&body)
        )
    }
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// The bundle's text. The configuration in force is `point doctor`'s rendering of it
/// ([`point_doctor::configuration_in_force`]), one line each.
pub fn bundle_text(
    app_version: &str,
    identity: AppIdentity,
    resolved: &Resolved,
    settings_problem: Option<&str>,
    session_state: &str,
    doctor: &[String],
    log: &str,
) -> String {
    let mut out = String::new();
    // Every section is scrubbed, not only the log: the configuration and `point doctor` name
    // addresses, and the bundle leaves the company by email.
    let mut line = |text: String| {
        out.push_str(&scrub(&text));
        out.push('\n');
    };
    let say = |message: Message| message.spoken();
    line(say(Message::new("bundle-title")));
    line(say(
        Message::new("bundle-created").with("seconds", unix_now().to_string())
    ));
    let build = if identity.is_development() {
        "bundle-app-development"
    } else {
        "bundle-app-release"
    };
    line(say(Message::new(build).with("version", app_version)));
    line(say(Message::new("bundle-os").with(
        "os",
        format!(
            "{} {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH,
            os_name()
        ),
    )));
    line(String::new());
    line(format!("== {}", say(Message::new("bundle-configuration"))));
    for text in point_doctor::configuration_in_force(resolved) {
        line(text.spoken());
    }
    if let Some(problem) = settings_problem {
        line(say(
            Message::new("bundle-settings-problem").with("problem", problem)
        ));
    }
    line(say(
        Message::new("bundle-session").with("state", session_state)
    ));
    line(String::new());
    line(format!("== {}", say(Message::new("bundle-doctor"))));
    for check in doctor {
        line(check.clone());
    }
    line(String::new());
    line(format!(
        "== {}",
        say(Message::new("bundle-log").with("lines", LOG_LINES))
    ));
    let lines: Vec<&str> = log.lines().collect();
    for text in &lines[lines.len().saturating_sub(LOG_LINES)..] {
        line(text.to_string());
    }
    out
}

/// The last part of POINT's log (the current file; the previous one when it was just rotated).
pub fn read_log(identity: AppIdentity) -> String {
    let Some(dir) = identity.log_dir() else {
        return Message::new("bundle-no-log-folder").spoken();
    };
    let current = std::fs::read_to_string(dir.join(LOG_FILE)).unwrap_or_default();
    if current.lines().count() >= LOG_LINES {
        return current;
    }
    let previous = std::fs::read_to_string(dir.join(format!("{LOG_FILE}.1"))).unwrap_or_default();
    previous + &current
}

/// A log line with anything that looks like token material replaced: JWTs (`eyJ…`), and the
/// value of any `code`, `state`, `*_token`, `token`, `id_token_hint` or `code_verifier`
/// parameter or field, and a user name and password in an address (`scheme://[redacted]@host`).
/// The log never holds these; this is the second check.
pub fn scrub(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("://") {
            // A user name and password in an address: `scheme://[redacted]@host`.
            let authority = after
                .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace())
                .unwrap_or(after.len());
            if let Some(at) = after[..authority].rfind('@') {
                out.push_str("://[redacted]@");
                rest = &after[at + 1..];
                continue;
            }
        }
        if rest.starts_with("eyJ") {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
                .unwrap_or(rest.len());
            out.push_str("[redacted]");
            rest = &rest[end..];
            continue;
        }
        if let Some(skip) = secret_parameter(rest) {
            out.push_str(&rest[..skip]);
            rest = &rest[skip..];
            let end = rest
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, '&' | '"' | ',' | '}' | ';' | '\\')
                })
                .unwrap_or(rest.len());
            out.push_str("[redacted]");
            rest = &rest[end..];
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// When `text` starts with a secret parameter's name and its `=` or `":"` (after a separator),
/// how long that prefix is.
fn secret_parameter(text: &str) -> Option<usize> {
    const NAMES: &[&str] = &[
        "refresh_token",
        "access_token",
        "id_token_hint",
        "id_token",
        "code_verifier",
        "token",
        "code",
        "state",
    ];
    for name in NAMES {
        if let Some(after) = text.strip_prefix(name) {
            // Longest first: a quoted value's opening quote belongs to the separator.
            for separator in ["\": \"", "\":\"", "=\\\"", "=\"", ": \"", ":\"", "=", ":"] {
                if after.starts_with(separator) {
                    return Some(name.len() + separator.len());
                }
            }
        }
    }
    None
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

fn os_name() -> String {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_default()
}

/// Where the bundle goes: the Downloads folder as the OS names it (XDG user dirs, Windows
/// known folders, macOS), else the app's data folder.
pub fn bundle_path(data_dir: &Path) -> PathBuf {
    let dir = dirs::download_dir()
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| data_dir.to_path_buf());
    dir.join(format!("POINT-support-{}.txt", unix_now()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_of_the_bundle_is_scrubbed() {
        let managed = point_config::ManagedConfig::from_toml(
            "api_base = \"https://svc:dash-secret@dash.example.org/\"\n",
            "/etc/point/config.toml",
        )
        .unwrap();
        let resolved = point_config::resolve(
            false,
            |_| None,
            Some(&managed),
            &point_config::UserSettings::default(),
        );
        let text = bundle_text(
            "1.0.0",
            AppIdentity::DEVELOPMENT,
            &resolved,
            Some("proxy https://p:proxy-secret@proxy.example:3128 refused"),
            "signed in",
            &["PASS  dashboard: https://svc:doctor_secret@dash.example.org/ answers".into()],
            "",
        );
        for secret in ["dash-secret", "proxy-secret", "doctor_secret"] {
            assert!(!text.contains(secret), "{secret} in:\n{text}");
        }
    }

    #[test]
    fn token_material_never_passes_the_scrubber() {
        let cases = [
            (
                "opened org.pointapp.point:/login?code=abc123&state=xyz",
                "opened org.pointapp.point:/login?code=[redacted]&state=[redacted]",
            ),
            (
                "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig end",
                "token [redacted] end",
            ),
            (
                r#"{"refresh_token":"r1","x":1}"#,
                r#"{"refresh_token":"[redacted]","x":1}"#,
            ),
            ("id_token_hint=eyJabc.def.ghi", "id_token_hint=[redacted]"),
            (
                r#"refresh_token="r1" next"#,
                r#"refresh_token="[redacted]" next"#,
            ),
            (
                r#"Tokens { refresh_token: "r1", x }"#,
                r#"Tokens { refresh_token: "[redacted]", x }"#,
            ),
            (
                r#"field refresh_token=\"r1\" end"#,
                r#"field refresh_token=\"[redacted]\" end"#,
            ),
            (
                "nothing secret: code path ok",
                "nothing secret: code path ok",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(scrub(line), expected, "{line}");
        }
    }

    #[test]
    fn the_help_desk_is_its_when_it_says_so_and_points_otherwise() {
        let resolve = |managed: Option<point_config::ManagedConfig>| {
            point_config::resolve(
                false,
                |_| None,
                managed.as_ref(),
                &point_config::UserSettings::default(),
            )
        };
        let ours = SupportContact::of(&resolve(None));
        assert_eq!(ours.email, DEFAULT_SUPPORT_EMAIL);
        let its = SupportContact::of(&resolve(Some(point_config::ManagedConfig {
            support_email: Some("help@corp.example".into()),
            support_url: Some("https://help.corp.example".into()),
            ..Default::default()
        })));
        assert_eq!(
            (its.email.as_str(), its.url.as_str()),
            ("help@corp.example", "https://help.corp.example")
        );
        // An address that would inject into the mail link, or a page that is not https: ours.
        let odd = SupportContact::of(&resolve(Some(point_config::ManagedConfig {
            support_email: Some("help@corp.example?cc=x@evil.example".into()),
            support_url: Some("http://help.corp.example".into()),
            ..Default::default()
        })));
        assert_eq!(odd, ours);
    }

    #[test]
    fn the_mail_link_is_one_link_with_the_bundle_named() {
        let contact = SupportContact {
            email: "help@corp.example".into(),
            url: DEFAULT_SUPPORT_URL.into(),
        };
        let link = contact.mail_link(Some(Path::new("/home/ann/Downloads/POINT-support-1.txt")));
        assert!(
            link.starts_with("mailto:help@corp.example?subject=POINT%20support%20request&body=")
        );
        assert!(link.contains("POINT-support-1.txt"));
        assert!(!link.contains(' ') && !link.contains('\n'));
    }
}
