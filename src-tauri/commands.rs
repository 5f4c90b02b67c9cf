//! The commands the window may call: each is one call into the use cases (`point_app`), its
//! result turned into the contract's views. Tokens, codes and callback URLs never cross. Each
//! function's arguments and answer are its command's in `contract::commands` (`Args<C>`,
//! `Reply<C>`), the types the UI is checked against.

use std::sync::Arc;

use point_app::PointApp;
use tauri::State;

use crate::contract::commands::{self as c, Args, Reply};
use crate::contract::{DashboardView, ErrorView, LocalizationView, SessionView, SupportView};
use crate::updates;

type App<'a> = State<'a, Arc<PointApp>>;

/// The status, with the failure of a deep link the window has not been told about (once). Starts
/// the use cases if the window's words did not.
#[tauri::command]
pub async fn session_state(handle: tauri::AppHandle, app: App<'_>) -> Reply<c::SessionState> {
    tracing::debug!(target: "launch", "the window asks for the session");
    crate::start_once(&handle);
    let (status, error) = app.status_for_window().await;
    let view = SessionView::of(status, error.map(ErrorView::from));
    tracing::debug!(target: "launch", state = ?view.state, "the window gets the session");
    Ok(view)
}

/// The language the window speaks (IT's `locale`, else the person's) and its catalogs. The
/// window's first ask, made once its first frame is painted: it starts the use cases too, so
/// that the restore is on its way while the window words itself.
#[tauri::command]
pub async fn localization(handle: tauri::AppHandle, app: App<'_>) -> Reply<c::Localization> {
    tracing::debug!(target: "launch", "the window asks for its words");
    crate::start_once(&handle);
    let view = LocalizationView::of(point_i18n::localization(app.locale()));
    tracing::debug!(target: "launch", "the window gets its words");
    Ok(view)
}

/// Starts a sign-in on another device (RFC 8628): the session view then carries the code, the
/// page and its QR code until the person has signed in there.
#[tauri::command]
pub async fn sign_in_on_another_device(app: App<'_>) -> Reply<c::SignInOnAnotherDevice> {
    Ok(app.begin_sign_in_on_another_device().await?)
}

/// Stops waiting for a sign-in on another device.
#[tauri::command]
pub async fn cancel_sign_in_on_another_device(
    app: App<'_>,
) -> Reply<c::CancelSignInOnAnotherDevice> {
    app.cancel_sign_in_on_another_device().await;
    Ok(())
}

/// Begins a sign-in in the system browser (with a work email: IT's policy, and the
/// organization's Okta from the dashboard when POINT has no settings yet). `asSomeoneElse`:
/// Okta asks for credentials again.
#[tauri::command]
pub async fn sign_in(app: App<'_>, args: Args<c::SignIn>) -> Reply<c::SignIn> {
    let c::SignInArgs {
        email,
        as_someone_else,
    } = args.0;
    Ok(app
        .sign_in(email.as_deref(), as_someone_else.unwrap_or(false))
        .await?)
}

/// Switches to another organization the person signed in to here (`key` from the session
/// view's `organizations`): its session comes back without a sign-in.
#[tauri::command]
pub async fn switch_organization(
    app: App<'_>,
    args: Args<c::SwitchOrganization>,
) -> Reply<c::SwitchOrganization> {
    Ok(app.switch_organization(&args.0.key).await?)
}

/// Signs in to another organization, found by the work email, keeping the one in force to
/// switch back to.
#[tauri::command]
pub async fn sign_in_to_another_organization(
    app: App<'_>,
    args: Args<c::SignInToAnotherOrganization>,
) -> Reply<c::SignInToAnotherOrganization> {
    Ok(app.sign_in_to_another_organization(&args.0.email).await?)
}

#[tauri::command]
pub async fn cancel_sign_in(app: App<'_>) -> Reply<c::CancelSignIn> {
    Ok(app.cancel_sign_in().await?)
}

#[tauri::command]
pub async fn open_browser_again(app: App<'_>) -> Reply<c::OpenBrowserAgain> {
    Ok(app.open_browser_again().await?)
}

/// Signs in again as strongly as the dashboard asked (step-up).
#[tauri::command]
pub async fn step_up(app: App<'_>) -> Reply<c::StepUp> {
    Ok(app.step_up().await?)
}

/// Signs out; `endOktaSession`: also end the Okta session in the browser (unless IT decides).
#[tauri::command]
pub async fn sign_out(app: App<'_>, args: Args<c::SignOut>) -> Reply<c::SignOut> {
    Ok(app
        .sign_out(args.0.end_okta_session.unwrap_or(true))
        .await?)
}

#[tauri::command]
pub async fn dismiss_notice(app: App<'_>) -> Reply<c::DismissNotice> {
    app.dismiss_notice().await;
    Ok(())
}

/// The signed-in user's dashboard, from the dashboard API.
#[tauri::command]
pub async fn dashboard(app: App<'_>) -> Reply<c::Dashboard> {
    tracing::debug!(target: "launch", "the window asks for the dashboard");
    let (outcome, again) = app.dashboard_and_when_again().await;
    tracing::debug!(target: "launch", fresh = ?outcome.as_ref().map(|d| d.as_of.is_none()).ok(), "the window gets the dashboard");
    match outcome {
        Ok(data) => Ok(DashboardView::from(data).asking_again_in(again)),
        Err(error) => Err(ErrorView::from(error).asking_again_in(again)),
    }
}

/// While a launch brings the session back: the dashboard kept from the last run for the person,
/// shown until the fresh one is in; `null` when there is none or the session is not restoring.
#[tauri::command]
pub async fn kept_dashboard(app: App<'_>) -> Reply<c::KeptDashboard> {
    Ok(app.kept_dashboard().await.map(DashboardView::from))
}

/// Manual setup: the Okta domain and the Native App's Client ID, as an admin gave them.
#[tauri::command]
pub async fn set_up_manually(
    app: App<'_>,
    args: Args<c::SetUpManually>,
) -> Reply<c::SetUpManually> {
    let c::SetUpManuallyArgs {
        okta_domain,
        client_id,
    } = args.0;
    let status = app.set_up_manually(&okta_domain, &client_id).await?;
    Ok(SessionView::of(status, None))
}

/// Writes the support bundle; says where, and where to send it.
#[tauri::command]
pub async fn support_bundle(app: App<'_>) -> Reply<c::SupportBundle> {
    Ok(SupportView::of(app.write_support_bundle().await?))
}

/// Opens an email to support in the mail app, naming the bundle to attach.
#[tauri::command]
pub async fn email_support(app: App<'_>, args: Args<c::EmailSupport>) -> Reply<c::EmailSupport> {
    let bundle = args.0.bundle_path;
    Ok(app.email_support(bundle.as_deref().map(std::path::Path::new))?)
}

/// The update the last check found, if any (desktop; mobile apps update through their store).
#[tauri::command]
pub async fn update_state(app: tauri::AppHandle) -> Reply<c::UpdateState> {
    Ok(updates::view(&app).await)
}

/// Installs the update the last check found; it takes effect on restart.
#[tauri::command]
pub async fn install_update(app: tauri::AppHandle) -> Reply<c::InstallUpdate> {
    Ok(updates::install(&app).await?)
}

/// Restarts POINT (after an update was installed).
#[tauri::command]
pub fn restart(app: tauri::AppHandle) -> Reply<c::Restart> {
    app.restart();
}
