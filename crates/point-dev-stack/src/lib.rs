//! The embedded dev stack: an Okta-shaped OpenID provider and the dev dashboard, over TLS from a
//! throwaway CA, on free loopback ports.
//!
//! `scripts/dev-stack` runs it from the command line; tests start it in-process with
//! [`DevStack::start`] and get the same parts, for real.

pub mod dashboard;
pub mod provider;
pub mod provider_faults;
pub mod software_tpm;
pub mod tls;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use url::Url;

use dashboard::bearer::TokenCheck;
use dashboard::store::Store;
use dashboard::Dashboard;
use provider::ProviderProcess;
pub use provider::{ProviderOptions, ServerShape};
pub use provider_faults::{Fault, FaultKind, FaultPhase, ProviderStats};
pub use software_tpm::SoftwareTpm;
use tls::DevCertificates;

/// Why the stack could not start.
#[derive(Debug, thiserror::Error)]
pub enum StackError {
    #[error("{0}")]
    Setup(String),
    #[error("TLS set-up failed: {0}")]
    Tls(String),
    #[error("the dashboard database failed: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What to start.
#[derive(Debug, Clone, Default)]
pub struct StackOptions {
    pub provider: ProviderOptions,
    /// Where the CA, certificates and database go; a fresh temporary folder when `None`.
    pub state_dir: Option<PathBuf>,
}

impl StackOptions {
    /// The usual options of tests and benchmarks: one provider shape, signing in the
    /// `login_hint` user without a page, in a fresh temporary folder.
    pub fn auto_login(shape: ServerShape) -> Self {
        Self {
            provider: ProviderOptions {
                shape,
                auto_login: true,
                ..ProviderOptions::default()
            },
            state_dir: None,
        }
    }
}

/// A running dev stack. [`DevStack::stop`] stops its parts in order; dropping it kills the
/// provider, and the dashboard ends with the runtime.
pub struct DevStack {
    /// The issuer, which POINT takes as its Okta domain.
    pub issuer: Url,
    pub client_id: String,
    /// Globex's Native App, which requires DPoP-bound tokens.
    pub dpop_client_id: String,
    /// The dashboard API's base URL (`https://127.0.0.1:PORT`).
    pub api_base: Url,
    /// The throwaway CA that signed both servers' certificates.
    pub ca_file: PathBuf,
    pub ca_pem: String,
    pub state_dir: PathBuf,
    provider: ProviderProcess,
    dashboard: JoinHandle<()>,
    shutdown: Option<oneshot::Sender<()>>,
}

impl DevStack {
    /// Starts provider and dashboard and returns once both answer over TLS.
    pub async fn start(options: StackOptions) -> Result<Self, StackError> {
        let state_dir = match options.state_dir {
            Some(dir) => dir,
            None => fresh_temp_dir()?,
        };
        std::fs::create_dir_all(&state_dir)?;
        let state_dir = std::fs::canonicalize(&state_dir)?;
        let certificates =
            DevCertificates::generate().map_err(|e| StackError::Tls(e.to_string()))?;
        let files = certificates.write_to(&state_dir)?;

        let provider = ProviderProcess::start(&options.provider, &files).await?;
        let http = client_trusting(&certificates.ca_pem)?;

        let tokens = TokenCheck::discover(&provider.issuer, http.clone())
            .await
            .map_err(|e| StackError::Setup(format!("the provider does not answer: {e}")))?;
        let store = Store::open(&state_dir.join("dashboard.sqlite3"))?;
        store.seed_dev(
            provider.issuer.as_str(),
            &provider.client_id,
            &provider.dpop_client_id,
        )?;
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let api_base = Url::parse(&format!("https://127.0.0.1:{port}"))
            .map_err(|e| StackError::Setup(e.to_string()))?;
        let app = dashboard::router(Arc::new(Dashboard {
            store,
            tokens,
            dpop: Default::default(),
            origin: api_base.clone(),
            faults: Default::default(),
            figures_demand: Default::default(),
        }));

        let server_config = certificates
            .rustls_server_config()
            .map_err(|e| StackError::Tls(e.to_string()))?;
        let (shutdown, stopped) = oneshot::channel::<()>();
        let dashboard = tokio::spawn(dashboard::serve_tls(
            listener,
            Arc::new(server_config),
            app,
            async {
                let _ = stopped.await;
            },
        ));

        let stack = Self {
            issuer: provider.issuer.clone(),
            client_id: provider.client_id.clone(),
            dpop_client_id: provider.dpop_client_id.clone(),
            api_base,
            ca_file: files.ca,
            ca_pem: certificates.ca_pem.clone(),
            state_dir,
            provider,
            dashboard,
            shutdown: Some(shutdown),
        };
        stack.wait_for_dashboard(&http).await?;
        Ok(stack)
    }

