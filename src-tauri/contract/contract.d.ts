// The types of everything that crosses between POINT's Rust side and its window, generated
// from src-tauri/contract/ by `POINT_UPDATE_CONTRACT=1 cargo test -p point --lib contract`. Do not edit.

/**
 * What the UI may know of the app and the session. Nothing secret.
 */
export type SessionView = { configured: boolean, 
/**
 * Where the Okta settings in force came from.
 */
settingsSource: string | null, settingsProblem: string | null, 
/**
 * IT manages the Okta settings: no manual setup, no email lookup.
 */
managedByIt: boolean, 
/**
 * IT's allowed email domains (empty: any).
 */
allowedEmailDomains: Array<string>, 
/**
 * Whether sign-out asks about ending the Okta session in the browser, or IT decided.
 */
oktaSignOut: OktaSignOutView, 
/**
 * The person's last answer to "also sign out of Okta in my browser", for the sign-out
 * confirmation's checkbox when the choice is theirs.
 */
endOktaSessionRemembered: boolean, state: SessionStateView, name: string | null, email: string | null, organization: string | null, offlineReason: string | null, keychainProblem: string | null, keychainHint: string | null, notice: NoticeView | null, noticeMessage: string | null, 
/**
 * An error from a deep link the window has not been told about yet.
 */
error: ErrorView | null, 
/**
 * A sign-in on another device that waits for the person.
 */
deviceSignIn: DeviceSignInView | null, 
/**
 * Whether "Sign in on another device" is offered (IT may turn it off).
 */
deviceSignInAllowed: boolean, 
/**
 * The organization in force first, then the others the person can switch to.
 */
organizations: Array<OrganizationView>, 
/**
 * Whether the person may sign in to another organization here (the Okta settings are
 * theirs, not IT's or the environment's).
 */
mayAddOrganization: boolean, };

/**
 * Where the session stands, as the UI names it.
 */
export type SessionStateView = "signed_out" | "restoring" | "signing_in" | "signed_in" | "offline" | "ended";

/**
 * Whether signing out also ends the Okta session in the browser.
 */
export type OktaSignOutView = "ask" | "always" | "never";

/**
 * A notice: shown without leaving the current screen.
 */
export type NoticeView = "ignored_sign_in_link" | "signed_out_of_untrusted_okta";

/**
 * An organization in the window's switcher.
 */
export type OrganizationView = { 
/**
 * What `switch_organization` takes.
 */
key: string, name: string, email: string | null, current: boolean, signedIn: boolean, };

/**
 * What the window shows for a sign-in on another device: the page, the code, and a QR code of
 * the page with the code in it (for a phone's camera).
 */
export type DeviceSignInView = { userCode: string, verificationUri: string, verificationUriComplete: string | null, 
/**
 * An SVG image as a `data:` URI (the CSP allows `data:` images, nothing else).
 */
qrCode: string | null, 
/**
 * When the code expires (milliseconds since the epoch).
 */
expiresAt: number, };

/**
 * The signed-in person's dashboard.
 */
export type DashboardView = { 
/**
 * When a kept dashboard was fetched (milliseconds since the epoch); `null` when fresh.
 */
asOf: number | null, stale: StaleView | null, name: string, email: string, role: string, organization: string, metrics: Array<MetricView>, activity: Array<ActivityView>, 
/**
 * For a kept dashboard: when to ask again by itself (milliseconds from now, under POINT's
 * one retry policy); `null` when fresh.
 */
retryInMs: number | null, };

/**
 * Why the dashboard shown is not fresh.
 */
export type StaleView = "offline" | "dashboard_unavailable" | "restoring";

export type MetricView = { label: string, value: number, unit: string, changePercent: number, };

export type ActivityView = { at: string, actor: string, summary: string, };

/**
 * The support bundle just written, and where to send it.
 */
export type SupportView = { 
/**
 * Where the bundle was saved (a path on this computer; nothing secret).
 */
bundlePath: string, email: string, url: string, };

/**
 * The update the last check found.
 */
export type UpdateView = { state: UpdateState, version: string, notes: string | null, 
/**
 * A new major version: the UI asks the user to confirm.
 */
major: boolean, message: string | null, };

/**
 * Where an update stands.
 */
export type UpdateState = "available" | "installing" | "restart" | "failed";

/**
 * The language the window speaks: its tag (the page's `lang`), its direction (`dir`), whether
 * it is the pseudo-locale (the window then accents and lengthens every message), and its
 * catalogs (Project Fluent source, `crates/point-i18n/locales/`).
 */
export type LocalizationView = { locale: string, direction: DirectionView, pseudo: boolean, resources: Array<string>, };

