# Ce qu'affichent `point doctor`, `point sign-in --device` et le rapport de support. L'anglais est la
# source : chaque autre langue contient exactement ces messages et ces variables. (Les termes -point et
# -okta sont définis dans errors.ftl, chargé avec ce fichier.)

## point doctor : résultat et nom de chaque vérification

doctor-pass = OK
doctor-fail = ÉCHEC
doctor-warn = ALERTE
doctor-skip = IGNORÉ
doctor-fix = solution
doctor-all-passed = Toutes les vérifications ont réussi.
doctor-some-failed = Certaines vérifications ont échoué.
doctor-check-runtime = environnement d'exécution
doctor-check-configuration = configuration
doctor-check-okta-domain = domaine Okta
doctor-check-discovery = découverte
doctor-check-clock = horloge
doctor-check-okta-app = application Okta
doctor-check-proof-of-possession = preuve de possession
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = points de terminaison de déconnexion
doctor-check-device-sign-in = connexion sur un autre appareil
doctor-check-provider-capabilities = capacités du fournisseur
doctor-check-proxy = proxy
doctor-check-deep-links = liens profonds
doctor-check-keychain = trousseau de clés
doctor-check-dashboard = tableau de bord
doctor-check-updates = mises à jour
doctor-check-log = journal
doctor-check-dpop-key = clé DPoP

## point doctor : ce que chaque vérification a trouvé, et la solution

