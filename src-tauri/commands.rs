//! The commands the window may call: each is one call into the use cases (`point_app`), its
//! result turned into the contract's views. Tokens, codes and callback URLs never cross.

use std::sync::Arc;

use point_app::PointApp;
use tauri::State;

use crate::contract::{
    CommandResult, DashboardView, ErrorView, SessionView, SupportView, UpdateView,
};
use crate::updates;

type App<'a> = State<'a, Arc<PointApp>>;

/// The status, with the failure of a deep link the window has not been told about (once). The
/// window's first ask, made once its first frame is painted, starts the use cases.
#[tauri::command]
pub async fn session_state(handle: tauri::AppHandle, app: App<'_>) -> CommandResult<SessionView> {
    crate::start_once(&handle);
    let (status, error) = app.status_for_window().await;
    Ok(SessionView::of(status, error.map(ErrorView::from)))
}

/// Starts a sign-in on another device (RFC 8628): the session view then carries the code, the
/// page and its QR code until the person has signed in there.
#[tauri::command]
pub async fn sign_in_on_another_device(app: App<'_>) -> CommandResult<()> {
    Ok(app.begin_sign_in_on_another_device().await?)
}

/// Stops waiting for a sign-in on another device.
#[tauri::command]
pub async fn cancel_sign_in_on_another_device(app: App<'_>) -> CommandResult<()> {
    app.cancel_sign_in_on_another_device().await;
    Ok(())
}

/// Begins a sign-in in the system browser (with a work email: IT's policy, and the
/// organization's Okta from the dashboard when POINT has no settings yet). `asSomeoneElse`:
/// Okta asks for credentials again.
#[tauri::command]
pub async fn sign_in(
    app: App<'_>,
    email: Option<String>,
    as_someone_else: Option<bool>,
) -> CommandResult<()> {
    Ok(app
        .sign_in(email.as_deref(), as_someone_else.unwrap_or(false))
        .await?)
}

/// Switches to another organization the person signed in to here (`key` from the session
/// view's `organizations`): its session comes back without a sign-in.
#[tauri::command]
pub async fn switch_organization(app: App<'_>, key: String) -> CommandResult<()> {
    Ok(app.switch_organization(&key).await?)
}

/// Signs in to another organization, found by the work email, keeping the one in force to
/// switch back to.
#[tauri::command]
pub async fn sign_in_to_another_organization(app: App<'_>, email: String) -> CommandResult<()> {
    Ok(app.sign_in_to_another_organization(&email).await?)
}

#[tauri::command]
pub async fn cancel_sign_in(app: App<'_>) -> CommandResult<()> {
    Ok(app.cancel_sign_in().await?)
}

#[tauri::command]
pub async fn open_browser_again(app: App<'_>) -> CommandResult<()> {
    Ok(app.open_browser_again().await?)
}

/// Signs out; `endOktaSession`: also end the Okta session in the browser (unless IT decides).
#[tauri::command]
pub async fn sign_out(app: App<'_>, end_okta_session: Option<bool>) -> CommandResult<()> {
    Ok(app.sign_out(end_okta_session.unwrap_or(true)).await?)
}

#[tauri::command]
pub async fn dismiss_notice(app: App<'_>) -> CommandResult<()> {
    app.dismiss_notice().await;
    Ok(())
}

/// The signed-in user's dashboard, from the dashboard API.
#[tauri::command]
pub async fn dashboard(app: App<'_>) -> CommandResult<DashboardView> {
    Ok(app.dashboard().await?.into())
}

/// Manual setup: the Okta domain and the Native App's Client ID, as an admin gave them.
#[tauri::command]
pub async fn set_up_manually(
    app: App<'_>,
    okta_domain: String,
    client_id: String,
) -> CommandResult<SessionView> {
    let status = app.set_up_manually(&okta_domain, &client_id).await?;
    Ok(SessionView::of(status, None))
}

/// Writes the support bundle; says where, and where to send it.
#[tauri::command]
pub async fn support_bundle(app: App<'_>) -> CommandResult<SupportView> {
    Ok(SupportView::of(app.write_support_bundle().await?))
}

/// Opens an email to support in the mail app, naming the bundle to attach.
#[tauri::command]
pub async fn email_support(app: App<'_>, bundle_path: Option<String>) -> CommandResult<()> {
    Ok(app.email_support(bundle_path.as_deref().map(std::path::Path::new))?)
}

/// The update the last check found, if any (desktop; mobile apps update through their store).
#[tauri::command]
pub async fn update_state(app: tauri::AppHandle) -> CommandResult<Option<UpdateView>> {
    Ok(updates::view(&app).await)
}

/// Installs the update the last check found; it takes effect on restart.
#[tauri::command]
pub async fn install_update(app: tauri::AppHandle) -> CommandResult<()> {
    Ok(updates::install(&app).await?)
}

/// Restarts POINT (after an update was installed).
#[tauri::command]
pub fn restart(app: tauri::AppHandle) {
    app.restart();
}
