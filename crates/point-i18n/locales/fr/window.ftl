# Les textes de la fenêtre POINT, en français (traduits de la source anglaise).
# Les ID de message sont le contrat : ui/index.html les nomme dans data-l10n-id, ui/main.js dans t("…").
# Un message avec des .attributs définit ces attributs de son élément (placeholder, aria-label, alt).
# Les termes (-point, -okta) sont des noms de produits : ne jamais les traduire.

-point = POINT
-okta = Okta

## Bannières

offline-banner = Vous êtes hors ligne. { -point } affiche les dernières informations connues et continue d'essayer de se reconnecter.
offline-banner-reason = Vous êtes hors ligne. { -point } affiche les dernières informations connues et continue d'essayer de se reconnecter. ({ $reason })
notice-dismiss = Fermer

## Démarrage

starting-lead = Démarrage…

## Bienvenue

welcome-title = Bienvenue dans { -point }
welcome-lead = Connectez-vous avec le compte { -okta } de votre entreprise pour voir votre tableau de bord.
work-email-label = Adresse e-mail professionnelle
work-email =
    .placeholder = vous@entreprise.fr
email-help-find = { -point } l'utilise pour trouver l'instance { -okta } de votre organisation.
email-help-suggest = { -point } la propose à { -okta }.
# $domains : les domaines e-mail autorisés, déjà assemblés (« example.com ou example.org »).
email-help-domains = Utilisez votre adresse e-mail professionnelle ({ $domains }).
sign-in = Se connecter avec { -okta }
add-cancel = Annuler
welcome-organizations-title = Vos autres organisations
someone-else = Se connecter avec un autre compte
device-sign-in = Se connecter sur un autre appareil
manual-setup = Configurer manuellement
managed-note = Votre service informatique gère les paramètres { -okta } de { -point } sur cet ordinateur.
browser-note = La connexion ouvre votre navigateur web. { -point } ne voit jamais votre mot de passe.
session-ended-notice = Votre session a pris fin. Veuillez vous reconnecter.
# $problem : pourquoi les paramètres ne peuvent pas être utilisés (une phrase).
settings-problem-notice = Les paramètres { -okta } de { -point } ne peuvent pas être utilisés : { $problem }
settings-source = Paramètres { -okta } : { $source }
add-organization-title = Ajouter une organisation
# $organization : l'organisation actuellement active.
add-organization-lead = Connectez-vous avec votre adresse e-mail professionnelle de l'autre organisation. Votre session { $organization } reste ouverte.
add-organization-lead-unnamed = Connectez-vous avec votre adresse e-mail professionnelle de l'autre organisation. Votre session actuelle reste ouverte.

## Configuration manuelle

setup-title = Configurer manuellement
setup-lead = Votre administrateur { -okta } peut vous fournir ces informations depuis la Native App de { -point } dans { -okta }.
okta-domain-label = Domaine { -okta }
okta-domain =
    .placeholder = entreprise.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = Enregistrer
setup-back = Retour

## Connexion sur un autre appareil

device-title = Se connecter sur un autre appareil
device-lead = Sur votre téléphone ou un autre ordinateur, ouvrez cette page et saisissez le code.
# $time : l'heure d'expiration du code, déjà formatée selon la langue de la personne.
device-code-valid-until = Code, valable jusqu'à { $time }
device-qr =
    .alt = Code QR de la page contenant le code : scannez-le avec l'appareil photo de votre téléphone
device-continues = { -point } poursuit automatiquement une fois la connexion effectuée sur l'autre appareil.
device-cancel = Annuler

## En attente du navigateur

waiting-spinner =
    .aria-label = En attente du navigateur
waiting-title = Continuez dans votre navigateur
waiting-lead = Connectez-vous sur la page { -okta } de votre organisation. { -point } poursuivra une fois que vous aurez terminé.
open-again = Rouvrir le navigateur
cancel-sign-in = Annuler

## Tableau de bord

signed-in-fallback-name = Connecté
refresh = Actualiser
sign-out = Se déconnecter
organization-switcher =
    .aria-label = Vos organisations
