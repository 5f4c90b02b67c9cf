//! Starts and stops the Okta-shaped OpenID provider (dev/idp/server.js) as a child process.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use url::Url;

use crate::tls::CertificateFiles;
use crate::StackError;

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
}

/// A running provider; stopped when dropped.
#[derive(Debug)]
pub struct ProviderProcess {
    child: Child,
    pub issuer: Url,
    pub client_id: String,
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
}

impl ProviderProcess {
    /// Starts the provider on a free loopback port and waits until it says it is ready.
    pub async fn start(
        options: &ProviderOptions,
        tls: &CertificateFiles,
    ) -> Result<Self, StackError> {
        let dir = idp_dir();
        if !dir.join("node_modules/oidc-provider").is_dir() {
            return Err(StackError::Setup(format!(
                "the dev provider's packages are not installed: run `npm ci --prefix {}`",
                dir.display()
            )));
        }
        let node = std::env::var("POINT_NODE").unwrap_or_else(|_| "node".into());
        let mut command = Command::new(&node);
        command
            .current_dir(&dir)
            .arg("server.js")
            .arg("--cert")
            .arg(&tls.server_cert)
            .arg("--key")
            .arg(&tls.server_key)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
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
        let mut child = command.spawn().map_err(|e| {
            StackError::Setup(format!("could not run `{node}` (Node.js 20 or later): {e}"))
        })?;

        let stdout = child.stdout.take().ok_or_else(|| {
            StackError::Setup("the provider's standard output is not readable".into())
        })?;
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .map_err(|_| StackError::Setup("the provider did not start within 30 s".into()))?
            .map_err(|e| StackError::Setup(format!("reading the provider's output: {e}")))?
            .ok_or_else(|| StackError::Setup("the provider exited during start-up".into()))?;
        let ready: ReadyLine = serde_json::from_str(&ready).map_err(|e| {
            StackError::Setup(format!("unexpected line from the provider ({e}): {ready}"))
        })?;
        if ready.event != "ready" {
            return Err(StackError::Setup(format!(
                "unexpected provider event {}",
                ready.event
            )));
        }
        // Keep draining stdout so the provider never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

        Ok(Self {
            child,
            issuer: ready.issuer,
            client_id: ready.client_id,
        })
    }

    /// Stops the provider and waits for it to exit.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
