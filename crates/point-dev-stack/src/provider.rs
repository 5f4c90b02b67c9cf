//! Starts and stops the Okta-shaped OpenID provider (dev/idp/server.js) as a child process.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use url::Url;

use crate::tls::CertificateFiles;
use crate::StackError;

/// A provider that has printed neither its ready line nor exited by then is hung: it is killed
/// (after a diagnostic report of where it was) and started again, up to [`START_ATTEMPTS`] times.
/// A normal start takes about 0.3 s; the limit is far from what any load makes of that.
const START_HANG_LIMIT: Duration = Duration::from_secs(60);
const START_ATTEMPTS: u32 = 2;

/// Why one start failed.
enum StartFailure {
    /// Neither ready nor exited: worth another try.
    Hung(StackError),
    Failed(StackError),
}

/// The shape of Okta authorization server to imitate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ServerShape {
    /// A custom authorization server: issuer `https://HOST:PORT/oauth2/default`.
    #[default]
    Custom,
    /// The org authorization server: issuer `https://HOST:PORT`, endpoints under `/oauth2/v1/`.
    Org,
}

/// How to run the provider.
#[derive(Debug, Clone, Default)]
pub struct ProviderOptions {
    pub shape: ServerShape,
    /// Sign in without a login page: the user named by `login_hint` (default alice).
    pub auto_login: bool,
    /// Access and ID token lifetime in seconds (default 3600, as Okta).
    pub access_token_ttl: Option<u32>,
    /// Refresh token rotation's grace period in seconds (default 30, as Okta; 0 allowed).
    pub refresh_grace: Option<u32>,
    /// The polling interval of a sign-in on another device, in seconds (default 5, as Okta).
    pub device_interval: Option<u32>,
}

/// A running provider; stopped when dropped.
#[derive(Debug)]
pub struct ProviderProcess {
    child: Child,
    pub issuer: Url,
    pub client_id: String,
    /// A second Native App whose tokens must be DPoP-bound (Okta's "Require Demonstrating
    /// Proof of Possession"): Globex's.
    pub dpop_client_id: String,
}

/// The provider's sources: `dev/idp` in this repository.
pub fn idp_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dev/idp")
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReadyLine {
    event: String,
    issuer: Url,
    client_id: String,
    dpop_client_id: String,
}

/// Asks a hung provider for Node's diagnostic report, kills it, and says where it was stuck.
async fn hang_report(child: &mut Child, report_dir: &Path) -> String {
    let mut said = String::from("no diagnostic report");
    if let Some(pid) = child.id() {
        let signalled = Command::new("kill")
            .args(["-USR2", &pid.to_string()])
            .status()
            .await
            .is_ok_and(|status| status.success());
        if signalled {
            tokio::time::sleep(Duration::from_secs(2)).await;
            if let Some(stack) = newest_report_stack(report_dir) {
                said = format!("its JavaScript stack: {stack}");
            }
        }
    }
    let _ = child.kill().await;
    said
}

/// The JavaScript stack in the newest Node report in `dir`.
fn newest_report_stack(dir: &Path) -> Option<String> {
    let newest = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("report."))
        .max_by_key(|entry| entry.metadata().and_then(|m| m.modified()).ok())?;
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(newest.path()).ok()?).ok()?;
    Some(report["javascriptStack"].to_string())
}

impl ProviderProcess {
    /// Starts the provider on a free loopback port and waits until it says it is ready.
    pub async fn start(
        options: &ProviderOptions,
        tls: &CertificateFiles,
    ) -> Result<Self, StackError> {
        let mut attempt = 1;
        loop {
            match Self::start_once(options, tls).await {
                Ok(provider) => return Ok(provider),
                Err(StartFailure::Hung(error)) if attempt < START_ATTEMPTS => {
                    eprintln!("dev stack: {error}\ndev stack: starting the provider again");
                    attempt += 1;
                }
                Err(StartFailure::Hung(error) | StartFailure::Failed(error)) => return Err(error),
            }
        }
    }

