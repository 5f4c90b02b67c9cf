// The POINT window's script: shows the screen for the session's state and calls POINT's
// commands. It never sees a token, an authorization code or a callback URL: those stay in Rust.
const { invoke } = window.__TAURI__.core;
const { listen } = window.__TAURI__.event;

const $ = (id) => document.getElementById(id);
const screens = ["welcome", "setup", "waiting", "dashboard", "error"];
let lastError = null;
let lastView = null;
let dashboardLoadedFor = null;

function show(name) {
  for (const screen of screens) $(`screen-${screen}`).hidden = screen !== name;
  const heading = $(`screen-${name}`).querySelector("h1");
  if (heading) heading.setAttribute("tabindex", "-1");
  document.body.dataset.screen = name;
}

function showError(error) {
  lastError = error;
  $("error-message").textContent = error.message;
  $("error-hint-box").hidden = !error.hint;
  $("error-hint").textContent = error.hint ?? "";
  $("copy-status").textContent = "";
  show("error");
  $("error-title").focus();
}

function render(view) {
  lastView = view;
  $("offline-banner").hidden = view.state !== "offline";
  $("offline-banner").textContent = view.state === "offline"
    ? `You're offline. POINT shows what it last knew and keeps trying to reconnect. (${view.offlineReason ?? ""})` : "";
  $("keychain-banner").hidden = !view.keychainProblem;
  $("keychain-banner").textContent = view.keychainProblem
    ? `${view.keychainProblem} ${view.keychainHint ?? ""}` : "";
  // A notice (a stray sign-in link) never takes over the window.
  $("notice-banner").hidden = !view.notice;
  $("notice-text").textContent = view.noticeMessage ?? "";
  // IT's policy: no manual setup when IT manages the Okta settings; the allowed email domains.
  $("manual-setup").hidden = view.managedByIt;
  $("managed-note").hidden = !view.managedByIt;
  $("managed-note").title = view.settingsSource ? `Okta settings: ${view.settingsSource}` : "";
  const domains = view.allowedEmailDomains ?? [];
  $("email-help").textContent = domains.length
    ? `Use your work email at ${domains.join(" or ")}.`
    : view.configured ? "POINT suggests it to Okta." : "POINT uses it to find your organization's Okta.";
  if (document.body.dataset.screen === "error" || document.body.dataset.screen === "setup") return;

  switch (view.state) {
    case "signing_in":
      show("waiting");
      break;
    case "signed_in":
    case "offline":
      show("dashboard");
      $("user-name").textContent = view.name ?? view.email ?? "Signed in";
      $("user-email").textContent = view.email ?? "";
      $("user-org").textContent = view.organization ?? "";
      if (view.state === "signed_in" && dashboardLoadedFor !== view.email) {
        dashboardLoadedFor = view.email;
        loadDashboard();
      }
      break;
    default: {
      dashboardLoadedFor = null;
      show("welcome");
      const notice = view.state === "ended" ? "Your session ended. Sign in again."
        : view.settingsProblem ? `POINT's Okta settings can't be used: ${view.settingsProblem}` : "";
      $("welcome-notice").hidden = !notice;
      $("welcome-notice").textContent = notice;
    }
  }
}

async function loadDashboard() {
  $("dashboard-status").hidden = false;
  $("dashboard-status").textContent = "Loading your dashboard…";
  try {
    const data = await invoke("dashboard");
    $("user-name").textContent = data.name;
    $("user-email").textContent = data.email;
    $("user-org").textContent = data.organization;
    $("metrics").replaceChildren(...data.metrics.map(metricItem));
    $("activity").replaceChildren(...data.activity.map(activityItem));
    $("dashboard-status").hidden = true;
  } catch (error) {
    $("dashboard-status").textContent = error.message ?? String(error);
  }
}

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
  change.textContent = `${up ? "▲" : "▼"} ${Math.abs(metric.changePercent).toFixed(1)}% vs last period`;
  li.append(label, value, change);
  return li;
}

