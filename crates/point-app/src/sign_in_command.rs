//! `point sign-in --device`: sign in on another device (RFC 8628) from a terminal — an SSH
//! session, a kiosk, a locked-down VDI — where no browser can hand a link back to POINT. Prints
//! the page and the code, waits while the person signs in on their phone or another computer,
//! and keeps the session where the app finds it (the keychain), with the organization in force
//! (IT's configuration, or the settings saved by the window).

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use point_auth::DeviceAuthorization;
use point_config::AppIdentity;
use point_i18n::Message;
use point_session::SessionState;
use url::Url;

use crate::error::AppError;
use crate::status::AppStatus;
use crate::surroundings::{AppEvents, BrowserDidNotOpen, Surroundings, SystemBrowser};
use crate::PointApp;

/// Runs the command; `args` are those after `sign-in`.
pub fn main(mut args: impl Iterator<Item = String>, app_version: &str) -> ExitCode {
    // The OS's language until the settings are read (then IT's `locale` may change it).
    point_i18n::speak(point_i18n::negotiate(&point_i18n::os_locales()));
    if args.next().as_deref() != Some("--device") || args.next().is_some() {
        eprintln!("{}", Message::new("device-usage").spoken());
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            let said = Message::new("device-could-not-start").with("detail", error.to_string());
            eprintln!("{}", said.spoken());
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(sign_in(app_version)) {
        Ok(message) => {
            println!("{}", message.spoken());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.message().spoken());
            if let AppError::SignIn(cause)
            | AppError::Session(point_session::SessionError::SignIn(cause)) = &error
            {
                if let Some(hint) = cause.admin_hint() {
                    eprintln!("{}", hint.spoken());
                }
            }
            ExitCode::FAILURE
        }
    }
}

async fn sign_in(app_version: &str) -> Result<Message, AppError> {
    let surroundings = Surroundings::of_this_machine(
        app_version,
        AppIdentity::of_this_build(),
        Arc::new(NoBrowser),
        Arc::new(NoWindow),
    )?;
    let app = PointApp::new(surroundings);
    // No restore: the window's app may be running, and only one process may redeem a refresh
    // token. A stored session shows as "restoring" with its cached profile.
    app.set_up_without_restoring().await;
    if let SessionState::Restoring { profile } = app.status().await.session.state {
        return Ok(Message::new("device-already-signed-in").with("who", who(&profile)));
    }
    let profile = app.sign_in_on_another_device(print_instructions).await?;
    Ok(Message::new("device-signed-in").with("who", who(&profile)))
}

/// "Alice Anderson (alice@example.com)", or what there is of it.
fn who(profile: &point_session::Profile) -> String {
    match (&profile.name, &profile.email) {
        (Some(name), Some(email)) => format!("{name} ({email})"),
        (Some(name), None) => name.clone(),
        (None, Some(email)) => email.clone(),
        (None, None) => profile.subject.clone(),
    }
}

/// What the person needs on the other device, on stdout.
fn print_instructions(authorization: &DeviceAuthorization) {
    let minutes = authorization
        .expires_at
        .duration_since(std::time::SystemTime::now())
        .map(|left| left.as_secs().div_ceil(60))
        .unwrap_or_default();
    let mut out = std::io::stdout().lock();
    let say = |message: Message| message.spoken();
    let _ = writeln!(
        out,
        "{}\n\n    {}\n\n{}\n\n    {}\n",
        say(Message::new("device-open-page")),
        authorization.verification_uri,
        say(Message::new("device-enter-code")),
        authorization.user_code
    );
    if let Some(complete) = &authorization.verification_uri_complete {
        let said = Message::new("device-page-with-code").with("page", complete.to_string());
        let _ = writeln!(out, "{}\n", say(said));
    }
    let said = Message::new("device-waiting").with("minutes", minutes);
    let _ = writeln!(out, "{}", say(said));
    let _ = out.flush();
}

/// No browser in a terminal sign-in: nothing here opens one.
struct NoBrowser;

impl SystemBrowser for NoBrowser {
    fn open(&self, _: &Url) -> Result<(), BrowserDidNotOpen> {
        Err(BrowserDidNotOpen)
    }
}

/// No window to tell: the command prints what it has to say.
struct NoWindow;

impl AppEvents for NoWindow {
    fn status_changed(&self, _: &AppStatus) {}
    fn failed(&self, _: &AppError) {}
}
