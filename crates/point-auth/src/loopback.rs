//! The loopback redirect (RFC 8252 §7.3): for a sign-in whose `org.pointapp.point:` link cannot
//! reach the app (no handler registered, a sandbox), Okta sends the browser to
//! `http://127.0.0.1:{port}/login` instead, where POINT listens for that one sign-in only.
//!
//! The listener binds the IPv4 loopback address (never `localhost`, never another interface) on
//! a port the OS chooses, answers each request on its own, and ends at the first request to
//! `/login` whose callback the caller accepts (the pending sign-in's state): that request gets a
//! small page telling the person to return to POINT. Any other request (another path, a
//! callback for another sign-in, garbage, a `Host` other than its own `127.0.0.1:<port>`, as a
//! page of another site rebound to 127.0.0.1 would send) gets a short refusal and the listener
//! keeps waiting; nothing it receives is logged. At most a few connections are answered at once:
//! past that the oldest is closed. It stops when dropped.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::callback::{parse_sign_in_callback_to, SignInCallback};
use crate::config::{Redirect, LOOPBACK_PATH};

/// The largest request head read (a callback is well under this).
const MAX_REQUEST: usize = 16 * 1024;
/// How long one connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections answered at once; past this the oldest is closed to make room (a local process
/// that opens many and sends nothing cannot hold the browser's answer out).
const MAX_CONNECTIONS: usize = 16;

/// The page for the sign-in's answer, whatever Okta answered (POINT says what happened).
const DONE_PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Return to POINT</title>\
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0}\
main{max-width:28rem;text-align:center}</style></head><body><main><h1>Return to POINT</h1>\
<p>POINT has Okta's answer and is finishing the sign-in. You can close this tab.</p></main></body></html>";
/// After the listener failed to accept a connection (out of file descriptors, say): a pause,
/// so that a failure that lasts does not spin.
const ACCEPT_RETRY: Duration = Duration::from_millis(200);

/// The listener could not start, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum LoopbackError {
    #[error("POINT could not listen on 127.0.0.1 for the sign-in's answer: {0}")]
    Bind(String),
}

/// A listener for one sign-in's loopback redirect.
#[derive(Debug)]
pub struct LoopbackListener {
    listener: TcpListener,
    port: u16,
}

impl LoopbackListener {
    /// Listens on 127.0.0.1, on a port the OS chooses.
    pub async fn bind() -> Result<Self, LoopbackError> {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(|e| LoopbackError::Bind(e.to_string()))?;
        let port = listener
            .local_addr()
            .map_err(|e| LoopbackError::Bind(e.to_string()))?
            .port();
        Ok(Self { listener, port })
    }

    /// The redirect to give Okta for this listener.
    pub fn redirect(&self) -> Redirect {
        Redirect::Loopback { port: self.port }
    }

    /// Waits for the callback `accept` takes (the pending sign-in's state), answering every
    /// other request with a refusal. Connections are answered side by side, so one that sends
    /// nothing (a browser's preconnect, another local process) delays nobody. Runs until then,
    /// or until dropped.
    pub async fn receive<F>(self, accept: F) -> SignInCallback
    where
        F: Fn(&SignInCallback) -> bool + Send + Sync + 'static,
    {
        let accept = std::sync::Arc::new(accept);
        let redirect_uri: std::sync::Arc<str> = self.redirect().uri().into();
        let mut answering = tokio::task::JoinSet::new();
        let mut oldest_first = std::collections::VecDeque::new();
        loop {
            tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, _)) => {
                        oldest_first.retain(|task: &tokio::task::AbortHandle| !task.is_finished());
                        if oldest_first.len() >= MAX_CONNECTIONS {
                            if let Some(oldest) = oldest_first.pop_front() {
                                oldest.abort();
                            }
                        }
                        let (accept, redirect_uri) = (accept.clone(), redirect_uri.clone());
                        let task = answering
                            .spawn(async move { answer(stream, &redirect_uri, &*accept).await });
                        oldest_first.push_back(task);
                    }
                    Err(_) => tokio::time::sleep(ACCEPT_RETRY).await,
                },
                Some(answered) = answering.join_next(), if !answering.is_empty() => {
                    if let Ok(Some(callback)) = answered {
                        return callback;
                    }
                }
            }
        }
    }
}

