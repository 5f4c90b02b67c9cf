# Die Fehlermeldungen von POINT und ihre Hinweise, wie das Fenster, `point doctor` und die Kommandozeile sie ausgeben.
# Englisch ist die Quelle: Jede andere Sprache hat genau diese Messages und Variablen.
# Die Bezeichnungen der Okta-Konsole (Applications, Security → API, …) werden so zitiert, wie Okta sie
# auf Englisch anzeigt; eine Übersetzung lässt sie unverändert, solange die Okta-Konsole sie nicht übersetzt.

-point = POINT
-okta = Okta

## Verbindung zu Okta

error-offline = { -point } konnte keine Verbindung zu { $host } herstellen. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.
error-timeout = { $host } hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-interrupted = Die Verbindung zu { $host } wurde unterbrochen, bevor die Antwort eintraf. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-tls = { -point } konnte keine sichere Verbindung zu { $host } herstellen ({ $detail }).
error-provider-unavailable = Bei { -okta } ({ $host }) liegen Probleme vor (HTTP { $status }). Versuchen Sie es in einigen Minuten erneut.
error-provider-unavailable-until = Bei { -okta } ({ $host }) liegen Probleme vor (HTTP { $status }). { -point } versucht es um { $time } erneut.
error-unexpected-response = Die Antwort von { -okta } konnte nicht gelesen werden ({ $what }). Versuchen Sie es erneut; wenn das Problem weiterhin auftritt, wenden Sie sich an den Support.
error-rate-limited = { -okta } begrenzt derzeit die Anfragen Ihrer Organisation. { -point } versucht es in Kürze erneut.
error-rate-limited-until = { -okta } begrenzt derzeit die Anfragen Ihrer Organisation. { -point } versucht es um { $time } erneut.

## Das Discovery-Dokument von Okta

error-not-an-authorization-server = Die Okta-Domain führt zu keinem Okta-Autorisierungsserver (HTTP { $status } für dessen OpenID-Konfiguration).
error-issuer-mismatch = Der Okta-Autorisierungsserver bezeichnet sich als { $found }, nicht als { $expected }.
error-pkce-unsupported = Der Okta-Autorisierungsserver bietet kein PKCE mit S256 an, das { -point } jedoch benötigt.

## Der Link, den der Browser zurückgibt

error-invalid-callback = { -point } hat einen Anmeldelink erhalten, den es nicht verwenden kann: { $reason }.
callback-too-long = der Link ist länger als 8 KiB
callback-not-our-redirect = der Link ist weder die Anmelde- noch die Abmeldeadresse von { -point }
callback-fragment = der Link enthält ein Fragment
callback-repeated = der Link enthält den Parameter `{ $parameter }` mehrfach
callback-missing = dem Link fehlt der Parameter `{ $parameter }`
callback-malformed = der Parameter `{ $parameter }` des Links ist fehlerhaft
error-no-pending-sign-in = { -point } hat eine Anmeldeantwort erhalten, aber es läuft keine Anmeldung. Starten Sie die Anmeldung in { -point } erneut.
error-sign-in-expired = Die Anmeldung hat zu lange gedauert und ist abgelaufen. Starten Sie sie erneut.
error-state-mismatch = Diese Anmeldeantwort gehört nicht zur laufenden Anmeldung, daher hat { -point } sie ignoriert.
error-callback-issuer-mismatch = Diese Anmeldeantwort stammt von einem anderen Identitätsanbieter als dem, den { -point } angefragt hat, daher hat { -point } sie ignoriert.

## Okta hat abgelehnt

