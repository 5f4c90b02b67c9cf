// The POINT window's script: shows the screen for the session's state and calls POINT's
// commands. It never sees a token, an authorization code or a callback URL: those stay in Rust.
// It reaches Rust only through bridge.js; its types are the contract's (scripts/check-ui).
import { call, failure, on } from "./bridge.js";
import { FluentNumber, formattingLocale, localized, startLocalization } from "./l10n.js";

/** @typedef {import("./bridge.js").Commands} Commands */
/** @typedef {import("./bridge.js").Failure} Failure */
/** @typedef {import("./bridge.js").ErrorCode} ErrorCode */
/** @typedef {import("../src-tauri/contract/contract").SessionView} SessionView */
/** @typedef {import("../src-tauri/contract/contract").OrganizationView} OrganizationView */
/** @typedef {import("../src-tauri/contract/contract").DashboardView} DashboardView */
/** @typedef {import("../src-tauri/contract/contract").MetricView} MetricView */
/** @typedef {import("../src-tauri/contract/contract").ActivityView} ActivityView */
/** @typedef {import("../src-tauri/contract/contract").UpdateView} UpdateView */
/** @typedef {import("../src-tauri/contract/contract").UpdateState} UpdateState */
/** @typedef {import("../src-tauri/contract/contract").SupportView} SupportView */

/**
 * The element with this id (index.html has every id this script asks for).
 * @param {string} id
 * @returns {HTMLElement}
 */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
/** @typedef {"starting" | "welcome" | "setup" | "waiting" | "device" | "dashboard" | "error"} Screen */
/** @type {Screen[]} */
const screens = ["starting", "welcome", "setup", "waiting", "device", "dashboard", "error"];
/** @type {Failure | null} */
let lastError = null;
/** @type {SessionView | null} */
let lastView = null;
/** @type {string | null} */
let dashboardLoadedFor = null;
// Counts the dashboards cleared from the screen; an answer to an older load is dropped.
let loads = 0;
// "Add an organization": Welcome asks for the other organization's work email, with Cancel back
// to the dashboard of the one in force.
let adding = false;
// Whether the figures on screen are the ones kept from the last run, shown during the restore.
let keptWhileRestoring = false;
// The dashboard's background retries (when it could not be fetched fresh).
/** @type {number | undefined} */
let retryTimer;
// At launch the "Starting…" card stays up for at most HOLD_MS while the session comes back and
// the dashboard loads, so that a quick restore goes from the card to the finished dashboard in
// one frame: each frame in between (the name alone, "Loading your dashboard…") costs tens of ms
// of painting on a slow machine, and is a flash to the eye. A slower restore shows the person's
// name, "Signing you in…" and the dashboard kept from the last run once the hold is over.
const HOLD_MS = 250;
let holdUntil = 0;
/** @type {number | undefined} */
let holdTimer;

// Each screen change moves focus to its heading and announces it, so keyboard and screen-reader
// users land on the new screen (the waiting screen after "Sign in" included).
/** @param {Screen} name */
function show(name) {
  const changed = document.body.dataset.screen !== name;
  for (const screen of screens) $(`screen-${screen}`).hidden = screen !== name;
  const heading = $(`screen-${name}`).querySelector("h1");
  if (heading) heading.setAttribute("tabindex", "-1");
  document.body.dataset.screen = name;
  if (changed && heading && name !== "starting") {
    heading.focus();
    $("announcer").textContent = heading.textContent;
  }
}

// Escape cancels a sign-in that waits for the browser or for another device.
document.addEventListener("keydown", async (event) => {
  if (event.key === "Escape" && document.body.dataset.screen === "waiting") {
    await run("cancel_sign_in");
    show("welcome");
  } else if (event.key === "Escape" && document.body.dataset.screen === "device") {
    await run("cancel_sign_in_on_another_device");
  } else if (event.key === "Escape" && adding) {
    adding = false;
    if (lastView) render(lastView);
  }
});

