//! In-app updates (desktop): asks the update endpoint in force for a newer POINT, lets the update
//! policy (`point_config::UpdatePolicy`) decide, and installs only what the policy and the user
//! allow. The updater plugin checks each download's signature against the public key in
//! tauri.conf.json before installing it. The UI learns of updates from `update://changed`.
//! Mobile apps update through their app store: there, nothing is checked.

#[cfg(mobile)]
use tauri::AppHandle;

#[cfg(mobile)]
use crate::contract::{UpdateFailed, UpdateView};
#[cfg(desktop)]
pub use desktop::{install, start, view, PendingUpdate};

#[cfg(mobile)]
pub fn start(_: &AppHandle) {}

#[cfg(mobile)]
pub async fn view(_: &AppHandle) -> Option<UpdateView> {
    None
}

#[cfg(mobile)]
pub async fn install(_: &AppHandle) -> Result<(), UpdateFailed> {
    Err(UpdateFailed(
        "on phones and tablets, POINT updates through the app store".into(),
    ))
}

#[cfg(desktop)]
mod desktop {
    use std::time::Duration;

    use point_config::{UpdateDecision, UpdatePolicy};
    use tauri::{AppHandle, Manager, Runtime};
    use tauri_plugin_updater::{Update, UpdaterExt};
    use tokio::sync::Mutex;
    use url::Url;

    use crate::contract::events::{emit, UpdateChanged};
    use crate::contract::{UpdateFailed, UpdateState, UpdateView};

    /// How long after start the first check waits (sign-in and restore come first), and how often
    /// the app checks again while it runs.
    const FIRST_CHECK_AFTER: Duration = Duration::from_secs(10);
    const CHECK_EVERY: Duration = Duration::from_secs(24 * 60 * 60);
    const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

    /// The update found by the last check, if any.
    #[derive(Default)]
    pub struct PendingUpdate {
        update: Mutex<Option<(Update, UpdateView)>>,
    }