error-not-assigned = Sie sind { -point } in { -okta } nicht zugewiesen.
error-access-policy-denied = Die { -okta }-Zugriffsrichtlinie Ihrer Organisation erlaubt Ihnen nicht, sich bei { -point } anzumelden.
error-access-denied = { -okta } hat die Anmeldung abgelehnt.
error-access-denied-described = { -okta } hat die Anmeldung abgelehnt: { $description }.
error-grant-type-not-enabled = Die { -okta }-App von { -point } darf Sie nicht auf diese Weise anmelden.
error-redirect-uri-not-registered = Die Anmeldeadresse von { -point } ist in der { -okta }-App Ihrer Organisation nicht registriert.
error-invalid-client = { -okta } erkennt die Client ID von { -point } nicht.
error-scope-not-allowed = { -okta } hat die von { -point } angeforderten Berechtigungen abgelehnt.
error-scope-not-allowed-described = { -okta } hat die von { -point } angeforderten Berechtigungen abgelehnt: { $description }.
error-login-required = { -okta } verlangt, dass Sie sich erneut anmelden.
error-unmet-authentication = { -okta } konnte die Anmeldung nicht in der verlangten Stärke durchführen.
error-unmet-authentication-described = { -okta } konnte die Anmeldung nicht in der verlangten Stärke durchführen: { $description }.
error-authorization-failed = { -okta } konnte die Anmeldung nicht abschließen ({ $error }).
error-authorization-failed-described = { -okta } konnte die Anmeldung nicht abschließen ({ $error }: { $description }).
error-code-rejected = Die Anmeldung hat zu lange gedauert oder wurde unterbrochen. Versuchen Sie es erneut.
error-refresh-token-rejected = Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.
error-token-request-refused = { -okta } hat die Ausstellung von Tokens abgelehnt ({ $error }).
error-token-request-refused-described = { -okta } hat die Ausstellung von Tokens abgelehnt ({ $error }: { $description }).
error-missing-id-token = Die Antwort von { -okta } enthielt kein ID-Token. Prüfen Sie, ob die Scopes der App openid enthalten.
error-device-grant-not-offered = Die { -okta }-Umgebung Ihrer Organisation bietet keine Anmeldung auf einem anderen Gerät an.
error-device-grant-not-enabled = Die { -okta }-App von { -point } darf keine Anmeldung auf einem anderen Gerät durchführen.
error-device-sign-in-denied = Die Anmeldung auf dem anderen Gerät wurde abgelehnt.
error-device-code-expired = Der Code ist abgelaufen, bevor sich jemand damit angemeldet hat. Starten Sie erneut, um einen neuen Code zu erhalten.
error-loopback-unavailable = { -point } konnte auf 127.0.0.1 nicht auf die Antwort der Anmeldung warten ({ $detail }).
error-dpop-proof-refused = { -okta } hat den Besitznachweis (DPoP) von { -point } abgelehnt.
error-dpop-proof-refused-described = { -okta } hat den Besitznachweis (DPoP) von { -point } abgelehnt: { $description }.
error-hardware-key-required = Ihre IT-Abteilung verlangt, dass der Anmeldeschlüssel von { -point } im TPM dieses Computers aufbewahrt wird, aber dieser Computer hat kein TPM, das { -point } verwenden kann.
error-key-hardware-unavailable = { -point } konnte das TPM dieses Computers, in dem der Schlüssel Ihrer Anmeldung aufbewahrt wird, nicht verwenden ({ $reason }). { -point } versucht es erneut.
error-key-not-on-this-machine = Der Schlüssel Ihrer Anmeldung befindet sich nicht im TPM dieses Computers: Die Anmeldung wurde von einem anderen Computer kopiert, oder das TPM wurde gelöscht. Melden Sie sich erneut an.
error-key-unavailable = { -point } konnte den Schlüssel, der Ihre Anmeldung schützt, weder erstellen noch lesen. Melden Sie sich erneut an.

## Das ID-Token