add-organization = Ajouter une organisation
metrics-title = Chiffres clés
activity-title = Activité récente
signing-you-in = Connexion en cours…
loading-dashboard = Chargement de votre tableau de bord…
# $time : quand le tableau de bord affiché a été récupéré, déjà formaté.
dashboard-offline = Hors ligne : affichage de votre tableau de bord tel qu'il était à { $time }.
dashboard-restoring = Connexion en cours… affichage de votre tableau de bord tel qu'il était à { $time }.
dashboard-stale = Le tableau de bord ne répond pas : affichage tel qu'il était à { $time }. { -point } continue d'essayer.
# $change : la variation par rapport à la période précédente, en pourcentage (0.062 correspond à 6,2 %). Formatted by the window as a percentage.
metric-change-up = ▲ { $change } par rapport à la période précédente
metric-change-down = ▼ { $change } par rapport à la période précédente
# $actor : qui a agi ; $summary : ce qui a été fait (tous deux fournis par le tableau de bord, dans sa langue).
activity-item = { $actor } : { $summary }
# $organization : le nom d'une organisation.
switch-to = Passer à { $organization }
organization-signed-in = Connectée
organization-signed-out = Déconnectée

## Déconnexion

sign-out-title = Se déconnecter de { -point } ?
sign-out-text = Vous devrez vous reconnecter pour voir votre tableau de bord.
end-okta-session = Me déconnecter aussi d'{ -okta } dans mon navigateur (et de ses autres applications { -okta })
end-okta-decided = Votre service informatique vous déconnecte aussi d'{ -okta } dans votre navigateur.
sign-out-cancel = Annuler
sign-out-confirm = Se déconnecter

## Erreurs

error-title-sign-in = La connexion a échoué
error-title-sign-out = La déconnexion n'a pas abouti
error-title-browser = { -point } n'a pas pu ouvrir votre navigateur
error-title-keychain = Le trousseau de clés n'a pas fonctionné
error-title-storage = { -point } n'a pas pu enregistrer ses paramètres
error-title-update = La mise à jour a échoué
error-title-settings = Les paramètres de { -point } nécessitent votre attention
error-title-account = Ce compte ne peut pas être utilisé ici
error-title-dashboard = Le tableau de bord n'a pas répondu
error-title-not-connected = Votre organisation n'est pas encore reliée à { -okta }
error-title-step-up = Une connexion plus sûre est nécessaire
error-title-session-ended = Votre session a pris fin
error-hint-title = Pour votre administrateur { -okta }
error-step-up = Se reconnecter
error-retry = Réessayer
error-someone-else = Se connecter avec un autre compte
copy-details = Copier les détails
details-copied = Détails copiés.
copied-problem = Problème de connexion à { -point } : { $code }
copied-admin-step = Étape pour l'administrateur : { $hint }
copied-state = État : { $state }
copied-time = Heure : { $time }
contact-support = Contacter le support
email-support = Écrire au support
support-collecting = Collecte des informations utiles au support (quelques secondes)…
# $path : le fichier écrit ; $email, $url : l'adresse et la page du support.
support-saved = { $path } enregistré. Joignez-le à votre e-mail à { $email } (ou consultez { $url }).

## Mises à jour

# $version : la version proposée.
update-available = { -point } { $version } est disponible.
update-available-major = { -point } { $version } est une nouvelle version majeure. Elle peut modifier le fonctionnement de { -point }.
update-installing = Installation de { -point } { $version }…
update-restart = { -point } { $version } est installé. Redémarrez { -point } pour l'utiliser.
update-failed = { -point } { $version } n'a pas pu être installé.
# $reason : pourquoi (une phrase).
update-failed-reason = { -point } { $version } n'a pas pu être installé : { $reason }
update-install = Installer
update-restart-now = Redémarrer maintenant
update-try-again = Réessayer
update-confirm-major = Installer { -point } { $version } ? Il s'agit d'une nouvelle version majeure : votre service informatique ne l'a peut-être pas encore testée.
update-confirm-major-action = Oui, l'installer
