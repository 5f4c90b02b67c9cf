# What `point doctor`, `point sign-in --device` and the support bundle say. English is the
# source: every other language has exactly these messages and variables. (The terms -point and
# -okta are defined in errors.ftl, which is loaded with this file.)

## point doctor: each check's outcome and name

doctor-pass = PASS
doctor-fail = FAIL
doctor-warn = WARN
doctor-skip = SKIP
doctor-fix = fix
doctor-all-passed = All checks passed.
doctor-some-failed = Some checks failed.
doctor-check-runtime = runtime
doctor-check-configuration = configuration
doctor-check-okta-domain = okta domain
doctor-check-discovery = discovery
doctor-check-clock = clock
doctor-check-okta-app = okta app
doctor-check-proof-of-possession = proof of possession
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = sign-out endpoints
doctor-check-device-sign-in = sign-in on another device
doctor-check-provider-capabilities = provider capabilities
doctor-check-proxy = proxy
doctor-check-deep-links = deep links
doctor-check-keychain = keychain
doctor-check-dashboard = dashboard
doctor-check-updates = updates
doctor-check-log = log
doctor-check-dpop-key = DPoP key

## point doctor: what each check found, and the fix

doctor-runtime-failed = { -point } could not start its checks ({ $detail })
doctor-runtime-fix = Restart and try again.
# The configuration in force, its lines joined with "; ".
doctor-lines = { $lines }
doctor-configuration-fix = Ask your IT department to fix { -point }'s managed configuration (see docs/it-deployment.md).
doctor-issuer-org = the issuer is { $issuer } ({ -okta }'s org authorization server)
doctor-issuer-custom = the issuer is { $issuer } (a custom authorization server)
doctor-okta-not-set = no Okta domain and Client ID are set
doctor-okta-not-set-fix = Sign in with your work email, set up manually, or ask IT for { -point }'s managed configuration.
doctor-discovery-skipped = no usable Okta domain
doctor-discovery-passed = { $url } answers over TLS with the trusted roots
doctor-discovery-fix = Check the network, the Okta domain, and (behind TLS inspection) the extra CA file.
doctor-capabilities-skipped = discovery did not succeed
doctor-proxy-setting-fix = Ask IT to set proxy to an http:// or https:// address.
doctor-ca-file-fix = Fix the extra CA file setting (a PEM file of certificates).
doctor-dashboard-address-fix = Set the dashboard address (api_base / ApiBase) to an https:// address, or remove it to use { -point }'s.
doctor-dashboard-url-invalid = the dashboard URL is not valid
doctor-dashboard-url-fix = Fix the dashboard API base URL.
doctor-dashboard-answers = { $address } answers
doctor-dashboard-answered = { $address } answered HTTP { $status }
doctor-dashboard-check-fix = Check the dashboard API base URL.
doctor-network-fix = Check the network (and, behind TLS inspection, the extra CA file).
doctor-clock-off = this device's clock is about { $minutes } min { $direction ->
        [behind] behind
       *[ahead] ahead of
    } { -okta }'s ({ -point } corrects for it; other apps may not)
