# POINT's errors and their hints, as the window, `point doctor` and the command line say them.
# English is the source: every other language has exactly these messages and variables.
# Okta's console labels (Applications, Security → API, …) are quoted as Okta shows them in
# English; a translation keeps them as they are when Okta's console does not translate them.

-point = POINT
-okta = Okta

## Reaching Okta

error-offline = { -point } could not connect to { $host }. Check your internet connection and try again.
error-timeout = { $host } did not answer in time. Check your connection and try again.
error-interrupted = The connection to { $host } broke before its answer arrived. Check your connection and try again.
error-tls = { -point } could not make a secure connection to { $host } ({ $detail }).
error-provider-unavailable = { -okta } ({ $host }) is having problems (HTTP { $status }). Try again in a few minutes.
error-provider-unavailable-until = { -okta } ({ $host }) is having problems (HTTP { $status }). { -point } tries again at { $time }.
error-unexpected-response = { -okta }'s answer could not be read ({ $what }). Try again; if it keeps happening, contact support.
error-rate-limited = { -okta } is limiting requests from your organization right now. { -point } tries again shortly.
error-rate-limited-until = { -okta } is limiting requests from your organization right now. { -point } tries again at { $time }.

## Okta's discovery document

error-not-an-authorization-server = The Okta domain does not lead to an Okta authorization server (HTTP { $status } for its OpenID configuration).
error-issuer-mismatch = The Okta authorization server calls itself { $found }, not { $expected }.
error-pkce-unsupported = The Okta authorization server does not offer PKCE with S256, which { -point } requires.

## The link the browser hands back

error-invalid-callback = { -point } received a sign-in link it cannot use: { $reason }.
callback-too-long = the link is longer than 8 KiB
callback-not-our-redirect = the link is not { -point }'s sign-in or sign-out address
callback-fragment = the link has a fragment
callback-repeated = the link repeats the `{ $parameter }` parameter
callback-missing = the link has no `{ $parameter }` parameter
callback-malformed = the link's `{ $parameter }` parameter is malformed
error-no-pending-sign-in = { -point } received a sign-in response, but no sign-in is in progress. Start the sign-in again from { -point }.
error-sign-in-expired = The sign-in took too long and expired. Start it again.
error-state-mismatch = This sign-in response does not belong to the sign-in in progress, so { -point } ignored it.
error-callback-issuer-mismatch = This sign-in response came from a different identity provider than the one { -point } asked, so { -point } ignored it.

## Okta refused

error-not-assigned = You are not assigned to { -point } in { -okta }.
error-access-policy-denied = Your organization's { -okta } access policy does not allow you to sign in to { -point }.
error-access-denied = { -okta } denied the sign-in.
error-access-denied-described = { -okta } denied the sign-in: { $description }.
error-grant-type-not-enabled = { -point }'s { -okta } app is not allowed to sign you in this way.
error-redirect-uri-not-registered = { -point }'s sign-in address is not registered in your organization's { -okta } app.
error-invalid-client = { -okta } does not recognize { -point }'s Client ID.
error-scope-not-allowed = { -okta } refused the permissions { -point } asks for.
error-scope-not-allowed-described = { -okta } refused the permissions { -point } asks for: { $description }.
error-login-required = { -okta } needs you to sign in again.
error-unmet-authentication = { -okta } could not sign you in as strongly as was asked.
error-unmet-authentication-described = { -okta } could not sign you in as strongly as was asked: { $description }.
error-authorization-failed = { -okta } could not complete the sign-in ({ $error }).
error-authorization-failed-described = { -okta } could not complete the sign-in ({ $error }: { $description }).
error-code-rejected = The sign-in took too long or was interrupted. Try again.
error-refresh-token-rejected = Your session ended. Sign in again.
error-token-request-refused = { -okta } refused to issue tokens ({ $error }).
error-token-request-refused-described = { -okta } refused to issue tokens ({ $error }: { $description }).
error-missing-id-token = { -okta }'s answer had no ID token. Check that the app's scopes include openid.
error-device-grant-not-offered = Your organization's { -okta } does not offer sign-in on another device.
error-device-grant-not-enabled = { -point }'s { -okta } app is not allowed to sign in on another device.
error-device-sign-in-denied = The sign-in on the other device was declined.
error-device-code-expired = The code expired before anyone signed in with it. Start again for a new code.
error-loopback-unavailable = { -point } could not listen on 127.0.0.1 for the sign-in's answer ({ $detail }).
error-dpop-proof-refused = { -okta } refused { -point }'s proof of possession (DPoP).
error-dpop-proof-refused-described = { -okta } refused { -point }'s proof of possession (DPoP): { $description }.
error-hardware-key-required = IT requires { -point }'s sign-in key to be kept in this computer's TPM, and this computer has no TPM { -point } can use.
error-key-hardware-unavailable = { -point } could not use this computer's TPM, which keeps your sign-in's key ({ $reason }). { -point } tries again.
error-key-not-on-this-machine = Your sign-in's key is not in this computer's TPM: the sign-in was copied from another computer, or the TPM was cleared. Sign in again.
error-key-unavailable = { -point } could not make or read the key that protects your sign-in. Sign in again.