// What failed, in the error screen's title.
/** @type {"sign_in" | "sign_out"} */
let lastAction = "sign_in";
/** @param {ErrorCode | null} code */
function errorTitle(code) {
  if (code === "browser") return localized("error-title-browser");
  if (code === "keychain") return localized("error-title-keychain");
  if (code === "storage") return localized("error-title-storage");
  if (code === "update_failed") return localized("error-title-update");
  if (code === "managed_by_it" || code === "settings_unusable" || code === "invalid_settings" || code === "not_configured") return localized("error-title-settings");
  if (code === "email_domain_not_allowed" || code === "email_not_allowed") return localized("error-title-account");
  if (code === "okta_not_connected") return localized("error-title-not-connected");
  if (code === "step_up_required") return localized("error-title-step-up");
  if (code?.startsWith("dashboard_")) return localized("error-title-dashboard");
  if (code === "session_ended" || code === "refresh_token_rejected") return localized("error-title-session-ended");
  return lastAction === "sign_out" ? localized("error-title-sign-out") : localized("error-title-sign-in");
}

/** @param {Failure} error */
function showError(error) {
  lastError = error;
  $("error-title").textContent = errorTitle(error.code);
  $("error-message").textContent = error.message;
  $("error-hint-box").hidden = !error.hint;
  $("error-hint").textContent = error.hint ?? "";
  $("copy-status").textContent = "";
  // Someone else may sign in where Okta refused this person.
  $("error-someone-else").hidden = !(error.code === "not_assigned" || error.code === "email_not_allowed"
    || error.code === "access_denied" || error.code === "access_policy_denied");
  // A stronger sign-in is the way on, not trying the same again.
  const stepUp = error.code === "step_up_required";
  $("error-step-up").hidden = !stepUp;
  $("error-retry").hidden = stepUp;
  show("error");
}

/** @param {SessionView} view */
function render(view) {
  lastView = view;
  $("offline-banner").hidden = view.state !== "offline";
  $("offline-banner").textContent = view.state !== "offline" ? ""
    : view.offlineReason ? localized("offline-banner-reason", { reason: view.offlineReason }) : localized("offline-banner");
  $("keychain-banner").hidden = !view.keychainProblem;
  $("keychain-banner").textContent = view.keychainProblem
    ? `${view.keychainProblem} ${view.keychainHint ?? ""}` : "";
  // A notice (a stray sign-in link) never takes over the window.
  $("notice-banner").hidden = !view.notice;
  $("notice-text").textContent = view.noticeMessage ?? "";
  // IT's policy: no manual setup when IT manages the Okta settings; the allowed email domains.
  $("manual-setup").hidden = view.managedByIt;
  $("managed-note").hidden = !view.managedByIt;
  $("managed-note").title = view.settingsSource ? localized("settings-source", { source: view.settingsSource }) : "";
  const domains = view.allowedEmailDomains ?? [];
  $("email-help").textContent = domains.length
    ? localized("email-help-domains", { domains: new Intl.ListFormat(formattingLocale(), { type: "disjunction" }).format(domains) })
    : view.configured && !adding ? localized("email-help-suggest") : localized("email-help-find");
  renderOrganizations(view);
  if (document.body.dataset.screen === "error" || document.body.dataset.screen === "setup") return;
  if (adding) {
    showWelcome(view);
    return;
  }

  if (view.deviceSignIn && view.state !== "signed_in") {
    const device = view.deviceSignIn;
    $("device-page").textContent = device.verificationUri;
    $("device-code").textContent = device.userCode;
    const until = new Date(device.expiresAt).toLocaleTimeString(formattingLocale(), { hour: "numeric", minute: "2-digit" });
    $("device-code-label").textContent = localized("device-code-valid-until", { time: until });
    const qr = /** @type {HTMLImageElement} */ ($("device-qr"));
    qr.hidden = !device.qrCode;
    if (device.qrCode) qr.src = device.qrCode;
    show("device");
    return;
  }

  switch (view.state) {
    case "signing_in":
      show("waiting");
      break;
    case "restoring":
    case "signed_in":
    case "offline": {
      const whose = `${currentOrganization(view)?.key ?? ""} ${view.email}`;
      if (dashboardLoadedFor !== null && !dashboardLoadedFor.startsWith(`${whose} `)) clearDashboard();
      // The name first: showing the screen announces its heading.
      $("user-name").textContent = view.name ?? view.email ?? localized("signed-in-fallback-name");
      $("user-email").textContent = view.email ?? "";
      $("user-org").textContent = view.organization ?? "";
      const wait = holdUntil - performance.now();
      if (document.body.dataset.screen === "starting" && wait > 0) {
        // Held: shown when the dashboard is in (loadDashboard), or when the hold is over.
        clearTimeout(holdTimer);
        holdTimer = setTimeout(() => { if (lastView) render(lastView); }, wait);
      } else {
        show("dashboard");
      }
      if (view.state === "restoring") {
        // The cached name at once, with the dashboard kept from the last run if there is one;
        // the fresh one once the session is back.
        if (dashboardLoadedFor !== `${whose} restoring`) {
          dashboardLoadedFor = `${whose} restoring`;
          setStatus(localized("signing-you-in"));
          loadKeptDashboard();
        }
      } else if (dashboardLoadedFor !== `${whose} ${view.state}`) {
        // Loaded when signed in, again when the session comes back, and (kept) when offline;
        // again for another person or organization.
        dashboardLoadedFor = `${whose} ${view.state}`;
        loadDashboard();
      }
      break;
    }
    default:
      // Nobody's figures stay on screen for the next person.
      clearDashboard();
      showWelcome(view);
  }
}

