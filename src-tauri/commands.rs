//! The commands the window may call. Each is a thin call into the core crates; tokens, codes and
//! callback URLs never cross to the webview.

use point_config::{Source, UserSettings};
use point_dashboard::{Dashboard, Me};
use serde::Serialize;
use tauri::State;

use crate::browser;
use crate::error::{AppError, CommandResult};
use crate::state::{AppState, SessionView};
use crate::updates::{self, UpdateView};

#[tauri::command]
pub async fn session_state(state: State<'_, AppState>) -> CommandResult<SessionView> {
    Ok(state.view_for_window().await)
}

/// Begins a sign-in in the system browser. With a work email and no settings yet, asks the
/// dashboard which Okta the email's organization uses first.
#[tauri::command]
pub async fn sign_in(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    email: Option<String>,
) -> CommandResult<()> {
    let email = email
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    let organization = match (state.organization().await, &email) {
        (Ok(organization), _) => organization,
        (Err(AppError::NotConfigured), Some(email)) => discover_by_email(&state, email).await?,
        (Err(error), _) => return Err(error.into()),
    };
    let url = organization
        .session
        .begin_sign_in(email.as_deref())
        .await
        .map_err(AppError::from)?;
    browser::open(&app, &url).map_err(AppError::Browser)?;
    Ok(())
}

async fn discover_by_email(
    state: &AppState,
    email: &str,
) -> Result<crate::state::Organization, AppError> {
    let (resolved, _) = state.settings();
    resolved
        .may_change_okta_settings()
        .map_err(AppError::Refused)?;
    let lookup = point_dashboard::DashboardClient::new(
        resolved.api_base.0.clone(),
        std::sync::Arc::new(point_auth::HttpClient::new(
            resolved.ca_file.as_ref().map(|(p, _)| p.as_path()),
        )?),
    );
    let found = lookup.okta_settings_for_email(email).await?;
    let okta = point_auth::OktaSettings::parse(&found.okta_domain, &found.client_id, None)?;
    state.save_user_settings(&UserSettings {
        okta_domain: Some(found.okta_domain),
        client_id: Some(found.client_id),
        organization_name: Some(found.organization_name),
    })?;
    let organization = state.organization_for(okta, Source::User, &resolved)?;
    state.install(organization.clone()).await;
    Ok(organization)
}

#[tauri::command]
pub async fn cancel_sign_in(state: State<'_, AppState>) -> CommandResult<()> {
    state.organization().await?.session.cancel_sign_in().await;
    Ok(())
}

#[tauri::command]
pub async fn open_browser_again(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let organization = state.organization().await?;
    let url = organization
        .session
        .pending_sign_in_url()
        .ok_or(AppError::SignIn(point_auth::SignInError::NoPendingSignIn))?;
    browser::open(&app, &url).map_err(|e| AppError::Browser(e).into())
}

#[tauri::command]
pub async fn sign_out(app: tauri::AppHandle, state: State<'_, AppState>) -> CommandResult<()> {
    let organization = state.organization().await?;
    if let Some(url) = organization
        .session
        .sign_out()
        .await
        .map_err(AppError::from)?
    {
        browser::open(&app, &url).map_err(AppError::Browser)?;
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    name: String,
    email: String,
    role: String,
    organization: String,
    metrics: Vec<MetricView>,
    activity: Vec<ActivityView>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MetricView {
    label: String,
    value: f64,
    unit: String,
    change_percent: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ActivityView {
    at: String,
    actor: String,
    summary: String,
}

/// The signed-in user's dashboard, from the dashboard API.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> CommandResult<DashboardView> {
    let organization = state.organization().await?;
    let session = &organization.session;
    let me: Me = organization
        .dashboard
        .me(session)
        .await
        .map_err(AppError::from)?;
    let data: Dashboard = organization
        .dashboard
        .dashboard(session)
        .await
        .map_err(AppError::from)?;
    session.set_organization(&me.organization.name).await;
    Ok(DashboardView {
        name: me.user.name,
        email: me.user.email,
        role: me.user.role,
        organization: me.organization.name,
        metrics: data
            .metrics
            .into_iter()
            .map(|m| MetricView {
                label: m.label,
                value: m.value,
                unit: m.unit,
                change_percent: m.change_percent,
            })
            .collect(),
        activity: data
            .activity
            .into_iter()
            .map(|a| ActivityView {
                at: a.at,
                actor: a.actor,
                summary: a.summary,
            })
            .collect(),
    })
}

/// Manual setup: the Okta domain and the Native App's Client ID, as an admin gave them.
#[tauri::command]
pub async fn set_up_manually(
    state: State<'_, AppState>,
    okta_domain: String,
    client_id: String,
) -> CommandResult<SessionView> {
    let okta =
        point_auth::OktaSettings::parse(&okta_domain, &client_id, None).map_err(AppError::from)?;
    state.save_user_settings(&UserSettings {
        okta_domain: Some(okta_domain.trim().to_string()),
        client_id: Some(client_id.trim().to_string()),
        organization_name: None,
    })?;
    let (resolved, _) = state.settings();
    let organization = state.organization_for(okta, Source::User, &resolved)?;
    state.install(organization).await;
    state.publish().await;
    Ok(state.view().await)
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