doctor-clock-fix = Turn on automatic date and time in the system settings (Linux: timedatectl set-ntp true; Windows: Settings → Time & language → Set time automatically; macOS: System Settings → General → Date & Time).
doctor-clock-ok = this device's clock is within { $offset } s of { -okta }'s
doctor-log = { -point } logs to { $path }
doctor-log-none = this account has no data folder: { -point } logs to stderr only
doctor-scheme-could-not-run = xdg-mime could not run ({ $detail })
doctor-scheme-install-xdg-utils = Install xdg-utils.
doctor-scheme-fix = Reinstall { -point }'s package, which registers org.pointapp.point: links; or run: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = no application handles org.pointapp.point: links
doctor-scheme-handled = { $handler } handles org.pointapp.point: links
doctor-scheme-no-argument = { $handler } handles org.pointapp.point: links, but its Exec line lacks %u, so the link is dropped
doctor-scheme-not-installed = the handler { $handler } is not installed
doctor-scheme-windows = org.pointapp.point: opens { $command }
doctor-scheme-windows-no-argument = org.pointapp.point: opens { $command } without the link
doctor-scheme-windows-unregistered = org.pointapp.point: links are not registered
doctor-reinstall = Reinstall { -point }.
doctor-reinstall-registers = Reinstall { -point } (the installer registers the link type).
doctor-scheme-bundle = registered by the installed app bundle's Info.plist (not checked here)
doctor-keychain-ok = wrote, read and deleted a probe entry
doctor-key-software = in software, beside the refresh token in the keychain (a copy of the keychain entry carries it)
doctor-key-tpm = in this computer's TPM (it cannot be copied to another computer)
doctor-key-session = this session's key is kept { $key }; { $new }
doctor-key-new-software-policy = new keys are kept in software (IT's dpop_key = software)
doctor-key-new-tpm = new keys are made in this computer's TPM ({ $tpm })
doctor-key-new-software-no-tpm = this computer has no TPM { -point } can use: new keys are kept in software
doctor-key-new-software-tpm-unusable = the TPM could not be used ({ $reason }): new keys are kept in software
doctor-key-required-no-tpm = IT requires keys in a TPM (dpop_key = hardware-required), and this computer has none { -point } can use: sign-in is refused
doctor-key-required-tpm-unusable = IT requires keys in a TPM (dpop_key = hardware-required), and the TPM could not be used ({ $reason }): sign-in is refused
doctor-key-tpm-fix = Turn the TPM on in the firmware settings and give this account access to it (on Linux, /dev/tpmrm0: the tss group on Debian and Ubuntu).
doctor-okta-app-no-code-grant = { -okta } accepts Client ID { $client } and the redirect URI, but the app may not use the Authorization Code grant
doctor-okta-app-no-code-grant-fix = Okta admin: in the { -point } Native App's General settings, under Grant type, enable Authorization Code and Refresh Token.
doctor-okta-app-ok = { -okta } accepts Client ID { $client } with the redirect URI { $redirect }
doctor-okta-app-redirect-refused = { -okta } refuses the redirect URI { $redirect } for Client ID { $client } (HTTP { $status })
doctor-okta-app-redirect-fix = Okta admin: in the { -point } Native App's General settings, add org.pointapp.point:/login to Sign-in redirect URIs and org.pointapp.point:/logout to Sign-out redirect URIs.
doctor-okta-app-client-refused = { -okta } does not accept Client ID { $client } (HTTP { $status })
doctor-okta-app-client-fix = Copy the Client ID of the { -point } Native App (not the website's app) from Applications → Applications → the app → General, into { -point } under Organization → Integrations → Okta (or IT's managed configuration).
doctor-okta-app-refused = { -okta } refused a sign-in request for Client ID { $client } with the redirect URI { $redirect } (HTTP { $status })
doctor-okta-app-refused-fix = Okta admin: check that Client ID belongs to a Native App with the Authorization Code grant and the sign-in redirect URI org.pointapp.point:/login.
doctor-network-retry-fix = Check the network and try again.
doctor-dpop-bound = DPoP: each session's tokens are bound to a key of its own (the DPoP key check says where it is kept)
doctor-dpop-offered = DPoP is offered: { -point } binds the tokens to a key when the { -point } Native App requires it ({ -okta } then refuses a request without a proof, and { -point } sends one)
doctor-dpop-org-server = the organization asks for DPoP, but the Okta domain is the org authorization server, whose access tokens the dashboard checks through userinfo (which would want a proof the dashboard cannot make): { -point } signs in without DPoP
doctor-dpop-org-server-fix = Okta admin: use a custom authorization server (https://company.okta.com/oauth2/default) for { -point }, or untick Require DPoP on the { -point } Native App.
doctor-dpop-no-es256 = the organization asks for DPoP, but the authorization server does not list ES256 in dpop_signing_alg_values_supported: { -point } signs in without DPoP
doctor-dpop-no-es256-fix = Okta admin: turn on the OAuth 2.0 Demonstrating Proof-of-Possession feature (Settings → Features).
doctor-dpop-not-used = not used: bearer tokens (the { -point } Native App does not require DPoP)
doctor-pkce-ok = S256 is in code_challenge_methods_supported
doctor-pkce-missing = the authorization server does not offer PKCE with S256
doctor-pkce-fix = { -point } needs an Okta authorization server (it always offers S256): check that the Okta domain is your Okta organization URL or a custom authorization server's issuer.
doctor-offline-access-ok = offline_access is in scopes_supported
doctor-offline-access-missing = the authorization server does not offer offline_access, so { -point } cannot stay signed in
doctor-offline-access-fix = Okta admin: Security → API → Authorization Servers → the server { -point } uses → Scopes must include offline_access, and the { -point } Native App must have the Refresh Token grant type.
doctor-sign-out-ok = revocation and end-session endpoints are advertised
doctor-sign-out-missing = the revocation or end-session endpoint is missing
doctor-sign-out-fix = Use an Okta authorization server: both endpoints are part of every Okta server's discovery document.
doctor-device-offered = offered ({ $endpoint }); the { -point } Native App also needs the Device Authorization grant type
doctor-device-missing = the authorization server does not advertise device_authorization_endpoint, so `point sign-in --device` cannot work
doctor-device-missing-fix = Only needed for machines without a usable browser. Okta admin: use an Okta authorization server that offers the Device Authorization grant, and enable that grant type on the { -point } Native App.
doctor-updates-refused = the update address { $address } ({ $source }) is not an https:// URL, so in-app updates are off
doctor-updates-refused-fix = Set UpdateUrl (update_url) to the https:// address of your update server, or remove it.
doctor-updates-off = in-app updates are off ({ $source })
# $mode and $major are IT's setting values (update_mode, major_updates), as IT writes them.
doctor-updates = { $mode } from { $address }; new major versions: { $major } ({ $source })
doctor-proxy-through = through { $address } ({ $source })
doctor-proxy-environment = the environment's { $name }={ $address }
doctor-proxy-system = the system's proxy settings
doctor-proxy-none = none: connects directly (no proxy in the environment)
doctor-proxy-fix = Set proxy / Proxy to an address like http://proxy.corp.example:3128, or remove it to use the system's settings.

## The configuration in force, one line each (point doctor and the support bundle)

config-okta-issuer = okta issuer: { $issuer } ({ $source })
config-client-id = client id: { $client } ({ $source })
config-okta-not-set = okta: not set
config-okta-not-set-because = okta: not set ({ $problem })
config-dashboard = dashboard: { $address } ({ $source })
config-extra-roots = extra trusted roots: { $path } ({ $source })
config-sign-in-minimum = minimum sign-in: { $strength } ({ $classes })
config-dpop-key = where DPoP keys are kept: { $policy } (IT's dpop_key)
config-authentication-age = sign in again after: { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
config-managed = managed configuration: { $origin }
config-managed-none = managed configuration: none
config-allowed-email-domains = allowed email domains: { $domains }

## The support bundle (the person sends it to support; its log lines stay as logged)

bundle-title = { -point } support bundle
bundle-created = created: { $seconds } (seconds since 1970, UTC)
bundle-app-development = app: { -point } { $version } (development build)
bundle-app-release = app: { -point } { $version } (release)
bundle-os = os: { $os }
bundle-configuration = configuration in force
bundle-settings-problem = settings problem: { $problem }
bundle-session = session: { $state }
bundle-doctor = point doctor
bundle-log = the last { $lines } lines of the log
bundle-no-log-folder = (no log folder)
bundle-state-signed-out = signed out
bundle-state-restoring = restoring
bundle-state-signing-in = signing in (waiting for the browser)
bundle-state-signed-in = signed in
bundle-state-offline = offline (signed in, retrying)
bundle-state-ended = ended by the provider
bundle-state-not-set-up = not set up

## point sign-in --device

device-usage = usage: point sign-in --device
    Signs in on another device: { -point } prints a page and a code; open the page on your phone or
    another computer, check the code and sign in there. For a machine without a browser { -point }
    can use (an SSH session, a kiosk). In the window, sign-in uses this computer's browser.
device-could-not-start = { -point } could not start: { $detail }
device-already-signed-in = { -point } already has a session for { $who }. Sign out in { -point }'s window to sign in as someone else.
device-signed-in = Signed in as { $who }. { -point } opens signed in from its next start (quit it first if it is open).
device-open-page = To sign in to { -point }, open this page on your phone or another computer:
device-enter-code = and enter this code:
device-page-with-code = (or open { $page }, which has the code in it)
device-waiting = { $minutes ->
        [one] The code works for { $minutes } minute. Waiting for you to sign in…
       *[other] The code works for { $minutes } minutes. Waiting for you to sign in…
    }

## The email to support

mail-subject = { -point } support request
mail-describe = Describe what happened here.
mail-attach = Please attach the support bundle { -point } saved: { $path }