/** @param {SessionView} view */
function currentOrganization(view) {
  return (view.organizations ?? []).find((org) => org.current);
}

// Welcome: signing in, or (adding) signing in to another organization.
/** @param {SessionView} view */
function showWelcome(view) {
  const current = currentOrganization(view);
  $("welcome-title").textContent = adding ? localized("add-organization-title") : localized("welcome-title");
  $("welcome-lead").textContent = !adding ? localized("welcome-lead")
    : current?.name ? localized("add-organization-lead", { organization: current.name })
    : localized("add-organization-lead-unnamed");
  $("add-cancel").hidden = !adding;
  $("someone-else").hidden = adding;
  // IT may turn sign-in on another device off (device_sign_in = false).
  $("device-sign-in").hidden = adding || !view.deviceSignInAllowed;
  if (adding) $("manual-setup").hidden = true;
  show("welcome");
  const notice = adding ? ""
    : view.state === "ended" ? localized("session-ended-notice")
    : view.settingsProblem ? localized("settings-problem-notice", { problem: view.settingsProblem }) : "";
  $("welcome-notice").hidden = !notice;
  $("welcome-notice").textContent = notice;
}

// The organizations to switch to: on the dashboard (with "Add an organization" where the
// person may add one), and on Welcome when signed out of the one in force.
/** @param {SessionView} view */
function renderOrganizations(view) {
  const others = (view.organizations ?? []).filter((org) => !org.current);
  const mayAdd = view.mayAddOrganization;
  $("organization-switcher").hidden = !mayAdd && others.length === 0;
  $("add-organization").hidden = !mayAdd;
  $("organization-list").replaceChildren(...others.map(organizationItem));
  $("welcome-organizations").hidden = others.length === 0;
  $("welcome-organization-list").replaceChildren(...others.map(organizationItem));
}

/** @param {OrganizationView} org */
function organizationItem(org) {
  const li = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "organization";
  button.dataset.key = org.key;
  button.append(localized("switch-to", { organization: org.name }));
  const who = document.createElement("span");
  who.className = "muted";
  who.textContent = org.signedIn ? (org.email ?? localized("organization-signed-in")) : localized("organization-signed-out");
  button.append(who);
  button.addEventListener("click", async () => {
    adding = false;
    await run("switch_organization", { key: org.key });
  });
  li.append(button);
  return li;
}

function clearDashboard() {
  dashboardLoadedFor = null;
  keptWhileRestoring = false;
  // An answer on its way is for what was on screen: it is dropped when it comes.
  loads += 1;
  clearTimeout(retryTimer);
  for (const id of ["metrics", "activity"]) $(id).replaceChildren();
  for (const id of ["user-name", "user-email", "user-org"]) $(id).textContent = "";
}

/** @param {string} text */
function setStatus(text) {
  $("dashboard-status").hidden = !text;
  $("dashboard-status").textContent = text ?? "";
}

// A dashboard that could not be fetched fresh is asked for again when POINT says (its one retry
// policy: backoff with jitter, and never before Okta's not-before); never when it does not.
/** @param {number | null | undefined} retryInMs */
function retryDashboardLater(retryInMs) {
  clearTimeout(retryTimer);
  if (retryInMs !== null && retryInMs !== undefined) retryTimer = setTimeout(loadDashboard, retryInMs);
}