## The ID token

error-id-token = { -okta }'s ID token failed verification: { $reason }.
id-token-unsigned = it is not signed (alg none)
id-token-symmetric = it is signed with a shared-secret algorithm ({ $algorithm }), which a public client cannot trust
id-token-disallowed-algorithm = its algorithm { $algorithm } is not accepted
id-token-bad-signature = its signature is invalid
id-token-unknown-key = it is signed with a key the provider does not publish
id-token-wrong-issuer = it was issued by someone else
id-token-wrong-audience = it was issued for another application
id-token-missing-authorized-party = it has several audiences but no authorized party
id-token-wrong-authorized-party = its authorized party is another application
id-token-expired = it has expired (check this device's date and time)
id-token-issued-in-future = it was issued in the future (check this device's date and time)
id-token-authenticated-in-future = it says you signed in in the future (check this device's date and time)
id-token-not-yet-valid = it is not valid yet (check this device's date and time)
id-token-wrong-nonce = its nonce does not match this sign-in
id-token-missing-nonce = it has no nonce
id-token-wrong-access-token-hash = its access token hash does not match the access token
id-token-wrong-subject = it names a different user than the signed-in one
id-token-malformed = it is malformed ({ $detail })
id-token-weaker-than-asked = it shows a weaker sign-in ({ $got }) than was asked ({ $asked })
id-token-missing-auth-time = it does not say when you signed in, and a recent sign-in was asked
id-token-authenticated-too-long-ago = it shows a sign-in older than was asked

## What was typed as the Okta settings

error-empty-domain = Enter your Okta domain, like company.okta.com.
error-not-a-url = "{ $given }" is not a web address. Enter your Okta domain, like company.okta.com.
error-not-https = The Okta domain must start with https://. Plain http:// is only allowed for a provider on this computer.
error-domain-has-credentials = Remove the user name or password from the Okta domain: enter just https://company.okta.com.
error-domain-has-query = Remove everything after "?" or "#" from the Okta domain.
error-admin-console = That is { -okta }'s admin console address. Remove "-admin": use { $suggested }.
error-endpoint = That is an { -okta } endpoint, not the domain. Use { $suggested }.
error-unexpected-path = The Okta domain should be https://company.okta.com, or a custom authorization server like https://company.okta.com/oauth2/default.
error-empty-client-id = Enter the Client ID of your organization's { -okta } Native App.
error-malformed-client-id = The Client ID cannot contain spaces or special characters. Copy it again from the { -okta } app's General tab (Client Credentials).
error-client-secret = { -point } signs in as an { -okta } Native App, which has no client secret. Ask your { -okta } admin to create a Native App (not a Web App) for { -point } and give you its Client ID only.
error-trusted-roots = The trusted certificate file { $path } could not be used: { $reason }
error-proxy = The proxy { $proxy } could not be used: { $reason }
error-incomplete-managed-okta = Your IT department's configuration for { -point } ({ $origin }) sets { $given } but not { $missing }, so { -point } cannot sign in. Ask IT to set both okta_domain and client_id.

## IT's rules and configuration

error-managed-by-it = Your IT department manages { -point }'s Okta settings on this computer, so they can't be changed here.
error-email-domain = Your IT department allows signing in to { -point } only with an email address at { $allowed }.
error-untrusted-okta = Your IT department allows { -point } to sign in only to the Okta organizations it names, and { $host } is not one of them.
error-device-sign-in-off = Your IT department has turned sign-in on another device off for { -point }. Sign in with the browser on this computer.
error-managed-config-unreadable = The configuration your IT department set ({ $origin }) cannot be read: { $reason }
error-dashboard-address-refused = The dashboard address from { $source } ({ $address }) is not an https:// address, so { -point } will not send your sign-in to it. It must start with https://.
error-proxy-refused = The proxy your IT department set ({ $address }) is not an http:// or https:// address, so { -point } does not connect until it is fixed.
error-not-configured = { -point } doesn't know your organization's Okta yet. Enter your work email, or set up manually.

## Where a setting comes from

source-default = built-in default
source-managed = managed by your IT department
source-user = your settings
source-environment = environment (development build)

## The session and the keychain

error-not-signed-in = You are not signed in.
error-session-ended = Your session ended. Sign in again.
error-superseded = You signed in or out while { -point } was renewing your session.
error-email-not-allowed = This account's email address is not one your IT department allows in { -point }.
error-sign-in-cancelled = The sign-in was cancelled.
error-keychain-unavailable = This computer's keychain is not available ({ $detail }). { -point } keeps you signed in until it closes, but cannot remember you.
error-keychain-locked = This computer's keychain is locked or refused access ({ $detail }). Unlock it, then sign in again so { -point } can remember you.
error-keychain-too-long = The sign-in data is too large for the keychain ({ $units } of at most { $limit } characters).
error-keychain-failed = The keychain failed ({ $detail }).
error-keychain-corrupt = { -point }'s keychain entry is damaged; sign in again.

## The dashboard

error-dashboard-offline = { -point } could not reach the dashboard. Check your internet connection.
error-dashboard-timeout = The dashboard did not answer in time. Try again.
error-dashboard-tls = { -point } could not make a secure connection to the dashboard ({ $detail }).
error-dashboard-refused = The dashboard refused the request (HTTP { $status }).
# The dashboard's own words (it was asked for the person's language).
error-dashboard-said = { $message }
error-dashboard-unavailable = The dashboard is having problems (HTTP { $status }). Try again in a few minutes.
error-dashboard-unexpected = The dashboard's answer could not be read ({ $detail }).
error-okta-not-connected = Your organization hasn't connected Okta to { -point } yet. An admin can add it under Organization → Integrations → Okta.

## This computer

error-browser = { -point } could not open your web browser. Use "Open the browser again", or check your default browser.
error-storage = { -point } could not save its settings ({ $detail }).
error-update-failed = { -point } could not update itself ({ $detail }). It keeps working as it is; it tries again later.

## A stronger sign-in (step-up): what is asked, in the person's words

step-up-asked = This page needs a stronger sign-in: { $strength }.
step-up-asked-recent = This page needs a recent sign-in (in the last { $minutes ->
        [one] minute
       *[other] { $minutes } minutes
    }): { $strength }.
acr-1fa-any = any one factor
acr-1fa-pwd = your password
acr-2fa-any = two factors
acr-2fa-any-ifpossible = two factors where your account has them
acr-phr = a phishing-resistant factor, such as a security key or Okta FastPass
acr-phrh = a phishing-resistant factor kept in hardware, such as a security key
acr-other = the sign-in level { $value }
acr-policy = what your organization's sign-in policy asks for

## Hints: what the person, IT or the Okta admin can do

hint-settings-unusable = Your IT department can correct { -point }'s configuration on this computer.
hint-email-domain = Use your work email address, or ask your IT department.
hint-untrusted-okta = IT: set okta_domain and client_id, or list the Okta domains { -point } may use in allowed_okta_domains (docs/it-deployment.md).
hint-update-failed = If this goes on, your IT department can install the new version for you.
hint-email-not-allowed = Sign in with your work account. If your browser signed you in as someone else, sign out of Okta there first.
hint-keychain-unavailable-linux = Install and start a Secret Service keyring (GNOME Keyring or KWallet) in your desktop session, then restart { -point }.
hint-keychain-unavailable = Restart { -point }. If this keeps happening, contact your IT department.
hint-keychain-locked = Unlock your keychain (it usually unlocks when you log in), then sign in again.
hint-keychain-failed = Sign in again. If this keeps happening, contact support.
hint-assignments = In the Okta Admin Console, open Applications → Applications → the { -point } Native App → Assignments, and assign this person (or a group they are in).
hint-access-policy = In the Okta Admin Console, open Security → API → Authorization Servers → the server { -point } uses → Access Policies, and add a policy and rule that allow the { -point } Native App with the Authorization Code and Refresh Token grants.
hint-grant-types = In the { -point } Native App's General settings, under Grant type, enable Authorization Code and Refresh Token.
hint-device-grant = In the { -point } Native App's General settings, under Grant type, enable Device Authorization; on a custom authorization server, also allow the Device Authorization grant in the access policy rule for { -point } (Security → API → Authorization Servers → Access Policies).
hint-redirect-uri = In the { -point } Native App's General settings, add org.pointapp.point:/login to Sign-in redirect URIs and org.pointapp.point:/logout to Sign-out redirect URIs.
hint-client-id = Copy the Client ID from the { -point } Native App (Applications → Applications → the app → General → Client Credentials) into { -point } under Organization → Integrations → Okta. The app must be a Native Application, not a Web Application.
hint-scopes = { -point } asks for openid, profile, email and offline_access. On a custom authorization server, check Security → API → Authorization Servers → Scopes and the access policy rule's scopes.
hint-domain = In { -point } under Organization → Integrations → Okta, the domain must be your Okta organization URL (https://company.okta.com) or a custom authorization server's issuer.
hint-rate-limit = Okta's rate limits for the org were reached: Reports → Rate Limits in the Admin Console shows which endpoint and which app; raise the limit for the { -point } app or find what else is calling /oauth2/v1/token so often.
hint-dpop = If the { -point } Native App requires DPoP (General → Proof of possession), turn DPoP on for the organization in { -point } (Organization → Integrations → Okta) or in IT's managed configuration (okta_dpop = true). { -point } uses DPoP with a custom authorization server (https://company.okta.com/oauth2/…) that lists ES256 in dpop_signing_alg_values_supported.
hint-hardware-key-required = IT: this computer has no TPM 2.0 that { -point } can open. Turn the TPM on in the firmware settings, give staff access to it (on Linux, /dev/tpmrm0: the tss group on Debian and Ubuntu), or allow keys in software where there is none (dpop_key = "hardware-where-available").
hint-key-hardware = IT: check that the TPM is on and that this account may use it (on Linux, /dev/tpmrm0: the tss group on Debian and Ubuntu). { -point } keeps the session and tries again.
hint-unmet-authentication = In the Okta Admin Console, check the authentication policy of the { -point } Native App (Security → Authentication Policies) and that this person is enrolled in an authenticator it allows (for example Okta Verify or a security key), so that Okta can meet the level asked for.
hint-tls = If your company inspects TLS traffic, ask IT to give { -point } the company's root certificate (the extra CA file setting).