    async fn wait_for_dashboard(&self, http: &reqwest::Client) -> Result<(), StackError> {
        let health = self
            .api_base
            .join("/healthz")
            .map_err(|e| StackError::Setup(e.to_string()))?;
        for _ in 0..50 {
            if let Ok(response) = http.get(health.clone()).send().await {
                if response.status().is_success() {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(StackError::Setup(
            "the dashboard did not answer within 5 s".into(),
        ))
    }

    /// An HTTP client that trusts the stack's CA, follows no redirects and has timeouts.
    pub fn http_client(&self) -> Result<reqwest::Client, StackError> {
        client_trusting(&self.ca_pem)
    }

    /// A browser's HTTP client: the stack's CA, cookies kept, `redirect` followed or not.
    fn browser_client(
        &self,
        redirect: reqwest::redirect::Policy,
    ) -> Result<reqwest::Client, StackError> {
        let ca = reqwest::Certificate::from_pem(self.ca_pem.as_bytes())
            .map_err(|e| StackError::Tls(e.to_string()))?;
        use_ring_for_tls();
        reqwest::Client::builder()
            .tls_certs_only([ca])
            .cookie_store(true)
            .redirect(redirect)
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| StackError::Tls(e.to_string()))
    }

    /// Plays the system browser for a sign-in or sign-out: follows the provider's redirects, with
    /// cookies, from `url` until the provider redirects to POINT's custom scheme (returned), or
    /// to a loopback listener on 127.0.0.1 (delivered there with a GET, then returned). Needs `--auto-login` (or an existing session) for the sign-in page.
    pub async fn browser_leg(&self, url: &Url) -> Result<Url, StackError> {
        let browser = self.browser_client(reqwest::redirect::Policy::none())?;
        let mut url = url.clone();
        for _hop in 0..12 {
            let response = browser
                .get(url.clone())
                .send()
                .await
                .map_err(|e| StackError::Setup(format!("browser leg: {e}")))?;
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| {
                    StackError::Setup(format!(
                        "browser leg: {} answered {} without a redirect",
                        url.path(),
                        response.status()
                    ))
                })?;
            let next = url
                .join(location)
                .map_err(|e| StackError::Setup(format!("browser leg: bad redirect: {e}")))?;
            if next.scheme() == "org.pointapp.point" {
                return Ok(next);
            }
            // A loopback redirect (RFC 8252 §7.3): the browser delivers it to POINT's listener.
            if next.scheme() == "http" && next.host_str() == Some("127.0.0.1") {
                let page =
                    browser.get(next.clone()).send().await.map_err(|e| {
                        StackError::Setup(format!("browser leg: the listener: {e}"))
                    })?;
                if !page.status().is_success() {
                    return Err(StackError::Setup(format!(
                        "browser leg: the listener answered {}",
                        page.status()
                    )));
                }
                return Ok(next);
            }
            url = next;
        }
        Err(StackError::Setup(
            "browser leg: the provider never redirected to POINT".into(),
        ))
    }

    /// Plays the person on another device in a sign-in on another device (RFC 8628): opens
    /// `page` (the `verification_uri_complete` POINT showed), answers the confirmation with
    /// "Yes, sign in" (`approve`) or "No, that's not me", and signs in (needs `--auto-login`).
    /// Returns the page the provider ends on.
    pub async fn device_leg(&self, page: &Url, approve: bool) -> Result<String, StackError> {
        let phone = self.browser_client(reqwest::redirect::Policy::default())?;
        let failed = |what: &str, e: &dyn std::fmt::Display| {
            StackError::Setup(format!("device leg: {what}: {e}"))
        };
        let attribute = |text: &str, name: &str| {
            text.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(|v| v.replace("&amp;", "&"))
        };
        let mut response = phone
            .get(page.clone())
            .send()
            .await
            .map_err(|e| failed("the activation page", &e))?;
        // Each page the provider shows: its confirmation form is answered; a form a script would
        // submit by itself (oidc-provider's "Submitting Callback" pages) is submitted as it is;
        // any other page (success, or the code input page after a refusal) is the last one.
        for _page in 0..8 {
            let at = response.url().clone();
            let html = response.text().await.map_err(|e| failed("a page", &e))?;
            let forms: Vec<&str> = html.split("<form").skip(1).collect();
            let submits_itself = html.contains("document.forms[0].submit()");
            let Some(form) = forms
                .iter()
                .find(|f| f.contains("op.deviceConfirmForm"))
                .or(forms.first().filter(|_| submits_itself))
            else {
                return Ok(html);
            };
            let mut fields: Vec<(String, String)> = form
                .split("<input")
                .skip(1)
                .filter_map(|input| Some((attribute(input, "name")?, attribute(input, "value")?)))
                .collect();
            // The confirmation form carries confirm=yes; its other button adds abort=yes.
            if form.contains("op.deviceConfirmForm") && !approve {
                fields.push(("abort".into(), "yes".into()));
            }
            let action = attribute(form, "action").unwrap_or_default();
            let action = at
                .join(&action)
                .map_err(|e| failed("a form's action", &e))?;
            response = phone
                .post(action)
                .form(&fields)
                .send()
                .await
                .map_err(|e| failed("a form", &e))?;
        }
        Err(StackError::Setup(
            "device leg: the provider never finished".into(),
        ))
    }

    /// How many token grants the provider has answered, by `grant_type:outcome` (for example
    /// `refresh_token:success`), counted by the provider itself.
    pub async fn grant_counts(&self) -> Result<std::collections::HashMap<String, u64>, StackError> {
        Ok(self.provider_stats().await?.grants)
    }

    /// Makes the next `count` dashboard API requests fail with `status`.
    pub async fn fail_next_api_requests(&self, status: u16, count: u32) -> Result<(), StackError> {
        self.http_client()?
            .post(
                self.api_base
                    .join("/__dev/fail-next")
                    .map_err(|e| StackError::Setup(e.to_string()))?,
            )
            .json(&serde_json::json!({ "status": status, "count": count }))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map(|_| ())
            .map_err(|e| StackError::Setup(format!("dashboard faults: {e}")))
    }

    /// From now on the dashboard's figures demand `acr` of the sign-in behind the token (RFC 9470
    /// step-up; `None`: nothing).
    pub async fn figures_demand(&self, acr: Option<&str>) -> Result<(), StackError> {
        self.http_client()?
            .post(
                self.api_base
                    .join("/__dev/require-acr")
                    .map_err(|e| StackError::Setup(e.to_string()))?,
            )
            .json(&serde_json::json!({ "acr": acr }))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map(|_| ())
            .map_err(|e| StackError::Setup(format!("dashboard step-up: {e}")))
    }

    /// How many requests the dashboard API has served.
    pub async fn api_request_count(&self) -> Result<u64, StackError> {
        let stats: serde_json::Value = self
            .dev_get(
                self.api_base
                    .join("/__dev/stats")
                    .map_err(|e| StackError::Setup(e.to_string()))?,
                "dashboard stats",
            )
            .await?;
        Ok(stats["apiRequests"].as_u64().unwrap_or_default())
    }

    /// The settings POINT needs to use this stack, as `KEY=value` lines.
    pub fn env_file(&self) -> String {
        format!(
            "POINT_OKTA_DOMAIN={}\nPOINT_CLIENT_ID={}\nPOINT_API_BASE={}\nPOINT_CA_FILE={}\n",
            self.issuer,
            self.client_id,
            self.api_base.as_str().trim_end_matches('/'),
            self.ca_file.display()
        )
    }

    /// Stops the dashboard, then the provider.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let _ = (&mut self.dashboard).await;
        self.provider.stop().await;
    }
}

/// The dev stack's own clients trust its CA only; ring is their crypto provider (reqwest is
/// built without one), installed once for the process as the app does.
fn use_ring_for_tls() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

fn client_trusting(ca_pem: &str) -> Result<reqwest::Client, StackError> {
    let ca = reqwest::Certificate::from_pem(ca_pem.as_bytes())
        .map_err(|e| StackError::Tls(e.to_string()))?;
    use_ring_for_tls();
    reqwest::Client::builder()
        .tls_certs_only([ca])
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(15))
        .build()
        .map_err(|e| StackError::Tls(e.to_string()))
}

fn fresh_temp_dir() -> std::io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "point-dev-stack-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// This repository's root (for finding dev/idp and the default state folder).
pub fn repository_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}