/** @param {DashboardView} data */
function fillDashboard(data) {
  $("user-name").textContent = data.name;
  $("user-email").textContent = data.email;
  $("user-org").textContent = data.organization;
  $("metrics").replaceChildren(...data.metrics.map(metricItem));
  $("activity").replaceChildren(...data.activity.map(activityItem));
  keptWhileRestoring = data.stale === "restoring";
  if (data.asOf === null) {
    setStatus("");
  } else {
    const time = new Date(data.asOf).toLocaleTimeString(formattingLocale(), { hour: "2-digit", minute: "2-digit" });
    setStatus(data.stale === "offline" ? localized("dashboard-offline", { time })
      : data.stale === "restoring" ? localized("dashboard-restoring", { time })
      : localized("dashboard-stale", { time }));
  }
}

// While the launch brings the session back: the dashboard kept from the last run, "as of" its
// time, so the person sees their figures before Okta and the dashboard answer. It does not end
// the "Starting…" hold: a quick restore still goes to the fresh dashboard in one frame.
async function loadKeptDashboard() {
  const load = loads;
  try {
    const data = await call("kept_dashboard");
    // Only while the session is still coming back: then the fresh one (or why not) is shown.
    if (data !== null && load === loads && lastView?.state === "restoring") fillDashboard(data);
  } catch {
    // Nothing kept to show: the fresh dashboard follows the restore.
  }
}

async function loadDashboard() {
  const load = loads;
  // Figures kept from the last run stay until the fresh ones are in, no longer "signing you in".
  if ($("metrics").children.length === 0 || keptWhileRestoring) setStatus(localized("loading-dashboard"));
  try {
    const data = await call("dashboard");
    // Another organization or person since it was asked for: not theirs to show.
    if (load !== loads) return;
    fillDashboard(data);
    if (document.body.dataset.screen === "starting") show("dashboard");
    retryDashboardLater(data.retryInMs);
  } catch (thrown) {
    if (load !== loads) return;
    // Figures kept from the last run are not left on screen beside why the fresh ones failed.
    if (keptWhileRestoring) for (const id of ["metrics", "activity"]) $(id).replaceChildren();
    keptWhileRestoring = false;
    const error = failure(thrown);
    // The figures need a stronger sign-in: the person is told what is asked and offered it.
    if (error.code === "step_up_required") {
      setStatus("");
      showError(error);
      return;
    }
    setStatus(error.message);
    retryDashboardLater(error.retryInMs);
  }
}

/** @param {MetricView} metric */
function metricItem(metric) {
  const li = document.createElement("li");
  const label = document.createElement("div");
  label.className = "metric-label";
  label.textContent = metric.label;
  const value = document.createElement("div");
  value.className = "metric-value";
  value.textContent = formatValue(metric.value, metric.unit);
  const change = document.createElement("div");
  const up = metric.changePercent >= 0;
  change.className = `metric-change ${up ? "up" : "down"}`;
  // A number the catalog places as it is: its style (a percentage) is the window's to set.
  const change_ = { change: new FluentNumber(Math.abs(metric.changePercent) / 100, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }) };
  change.textContent = up ? localized("metric-change-up", change_) : localized("metric-change-down", change_);
  li.append(label, value, change);
  return li;
}

/**
 * @param {number} value
 * @param {string} unit
 */
function formatValue(value, unit) {
  const locale = formattingLocale();
  // A currency the dashboard names by its ISO 4217 code (USD, EUR…); a percentage as a number of
  // percent (96.4 is 96.4 %).
  if (/^[A-Z]{3}$/.test(unit)) return new Intl.NumberFormat(locale, { style: "currency", currency: unit, maximumFractionDigits: 0 }).format(value);
  if (unit === "%") return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
  return new Intl.NumberFormat(locale).format(value);
}

/** @param {ActivityView} item */
function activityItem(item) {
  const li = document.createElement("li");
  const time = document.createElement("time");
  time.dateTime = item.at;
  time.textContent = new Date(item.at).toLocaleString(formattingLocale(), { dateStyle: "medium", timeStyle: "short" });
  const text = document.createElement("span");
  text.textContent = localized("activity-item", { actor: item.actor, summary: item.summary });
  li.append(time, text);
  return li;
}