error-id-token = Das ID-Token von { -okta } hat die Prüfung nicht bestanden: { $reason }.
id-token-unsigned = es ist nicht signiert (alg none)
id-token-symmetric = es ist mit einem Shared-Secret-Algorithmus ({ $algorithm }) signiert, dem ein öffentlicher Client nicht vertrauen kann
id-token-disallowed-algorithm = sein Algorithmus { $algorithm } wird nicht akzeptiert
id-token-bad-signature = seine Signatur ist ungültig
id-token-unknown-key = es ist mit einem Schlüssel signiert, den der Anbieter nicht veröffentlicht
id-token-wrong-issuer = es wurde von einem anderen Aussteller ausgestellt
id-token-wrong-audience = es wurde für eine andere Anwendung ausgestellt
id-token-missing-authorized-party = es hat mehrere Zielgruppen, aber keine autorisierte Partei
id-token-wrong-authorized-party = seine autorisierte Partei ist eine andere Anwendung
id-token-expired = es ist abgelaufen (prüfen Sie Datum und Uhrzeit dieses Geräts)
id-token-issued-in-future = es wurde in der Zukunft ausgestellt (prüfen Sie Datum und Uhrzeit dieses Geräts)
id-token-authenticated-in-future = laut Token haben Sie sich in der Zukunft angemeldet (prüfen Sie Datum und Uhrzeit dieses Geräts)
id-token-not-yet-valid = es ist noch nicht gültig (prüfen Sie Datum und Uhrzeit dieses Geräts)
id-token-wrong-nonce = seine Nonce passt nicht zu dieser Anmeldung
id-token-missing-nonce = es hat keine Nonce
id-token-wrong-access-token-hash = sein Access-Token-Hash passt nicht zum Access Token
id-token-wrong-subject = es nennt einen anderen Benutzer als den angemeldeten
id-token-malformed = es ist fehlerhaft ({ $detail })
id-token-weaker-than-asked = es zeigt eine schwächere Anmeldung ({ $got }) als verlangt ({ $asked })
id-token-missing-auth-time = es gibt nicht an, wann Sie sich angemeldet haben, obwohl eine kürzlich erfolgte Anmeldung verlangt wurde
id-token-authenticated-too-long-ago = es zeigt eine Anmeldung, die länger zurückliegt als verlangt

## Was als Okta-Einstellungen eingegeben wurde

error-empty-domain = Geben Sie Ihre Okta-Domain ein, z. B. company.okta.com.
error-not-a-url = „{ $given }“ ist keine Webadresse. Geben Sie Ihre Okta-Domain ein, z. B. company.okta.com.
error-not-https = Die Okta-Domain muss mit https:// beginnen. Einfaches http:// ist nur für einen Anbieter auf diesem Computer zulässig.
error-domain-has-credentials = Entfernen Sie Benutzername und Passwort aus der Okta-Domain: Geben Sie nur https://company.okta.com ein.
error-domain-has-query = Entfernen Sie alles ab „?“ oder „#“ aus der Okta-Domain.
error-admin-console = Das ist die Adresse der Admin-Konsole von { -okta }. Entfernen Sie „-admin“: Verwenden Sie { $suggested }.
error-endpoint = Das ist ein { -okta }-Endpunkt, nicht die Domain. Verwenden Sie { $suggested }.
error-unexpected-path = Die Okta-Domain sollte https://company.okta.com lauten oder ein benutzerdefinierter Autorisierungsserver wie https://company.okta.com/oauth2/default sein.
error-empty-client-id = Geben Sie die Client ID der Native App Ihrer Organisation in { -okta } ein.
error-malformed-client-id = Die Client ID darf keine Leerzeichen oder Sonderzeichen enthalten. Kopieren Sie sie erneut aus dem Tab „General“ („Client Credentials“) der { -okta }-App.
error-client-secret = { -point } meldet sich als { -okta }-Native-App an, die kein Client Secret hat. Bitten Sie Ihre { -okta }-Administration, eine Native App (keine Web App) für { -point } anzulegen und Ihnen nur deren Client ID zu geben.
error-trusted-roots = Die Datei mit vertrauenswürdigen Zertifikaten { $path } konnte nicht verwendet werden: { $reason }
error-proxy = Der Proxy { $proxy } konnte nicht verwendet werden: { $reason }
error-incomplete-managed-okta = Die Konfiguration Ihrer IT-Abteilung für { -point } ({ $origin }) legt { $given } fest, aber nicht { $missing }, daher kann sich { -point } nicht anmelden. Bitten Sie die IT, sowohl okta_domain als auch client_id festzulegen.

