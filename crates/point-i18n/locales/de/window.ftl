# Die Texte des POINT-Fensters auf Deutsch (übersetzt aus der englischen Quelle).
# Die Message-IDs sind der Vertrag: ui/index.html nennt sie in data-l10n-id, ui/main.js in t("…").
# Eine Message mit .Attributen setzt diese Attribute ihres Elements (placeholder, aria-label, alt).
# Terme (-point, -okta) sind Produktnamen: niemals übersetzen.

-point = POINT
-okta = Okta

## Banner

offline-banner = Sie sind offline. { -point } zeigt den zuletzt bekannten Stand und versucht weiter, die Verbindung wiederherzustellen.
offline-banner-reason = Sie sind offline. { -point } zeigt den zuletzt bekannten Stand und versucht weiter, die Verbindung wiederherzustellen. ({ $reason })
notice-dismiss = Schließen

## Start

starting-lead = Wird gestartet…

## Willkommen

welcome-title = Willkommen bei { -point }
welcome-lead = Melden Sie sich mit dem { -okta }-Konto Ihres Unternehmens an, um Ihr Dashboard zu sehen.
work-email-label = Geschäftliche E-Mail-Adresse
work-email =
    .placeholder = sie@firma.de
email-help-find = { -point } ermittelt damit die { -okta }-Umgebung Ihrer Organisation.
email-help-suggest = { -point } schlägt sie { -okta } vor.
# $domains: die zulässigen E-Mail-Domains, bereits verbunden („example.com oder example.org“).
email-help-domains = Verwenden Sie Ihre geschäftliche E-Mail-Adresse bei { $domains }.
sign-in = Anmelden mit { -okta }
add-cancel = Abbrechen
welcome-organizations-title = Ihre anderen Organisationen
someone-else = Als andere Person anmelden
device-sign-in = Auf einem anderen Gerät anmelden
manual-setup = Manuell einrichten
managed-note = Ihre IT-Abteilung verwaltet die { -okta }-Einstellungen von { -point } auf diesem Computer.
browser-note = Zur Anmeldung wird Ihr Webbrowser geöffnet. { -point } sieht Ihr Passwort nie.
session-ended-notice = Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.
# $problem: warum die Einstellungen nicht verwendet werden können (ein Satz).
settings-problem-notice = Die { -okta }-Einstellungen von { -point } können nicht verwendet werden: { $problem }
settings-source = { -okta }-Einstellungen: { $source }
add-organization-title = Organisation hinzufügen
# $organization: die aktuell aktive Organisation.
add-organization-lead = Melden Sie sich mit Ihrer geschäftlichen E-Mail-Adresse bei der anderen Organisation an. Sie bleiben bei { $organization } angemeldet.
add-organization-lead-unnamed = Melden Sie sich mit Ihrer geschäftlichen E-Mail-Adresse bei der anderen Organisation an. Bei der aktuellen Organisation bleiben Sie angemeldet.

## Manuelle Einrichtung

setup-title = Manuell einrichten
setup-lead = Ihre { -okta }-Administration kann Ihnen diese Angaben aus der Native App von { -point } in { -okta } nennen.
okta-domain-label = { -okta }-Domain
okta-domain =
    .placeholder = firma.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = Speichern
setup-back = Zurück

## Anmeldung auf einem anderen Gerät

device-title = Auf einem anderen Gerät anmelden
device-lead = Öffnen Sie diese Seite auf Ihrem Smartphone oder einem anderen Computer und geben Sie den Code ein.
# $time: wann der Code abläuft, bereits für das Gebietsschema der Person formatiert.
device-code-valid-until = Code, gültig bis { $time }
device-qr =
    .alt = QR-Code der Seite mit dem Code: Scannen Sie ihn mit der Kamera Ihres Smartphones
device-continues = { -point } fährt automatisch fort, sobald Sie sich dort angemeldet haben.
device-cancel = Abbrechen

## Warten auf den Browser

waiting-spinner =
    .aria-label = Warten auf den Browser
waiting-title = Im Browser fortfahren
waiting-lead = Melden Sie sich auf der { -okta }-Seite Ihrer Organisation an. { -point } fährt fort, sobald Sie fertig sind.
open-again = Browser erneut öffnen
cancel-sign-in = Abbrechen

## Dashboard

signed-in-fallback-name = Angemeldet
refresh = Aktualisieren
sign-out = Abmelden
organization-switcher =
    .aria-label = Ihre Organisationen
