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
use point_session::SessionState;
use url::Url;

use crate::error::AppError;
use crate::status::AppStatus;
use crate::surroundings::{AppEvents, BrowserDidNotOpen, Surroundings, SystemBrowser};
use crate::PointApp;

const USAGE: &str = "usage: point sign-in --device\n\
  Signs in on another device: POINT prints a page and a code; open the page on your phone or\n\
  another computer, check the code and sign in there. For a machine without a browser POINT\n\
  can use (an SSH session, a kiosk). In the window, sign-in uses this computer's browser.";

/// Runs the command; `args` are those after `sign-in`.
pub fn main(mut args: impl Iterator<Item = String>, app_version: &str) -> ExitCode {
    if args.next().as_deref() != Some("--device") || args.next().is_some() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("POINT could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(sign_in(app_version)) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

async fn sign_in(app_version: &str) -> Result<String, AppError> {
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
        return Ok(format!(
            "POINT already has a session for {}. Sign out in POINT's window to sign in as someone else.",
            who(&profile)
        ));
    }
    let profile = app.sign_in_on_another_device(print_instructions).await?;
    Ok(format!(
        "Signed in as {}. POINT opens signed in from its next start (quit it first if it is open).",
        who(&profile)
    ))
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
    let _ = writeln!(
        out,
        "To sign in to POINT, open this page on your phone or another computer:\n\n    {}\n\n\
         and enter this code:\n\n    {}\n",
        authorization.verification_uri, authorization.user_code
    );
    if let Some(complete) = &authorization.verification_uri_complete {
        let _ = writeln!(out, "(or open {complete}, which has the code in it)\n");
    }
    let _ = writeln!(
        out,
        "The code works for {minutes} minutes. Waiting for you to sign in…"
    );
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
