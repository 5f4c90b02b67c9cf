# Was `point doctor`, `point sign-in --device` und das Support-Paket ausgeben. Englisch ist die
# Quelle: Jede andere Sprache hat genau diese Messages und Variablen. (Die Terme -point und
# -okta sind in errors.ftl definiert, die zusammen mit dieser Datei geladen wird.)

## point doctor: Ergebnis und Name jeder Prüfung

doctor-pass = OK
doctor-fail = FEHLER
doctor-warn = WARNUNG
doctor-skip = ÜBERSPRUNGEN
doctor-fix = Lösung
doctor-all-passed = Alle Prüfungen bestanden.
doctor-some-failed = Einige Prüfungen sind fehlgeschlagen.
doctor-check-runtime = Laufzeit
doctor-check-configuration = Konfiguration
doctor-check-okta-domain = Okta-Domain
doctor-check-discovery = Discovery
doctor-check-clock = Uhrzeit
doctor-check-okta-app = Okta-App
doctor-check-proof-of-possession = Besitznachweis
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = Abmelde-Endpunkte
doctor-check-device-sign-in = Anmeldung auf anderem Gerät
doctor-check-provider-capabilities = Funktionen des Anbieters
doctor-check-proxy = Proxy
doctor-check-deep-links = Deep Links
doctor-check-keychain = Schlüsselbund
doctor-check-dashboard = Dashboard
doctor-check-updates = Updates
doctor-check-log = Protokoll
doctor-check-dpop-key = DPoP-Schlüssel

## point doctor: Befund jeder Prüfung und die Lösung

doctor-runtime-failed = { -point } konnte seine Prüfungen nicht starten ({ $detail })
doctor-runtime-fix = Starten Sie neu und versuchen Sie es erneut.
# Die geltende Konfiguration, ihre Zeilen mit "; " verbunden.
doctor-lines = { $lines }
doctor-configuration-fix = Bitten Sie Ihre IT-Abteilung, die verwaltete Konfiguration von { -point } zu korrigieren (siehe docs/it-deployment.md).
doctor-issuer-org = der Issuer ist { $issuer } (der Org-Autorisierungsserver von { -okta })
doctor-issuer-custom = der Issuer ist { $issuer } (ein benutzerdefinierter Autorisierungsserver)
doctor-okta-not-set = weder Okta-Domain noch Client ID festgelegt
doctor-okta-not-set-fix = Melden Sie sich mit Ihrer geschäftlichen E-Mail-Adresse an, richten Sie { -point } manuell ein oder bitten Sie die IT um die verwaltete Konfiguration für { -point }.
doctor-discovery-skipped = keine verwendbare Okta-Domain
doctor-discovery-passed = { $url } antwortet über TLS mit den vertrauenswürdigen Stammzertifikaten
doctor-discovery-fix = Prüfen Sie das Netzwerk, die Okta-Domain und (bei TLS-Inspektion) die zusätzliche CA-Datei.
doctor-capabilities-skipped = Discovery war nicht erfolgreich
doctor-proxy-setting-fix = Bitten Sie die IT, proxy auf eine http://- oder https://-Adresse zu setzen.
doctor-ca-file-fix = Korrigieren Sie die Einstellung für die zusätzliche CA-Datei (eine PEM-Datei mit Zertifikaten).
doctor-dashboard-address-fix = Setzen Sie die Dashboard-Adresse (api_base / ApiBase) auf eine https://-Adresse oder entfernen Sie sie, um die von { -point } zu verwenden.
doctor-dashboard-url-invalid = die Dashboard-URL ist ungültig
doctor-dashboard-url-fix = Korrigieren Sie die Basis-URL der Dashboard-API.
doctor-dashboard-answers = { $address } antwortet
doctor-dashboard-answered = { $address } hat mit HTTP { $status } geantwortet
doctor-dashboard-check-fix = Prüfen Sie die Basis-URL der Dashboard-API.
doctor-network-fix = Prüfen Sie das Netzwerk (und bei TLS-Inspektion die zusätzliche CA-Datei).
doctor-clock-off = die Uhr dieses Geräts geht gegenüber der von { -okta } etwa { $minutes } Min. { $direction ->
        [behind] nach
       *[ahead] vor
    } ({ -point } gleicht das aus; andere Apps möglicherweise nicht)