## Regeln und Konfiguration der IT

error-managed-by-it = Ihre IT-Abteilung verwaltet die Okta-Einstellungen von { -point } auf diesem Computer, daher können sie hier nicht geändert werden.
error-email-domain = Ihre IT-Abteilung erlaubt die Anmeldung bei { -point } nur mit einer E-Mail-Adresse bei { $allowed }.
error-untrusted-okta = Ihre IT-Abteilung erlaubt { -point } die Anmeldung nur bei den von ihr genannten Okta-Organisationen, und { $host } gehört nicht dazu.
error-device-sign-in-off = Ihre IT-Abteilung hat die Anmeldung auf einem anderen Gerät für { -point } deaktiviert. Melden Sie sich mit dem Browser auf diesem Computer an.
error-managed-config-unreadable = Die von Ihrer IT-Abteilung festgelegte Konfiguration ({ $origin }) kann nicht gelesen werden: { $reason }
error-dashboard-address-refused = Die Dashboard-Adresse { $address } (Quelle: { $source }) ist keine https://-Adresse, daher sendet { -point } Ihre Anmeldung nicht dorthin. Sie muss mit https:// beginnen.
error-proxy-refused = Der von Ihrer IT-Abteilung festgelegte Proxy ({ $address }) ist keine http://- oder https://-Adresse, daher stellt { -point } keine Verbindung her, bis dies behoben ist.
error-not-configured = { -point } kennt die Okta-Umgebung Ihrer Organisation noch nicht. Geben Sie Ihre geschäftliche E-Mail-Adresse ein oder richten Sie { -point } manuell ein.

## Woher eine Einstellung stammt

source-default = integrierter Standardwert
source-managed = von Ihrer IT-Abteilung verwaltet
source-user = Ihre Einstellungen
source-environment = Umgebung (Entwicklungs-Build)

## Sitzung und Schlüsselbund

error-not-signed-in = Sie sind nicht angemeldet.
error-session-ended = Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.
error-superseded = Sie haben sich an- oder abgemeldet, während { -point } Ihre Sitzung erneuert hat.
error-email-not-allowed = Die E-Mail-Adresse dieses Kontos ist von Ihrer IT-Abteilung für { -point } nicht zugelassen.
error-sign-in-cancelled = Die Anmeldung wurde abgebrochen.
error-keychain-unavailable = Der Schlüsselbund dieses Computers ist nicht verfügbar ({ $detail }). { -point } hält Sie angemeldet, bis es beendet wird, kann sich Ihre Anmeldung aber nicht merken.
error-keychain-locked = Der Schlüsselbund dieses Computers ist gesperrt oder hat den Zugriff verweigert ({ $detail }). Entsperren Sie ihn und melden Sie sich dann erneut an, damit { -point } sich Ihre Anmeldung merken kann.
error-keychain-too-long = Die Anmeldedaten sind zu groß für den Schlüsselbund ({ $units } von höchstens { $limit } Zeichen).
error-keychain-failed = Zugriff auf den Schlüsselbund fehlgeschlagen ({ $detail }).
error-keychain-corrupt = Der Schlüsselbundeintrag von { -point } ist beschädigt; melden Sie sich erneut an.

## Das Dashboard