add-organization = Organisation hinzufügen
metrics-title = Kennzahlen
activity-title = Letzte Aktivitäten
signing-you-in = Sie werden angemeldet…
loading-dashboard = Ihr Dashboard wird geladen…
# $time: wann das angezeigte Dashboard abgerufen wurde, bereits formatiert.
dashboard-offline = Offline: Ihr Dashboard mit Stand { $time }.
dashboard-restoring = Sie werden angemeldet… Ihr Dashboard mit Stand { $time }.
dashboard-stale = Das Dashboard antwortet nicht: Anzeige mit Stand { $time }. { -point } versucht es weiter.
# $change: die Veränderung gegenüber dem Vorzeitraum, ein Prozentwert (0.062 ist 6,2 %). Formatted by the window as a percentage.
metric-change-up = ▲ { $change } ggü. Vorzeitraum
metric-change-down = ▼ { $change } ggü. Vorzeitraum
# $actor: wer es getan hat; $summary: was getan wurde (beides vom Dashboard, in dessen Sprache).
activity-item = { $actor }: { $summary }
# $organization: der Name einer Organisation.
switch-to = Zu { $organization } wechseln
organization-signed-in = Angemeldet
organization-signed-out = Abgemeldet

## Abmelden

sign-out-title = Von { -point } abmelden?
sign-out-text = Sie müssen sich erneut anmelden, um Ihr Dashboard zu sehen.
end-okta-session = Auch in meinem Browser von { -okta } abmelden (und von den anderen { -okta }-Apps dort)
end-okta-decided = Ihre IT-Abteilung meldet Sie auch in Ihrem Browser von { -okta } ab.
sign-out-cancel = Abbrechen
sign-out-confirm = Abmelden

## Fehler

error-title-sign-in = Anmeldung fehlgeschlagen
error-title-sign-out = Abmeldung nicht abgeschlossen
error-title-browser = { -point } konnte Ihren Browser nicht öffnen
error-title-keychain = Zugriff auf den Schlüsselbund fehlgeschlagen
error-title-storage = { -point } konnte seine Einstellungen nicht speichern
error-title-update = Update fehlgeschlagen
error-title-settings = Die Einstellungen von { -point } müssen überprüft werden
error-title-account = Dieses Konto kann hier nicht verwendet werden
error-title-dashboard = Das Dashboard hat nicht geantwortet
error-title-not-connected = Ihre Organisation ist noch nicht mit { -okta } verbunden
error-title-step-up = Hierfür ist eine stärkere Anmeldung nötig
error-title-session-ended = Ihre Sitzung wurde beendet
error-hint-title = Für Ihre { -okta }-Administration
error-step-up = Erneut anmelden
error-retry = Erneut versuchen
error-someone-else = Als andere Person anmelden
copy-details = Details kopieren
details-copied = Details kopiert.
copied-problem = Anmeldeproblem bei { -point }: { $code }
copied-admin-step = Schritt für die Administration: { $hint }
copied-state = Zustand: { $state }
copied-time = Zeit: { $time }
contact-support = Support kontaktieren
email-support = E-Mail an den Support
support-collecting = Informationen für den Support werden gesammelt (einige Sekunden)…
# $path: die geschriebene Datei; $email, $url: Adresse und Seite des Supports.
support-saved = { $path } gespeichert. Hängen Sie die Datei an Ihre E-Mail an { $email } an (oder besuchen Sie { $url }).

## Updates

# $version: die angebotene Version.
update-available = { -point } { $version } ist verfügbar.
update-available-major = { -point } { $version } ist eine neue Hauptversion. Sie kann die Funktionsweise von { -point } verändern.
update-installing = { -point } { $version } wird installiert…
update-restart = { -point } { $version } ist installiert. Starten Sie { -point } neu, um die neue Version zu verwenden.
update-failed = { -point } { $version } konnte nicht installiert werden.
# $reason: warum (ein Satz).
update-failed-reason = { -point } { $version } konnte nicht installiert werden: { $reason }
update-install = Installieren
update-restart-now = Jetzt neu starten
update-try-again = Erneut versuchen
update-confirm-major = { -point } { $version } installieren? Es handelt sich um eine neue Hauptversion: Ihre IT-Abteilung hat sie möglicherweise noch nicht getestet.
update-confirm-major-action = Ja, installieren
