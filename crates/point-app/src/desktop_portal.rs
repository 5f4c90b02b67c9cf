//! The XDG desktop portal's OpenURI (Linux): opens a URL in the person's browser by asking the
//! desktop over the person's session bus, so that POINT puts the URL on no command line
//! (`xdg-open` and `$BROWSER` take it as an argument, which every local account can read in
//! `/proc`). The one module of POINT's own code that uses zbus.
//!
//! The portal answers in two steps: the call returns a request handle, then a `Response` signal
//! on it says whether the URL was opened (0), the person cancelled a chooser (1), or it failed
//! (2). Only an answer that the portal is missing or failed lets the caller fall back to a
//! command; a portal that has the request but is still waiting for the person counts as opened,
//! so a page never opens twice.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::Duration;

use url::Url;
use zbus::blocking::{Connection, Proxy};
use zbus::zvariant::{OwnedObjectPath, Value};

const PORTAL: &str = "org.freedesktop.portal.Desktop";
const PORTAL_PATH: &str = "/org/freedesktop/portal/desktop";
const OPEN_URI: &str = "org.freedesktop.portal.OpenURI";
const REQUEST: &str = "org.freedesktop.portal.Request";

/// How long the portal may take to take the request (a first call starts it on D-Bus).
const TAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait for its answer before taking it as opened (a chooser may be on screen).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// What the portal did with a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortalOutcome {
    /// Opened, or in the portal's hands (waiting for the person, or cancelled by them).
    Opened,
    /// No portal, no OpenURI, or it failed: open the URL another way. Says why, for the log.
    Unavailable(String),
}

enum Progress {
    Taken,
    Answered(u32),
    Failed(String),
}

/// Opens `url` through the portal on the session bus.
pub fn open_uri(url: &Url) -> PortalOutcome {
    open_uri_on(None, url)
}

/// Like [`open_uri`], on the bus at `address` (the session bus when `None`).
pub fn open_uri_on(address: Option<&str>, url: &Url) -> PortalOutcome {
    let (sender, receiver) = mpsc::channel();
    let address = address.map(str::to_string);
    let url = url.to_string();
    // The D-Bus calls block: a thread of their own, so that a hung bus costs the caller only
    // the timeouts below.
    let spawned = std::thread::Builder::new()
        .name("desktop-portal".into())
        .spawn(move || ask_portal(address.as_deref(), &url, &sender));
    if let Err(error) = spawned {
        return PortalOutcome::Unavailable(format!("no thread: {error}"));
    }
    match receiver.recv_timeout(TAKE_TIMEOUT) {
        Ok(Progress::Taken) => {}
        Ok(Progress::Failed(why)) => return PortalOutcome::Unavailable(why),
        Ok(Progress::Answered(code)) => return outcome_of(code),
        Err(_) => return PortalOutcome::Unavailable("the portal did not answer".into()),
    }
    match receiver.recv_timeout(ANSWER_TIMEOUT) {
        Ok(Progress::Answered(code)) => outcome_of(code),
        Ok(Progress::Failed(why)) => PortalOutcome::Unavailable(why),
        // Taken and still busy (a chooser on screen): the portal will open it.
        Ok(Progress::Taken) | Err(_) => PortalOutcome::Opened,
    }
}

fn outcome_of(code: u32) -> PortalOutcome {
    match code {
        0 | 1 => PortalOutcome::Opened,
        other => PortalOutcome::Unavailable(format!("the portal answered {other}")),
    }
}

fn ask_portal(address: Option<&str>, url: &str, progress: &mpsc::Sender<Progress>) {
    if let Err(why) = ask(address, url, progress) {
        let _ = progress.send(Progress::Failed(why.to_string()));
    }
}

fn ask(
    address: Option<&str>,
    url: &str,
    progress: &mpsc::Sender<Progress>,
) -> Result<(), zbus::Error> {
    let connection = match address {
        Some(address) => zbus::blocking::connection::Builder::address(address)?.build()?,
        None => Connection::session()?,
    };
    // The portal's request object is at a path made of this connection's name and a token of
    // ours: listening there before the call means no answer is missed.
    let token = format!("point_{}", std::process::id());
    let sender_name = connection
        .unique_name()
        .map(|name| name.trim_start_matches(':').replace('.', "_"))
        .unwrap_or_default();
    let request_path = format!("{PORTAL_PATH}/request/{sender_name}/{token}");
    let request = Proxy::new(&connection, PORTAL, request_path.as_str(), REQUEST)?;
    let mut responses = request.receive_signal("Response")?;
    let mut options: HashMap<&str, Value<'_>> = HashMap::new();
    options.insert("handle_token", Value::from(token.as_str()));
    let handle: OwnedObjectPath = connection
        .call_method(
            Some(PORTAL),
            PORTAL_PATH,
            Some(OPEN_URI),
            "OpenURI",
            &("", url, options),
        )?
        .body()
        .deserialize()?;
    let _ = progress.send(Progress::Taken);
    if handle.as_str() != request_path {
        // An older portal ignores the token; its answer comes on the path it returned.
        let request = Proxy::new(&connection, PORTAL, handle, REQUEST)?;
        responses = request.receive_signal("Response")?;
    }
    if let Some(response) = responses.next() {
        let (code, _results): (u32, HashMap<String, zbus::zvariant::OwnedValue>) =
            response.body().deserialize()?;
        let _ = progress.send(Progress::Answered(code));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_bus_the_portal_is_unavailable() {
        let url = Url::parse("https://example.okta.com/oauth2/v1/authorize?x=1").unwrap();
        assert!(matches!(
            open_uri_on(Some("unix:path=/nonexistent/point-bus"), &url),
            PortalOutcome::Unavailable(_)
        ));
    }

    #[test]
    fn only_a_failure_lets_the_caller_open_another_way() {
        assert_eq!(outcome_of(0), PortalOutcome::Opened);
        assert_eq!(outcome_of(1), PortalOutcome::Opened);
        assert!(matches!(outcome_of(2), PortalOutcome::Unavailable(_)));
    }
}