error-dashboard-offline = { -point } konnte das Dashboard nicht erreichen. Prüfen Sie Ihre Internetverbindung.
error-dashboard-timeout = Das Dashboard hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut.
error-dashboard-tls = { -point } konnte keine sichere Verbindung zum Dashboard herstellen ({ $detail }).
error-dashboard-refused = Das Dashboard hat die Anfrage abgelehnt (HTTP { $status }).
# Die eigenen Worte des Dashboards (es wurde nach der Sprache der Person gefragt).
error-dashboard-said = { $message }
error-dashboard-unavailable = Beim Dashboard liegen Probleme vor (HTTP { $status }). Versuchen Sie es in einigen Minuten erneut.
error-dashboard-unexpected = Die Antwort des Dashboards konnte nicht gelesen werden ({ $detail }).
error-okta-not-connected = Ihre Organisation hat Okta noch nicht mit { -point } verbunden. Ein Admin kann es unter „Organization → Integrations → Okta“ hinzufügen.

## Dieser Computer

error-browser = { -point } konnte Ihren Webbrowser nicht öffnen. Verwenden Sie „Browser erneut öffnen“ oder prüfen Sie Ihren Standardbrowser.
error-storage = { -point } konnte seine Einstellungen nicht speichern ({ $detail }).
error-update-failed = { -point } konnte sich nicht aktualisieren ({ $detail }). Es funktioniert weiterhin wie bisher und versucht es später erneut.

## Eine stärkere Anmeldung (Step-up): was verlangt wird, in den Worten der Person

step-up-asked = Diese Seite erfordert eine stärkere Anmeldung: { $strength }.
step-up-asked-recent = Diese Seite erfordert eine kürzlich erfolgte Anmeldung ({ $minutes ->
        [one] in der letzten Minute
       *[other] in den letzten { $minutes } Minuten
    }): { $strength }.
acr-1fa-any = ein beliebiger Faktor
acr-1fa-pwd = Ihr Passwort
acr-2fa-any = zwei Faktoren
acr-2fa-any-ifpossible = zwei Faktoren, sofern sie für Ihr Konto eingerichtet sind
acr-phr = ein phishing-resistenter Faktor, z. B. ein Sicherheitsschlüssel oder Okta FastPass
acr-phrh = ein phishing-resistenter Faktor in Hardware, z. B. ein Sicherheitsschlüssel
acr-other = die Anmeldestufe { $value }
acr-policy = das, was die Anmelderichtlinie Ihrer Organisation verlangt

## Hinweise: was die Person, die IT oder die Okta-Administration tun kann