function formatValue(value, unit) {
  if (unit === "USD") return new Intl.NumberFormat(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(value);
  if (unit === "%") return `${value.toFixed(1)}%`;
  return new Intl.NumberFormat().format(value);
}

function activityItem(item) {
  const li = document.createElement("li");
  const time = document.createElement("time");
  time.dateTime = item.at;
  time.textContent = new Date(item.at).toLocaleString();
  const text = document.createElement("span");
  text.textContent = `${item.actor}: ${item.summary}`;
  li.append(time, text);
  return li;
}

// Updates: offered in a banner; a new major version asks for a confirmation first. Nothing is
// installed unless the user clicks (or IT's policy installs it, in which case only "restart").
let pendingUpdate = null;
let majorConfirmed = false;
function renderUpdate(update) {
  pendingUpdate = update;
  majorConfirmed = false;
  const banner = $("update-banner");
  banner.hidden = !update;
  if (!update) return;
  const action = $("update-action");
  const texts = {
    available: update.major
      ? `POINT ${update.version} is a new major version. It may change how POINT works.`
      : `POINT ${update.version} is available.`,
    installing: `Installing POINT ${update.version}…`,
    restart: `POINT ${update.version} is installed. Restart POINT to use it.`,
    failed: update.message ? `POINT ${update.version} could not be installed: ${update.message}` : `POINT ${update.version} could not be installed.`,
  };
  const actions = { available: "Install", restart: "Restart now", failed: "Try again" };
  $("update-text").textContent = texts[update.state] ?? "";
  action.hidden = !actions[update.state];
  action.textContent = actions[update.state] ?? "";
}
$("update-action").addEventListener("click", async () => {
  if (!pendingUpdate) return;
  if (pendingUpdate.state === "restart") return run("restart");
  if (pendingUpdate.major && pendingUpdate.state === "available" && !majorConfirmed) {
    majorConfirmed = true;
    $("update-text").textContent = `Install POINT ${pendingUpdate.version}? It is a new major version: your IT department may not have tried it yet.`;
    $("update-action").textContent = "Yes, install it";
    return;
  }
  try { await invoke("install_update"); } catch { /* the banner shows the failure */ }
});

async function run(command, args) {
  try {
    return await invoke(command, args);
  } catch (error) {
    showError(error);
    return undefined;
  }
}

$("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const email = $("work-email").value.trim();
  $("email-error").hidden = true;
  try {
    await invoke("sign_in", { email: email || null });
    show("waiting");
  } catch (error) {
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
$("manual-setup").addEventListener("click", () => { show("setup"); $("okta-domain").focus(); });
$("setup-back").addEventListener("click", () => { show("welcome"); render(lastView ?? { state: "signed_out" }); });
$("setup-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const view = await invoke("set_up_manually", { oktaDomain: $("okta-domain").value, clientId: $("client-id").value });
    $("setup-error").hidden = true;
    show("welcome");
    render(view);
  } catch (error) {
    $("setup-error").hidden = false;
    $("setup-error").textContent = error.message;
  }
});
$("open-again").addEventListener("click", () => run("open_browser_again"));
$("cancel-sign-in").addEventListener("click", async () => { await run("cancel_sign_in"); show("welcome"); });
$("refresh").addEventListener("click", loadDashboard);
$("sign-out").addEventListener("click", async () => { await run("sign_out"); });
$("error-retry").addEventListener("click", async () => {
  lastError = null;
  show("welcome");
  const view = await invoke("session_state");
  render(view);
});
$("copy-details").addEventListener("click", async () => {
  const details = [
    `POINT sign-in problem: ${lastError?.code}`,
    lastError?.message,
    lastError?.hint ? `Admin step: ${lastError.hint}` : "",
    `State: ${lastView?.state}`,
    `Time: ${new Date().toISOString()}`,
  ].filter(Boolean).join("\n");
  try {
    await navigator.clipboard.writeText(details);
    $("copy-status").textContent = "Details copied.";
  } catch {
    $("copy-status").textContent = details;
  }
});

await listen("session://changed", (event) => render(event.payload));
await listen("session://error", (event) => showError(event.payload));
await listen("update://changed", (event) => renderUpdate(event.payload));
renderUpdate(await invoke("update_state"));
const initial = await invoke("session_state");
render(initial);
if (initial.error) showError(initial.error);