/**
 * Which way the window's text runs.
 */
export type DirectionView = "ltr" | "rtl";

/**
 * An error as the UI receives it. Never carries token material or a URL with a query.
 */
export type ErrorView = { code: ErrorCode, message: string, hint: string | null, 
/**
 * When the window asks again by itself (milliseconds from now, under POINT's one retry
 * policy): only for a failure that passes, of a request the window repeats (the dashboard).
 */
retryInMs?: number, };

export type ErrorCode = "not_configured" | "settings_unusable" | "invalid_settings" | "managed_by_it" | "email_domain_not_allowed" | "untrusted_okta" | "device_sign_in_off" | "email_not_allowed" | "browser" | "storage" | "update_failed" | "offline" | "timeout" | "interrupted" | "tls" | "provider_unavailable" | "unexpected_response" | "not_an_authorization_server" | "issuer_mismatch" | "pkce_unsupported" | "invalid_callback" | "no_pending_sign_in" | "sign_in_expired" | "state_mismatch" | "callback_issuer_mismatch" | "not_assigned" | "access_policy_denied" | "access_denied" | "grant_type_not_enabled" | "redirect_uri_not_registered" | "invalid_client" | "scope_not_allowed" | "login_required" | "unmet_authentication_requirements" | "authorization_failed" | "code_rejected" | "refresh_token_rejected" | "token_request_refused" | "missing_id_token" | "id_token_invalid" | "device_grant_not_offered" | "device_grant_not_enabled" | "device_sign_in_denied" | "device_code_expired" | "loopback_unavailable" | "dpop_proof_refused" | "rate_limited" | "hardware_key_required" | "key_hardware_unavailable" | "key_not_on_this_machine" | "key_unavailable" | "not_signed_in" | "session_ended" | "superseded" | "sign_in_cancelled" | "keychain" | "dashboard_offline" | "dashboard_timeout" | "dashboard_tls" | "dashboard_refused" | "dashboard_unavailable" | "dashboard_unexpected" | "okta_not_connected" | "step_up_required";

/**
 * `sign_in`: with a work email (IT's policy; the organization's Okta from the dashboard when
 * POINT has no settings yet); `asSomeoneElse`: Okta asks for credentials again.
 */
export type SignInArgs = { email?: string | null, asSomeoneElse?: boolean | null, };

/**
 * `switch_organization`: the `key` of one of the session view's `organizations`.
 */
export type SwitchOrganizationArgs = { key: string, };

/**
 * `sign_in_to_another_organization`: the work email that finds it.
 */
export type SignInToAnotherOrganizationArgs = { email: string, };

/**
 * `sign_out`; `endOktaSession`: also end the Okta session in the browser (unless IT decides;
 * `true` when not given).
 */
export type SignOutArgs = { endOktaSession?: boolean | null, };

/**
 * `set_up_manually`: the Okta domain and the Native App's Client ID, as an admin gave them.
 */
export type SetUpManuallyArgs = { oktaDomain: string, clientId: string, };

/**
 * `email_support`: the bundle to name in the email.
 */
export type EmailSupportArgs = { bundlePath?: string | null, };

/**
 * Every command the window may call: its arguments (`null`: none) and its answer. A
 * failed command rejects with an `ErrorView`.
 */
export type Commands = {
  "session_state": { args: null, answer: SessionView },
  "localization": { args: null, answer: LocalizationView },
  "sign_in": { args: SignInArgs, answer: null },
  "cancel_sign_in": { args: null, answer: null },
  "sign_in_on_another_device": { args: null, answer: null },
  "cancel_sign_in_on_another_device": { args: null, answer: null },
  "switch_organization": { args: SwitchOrganizationArgs, answer: null },
  "sign_in_to_another_organization": { args: SignInToAnotherOrganizationArgs, answer: null },
  "open_browser_again": { args: null, answer: null },
  "step_up": { args: null, answer: null },
  "sign_out": { args: SignOutArgs, answer: null },
  "dismiss_notice": { args: null, answer: null },
  "dashboard": { args: null, answer: DashboardView },
  "kept_dashboard": { args: null, answer: DashboardView | null },
  "set_up_manually": { args: SetUpManuallyArgs, answer: SessionView },
  "support_bundle": { args: null, answer: SupportView },
  "email_support": { args: EmailSupportArgs, answer: null },
  "update_state": { args: null, answer: UpdateView | null },
  "install_update": { args: null, answer: null },
  "restart": { args: null, answer: null },
};

/** Every event the window may listen to, and its payload. */
export type Events = {
  "session://changed": SessionView,
  "session://error": ErrorView,
  "update://changed": UpdateView,
};