    /// Checks now and then every day, in the background, as long as the policy allows.
    pub fn start(app: &AppHandle) {
        if !has_update_key(app) {
            tracing::info!("this build carries no update key: in-app updates are off");
            return;
        }
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(FIRST_CHECK_AFTER).await;
            loop {
                let resolved = app
                    .state::<std::sync::Arc<point_app::PointApp>>()
                    .settings()
                    .0;
                let policy = resolved.updates.clone();
                if policy.url.is_none() {
                    tracing::info!(source = ?policy.source, "in-app updates are off");
                    return;
                }
                // Through IT's proxy like every other request, and never around one POINT
                // cannot use.
                let checked = match resolved.proxy_problem() {
                    Some(_) => Err(UpdateFailed("IT's proxy cannot be used".into())),
                    None => {
                        let proxy = resolved.proxy.as_ref().map(|(url, _)| url);
                        check(&app, &policy, proxy).await
                    }
                };
                if let Err(error) = checked {
                    tracing::warn!(?error, "update check failed");
                }
                tokio::time::sleep(CHECK_EVERY).await;
            }
        });
    }

    /// Whether `plugins.updater.pubkey` was filled in when this build was made (scripts/package
    /// puts the release key's public half there); without it no update could be verified.
    fn has_update_key(app: &AppHandle) -> bool {
        app.config()
            .plugins
            .0
            .get("updater")
            .and_then(|updater| updater.get("pubkey"))
            .and_then(|key| key.as_str())
            .is_some_and(|key| !key.trim().is_empty())
    }

    /// Asks the update endpoint in force for a release the policy would act on. The plugin
    /// fills in `{{target}}`, `{{arch}}` and `{{current_version}}`.
    /// Asks through `proxy` (IT's) when there is one, else the OS's proxy settings.
    async fn find_update<R: Runtime>(
        app: &AppHandle<R>,
        policy: &UpdatePolicy,
        proxy: Option<&Url>,
    ) -> Result<Option<(Update, UpdateDecision)>, UpdateFailed> {
        let Some(url) = policy.url.clone() else {
            return Ok(None);
        };
        let decide = policy.clone();
        let current = app.package_info().version.to_string();
        let failed = |e: tauri_plugin_updater::Error| UpdateFailed(e.to_string());
        let mut builder = app.updater_builder();
        if let Some(proxy) = proxy {
            builder = builder.proxy(proxy.clone());
        }
        let updater = builder
            .endpoints(vec![url])
            .map_err(failed)?
            .timeout(REQUEST_TIMEOUT)
            // Only versions the policy would act on count as updates.
            .version_comparator(move |current, release| {
                !matches!(
                    decide.decide(&current.to_string(), &release.version.to_string()),
                    UpdateDecision::Skip(_)
                )
            })
            .build()
            .map_err(failed)?;
        let found = updater.check().await.map_err(failed)?;
        Ok(found.map(|update| {
            let decision = policy.decide(&current, &update.version);
            (update, decision)
        }))
    }

    async fn check(
        app: &AppHandle,
        policy: &UpdatePolicy,
        proxy: Option<&Url>,
    ) -> Result<(), UpdateFailed> {
        // An update being installed, or installed and waiting for a restart, stays as it is.
        if view(app)
            .await
            .is_some_and(|v| v.state == UpdateState::Installing || v.state == UpdateState::Restart)
        {
            return Ok(());
        }
        let Some((update, decision)) = find_update(app, policy, proxy).await? else {
            return Ok(());
        };
        let view = UpdateView {
            state: UpdateState::Available,
            version: update.version.clone(),
            notes: update.body.clone(),
            major: matches!(decision, UpdateDecision::Offer { major: true }),
            message: None,
        };
        tracing::info!(version = %update.version, ?decision, "update found");
        let pending = app.state::<PendingUpdate>();
        *pending.update.lock().await = Some((update, view.clone()));
        match decision {
            UpdateDecision::Install => install(app).await,
            UpdateDecision::Offer { .. } => {
                let _ = emit::<UpdateChanged, _>(app, &view);
                Ok(())
            }
            UpdateDecision::Skip(_) => Ok(()),
        }
    }

    /// The update found by the last check, for a window that just opened.
    pub async fn view(app: &AppHandle) -> Option<UpdateView> {
        let pending = app.state::<PendingUpdate>();
        let guard = pending.update.lock().await;
        guard.as_ref().map(|(_, view)| view.clone())
    }

    /// Downloads, verifies and installs the pending update. It takes effect when POINT restarts
    /// (the UI offers to restart); nothing is installed when no check found one.
    pub async fn install(app: &AppHandle) -> Result<(), UpdateFailed> {
        let pending = app.state::<PendingUpdate>();
        // Mark it as installing, then download without holding the lock, so that the window can
        // still ask for the update's state.
        let update = {
            let mut guard = pending.update.lock().await;
            let Some((update, view)) = guard.as_mut() else {
                return Err(UpdateFailed("there is no update to install".into()));
            };
            if view.state != UpdateState::Available && view.state != UpdateState::Failed {
                return Ok(());
            }
            view.state = UpdateState::Installing;
            let _ = emit::<UpdateChanged, _>(app, view);
            update.clone()
        };
        let outcome = update.download_and_install(|_, _| {}, || {}).await;
        let mut guard = pending.update.lock().await;
        let Some((_, view)) = guard.as_mut() else {
            return Ok(());
        };
        match outcome {
            Ok(()) => {
                tracing::info!(version = %view.version, "update installed");
                view.state = UpdateState::Restart;
                view.message = None;
                let _ = emit::<UpdateChanged, _>(app, view);
                Ok(())
            }
            Err(error) => {
                tracing::warn!(%error, "update could not be installed");
                view.state = UpdateState::Failed;
                view.message = Some(error.to_string());
                let _ = emit::<UpdateChanged, _>(app, view);
                Err(UpdateFailed(error.to_string()))
            }
        }
    }

    /// The updater plugin on a mock app against an update server on loopback: the policy picks
    /// which releases count, the plugin fills in the endpoint, and a download is only handed
    /// over when its minisign signature verifies against the public key in the app's config and
    /// was made for the version announced.
    #[cfg(test)]
    mod tests {
        use std::sync::{Arc, Mutex as StdMutex};

        use base64::Engine;
        use point_config::{MajorUpdates, Source, UpdateMode};
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        use super::*;

        const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

        struct Server {
            manifest: String,
            artifact: Vec<u8>,
            paths: Vec<String>,
        }

        /// Serves the manifest at `/updates/...` and the package at `/artifact`.
        async fn serve(server: Arc<StdMutex<Server>>) -> std::net::SocketAddr {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let address = listener.local_addr().unwrap();
            tokio::spawn(async move {
                while let Ok((mut stream, _)) = listener.accept().await {
                    let mut request = vec![0; 8192];
                    let read = stream.read(&mut request).await.unwrap_or(0);
                    let text = String::from_utf8_lossy(&request[..read]).to_string();
                    let path = text.split(' ').nth(1).unwrap_or("").to_string();
                    let body = {
                        let mut server = server.lock().unwrap();
                        server.paths.push(path.clone());
                        if path == "/artifact" {
                            server.artifact.clone()
                        } else {
                            server.manifest.clone().into_bytes()
                        }
                    };
                    let head = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(head.as_bytes()).await;
                    let _ = stream.write_all(&body).await;
                }
            });
            address
        }

        /// A minisign key pair in Tauri's encoding (base64 of minisign's own files).
        fn key_pair() -> (String, minisign::KeyPair) {
            let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
            let public = BASE64.encode(pair.pk.to_box().unwrap().to_string());
            (public, pair)
        }

        /// Signs as Tauri's CLI does: the trusted comment names the version (older CLIs named
        /// none: `version` empty).
        fn sign(pair: &minisign::KeyPair, data: &[u8], version: &str) -> String {
            let mut comment = "timestamp:0\tfile:POINT.deb".to_string();
            if !version.is_empty() {
                comment.push_str(&format!("\tversion:{version}"));
            }
            let signature =
                minisign::sign(Some(&pair.pk), &pair.sk, data, Some(&comment), None).unwrap();
            BASE64.encode(signature.to_string())
        }

        fn app(pubkey: &str) -> tauri::App<tauri::test::MockRuntime> {
            // The updater settings POINT ships, with this test's public key.
            let shipped: serde_json::Value =
                serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
            let mut updater = shipped["plugins"]["updater"].clone();
            updater["pubkey"] = pubkey.into();
            let mut context = tauri::test::mock_context(tauri::test::noop_assets());
            context
                .config_mut()
                .plugins
                .0
                .insert("updater".into(), updater);
            tauri::test::mock_builder()
                .plugin(tauri_plugin_updater::Builder::new().build())
                .build(context)
                .unwrap()
        }

        fn policy(address: std::net::SocketAddr, major: MajorUpdates) -> UpdatePolicy {
            UpdatePolicy {
                mode: UpdateMode::Notify,
                major,
                url: Some(
                    url::Url::parse(&format!(
                        "http://{address}/updates/{{{{target}}}}/{{{{arch}}}}/{{{{current_version}}}}"
                    ))
                    .unwrap(),
                ),
                refused_url: None,
                source: Source::Managed,
            }
        }

        fn manifest(address: std::net::SocketAddr, version: &str, signature: &str) -> String {
            serde_json::json!({
                "version": version,
                "notes": "Faster dashboard.",
                "pub_date": "2026-11-24T00:00:00Z",
                "url": format!("http://{address}/artifact"),
                "signature": signature,
            })
            .to_string()
        }

        #[tokio::test(flavor = "multi_thread")]
        async fn the_plugin_installs_only_what_the_policy_allows_and_the_key_signed() {
            let (pubkey, pair) = key_pair();
            let artifact = b"the bytes of POINT 0.1.1".to_vec();
            let server = Arc::new(StdMutex::new(Server {
                manifest: String::new(),
                artifact: artifact.clone(),
                paths: Vec::new(),
            }));
            let address = serve(server.clone()).await;
            let set = |version: &str, signature: String, artifact: &[u8]| {
                let mut server = server.lock().unwrap();
                server.manifest = manifest(address, version, &signature);
                server.artifact = artifact.to_vec();
            };
            let app = app(&pubkey);
            let handle = app.handle();
            let download = |update: Update| async move { update.download(|_, _| {}, || {}).await };

            // A patch release (the mock app is 0.1.0): offered, and its signature verifies.
            set("0.1.1", sign(&pair, &artifact, "0.1.1"), &artifact);
            let (update, decision) = find_update(handle, &policy(address, MajorUpdates::Ask), None)
                .await
                .unwrap()
                .expect("0.1.1 is offered");
            assert_eq!(decision, UpdateDecision::Offer { major: false });
            // Through IT's proxy (here one that is down), never around it.
            let down = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let proxy = Url::parse(&format!("http://{}", down.local_addr().unwrap())).unwrap();
            drop(down);
            let policy_now = policy(address, MajorUpdates::Ask);
            let through_it = find_update(handle, &policy_now, Some(&proxy)).await;
            assert!(through_it.is_err(), "went around the proxy");
            assert_eq!(update.body.as_deref(), Some("Faster dashboard."));
            assert_eq!(download(update).await.unwrap(), artifact);
            let first = server.lock().unwrap().paths[0].clone();
            assert!(
                first.starts_with("/updates/linux") && first.ends_with("/0.1.0"),
                "{first}"
            );

            // A tampered package, a package signed by another key, a signature made for another
            // version, and one that names no version are all refused by the plugin.
            let mut tampered = artifact.clone();
            tampered[0] ^= 1;
            let (_, stranger) = key_pair();
            let refused = [
                (
                    sign(&pair, &artifact, "0.1.1"),
                    &tampered,
                    "a tampered package",
                ),
                (
                    sign(&stranger, &artifact, "0.1.1"),
                    &artifact,
                    "another key's package",
                ),
                (
                    sign(&pair, &artifact, "0.0.9"),
                    &artifact,
                    "an old release as 0.1.1",
                ),
                (
                    sign(&pair, &artifact, ""),
                    &artifact,
                    "a signature naming no version",
                ),
            ];
            for (signature, served, what) in refused {
                set("0.1.1", signature, served);
                let (update, _) = find_update(handle, &policy(address, MajorUpdates::Ask), None)
                    .await
                    .unwrap()
                    .unwrap();
                assert!(download(update).await.is_err(), "{what} passed");
            }

            // A new major version (0.1 → 0.2): offered with a confirmation, or never when IT
            // blocks major updates.
            set("0.2.0", sign(&pair, &artifact, "0.2.0"), &artifact);
            let (_, decision) = find_update(handle, &policy(address, MajorUpdates::Ask), None)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(decision, UpdateDecision::Offer { major: true });
            assert!(
                find_update(handle, &policy(address, MajorUpdates::Block), None)
                    .await
                    .unwrap()
                    .is_none()
            );
            // The same version as the running one is no update.
            set("0.1.0", sign(&pair, &artifact, "0.1.0"), &artifact);
            assert!(
                find_update(handle, &policy(address, MajorUpdates::Allow), None)
                    .await
                    .unwrap()
                    .is_none()
            );
        }
    }
}