hint-settings-unusable = Ihre IT-Abteilung kann die Konfiguration von { -point } auf diesem Computer korrigieren.
hint-email-domain = Verwenden Sie Ihre geschäftliche E-Mail-Adresse oder wenden Sie sich an Ihre IT-Abteilung.
hint-untrusted-okta = IT: Legen Sie okta_domain und client_id fest oder führen Sie die Okta-Domains, die { -point } verwenden darf, in allowed_okta_domains auf (docs/it-deployment.md).
hint-update-failed = Wenn das Problem weiterhin besteht, kann Ihre IT-Abteilung die neue Version für Sie installieren.
hint-email-not-allowed = Melden Sie sich mit Ihrem geschäftlichen Konto an. Wenn Ihr Browser Sie als andere Person angemeldet hat, melden Sie sich dort zuerst von Okta ab.
hint-keychain-unavailable-linux = Installieren und starten Sie einen Secret-Service-Schlüsselbund (GNOME Keyring oder KWallet) in Ihrer Desktop-Sitzung und starten Sie dann { -point } neu.
hint-keychain-unavailable = Starten Sie { -point } neu. Wenn das Problem weiterhin auftritt, wenden Sie sich an Ihre IT-Abteilung.
hint-keychain-locked = Entsperren Sie Ihren Schlüsselbund (normalerweise wird er bei der Anmeldung am Computer entsperrt) und melden Sie sich dann erneut an.
hint-keychain-failed = Melden Sie sich erneut an. Wenn das Problem weiterhin auftritt, wenden Sie sich an den Support.
hint-assignments = Öffnen Sie in der Okta Admin Console „Applications → Applications“ → die Native App von { -point } → „Assignments“ und weisen Sie die App dieser Person zu (oder einer Gruppe, der sie angehört).
hint-access-policy = Öffnen Sie in der Okta Admin Console „Security → API → Authorization Servers“ → den von { -point } verwendeten Server → „Access Policies“ und fügen Sie eine Richtlinie mit Regel hinzu, die der Native App von { -point } die Grants „Authorization Code“ und „Refresh Token“ erlaubt.
hint-grant-types = Aktivieren Sie in den „General“-Einstellungen der Native App von { -point } unter „Grant type“ die Optionen „Authorization Code“ und „Refresh Token“.
hint-device-grant = Aktivieren Sie in den „General“-Einstellungen der Native App von { -point } unter „Grant type“ die Option „Device Authorization“; erlauben Sie bei einem benutzerdefinierten Autorisierungsserver außerdem den Grant „Device Authorization“ in der Regel der Zugriffsrichtlinie für { -point } („Security → API → Authorization Servers → Access Policies“).
hint-redirect-uri = Fügen Sie in den „General“-Einstellungen der Native App von { -point } org.pointapp.point:/login zu „Sign-in redirect URIs“ und org.pointapp.point:/logout zu „Sign-out redirect URIs“ hinzu.
hint-client-id = Kopieren Sie die Client ID aus der Native App von { -point } („Applications → Applications“ → die App → „General“ → „Client Credentials“) in { -point } unter „Organization → Integrations → Okta“. Die App muss eine Native Application sein, keine Web Application.
hint-scopes = { -point } fordert openid, profile, email und offline_access an. Prüfen Sie bei einem benutzerdefinierten Autorisierungsserver „Security → API → Authorization Servers → Scopes“ sowie die Scopes der Regel in der Zugriffsrichtlinie.
hint-domain = In { -point } unter „Organization → Integrations → Okta“ muss die Domain die URL Ihrer Okta-Organisation (https://company.okta.com) oder der Issuer eines benutzerdefinierten Autorisierungsservers sein.
hint-rate-limit = Die Rate Limits von Okta für die Org wurden erreicht: „Reports → Rate Limits“ in der Admin Console zeigt, welcher Endpunkt und welche App betroffen sind; erhöhen Sie das Limit für die { -point }-App oder finden Sie heraus, was sonst so häufig /oauth2/v1/token aufruft.
hint-dpop = Wenn die Native App von { -point } DPoP verlangt („General → Proof of possession“), aktivieren Sie DPoP für die Organisation in { -point } („Organization → Integrations → Okta“) oder in der verwalteten Konfiguration der IT (okta_dpop = true). { -point } verwendet DPoP mit einem benutzerdefinierten Autorisierungsserver (https://company.okta.com/oauth2/…), der ES256 in dpop_signing_alg_values_supported aufführt.
hint-hardware-key-required = IT: Dieser Computer hat kein TPM 2.0, das { -point } öffnen kann. Aktivieren Sie das TPM in den Firmware-Einstellungen, geben Sie den Mitarbeitenden Zugriff darauf (unter Linux /dev/tpmrm0: die Gruppe tss unter Debian und Ubuntu) oder lassen Sie softwarebasierte Schlüssel zu, wo keines vorhanden ist (dpop_key = "hardware-where-available").
hint-key-hardware = IT: Prüfen Sie, ob das TPM aktiviert ist und ob dieses Konto es verwenden darf (unter Linux /dev/tpmrm0: die Gruppe tss unter Debian und Ubuntu). { -point } behält die Sitzung und versucht es erneut.
hint-unmet-authentication = Prüfen Sie in der Okta Admin Console die Authentifizierungsrichtlinie der Native App von { -point } („Security → Authentication Policies“) und ob diese Person für einen dort erlaubten Authenticator registriert ist (z. B. Okta Verify oder einen Sicherheitsschlüssel), damit Okta die verlangte Stufe erfüllen kann.
hint-tls = Wenn Ihr Unternehmen TLS-Verkehr prüft, bitten Sie die IT, { -point } das Root-Zertifikat des Unternehmens bereitzustellen (Einstellung für die zusätzliche CA-Datei).