    async fn start_once(
        options: &ProviderOptions,
        tls: &CertificateFiles,
    ) -> Result<Self, StartFailure> {
        let failed = |e: StackError| StartFailure::Failed(e);
        let dir = idp_dir();
        let report_dir = tls
            .server_cert
            .parent()
            .map(|d| d.join("provider-reports"))
            .unwrap_or_else(std::env::temp_dir);
        if !dir.join("node_modules/oidc-provider").is_dir() {
            return Err(failed(StackError::Setup(format!(
                "the dev provider's packages are not installed: run `npm ci --prefix {}`",
                dir.display()
            ))));
        }
        let node = std::env::var("POINT_NODE").unwrap_or_else(|_| "node".into());
        let mut command = Command::new(&node);
        command
            .current_dir(&dir)
            // SIGUSR2 makes Node write a diagnostic report (its JavaScript stack) for a hang.
            .arg("--report-on-signal")
            .arg("--report-signal=SIGUSR2")
            .arg(format!("--report-directory={}", report_dir.display()))
            .arg("server.js")
            .arg("--cert")
            .arg(&tls.server_cert)
            .arg("--key")
            .arg(&tls.server_key)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        if options.shape == ServerShape::Org {
            command.arg("--org-server");
        }
        if options.auto_login {
            command.arg("--auto-login");
        }
        if let Some(ttl) = options.access_token_ttl {
            command
                .arg("--access-token-ttl")
                .arg(ttl.to_string())
                .arg("--id-token-ttl")
                .arg(ttl.to_string());
        }
        if let Some(grace) = options.refresh_grace {
            command.arg("--refresh-grace").arg(grace.to_string());
        }
        if let Some(interval) = options.device_interval {
            command.arg("--device-interval").arg(interval.to_string());
        }
        let mut child = command.spawn().map_err(|e| {
            failed(StackError::Setup(format!(
                "could not run `{node}` (Node.js 20 or later): {e}"
            )))
        })?;

        let stdout = child.stdout.take().ok_or_else(|| {
            failed(StackError::Setup(
                "the provider's standard output is not readable".into(),
            ))
        })?;
        let stderr = child.stderr.take().ok_or_else(|| {
            failed(StackError::Setup(
                "the provider's error output is not readable".into(),
            ))
        })?;
        // The provider's error output goes on to ours, and its last lines are kept for the error
        // message if it never gets ready.
        let printed = Arc::new(Mutex::new(Vec::<String>::new()));
        let tail = printed.clone();
        tokio::spawn(async move {
            let mut lines = BufReader::new(stderr).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                eprintln!("{line}");
                let mut tail = tail.lock().unwrap_or_else(|p| p.into_inner());
                tail.push(line);
                if tail.len() > 20 {
                    tail.remove(0);
                }
            }
        });
        let said = |what: &str| {
            let tail = printed.lock().unwrap_or_else(|p| p.into_inner());
            if tail.is_empty() {
                StackError::Setup(format!("{what}; it printed nothing on stderr"))
            } else {
                StackError::Setup(format!("{what}; it printed:\n{}", tail.join("\n")))
            }
        };
        // Waits for the ready line or the end of the process, however loaded the machine is;
        // the bound only catches a provider that hangs.
        let mut lines = BufReader::new(stdout).lines();
        let ready = match tokio::time::timeout(START_HANG_LIMIT, lines.next_line()).await {
            Err(_) => {
                let report = hang_report(&mut child, &report_dir).await;
                return Err(StartFailure::Hung(said(&format!(
                    "the provider printed no ready line in {} s (pid {:?}); {report}",
                    START_HANG_LIMIT.as_secs(),
                    child.id()
                ))));
            }
            Ok(Err(e)) => return Err(failed(said(&format!("reading the provider's output: {e}")))),
            Ok(Ok(None)) => {
                // Give the stderr reader a moment to collect the last words.
                tokio::time::sleep(Duration::from_millis(200)).await;
                return Err(failed(said("the provider exited during start-up")));
            }
            Ok(Ok(Some(line))) => line,
        };
        let ready: ReadyLine = serde_json::from_str(&ready).map_err(|e| {
            failed(StackError::Setup(format!(
                "unexpected line from the provider ({e}): {ready}"
            )))
        })?;
        if ready.event != "ready" {
            return Err(failed(StackError::Setup(format!(
                "unexpected provider event {}",
                ready.event
            ))));
        }
        // Keep draining stdout so the provider never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

        Ok(Self {
            child,
            issuer: ready.issuer,
            client_id: ready.client_id,
            dpop_client_id: ready.dpop_client_id,
        })
    }

    /// Stops the provider and waits for it to exit.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