// Updates: offered in a banner; a new major version asks for a confirmation first. Nothing is
// installed unless the user clicks (or IT's policy installs it, in which case only "restart").
/** @type {UpdateView | null} */
let pendingUpdate = null;
let majorConfirmed = false;
/** @param {UpdateView | null} update */
function renderUpdate(update) {
  pendingUpdate = update;
  majorConfirmed = false;
  const banner = $("update-banner");
  banner.hidden = !update;
  if (!update) return;
  const action = $("update-action");
  const version = { version: update.version };
  /** @type {Record<UpdateState, string>} */
  const texts = {
    available: update.major ? localized("update-available-major", version) : localized("update-available", version),
    installing: localized("update-installing", version),
    restart: localized("update-restart", version),
    failed: update.message ? localized("update-failed-reason", { ...version, reason: update.message }) : localized("update-failed", version),
  };
  /** @type {Partial<Record<UpdateState, string>>} */
  const actions = { available: localized("update-install"), restart: localized("update-restart-now"), failed: localized("update-try-again") };
  $("update-text").textContent = texts[update.state] ?? "";
  action.hidden = !actions[update.state];
  action.textContent = actions[update.state] ?? "";
}
$("update-action").addEventListener("click", async () => {
  if (!pendingUpdate) return;
  if (pendingUpdate.state === "restart") return run("restart");
  if (pendingUpdate.major && pendingUpdate.state === "available" && !majorConfirmed) {
    majorConfirmed = true;
    $("update-text").textContent = localized("update-confirm-major", { version: pendingUpdate.version });
    $("update-action").textContent = localized("update-confirm-major-action");
    return;
  }
  try { await call("install_update"); } catch { /* the banner shows the failure */ }
});

/**
 * Calls a command; shows its failure on the error screen.
 * @template {keyof Commands} C
 * @param {C} command
 * @param {Commands[C]["args"] extends null ? [] : [Commands[C]["args"]]} args
 * @returns {Promise<Commands[C]["answer"] | undefined>}
 */
async function run(command, ...args) {
  try {
    return await call(command, ...args);
  } catch (error) {
    showError(failure(error));
    return undefined;
  }
}