/// Reads one request and answers it; the callback when it is the one.
async fn answer<F: Fn(&SignInCallback) -> bool>(
    mut stream: TcpStream,
    redirect_uri: &str,
    accept: &F,
) -> Option<SignInCallback> {
    let head = tokio::time::timeout(READ_TIMEOUT, read_head(&mut stream))
        .await
        .ok()
        .flatten();
    let (status, body, callback) = match head.as_deref().map(|h| read_callback(h, redirect_uri)) {
        Some(Ok(callback)) if accept(&callback) => ("200 OK", DONE_PAGE, Some(callback)),
        Some(Ok(_)) => (
            "400 Bad Request",
            "This is not the sign-in POINT is waiting for.",
            None,
        ),
        Some(Err(Refusal::NotFound)) => ("404 Not Found", "Not found.", None),
        Some(Err(Refusal::Method)) => ("405 Method Not Allowed", "Only GET.", None),
        Some(Err(Refusal::Unreadable | Refusal::Host)) | None => {
            ("400 Bad Request", "Bad request.", None)
        }
    };
    let content_type = if callback.is_some() {
        "text/html; charset=utf-8"
    } else {
        "text/plain; charset=utf-8"
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
    callback
}

/// The request head (up to the blank line), or None if it is too long or never ends.
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::with_capacity(1024);
    let mut buffer = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut buffer).await.ok()?;
        if read == 0 || head.len() + read > MAX_REQUEST {
            return None;
        }
        head.extend_from_slice(&buffer[..read]);
    }
    String::from_utf8(head).ok()
}

#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    NotFound,
    Method,
    Unreadable,
    /// A `Host` other than the listener's own `127.0.0.1:<port>` (DNS rebinding), or none.
    Host,
}