doctor-runtime-failed = { -point } n'a pas pu lancer ses vérifications ({ $detail })
doctor-runtime-fix = Redémarrez et réessayez.
# La configuration en vigueur, ses lignes jointes par « ; ».
doctor-lines = { $lines }
doctor-configuration-fix = Demandez à votre service informatique de corriger la configuration gérée de { -point } (voir docs/it-deployment.md).
doctor-issuer-org = l'émetteur est { $issuer } (le serveur d'autorisation de l'organisation { -okta })
doctor-issuer-custom = l'émetteur est { $issuer } (un serveur d'autorisation personnalisé)
doctor-okta-not-set = aucun domaine Okta ni Client ID n'est défini
doctor-okta-not-set-fix = Connectez-vous avec votre adresse e-mail professionnelle, configurez manuellement, ou demandez au service informatique la configuration gérée de { -point }.
doctor-discovery-skipped = aucun domaine Okta utilisable
doctor-discovery-passed = { $url } répond en TLS avec les racines de confiance
doctor-discovery-fix = Vérifiez le réseau, le domaine Okta et (en cas d'inspection TLS) le fichier d'AC supplémentaire.
doctor-capabilities-skipped = la découverte a échoué
doctor-proxy-setting-fix = Demandez au service informatique de définir proxy sur une adresse http:// ou https://.
doctor-ca-file-fix = Corrigez le paramètre du fichier d'AC supplémentaire (un fichier PEM de certificats).
doctor-dashboard-address-fix = Définissez l'adresse du tableau de bord (api_base / ApiBase) sur une adresse https://, ou supprimez-la pour utiliser celle de { -point }.
doctor-dashboard-url-invalid = l'URL du tableau de bord n'est pas valide
doctor-dashboard-url-fix = Corrigez l'URL de base de l'API du tableau de bord.
doctor-dashboard-answers = { $address } répond
doctor-dashboard-answered = { $address } a répondu HTTP { $status }
doctor-dashboard-check-fix = Vérifiez l'URL de base de l'API du tableau de bord.
doctor-network-fix = Vérifiez le réseau (et, en cas d'inspection TLS, le fichier d'AC supplémentaire).
doctor-clock-off = l'horloge de cet appareil { $direction ->
        [behind] retarde
       *[ahead] avance
    } d'environ { $minutes } min par rapport à celle d'{ -okta } ({ -point } compense cet écart ; d'autres applications peuvent ne pas le faire)
doctor-clock-fix = Activez le réglage automatique de la date et de l'heure dans les paramètres du système (Linux : timedatectl set-ntp true ; Windows : Settings → Time & language → Set time automatically ; macOS : Réglages Système → Général → Date et heure).
doctor-clock-ok = l'horloge de cet appareil est à { $offset } s de celle d'{ -okta }
doctor-log = { -point } écrit son journal dans { $path }
doctor-log-none = ce compte n'a pas de dossier de données : { -point } écrit son journal uniquement sur stderr
doctor-scheme-could-not-run = xdg-mime n'a pas pu être exécuté ({ $detail })
doctor-scheme-install-xdg-utils = Installez xdg-utils.
doctor-scheme-fix = Réinstallez le paquet de { -point }, qui enregistre les liens org.pointapp.point: ; ou exécutez : xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = aucune application ne gère les liens org.pointapp.point:
doctor-scheme-handled = { $handler } gère les liens org.pointapp.point:
doctor-scheme-no-argument = { $handler } gère les liens org.pointapp.point:, mais sa ligne Exec ne contient pas %u : le lien est donc perdu
doctor-scheme-not-installed = le gestionnaire { $handler } n'est pas installé
doctor-scheme-windows = org.pointapp.point: ouvre { $command }
doctor-scheme-windows-no-argument = org.pointapp.point: ouvre { $command } sans le lien
doctor-scheme-windows-unregistered = les liens org.pointapp.point: ne sont pas enregistrés
doctor-reinstall = Réinstallez { -point }.
doctor-reinstall-registers = Réinstallez { -point } (le programme d'installation enregistre le type de lien).
doctor-scheme-bundle = enregistré par le fichier Info.plist du bundle de l'application installée (non vérifié ici)
doctor-keychain-ok = une entrée de test a été écrite, lue et supprimée
doctor-key-software = sous forme logicielle, à côté du jeton d'actualisation dans le trousseau de clés (toute copie de l'entrée du trousseau la contient)
doctor-key-tpm = dans le TPM de cet ordinateur (elle ne peut pas être copiée sur un autre ordinateur)
doctor-key-session = la clé de cette session est conservée { $key } ; { $new }
doctor-key-new-software-policy = les nouvelles clés sont conservées sous forme logicielle (réglage du service informatique : dpop_key = software)
doctor-key-new-tpm = les nouvelles clés sont créées dans le TPM de cet ordinateur ({ $tpm })
doctor-key-new-software-no-tpm = cet ordinateur n'a aucun TPM utilisable par { -point } : les nouvelles clés sont conservées sous forme logicielle
doctor-key-new-software-tpm-unusable = le TPM n'a pas pu être utilisé ({ $reason }) : les nouvelles clés sont conservées sous forme logicielle
doctor-key-required-no-tpm = le service informatique exige des clés dans un TPM (dpop_key = hardware-required), et cet ordinateur n'en a aucun utilisable par { -point } : la connexion est refusée
doctor-key-required-tpm-unusable = le service informatique exige des clés dans un TPM (dpop_key = hardware-required), et le TPM n'a pas pu être utilisé ({ $reason }) : la connexion est refusée
doctor-key-tpm-fix = Activez le TPM dans les paramètres du micrologiciel et donnez à ce compte l'accès au TPM (sous Linux, /dev/tpmrm0 : le groupe tss sous Debian et Ubuntu).
doctor-okta-app-no-code-grant = { -okta } accepte le Client ID { $client } et l'URI de redirection, mais l'application n'a peut-être pas droit à l'octroi Authorization Code
doctor-okta-app-no-code-grant-fix = Administrateur Okta : dans les paramètres General de la Native App { -point }, sous Grant type, activez Authorization Code et Refresh Token.
doctor-okta-app-ok = { -okta } accepte le Client ID { $client } avec l'URI de redirection { $redirect }
doctor-okta-app-redirect-refused = { -okta } refuse l'URI de redirection { $redirect } pour le Client ID { $client } (HTTP { $status })
doctor-okta-app-redirect-fix = Administrateur Okta : dans les paramètres General de la Native App { -point }, ajoutez org.pointapp.point:/login aux Sign-in redirect URIs et org.pointapp.point:/logout aux Sign-out redirect URIs.
doctor-okta-app-client-refused = { -okta } n'accepte pas le Client ID { $client } (HTTP { $status })
doctor-okta-app-client-fix = Copiez le Client ID de la Native App { -point } (et non celui de l'application du site web) depuis Applications → Applications → l'application → General, dans { -point } sous Organization → Integrations → Okta (ou dans la configuration gérée par le service informatique).
doctor-okta-app-refused = { -okta } a refusé une demande de connexion pour le Client ID { $client } avec l'URI de redirection { $redirect } (HTTP { $status })
doctor-okta-app-refused-fix = Administrateur Okta : vérifiez que ce Client ID appartient à une Native App disposant de l'octroi Authorization Code et de l'URI de redirection de connexion org.pointapp.point:/login.
doctor-network-retry-fix = Vérifiez le réseau et réessayez.
doctor-dpop-bound = DPoP : les jetons de chaque session sont liés à une clé qui lui est propre (la vérification « clé DPoP » indique où elle est conservée)
doctor-dpop-offered = DPoP est proposé : { -point } lie les jetons à une clé lorsque la Native App { -point } l'exige ({ -okta } refuse alors toute requête sans preuve, et { -point } en envoie une)
doctor-dpop-org-server = l'organisation demande DPoP, mais le domaine Okta est le serveur d'autorisation de l'organisation, dont le tableau de bord vérifie les jetons d'accès via userinfo (qui exigerait une preuve que le tableau de bord ne peut pas produire) : { -point } se connecte sans DPoP
doctor-dpop-org-server-fix = Administrateur Okta : utilisez un serveur d'autorisation personnalisé (https://company.okta.com/oauth2/default) pour { -point }, ou décochez Require DPoP dans la Native App { -point }.
doctor-dpop-no-es256 = l'organisation demande DPoP, mais le serveur d'autorisation n'indique pas ES256 dans dpop_signing_alg_values_supported : { -point } se connecte sans DPoP
doctor-dpop-no-es256-fix = Administrateur Okta : activez la fonctionnalité OAuth 2.0 Demonstrating Proof-of-Possession (Settings → Features).
doctor-dpop-not-used = non utilisé : jetons bearer (la Native App { -point } n'exige pas DPoP)
doctor-pkce-ok = S256 figure dans code_challenge_methods_supported
doctor-pkce-missing = le serveur d'autorisation ne propose pas PKCE avec S256
doctor-pkce-fix = { -point } a besoin d'un serveur d'autorisation Okta (qui propose toujours S256) : vérifiez que le domaine Okta est l'URL de votre organisation Okta ou l'émetteur d'un serveur d'autorisation personnalisé.
doctor-offline-access-ok = offline_access figure dans scopes_supported
doctor-offline-access-missing = le serveur d'autorisation ne propose pas offline_access : { -point } ne peut donc pas maintenir la session
doctor-offline-access-fix = Administrateur Okta : Security → API → Authorization Servers → le serveur utilisé par { -point } → Scopes doit inclure offline_access, et la Native App { -point } doit avoir le type d'octroi Refresh Token.
doctor-sign-out-ok = les points de terminaison de révocation et de fin de session sont annoncés
doctor-sign-out-missing = le point de terminaison de révocation ou de fin de session est absent
doctor-sign-out-fix = Utilisez un serveur d'autorisation Okta : les deux points de terminaison figurent dans le document de découverte de tout serveur Okta.
doctor-device-offered = proposé ({ $endpoint }) ; la Native App { -point } a aussi besoin du type d'octroi Device Authorization
doctor-device-missing = le serveur d'autorisation n'annonce pas device_authorization_endpoint : `point sign-in --device` ne peut donc pas fonctionner
doctor-device-missing-fix = Nécessaire uniquement pour les machines sans navigateur utilisable. Administrateur Okta : utilisez un serveur d'autorisation Okta qui propose l'octroi Device Authorization, et activez ce type d'octroi dans la Native App { -point }.
doctor-updates-refused = l'adresse de mise à jour { $address } ({ $source }) n'est pas une URL https:// : les mises à jour intégrées sont donc désactivées
doctor-updates-refused-fix = Définissez UpdateUrl (update_url) sur l'adresse https:// de votre serveur de mises à jour, ou supprimez ce paramètre.
doctor-updates-off = les mises à jour intégrées sont désactivées ({ $source })
# $mode et $major sont des valeurs de paramètres du service informatique (update_mode, major_updates), telles qu'il les écrit.
doctor-updates = { $mode } depuis { $address } ; nouvelles versions majeures : { $major } ({ $source })
doctor-proxy-through = via { $address } ({ $source })
doctor-proxy-environment = la variable d'environnement { $name }={ $address }
doctor-proxy-system = les paramètres de proxy du système
doctor-proxy-none = aucun : connexion directe (aucun proxy dans l'environnement)
doctor-proxy-fix = Définissez proxy / Proxy sur une adresse comme http://proxy.corp.example:3128, ou supprimez ce paramètre pour utiliser les paramètres du système.

## La configuration en vigueur, une ligne par paramètre (point doctor et le rapport de support)

config-okta-issuer = émetteur Okta : { $issuer } ({ $source })
config-client-id = Client ID : { $client } ({ $source })
config-okta-not-set = Okta : non configuré
config-okta-not-set-because = Okta : non configuré ({ $problem })
config-dashboard = tableau de bord : { $address } ({ $source })
config-extra-roots = racines de confiance supplémentaires : { $path } ({ $source })
config-sign-in-minimum = exigence minimale de connexion : { $strength } ({ $classes })
config-dpop-key = emplacement des clés DPoP : { $policy } (réglage dpop_key du service informatique)
config-authentication-age = se reconnecter après : { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
config-managed = configuration gérée : { $origin }
config-managed-none = configuration gérée : aucune
config-allowed-email-domains = domaines e-mail autorisés : { $domains }

## Le rapport de support (la personne l'envoie au support ; ses lignes de journal restent telles qu'elles ont été écrites)

bundle-title = Rapport de support { -point }
bundle-created = créé le : { $seconds } (secondes depuis 1970, UTC)
bundle-app-development = application : { -point } { $version } (version de développement)
bundle-app-release = application : { -point } { $version } (version publiée)
bundle-os = système : { $os }
bundle-configuration = configuration en vigueur
bundle-settings-problem = problème de paramètres : { $problem }
bundle-session = session : { $state }
bundle-doctor = point doctor
bundle-log = les { $lines } dernières lignes du journal
bundle-no-log-folder = (aucun dossier de journal)
bundle-state-signed-out = déconnectée
bundle-state-restoring = restauration en cours
bundle-state-signing-in = connexion en cours (en attente du navigateur)
bundle-state-signed-in = connectée
bundle-state-offline = hors ligne (connectée, nouvelles tentatives en cours)
bundle-state-ended = terminée par le fournisseur
bundle-state-not-set-up = non configurée

## point sign-in --device

device-usage = utilisation : point sign-in --device
    Se connecte sur un autre appareil : { -point } affiche une page et un code ; ouvrez la page sur votre
    téléphone ou un autre ordinateur, vérifiez le code et connectez-vous sur cet appareil. Pour une machine
    sans navigateur utilisable par { -point } (une session SSH, une borne). Dans la fenêtre, la connexion
    utilise le navigateur de cet ordinateur.
device-could-not-start = { -point } n'a pas pu démarrer : { $detail }
device-already-signed-in = { -point } a déjà une session pour { $who }. Déconnectez-vous dans la fenêtre de { -point } pour vous connecter avec un autre compte.
device-signed-in = Connexion réussie : { $who }. { -point } s'ouvrira avec cette session dès son prochain démarrage (quittez-le d'abord s'il est ouvert).
device-open-page = Pour vous connecter à { -point }, ouvrez cette page sur votre téléphone ou un autre ordinateur :
device-enter-code = et saisissez ce code :
device-page-with-code = (ou ouvrez { $page }, qui contient déjà le code)
device-waiting = { $minutes ->
        [one] Le code est valable { $minutes } minute. En attente de votre connexion…
       *[other] Le code est valable { $minutes } minutes. En attente de votre connexion…
    }

## mail

mail-subject = Demande de support { -point }
mail-describe = Décrivez ici ce qui s'est passé.
mail-attach = Veuillez joindre le rapport de support enregistré par { -point } : { $path }