$("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const email = input("work-email").value.trim();
  $("email-error").hidden = true;
  try {
    if (adding) {
      await call("sign_in_to_another_organization", { email });
      adding = false;
    } else {
      await call("sign_in", { email: email || null });
    }
    show("waiting");
  } catch (thrown) {
    const error = failure(thrown);
    if (error.code === "email_domain_not_allowed" || error.code === "managed_by_it") {
      // IT's policy: said beside the field, before any browser opens.
      $("email-error").textContent = error.message;
      $("email-error").hidden = false;
      $("work-email").focus();
    } else {
      showError(error);
    }
  }
});
$("notice-dismiss").addEventListener("click", () => run("dismiss_notice"));
$("add-organization").addEventListener("click", () => {
  adding = true;
  input("work-email").value = "";
  $("email-error").hidden = true;
  if (lastView) render(lastView);
  $("work-email").focus();
});
$("add-cancel").addEventListener("click", () => {
  adding = false;
  if (lastView) render(lastView);
});
// Okta asks for credentials again (prompt=login): for a person whose browser is signed in to
// Okta as someone else (for instance after "you are not assigned").
// From Welcome, with the email typed (the other person's); after a refusal, with none (the
// refused person's email would only be suggested again).
/** @param {string | null} email */
async function signInAsSomeoneElse(email) {
  lastError = null;
  show("waiting");
  await run("sign_in", { email: email || null, asSomeoneElse: true });
}
$("someone-else").addEventListener("click", () => signInAsSomeoneElse(input("work-email").value.trim()));
$("error-someone-else").addEventListener("click", () => signInAsSomeoneElse(null));
// The dashboard asked for a stronger sign-in: the same person signs in again, as asked.
$("error-step-up").addEventListener("click", async () => {
  lastError = null;
  show("waiting");
  await run("step_up");
});
$("manual-setup").addEventListener("click", () => { show("setup"); $("okta-domain").focus(); });
$("setup-back").addEventListener("click", () => { show("welcome"); if (lastView) render(lastView); });
$("setup-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const view = await call("set_up_manually", { oktaDomain: input("okta-domain").value, clientId: input("client-id").value });
    $("setup-error").hidden = true;
    show("welcome");
    render(view);
  } catch (error) {
    $("setup-error").hidden = false;
    $("setup-error").textContent = failure(error).message;
  }
});
$("open-again").addEventListener("click", () => run("open_browser_again"));
$("cancel-sign-in").addEventListener("click", async () => { await run("cancel_sign_in"); show("welcome"); });
$("refresh").addEventListener("click", loadDashboard);
// Sign out asks first, with Cancel focused; whether to end the Okta session in the browser is
// asked then (the person's last answer ticked), unless IT decided.
const signOutDialog = /** @type {HTMLDialogElement} */ ($("sign-out-dialog"));
$("sign-out").addEventListener("click", () => {
  const policy = lastView?.oktaSignOut ?? "ask";
  $("end-okta-choice").hidden = policy !== "ask";
  input("end-okta-session").checked = lastView?.endOktaSessionRemembered ?? true;
  $("end-okta-decided").hidden = policy !== "always";
  signOutDialog.returnValue = "";
  signOutDialog.showModal();
});
signOutDialog.addEventListener("close", async () => {
  if (signOutDialog.returnValue !== "sign-out") {
    $("sign-out").focus();
    return;
  }
  lastAction = "sign_out";
  await run("sign_out", { endOktaSession: input("end-okta-session").checked });
  lastAction = "sign_in";
});
$("error-retry").addEventListener("click", async () => {
  lastError = null;
  show("welcome");
  const view = await call("session_state");
  render(view);
});
// Contact support: a bundle to attach (no secrets), and an email through the system's mail app.
/** @type {SupportView | null} */
let support = null;
$("contact-support").addEventListener("click", async () => {
  $("support-status").textContent = localized("support-collecting");
  try {
    const written = await call("support_bundle");
    support = written;
    $("support-status").textContent = localized("support-saved", { path: written.bundlePath, email: written.email, url: written.url });
    $("email-support").hidden = false;
  } catch (error) {
    $("support-status").textContent = failure(error).message;
  }
});
$("device-sign-in").addEventListener("click", () => run("sign_in_on_another_device"));
$("device-cancel").addEventListener("click", () => run("cancel_sign_in_on_another_device"));
$("email-support").addEventListener("click", () => run("email_support", { bundlePath: support?.bundlePath ?? null }));
$("copy-details").addEventListener("click", async () => {
  const details = [
    localized("copied-problem", { code: lastError?.code ?? "" }),
    lastError?.message,
    lastError?.hint ? localized("copied-admin-step", { hint: lastError.hint }) : "",
    localized("copied-state", { state: lastView?.state ?? "" }),
    localized("copied-time", { time: new Date().toISOString() }),
  ].filter(Boolean).join("\n");
  try {
    await navigator.clipboard.writeText(details);
    $("copy-status").textContent = localized("details-copied");
  } catch {
    $("copy-status").textContent = details;
  }
});

// Start-up, once the first frame (the static "Starting…" screen) has been painted (boot.js loads
// this module after it): asking POINT before it held that frame back by about 100 ms (scripts/bench
// startup). The words first, then the listeners all at once, then both states at once.
async function start() {
  holdUntil = performance.now() + HOLD_MS;
  // The person's language first: every word on screen comes from its catalog. Should POINT not
  // answer, the page's own (English) words are shown rather than none.
  await startLocalization().catch(() => document.documentElement.classList.remove("unworded"));
  // The first answers are as of when POINT gave them: an event that arrived while they were on
  // their way is newer (POINT sends one for every change), so they must not overwrite it.
  let sessionEvent = false;
  let updateEvent = false;
  await Promise.all([
    on("session://changed", (view) => { sessionEvent = true; render(view); }),
    on("session://error", showError),
    on("update://changed", (update) => { updateEvent = true; renderUpdate(update); }),
  ]);
  const [update, initial] = await Promise.all([call("update_state"), call("session_state")]);
  if (!updateEvent) renderUpdate(update);
  if (!sessionEvent) render(initial);
  if (initial.error) showError(initial.error);
}
start();