/// The callback in a request head (`GET /login?code=…&state=… HTTP/1.1`), sent to this
/// listener by its own name. Pure and total.
fn read_callback(head: &str, redirect_uri: &str) -> Result<SignInCallback, Refusal> {
    let line = head.lines().next().ok_or(Refusal::Unreadable)?;
    let mut parts = line.split(' ');
    let (method, target) = (parts.next(), parts.next());
    let target = target.ok_or(Refusal::Unreadable)?;
    if method != Some("GET") {
        return Err(Refusal::Method);
    }
    let path = target.split('?').next().unwrap_or_default();
    if path != LOOPBACK_PATH {
        return Err(Refusal::NotFound);
    }
    let own_host = redirect_uri
        .strip_prefix("http://")
        .and_then(|rest| rest.strip_suffix(LOOPBACK_PATH))
        .ok_or(Refusal::Unreadable)?;
    let host = head.lines().skip(1).find_map(|header| {
        let (name, value) = header.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("host")
            .then(|| value.trim())
    });
    if host != Some(own_host) {
        return Err(Refusal::Host);
    }
    let base = redirect_uri
        .strip_suffix(LOOPBACK_PATH)
        .ok_or(Refusal::Unreadable)?;
    parse_sign_in_callback_to(&format!("{base}{target}"), redirect_uri)
        .map_err(|_| Refusal::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URI: &str = "http://127.0.0.1:50123/login";

    #[test]
    fn the_callback_is_read_from_the_request_line() {
        let head = "GET /login?code=abc&state=xyz&iss=https%3A%2F%2Fcompany.okta.com HTTP/1.1\r\nHost: 127.0.0.1:50123\r\n\r\n";
        match read_callback(head, URI) {
            Ok(SignInCallback::Code {
                code,
                state,
                issuer,
            }) => {
                assert_eq!(code.expose(), "abc");
                assert_eq!(state.expose(), "xyz");
                assert_eq!(issuer.as_deref(), Some("https://company.okta.com"));
            }
            other => panic!("{other:?}"),
        }
        let denied =
            "GET /login?error=access_denied&state=xyz HTTP/1.1\r\nHost: 127.0.0.1:50123\r\n\r\n";
        assert!(matches!(
            read_callback(denied, URI),
            Ok(SignInCallback::Error { .. })
        ));
    }

    #[test]
    fn anything_else_is_refused() {
        for (head, refusal) in [
            ("GET /favicon.ico HTTP/1.1\r\n\r\n", Refusal::NotFound),
            (
                "GET /login/x?code=a&state=b HTTP/1.1\r\n\r\n",
                Refusal::NotFound,
            ),
            (
                "POST /login?code=a&state=b HTTP/1.1\r\n\r\n",
                Refusal::Method,
            ),
            (
                "GET /login?code=a HTTP/1.1\r\nHost: 127.0.0.1:50123\r\n\r\n",
                Refusal::Unreadable,
            ),
            (
                "GET /login?code=a&code=b&state=c HTTP/1.1\r\nHost: 127.0.0.1:50123\r\n\r\n",
                Refusal::Unreadable,
            ),
            ("", Refusal::Unreadable),
            (
                "GET /login?code=a&state=b HTTP/1.1\r\nHost: rebound.example:50123\r\n\r\n",
                Refusal::Host,
            ),
            ("GET /login?code=a&state=b HTTP/1.1\r\n\r\n", Refusal::Host),
            ("GET\r\n\r\n", Refusal::Unreadable),
        ] {
            assert_eq!(read_callback(head, URI).unwrap_err(), refusal, "{head:?}");
        }
    }

    #[tokio::test]
    async fn the_listener_waits_for_its_own_callback_and_answers_the_rest() {
        let listener = LoopbackListener::bind().await.unwrap();
        let Redirect::Loopback { port } = listener.redirect() else {
            panic!("a loopback redirect")
        };
        let waiting = tokio::spawn(listener.receive(|callback| {
            callback
                .state()
                .is_some_and(|state| state.expose() == "mine")
        }));
        let get_from = |target: &'static str, host: String| async move {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            stream
                .write_all(format!("GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes())
                .await
                .unwrap();
            let mut answer = String::new();
            stream.read_to_string(&mut answer).await.unwrap();
            answer
        };
        let get = |target: &'static str| get_from(target, format!("127.0.0.1:{port}"));
        // A connection that sends nothing holds nobody up (answers alone would wait 10 s).
        let _idle = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let quick = tokio::time::timeout(Duration::from_secs(2), get("/favicon.ico")).await;
        assert!(quick
            .expect("answered beside the idle connection")
            .starts_with("HTTP/1.1 404"));
        assert!(get("/login?code=a&state=theirs")
            .await
            .starts_with("HTTP/1.1 400"));
        assert!(!waiting.is_finished());
        // The right callback under another name (DNS rebinding: a page of evil.example whose
        // name now points at 127.0.0.1) is refused, and the listener keeps waiting.
        for host in [
            format!("evil.example:{port}"),
            "127.0.0.1".into(),
            String::new(),
        ] {
            let refused = get_from("/login?code=a&state=mine", host.clone()).await;
            assert!(refused.starts_with("HTTP/1.1 400"), "{host}: {refused}");
        }
        assert!(!waiting.is_finished());
        let done = get("/login?code=a&state=mine").await;
        assert!(done.starts_with("HTTP/1.1 200"), "{done}");
        assert!(done.contains("Return to POINT"));
        let callback = waiting.await.unwrap();
        assert_eq!(callback.state().unwrap().expose(), "mine");
        // Then the port is closed.
        assert!(TcpStream::connect(("127.0.0.1", port)).await.is_err());
    }

    #[tokio::test]
    async fn idle_connections_are_capped_and_the_oldest_go_first() {
        let listener = LoopbackListener::bind().await.unwrap();
        let Redirect::Loopback { port } = listener.redirect() else {
            panic!("a loopback redirect")
        };
        let _waiting = tokio::spawn(listener.receive(|_| false));
        let mut idle = Vec::new();
        for _ in 0..MAX_CONNECTIONS + 4 {
            idle.push(TcpStream::connect(("127.0.0.1", port)).await.unwrap());
        }
        // The first connections are closed at once to make room, not held for 10 s.
        let mut first = idle.remove(0);
        let mut byte = [0u8; 1];
        let closed = tokio::time::timeout(Duration::from_secs(2), first.read(&mut byte)).await;
        assert!(
            matches!(closed, Ok(Ok(0)) | Ok(Err(_))),
            "the oldest idle connection is still held: {closed:?}"
        );
    }
}
