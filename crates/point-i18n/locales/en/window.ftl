# The POINT window's words, in English (the source every other language follows).
# Message IDs are the contract: ui/index.html names them in data-l10n-id, ui/main.js in t("…").
# A message with .attributes sets those attributes of its element (placeholder, aria-label, alt).
# Terms (-point, -okta) are product names: never translated.

-point = POINT
-okta = Okta

## Banners

offline-banner = You're offline. { -point } shows what it last knew and keeps trying to reconnect.
offline-banner-reason = You're offline. { -point } shows what it last knew and keeps trying to reconnect. ({ $reason })
notice-dismiss = Dismiss

## Starting

starting-lead = Starting…

## Welcome

welcome-title = Welcome to { -point }
welcome-lead = Sign in with your company's { -okta } account to see your dashboard.
work-email-label = Work email
work-email =
    .placeholder = you@company.com
email-help-find = { -point } uses it to find your organization's { -okta }.
email-help-suggest = { -point } suggests it to { -okta }.
# $domains: the allowed email domains, already joined ("example.com or example.org").
email-help-domains = Use your work email at { $domains }.
sign-in = Sign in with { -okta }
add-cancel = Cancel
welcome-organizations-title = Your other organizations
someone-else = Sign in as someone else
device-sign-in = Sign in on another device
manual-setup = Set up manually
managed-note = Your IT department manages { -point }'s { -okta } settings on this computer.
browser-note = Signing in opens your web browser. { -point } never sees your password.
session-ended-notice = Your session ended. Sign in again.
# $problem: why the settings cannot be used (a sentence).
settings-problem-notice = { -point }'s { -okta } settings can't be used: { $problem }
settings-source = { -okta } settings: { $source }
add-organization-title = Add an organization
# $organization: the organization in force now.
add-organization-lead = Sign in with your work email at the other organization. { $organization } stays signed in.
add-organization-lead-unnamed = Sign in with your work email at the other organization. The one you use now stays signed in.

## Manual setup

setup-title = Set up manually
setup-lead = Your { -okta } admin can give you these from { -point }'s { -okta } Native App.
okta-domain-label = { -okta } domain
okta-domain =
    .placeholder = company.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = Save
setup-back = Back

## Sign-in on another device

device-title = Sign in on another device
device-lead = On your phone or another computer, open this page and enter the code.
# $time: when the code expires, already formatted for the person's locale.
device-code-valid-until = Code, valid until { $time }
device-qr =
    .alt = QR code of the page with the code in it: scan it with your phone's camera
device-continues = { -point } continues by itself once you have signed in there.
device-cancel = Cancel

## Waiting for the browser

waiting-spinner =
    .aria-label = Waiting for the browser
waiting-title = Continue in your browser
waiting-lead = Sign in on your organization's { -okta } page. { -point } will continue when you're done.
open-again = Open the browser again
cancel-sign-in = Cancel

## Dashboard

signed-in-fallback-name = Signed in
refresh = Refresh
sign-out = Sign out
organization-switcher =
    .aria-label = Your organizations
add-organization = Add an organization
metrics-title = Key figures
activity-title = Recent activity
signing-you-in = Signing you in…
loading-dashboard = Loading your dashboard…
# $time: when the dashboard shown was fetched, already formatted.
dashboard-offline = Offline: showing your dashboard as of { $time }.
dashboard-restoring = Signing you in… showing your dashboard as of { $time }.
dashboard-stale = The dashboard isn't answering: showing it as of { $time }. { -point } keeps trying.
# $change: the change against the last period, a percentage (0.062 is 6.2 %). Formatted by the window as a percentage.
metric-change-up = ▲ { $change } vs last period
metric-change-down = ▼ { $change } vs last period
# $actor: who did it; $summary: what they did (both from the dashboard, in its language).
activity-item = { $actor }: { $summary }
# $organization: an organization's name.
switch-to = Switch to { $organization }
organization-signed-in = Signed in
organization-signed-out = Signed out

## Sign-out

sign-out-title = Sign out of { -point }?
sign-out-text = You'll need to sign in again to see your dashboard.
end-okta-session = Also sign out of { -okta } in my browser (and its other { -okta } apps)
end-okta-decided = Your IT department also signs you out of { -okta } in your browser.
sign-out-cancel = Cancel
sign-out-confirm = Sign out

## Errors

error-title-sign-in = Sign-in didn't work
error-title-sign-out = Sign-out didn't finish
error-title-browser = { -point } couldn't open your browser
error-title-keychain = The keychain didn't work
error-title-storage = { -point } couldn't save its settings
error-title-update = The update didn't work
error-title-settings = { -point }'s settings need attention
error-title-account = This account can't be used here
error-title-dashboard = The dashboard didn't answer
error-title-not-connected = Your organization isn't connected to { -okta } yet
error-title-step-up = This needs a stronger sign-in
error-title-session-ended = Your session ended
error-hint-title = For your { -okta } admin
error-step-up = Sign in again
error-retry = Try again
error-someone-else = Sign in as someone else
copy-details = Copy details
details-copied = Details copied.
copied-problem = { -point } sign-in problem: { $code }
copied-admin-step = Admin step: { $hint }
copied-state = State: { $state }
copied-time = Time: { $time }
contact-support = Contact support
email-support = Email support
support-collecting = Collecting what support needs (a few seconds)…
# $path: the file written; $email, $url: support's address and page.
support-saved = Saved { $path }. Attach it to your email to { $email } (or see { $url }).

## Updates

# $version: the version offered.
update-available = { -point } { $version } is available.
update-available-major = { -point } { $version } is a new major version. It may change how { -point } works.
update-installing = Installing { -point } { $version }…
update-restart = { -point } { $version } is installed. Restart { -point } to use it.
update-failed = { -point } { $version } could not be installed.
# $reason: why (a sentence).
update-failed-reason = { -point } { $version } could not be installed: { $reason }
update-install = Install
update-restart-now = Restart now
update-try-again = Try again
update-confirm-major = Install { -point } { $version }? It is a new major version: your IT department may not have tried it yet.
update-confirm-major-action = Yes, install it