doctor-clock-fix = Aktivieren Sie in den Systemeinstellungen die automatische Einstellung von Datum und Uhrzeit (Linux: timedatectl set-ntp true; Windows: Einstellungen → Zeit und Sprache → Uhrzeit automatisch festlegen; macOS: Systemeinstellungen → Allgemein → Datum & Uhrzeit).
doctor-clock-ok = die Uhr dieses Geräts weicht höchstens { $offset } s von der von { -okta } ab
doctor-log = { -point } protokolliert in { $path }
doctor-log-none = dieses Konto hat keinen Datenordner: { -point } protokolliert nur nach stderr
doctor-scheme-could-not-run = xdg-mime konnte nicht ausgeführt werden ({ $detail })
doctor-scheme-install-xdg-utils = Installieren Sie xdg-utils.
doctor-scheme-fix = Installieren Sie das Paket von { -point } neu, das org.pointapp.point:-Links registriert, oder führen Sie aus: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = keine Anwendung verarbeitet org.pointapp.point:-Links
doctor-scheme-handled = { $handler } verarbeitet org.pointapp.point:-Links
doctor-scheme-no-argument = { $handler } verarbeitet org.pointapp.point:-Links, aber in seiner Exec-Zeile fehlt %u, daher geht der Link verloren
doctor-scheme-not-installed = der Handler { $handler } ist nicht installiert
doctor-scheme-windows = org.pointapp.point: öffnet { $command }
doctor-scheme-windows-no-argument = org.pointapp.point: öffnet { $command } ohne den Link
doctor-scheme-windows-unregistered = org.pointapp.point:-Links sind nicht registriert
doctor-reinstall = Installieren Sie { -point } neu.
doctor-reinstall-registers = Installieren Sie { -point } neu (das Installationsprogramm registriert den Linktyp).
doctor-scheme-bundle = durch die Info.plist des installierten App-Bundles registriert (hier nicht geprüft)
doctor-keychain-ok = Testeintrag geschrieben, gelesen und gelöscht
doctor-key-software = in Software, neben dem Refresh Token im Schlüsselbund (eine Kopie des Schlüsselbundeintrags enthält ihn mit)
doctor-key-tpm = im TPM dieses Computers (er kann nicht auf einen anderen Computer kopiert werden)
doctor-key-session = der Schlüssel dieser Sitzung liegt { $key }; { $new }
doctor-key-new-software-policy = neue Schlüssel werden in Software aufbewahrt (Einstellung der IT: dpop_key = software)
doctor-key-new-tpm = neue Schlüssel werden im TPM dieses Computers erzeugt ({ $tpm })
doctor-key-new-software-no-tpm = dieser Computer hat kein TPM, das { -point } verwenden kann: neue Schlüssel werden in Software aufbewahrt
doctor-key-new-software-tpm-unusable = das TPM konnte nicht verwendet werden ({ $reason }): neue Schlüssel werden in Software aufbewahrt
doctor-key-required-no-tpm = die IT verlangt Schlüssel in einem TPM (dpop_key = hardware-required), und dieser Computer hat keines, das { -point } verwenden kann: die Anmeldung wird verweigert
doctor-key-required-tpm-unusable = die IT verlangt Schlüssel in einem TPM (dpop_key = hardware-required), und das TPM konnte nicht verwendet werden ({ $reason }): die Anmeldung wird verweigert
doctor-key-tpm-fix = Aktivieren Sie das TPM in den Firmware-Einstellungen und geben Sie diesem Konto Zugriff darauf (unter Linux /dev/tpmrm0: die Gruppe tss unter Debian und Ubuntu).
doctor-okta-app-no-code-grant = { -okta } akzeptiert die Client ID { $client } und die Redirect-URI, aber die App darf den Grant „Authorization Code“ möglicherweise nicht verwenden
doctor-okta-app-no-code-grant-fix = Okta-Administration: Aktivieren Sie in den „General“-Einstellungen der Native App von { -point } unter „Grant type“ die Optionen „Authorization Code“ und „Refresh Token“.
doctor-okta-app-ok = { -okta } akzeptiert die Client ID { $client } mit der Redirect-URI { $redirect }
doctor-okta-app-redirect-refused = { -okta } lehnt die Redirect-URI { $redirect } für die Client ID { $client } ab (HTTP { $status })
doctor-okta-app-redirect-fix = Okta-Administration: Fügen Sie in den „General“-Einstellungen der Native App von { -point } org.pointapp.point:/login zu „Sign-in redirect URIs“ und org.pointapp.point:/logout zu „Sign-out redirect URIs“ hinzu.
doctor-okta-app-client-refused = { -okta } akzeptiert die Client ID { $client } nicht (HTTP { $status })
doctor-okta-app-client-fix = Kopieren Sie die Client ID der Native App von { -point } (nicht die der Website-App) aus „Applications → Applications“ → die App → „General“ in { -point } unter „Organization → Integrations → Okta“ (oder in die verwaltete Konfiguration der IT).
doctor-okta-app-refused = { -okta } hat eine Anmeldeanfrage für die Client ID { $client } mit der Redirect-URI { $redirect } abgelehnt (HTTP { $status })
doctor-okta-app-refused-fix = Okta-Administration: Prüfen Sie, ob die Client ID zu einer Native App mit dem Grant „Authorization Code“ und der Anmelde-Redirect-URI org.pointapp.point:/login gehört.
doctor-network-retry-fix = Prüfen Sie das Netzwerk und versuchen Sie es erneut.
doctor-dpop-bound = DPoP: Die Tokens jeder Sitzung sind an einen eigenen Schlüssel gebunden (wo er aufbewahrt wird, zeigt die Prüfung „DPoP-Schlüssel“)
doctor-dpop-offered = DPoP wird angeboten: { -point } bindet die Tokens an einen Schlüssel, wenn die Native App von { -point } dies verlangt ({ -okta } lehnt dann Anfragen ohne Nachweis ab, und { -point } sendet einen)
doctor-dpop-org-server = die Organisation verlangt DPoP, aber die Okta-Domain ist der Org-Autorisierungsserver, dessen Access Tokens das Dashboard über userinfo prüft (was einen Nachweis erfordern würde, den das Dashboard nicht erbringen kann): { -point } meldet sich ohne DPoP an
doctor-dpop-org-server-fix = Okta-Administration: Verwenden Sie für { -point } einen benutzerdefinierten Autorisierungsserver (https://company.okta.com/oauth2/default) oder deaktivieren Sie „Require DPoP“ in der Native App von { -point }.
doctor-dpop-no-es256 = die Organisation verlangt DPoP, aber der Autorisierungsserver führt ES256 nicht in dpop_signing_alg_values_supported auf: { -point } meldet sich ohne DPoP an
doctor-dpop-no-es256-fix = Okta-Administration: Aktivieren Sie das Feature „OAuth 2.0 Demonstrating Proof-of-Possession“ („Settings → Features“).
doctor-dpop-not-used = nicht verwendet: Bearer-Tokens (die Native App von { -point } verlangt kein DPoP)
doctor-pkce-ok = S256 ist in code_challenge_methods_supported enthalten
doctor-pkce-missing = der Autorisierungsserver bietet kein PKCE mit S256 an
doctor-pkce-fix = { -point } benötigt einen Okta-Autorisierungsserver (dieser bietet immer S256 an): Prüfen Sie, ob die Okta-Domain die URL Ihrer Okta-Organisation oder der Issuer eines benutzerdefinierten Autorisierungsservers ist.
doctor-offline-access-ok = offline_access ist in scopes_supported enthalten
doctor-offline-access-missing = der Autorisierungsserver bietet offline_access nicht an, daher kann { -point } nicht angemeldet bleiben
doctor-offline-access-fix = Okta-Administration: Unter „Security → API → Authorization Servers“ → der von { -point } verwendete Server → „Scopes“ muss offline_access enthalten sein, und die Native App von { -point } muss den Grant-Typ „Refresh Token“ haben.
doctor-sign-out-ok = Revocation- und End-Session-Endpunkt werden angeboten
doctor-sign-out-missing = der Revocation- oder End-Session-Endpunkt fehlt
doctor-sign-out-fix = Verwenden Sie einen Okta-Autorisierungsserver: Beide Endpunkte sind Teil des Discovery-Dokuments jedes Okta-Servers.
doctor-device-offered = angeboten ({ $endpoint }); die Native App von { -point } benötigt außerdem den Grant-Typ „Device Authorization“
doctor-device-missing = der Autorisierungsserver bietet keinen device_authorization_endpoint an, daher kann `point sign-in --device` nicht funktionieren
doctor-device-missing-fix = Nur für Rechner ohne verwendbaren Browser nötig. Okta-Administration: Verwenden Sie einen Okta-Autorisierungsserver, der den Grant „Device Authorization“ anbietet, und aktivieren Sie diesen Grant-Typ in der Native App von { -point }.
doctor-updates-refused = die Update-Adresse { $address } ({ $source }) ist keine https://-URL, daher sind In-App-Updates deaktiviert
doctor-updates-refused-fix = Setzen Sie UpdateUrl (update_url) auf die https://-Adresse Ihres Update-Servers oder entfernen Sie die Einstellung.
doctor-updates-off = In-App-Updates sind deaktiviert ({ $source })
# $mode und $major sind Einstellungswerte der IT (update_mode, major_updates), so wie die IT sie schreibt.
doctor-updates = { $mode } von { $address }; neue Hauptversionen: { $major } ({ $source })
doctor-proxy-through = über { $address } ({ $source })
doctor-proxy-environment = { $name }={ $address } aus der Umgebung
doctor-proxy-system = die Proxy-Einstellungen des Systems
doctor-proxy-none = keiner: direkte Verbindung (kein Proxy in der Umgebung)
doctor-proxy-fix = Setzen Sie proxy / Proxy auf eine Adresse wie http://proxy.corp.example:3128 oder entfernen Sie die Einstellung, um die Systemeinstellungen zu verwenden.

## Die geltende Konfiguration, je eine Zeile (point doctor und Support-Paket)

config-okta-issuer = Okta-Issuer: { $issuer } ({ $source })
config-client-id = Client ID: { $client } ({ $source })
config-okta-not-set = Okta: nicht festgelegt
config-okta-not-set-because = Okta: nicht festgelegt ({ $problem })
config-dashboard = Dashboard: { $address } ({ $source })
config-extra-roots = zusätzliche vertrauenswürdige Stammzertifikate: { $path } ({ $source })
config-sign-in-minimum = Mindestanforderung an die Anmeldung: { $strength } ({ $classes })
config-dpop-key = Aufbewahrungsort der DPoP-Schlüssel: { $policy } (Einstellung dpop_key der IT)
config-authentication-age = erneute Anmeldung nach: { $minutes ->
        [one] { $minutes } Minute
       *[other] { $minutes } Minuten
    }
config-managed = verwaltete Konfiguration: { $origin }
config-managed-none = verwaltete Konfiguration: keine
config-allowed-email-domains = zulässige E-Mail-Domains: { $domains }

## Das Support-Paket (die Person sendet es an den Support; seine Protokollzeilen bleiben wie protokolliert)

bundle-title = { -point }-Support-Paket
bundle-created = erstellt: { $seconds } (Sekunden seit 1970, UTC)
bundle-app-development = App: { -point } { $version } (Entwicklungs-Build)
bundle-app-release = App: { -point } { $version } (Release)
bundle-os = Betriebssystem: { $os }
bundle-configuration = geltende Konfiguration
bundle-settings-problem = Problem mit den Einstellungen: { $problem }
bundle-session = Sitzung: { $state }
bundle-doctor = point doctor
bundle-log = die letzten { $lines } Zeilen des Protokolls
bundle-no-log-folder = (kein Protokollordner)
bundle-state-signed-out = abgemeldet
bundle-state-restoring = wird wiederhergestellt
bundle-state-signing-in = Anmeldung läuft (Warten auf den Browser)
bundle-state-signed-in = angemeldet
bundle-state-offline = offline (angemeldet, neuer Versuch läuft)
bundle-state-ended = vom Anbieter beendet
bundle-state-not-set-up = nicht eingerichtet

## point sign-in --device

device-usage = Aufruf: point sign-in --device
    Anmeldung über ein anderes Gerät: { -point } gibt eine Seite und einen Code aus; öffnen Sie die Seite
    auf Ihrem Smartphone oder einem anderen Computer, prüfen Sie den Code und melden Sie sich dort an.
    Gedacht für Rechner ohne Browser, den { -point } nutzen kann (eine SSH-Sitzung, ein Kiosk). Im Fenster
    verwendet die Anmeldung den Browser dieses Computers.
device-could-not-start = { -point } konnte nicht starten: { $detail }
device-already-signed-in = { -point } hat bereits eine Sitzung für { $who }. Melden Sie sich im Fenster von { -point } ab, um sich als andere Person anzumelden.
device-signed-in = Angemeldet als { $who }. { -point } ist beim nächsten Start angemeldet (beenden Sie es zuerst, falls es geöffnet ist).
device-open-page = Um sich bei { -point } anzumelden, öffnen Sie diese Seite auf Ihrem Smartphone oder einem anderen Computer:
device-enter-code = und geben Sie diesen Code ein:
device-page-with-code = (oder öffnen Sie { $page }, dort ist der Code bereits enthalten)
device-waiting = { $minutes ->
        [one] Der Code ist { $minutes } Minute lang gültig. Warten auf Ihre Anmeldung…
       *[other] Der Code ist { $minutes } Minuten lang gültig. Warten auf Ihre Anmeldung…
    }

## mail

mail-subject = Supportanfrage zu { -point }
mail-describe = Beschreiben Sie hier, was passiert ist.
mail-attach = Bitte hängen Sie das Support-Paket an, das { -point } gespeichert hat: { $path }
