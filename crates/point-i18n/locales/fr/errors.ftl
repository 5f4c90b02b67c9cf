# Les erreurs de POINT et leurs conseils, tels que les affichent la fenêtre, `point doctor` et la ligne de commande.
# L'anglais est la source : chaque autre langue contient exactement ces messages et ces variables.
# Les libellés de la console Okta (Applications, Security → API, …) sont cités tels qu'Okta les affiche en
# anglais ; une traduction les conserve tels quels lorsque la console d'Okta ne les traduit pas.

-point = POINT
-okta = Okta

## Joindre Okta

error-offline = { -point } n'a pas pu se connecter à { $host }. Vérifiez votre connexion Internet et réessayez.
error-timeout = { $host } n'a pas répondu à temps. Vérifiez votre connexion et réessayez.
error-interrupted = La connexion à { $host } a été interrompue avant l'arrivée de sa réponse. Vérifiez votre connexion et réessayez.
error-tls = { -point } n'a pas pu établir de connexion sécurisée avec { $host } ({ $detail }).
error-provider-unavailable = { -okta } ({ $host }) rencontre des problèmes (HTTP { $status }). Réessayez dans quelques minutes.
error-provider-unavailable-until = { -okta } ({ $host }) rencontre des problèmes (HTTP { $status }). { -point } réessaiera à { $time }.
error-unexpected-response = La réponse d'{ -okta } est illisible ({ $what }). Réessayez ; si le problème persiste, contactez le support.
error-rate-limited = { -okta } limite actuellement les requêtes de votre organisation. { -point } réessaiera sous peu.
error-rate-limited-until = { -okta } limite actuellement les requêtes de votre organisation. { -point } réessaiera à { $time }.

## Le document de découverte d'Okta

error-not-an-authorization-server = Le domaine Okta ne mène pas à un serveur d'autorisation Okta (HTTP { $status } pour sa configuration OpenID).
error-issuer-mismatch = Le serveur d'autorisation Okta se présente comme { $found }, et non comme { $expected }.
error-pkce-unsupported = Le serveur d'autorisation Okta ne propose pas PKCE avec S256, ce que { -point } exige.

## Le lien renvoyé par le navigateur

error-invalid-callback = { -point } a reçu un lien de connexion inutilisable : { $reason }.
callback-too-long = le lien dépasse 8 Kio
callback-not-our-redirect = le lien n'est pas l'adresse de connexion ou de déconnexion de { -point }
callback-fragment = le lien contient un fragment
callback-repeated = le lien répète le paramètre `{ $parameter }`
callback-missing = le lien ne contient pas de paramètre `{ $parameter }`
callback-malformed = le paramètre `{ $parameter }` du lien est mal formé
error-no-pending-sign-in = { -point } a reçu une réponse de connexion, mais aucune connexion n'est en cours. Relancez la connexion depuis { -point }.
error-sign-in-expired = La connexion a pris trop de temps et a expiré. Recommencez.
error-state-mismatch = Cette réponse de connexion ne correspond pas à la connexion en cours : { -point } l'a donc ignorée.
error-callback-issuer-mismatch = Cette réponse de connexion provient d'un autre fournisseur d'identité que celui interrogé par { -point } : { -point } l'a donc ignorée.

## Refus d'Okta

error-not-assigned = { -point } ne vous est pas attribué dans { -okta }.
error-access-policy-denied = La politique d'accès { -okta } de votre organisation ne vous autorise pas à vous connecter à { -point }.
error-access-denied = { -okta } a refusé la connexion.
error-access-denied-described = { -okta } a refusé la connexion : { $description }.
error-grant-type-not-enabled = L'application { -okta } de { -point } n'est pas autorisée à vous connecter de cette manière.
error-redirect-uri-not-registered = L'adresse de connexion de { -point } n'est pas enregistrée dans l'application { -okta } de votre organisation.
error-invalid-client = { -okta } ne reconnaît pas le Client ID de { -point }.
error-scope-not-allowed = { -okta } a refusé les autorisations demandées par { -point }.
error-scope-not-allowed-described = { -okta } a refusé les autorisations demandées par { -point } : { $description }.
error-login-required = { -okta } vous demande de vous reconnecter.
error-unmet-authentication = { -okta } n'a pas pu vous connecter avec une authentification aussi forte que celle demandée.
error-unmet-authentication-described = { -okta } n'a pas pu vous connecter avec une authentification aussi forte que celle demandée : { $description }.
error-authorization-failed = { -okta } n'a pas pu finaliser la connexion ({ $error }).
error-authorization-failed-described = { -okta } n'a pas pu finaliser la connexion ({ $error } : { $description }).
error-code-rejected = La connexion a pris trop de temps ou a été interrompue. Réessayez.
error-refresh-token-rejected = Votre session a pris fin. Veuillez vous reconnecter.
error-token-request-refused = { -okta } a refusé d'émettre des jetons ({ $error }).
error-token-request-refused-described = { -okta } a refusé d'émettre des jetons ({ $error } : { $description }).
error-missing-id-token = La réponse d'{ -okta } ne contenait pas de jeton d'identification (ID token). Vérifiez que les scopes de l'application incluent openid.
error-device-grant-not-offered = L'instance { -okta } de votre organisation ne propose pas la connexion sur un autre appareil.
error-device-grant-not-enabled = L'application { -okta } de { -point } n'autorise pas la connexion sur un autre appareil.
error-device-sign-in-denied = La connexion sur l'autre appareil a été refusée.
error-device-code-expired = Le code a expiré avant d'avoir servi à une connexion. Recommencez pour obtenir un nouveau code.
error-loopback-unavailable = { -point } n'a pas pu écouter sur 127.0.0.1 pour recevoir la réponse de connexion ({ $detail }).
error-dpop-proof-refused = { -okta } a refusé la preuve de possession (DPoP) de { -point }.
error-dpop-proof-refused-described = { -okta } a refusé la preuve de possession (DPoP) de { -point } : { $description }.
error-hardware-key-required = Votre service informatique exige que la clé de connexion de { -point } soit conservée dans le TPM de cet ordinateur, et cet ordinateur n'a aucun TPM utilisable par { -point }.
error-key-hardware-unavailable = { -point } n'a pas pu utiliser le TPM de cet ordinateur, qui conserve la clé de votre session ({ $reason }). { -point } réessaie.
error-key-not-on-this-machine = La clé de votre session ne se trouve pas dans le TPM de cet ordinateur : la session a été copiée depuis un autre ordinateur, ou le TPM a été effacé. Reconnectez-vous.
error-key-unavailable = { -point } n'a pas pu créer ni lire la clé qui protège votre session. Reconnectez-vous.

## Le jeton d'identification (ID token)

error-id-token = Le jeton d'identification d'{ -okta } n'a pas passé la vérification : { $reason }.
id-token-unsigned = il n'est pas signé (alg none)
id-token-symmetric = il est signé avec un algorithme à secret partagé ({ $algorithm }), auquel un client public ne peut pas se fier
id-token-disallowed-algorithm = son algorithme { $algorithm } n'est pas accepté
id-token-bad-signature = sa signature n'est pas valide
id-token-unknown-key = il est signé avec une clé que le fournisseur ne publie pas
id-token-wrong-issuer = il a été émis par un autre émetteur
id-token-wrong-audience = il a été émis pour une autre application
id-token-missing-authorized-party = il a plusieurs audiences mais aucune partie autorisée
id-token-wrong-authorized-party = sa partie autorisée est une autre application
id-token-expired = il a expiré (vérifiez la date et l'heure de cet appareil)
id-token-issued-in-future = il a été émis dans le futur (vérifiez la date et l'heure de cet appareil)
id-token-authenticated-in-future = il indique une connexion dans le futur (vérifiez la date et l'heure de cet appareil)
id-token-not-yet-valid = il n'est pas encore valide (vérifiez la date et l'heure de cet appareil)
id-token-wrong-nonce = son nonce ne correspond pas à cette connexion
id-token-missing-nonce = il ne contient pas de nonce
id-token-wrong-access-token-hash = son empreinte de jeton d'accès ne correspond pas au jeton d'accès
id-token-wrong-subject = il désigne un autre utilisateur que celui qui est connecté
id-token-malformed = il est mal formé ({ $detail })
id-token-weaker-than-asked = il indique une connexion moins forte ({ $got }) que celle demandée ({ $asked })
id-token-missing-auth-time = il n'indique pas quand vous vous êtes connecté, alors qu'une connexion récente était demandée
id-token-authenticated-too-long-ago = il indique une connexion plus ancienne que celle demandée

## Ce qui a été saisi comme paramètres Okta

error-empty-domain = Saisissez votre domaine Okta, par exemple company.okta.com.
error-not-a-url = « { $given } » n'est pas une adresse web. Saisissez votre domaine Okta, par exemple company.okta.com.
error-not-https = Le domaine Okta doit commencer par https://. Le simple http:// n'est autorisé que pour un fournisseur situé sur cet ordinateur.
error-domain-has-credentials = Retirez le nom d'utilisateur ou le mot de passe du domaine Okta : saisissez simplement https://company.okta.com.
error-domain-has-query = Retirez du domaine Okta tout ce qui suit « ? » ou « # ».
error-admin-console = Il s'agit de l'adresse de la console d'administration d'{ -okta }. Retirez « -admin » : utilisez { $suggested }.
error-endpoint = Il s'agit d'un point de terminaison { -okta }, et non du domaine. Utilisez { $suggested }.
error-unexpected-path = Le domaine Okta doit être https://company.okta.com, ou un serveur d'autorisation personnalisé comme https://company.okta.com/oauth2/default.
error-empty-client-id = Saisissez le Client ID de la Native App { -okta } de votre organisation.
error-malformed-client-id = Le Client ID ne peut contenir ni espaces ni caractères spéciaux. Copiez-le à nouveau depuis l'onglet General de l'application { -okta } (Client Credentials).
error-client-secret = { -point } se connecte en tant que Native App { -okta }, qui n'a pas de secret client. Demandez à votre administrateur { -okta } de créer une Native App (et non une Web App) pour { -point } et de ne vous communiquer que son Client ID.
error-trusted-roots = Le fichier de certificats de confiance { $path } n'a pas pu être utilisé : { $reason }
error-proxy = Le proxy { $proxy } n'a pas pu être utilisé : { $reason }
error-incomplete-managed-okta = La configuration de { -point } définie par votre service informatique ({ $origin }) indique { $given } mais pas { $missing } : { -point } ne peut donc pas se connecter. Demandez au service informatique de définir à la fois okta_domain et client_id.

## Règles et configuration du service informatique

error-managed-by-it = Votre service informatique gère les paramètres Okta de { -point } sur cet ordinateur : ils ne peuvent pas être modifiés ici.
error-email-domain = Votre service informatique n'autorise la connexion à { -point } qu'avec une adresse e-mail du domaine { $allowed }.
error-untrusted-okta = Votre service informatique n'autorise { -point } à se connecter qu'aux organisations Okta qu'il a désignées, et { $host } n'en fait pas partie.
error-device-sign-in-off = Votre service informatique a désactivé la connexion sur un autre appareil pour { -point }. Connectez-vous avec le navigateur de cet ordinateur.
error-managed-config-unreadable = La configuration définie par votre service informatique ({ $origin }) est illisible : { $reason }
error-dashboard-address-refused = L'adresse du tableau de bord { $address } ({ $source }) n'est pas une adresse https:// : { -point } ne lui enverra donc pas votre connexion. Elle doit commencer par https://.
error-proxy-refused = Le proxy défini par votre service informatique ({ $address }) n'est pas une adresse http:// ou https:// : { -point } ne se connectera pas tant que ce ne sera pas corrigé.
error-not-configured = { -point } ne connaît pas encore l'instance Okta de votre organisation. Saisissez votre adresse e-mail professionnelle, ou configurez manuellement.

## Origine d'un paramètre

source-default = valeur par défaut intégrée
source-managed = géré par votre service informatique
source-user = vos paramètres
source-environment = environnement (version de développement)

## La session et le trousseau de clés

error-not-signed-in = Aucune session n'est ouverte.
error-session-ended = Votre session a pris fin. Veuillez vous reconnecter.
error-superseded = Une connexion ou une déconnexion a eu lieu pendant que { -point } renouvelait votre session.
error-email-not-allowed = L'adresse e-mail de ce compte ne fait pas partie de celles que votre service informatique autorise dans { -point }.
error-sign-in-cancelled = La connexion a été annulée.
error-keychain-unavailable = Le trousseau de clés de cet ordinateur n'est pas disponible ({ $detail }). { -point } maintient votre session jusqu'à sa fermeture, mais ne peut pas la mémoriser.
error-keychain-locked = Le trousseau de clés de cet ordinateur est verrouillé ou a refusé l'accès ({ $detail }). Déverrouillez-le, puis reconnectez-vous pour que { -point } puisse mémoriser votre session.
error-keychain-too-long = Les données de connexion sont trop volumineuses pour le trousseau de clés ({ $units } caractères pour { $limit } au maximum).
error-keychain-failed = Le trousseau de clés a rencontré une erreur ({ $detail }).
error-keychain-corrupt = L'entrée de { -point } dans le trousseau de clés est endommagée ; reconnectez-vous.

## Le tableau de bord

error-dashboard-offline = { -point } n'a pas pu joindre le tableau de bord. Vérifiez votre connexion Internet.
error-dashboard-timeout = Le tableau de bord n'a pas répondu à temps. Réessayez.
error-dashboard-tls = { -point } n'a pas pu établir de connexion sécurisée avec le tableau de bord ({ $detail }).
error-dashboard-refused = Le tableau de bord a refusé la requête (HTTP { $status }).
# Les propres mots du tableau de bord (demandés dans la langue de la personne).
error-dashboard-said = { $message }
error-dashboard-unavailable = Le tableau de bord rencontre des problèmes (HTTP { $status }). Réessayez dans quelques minutes.
error-dashboard-unexpected = La réponse du tableau de bord est illisible ({ $detail }).
error-okta-not-connected = Votre organisation n'a pas encore connecté Okta à { -point }. Un administrateur peut l'ajouter sous Organization → Integrations → Okta.

## Cet ordinateur

error-browser = { -point } n'a pas pu ouvrir votre navigateur web. Utilisez « Rouvrir le navigateur » ou vérifiez votre navigateur par défaut.
error-storage = { -point } n'a pas pu enregistrer ses paramètres ({ $detail }).
error-update-failed = { -point } n'a pas pu se mettre à jour ({ $detail }). Il continue de fonctionner tel quel et réessaiera plus tard.

## Connexion renforcée (step-up) : ce qui est demandé, dans les mots de la personne

step-up-asked = Cette page demande une connexion renforcée : { $strength }.
step-up-asked-recent = Cette page demande une connexion récente (au cours { $minutes ->
        [one] de la dernière minute
       *[other] des { $minutes } dernières minutes
    }) : { $strength }.
acr-1fa-any = un facteur, quel qu'il soit
acr-1fa-pwd = votre mot de passe
acr-2fa-any = deux facteurs
acr-2fa-any-ifpossible = deux facteurs si votre compte en dispose
acr-phr = un facteur résistant à l'hameçonnage, comme une clé de sécurité ou Okta FastPass
acr-phrh = un facteur résistant à l'hameçonnage conservé dans un composant matériel, comme une clé de sécurité
acr-other = le niveau de connexion { $value }
acr-policy = ce qu'exige la politique de connexion de votre organisation

## Conseils : ce que la personne, le service informatique ou l'administrateur Okta peut faire

hint-settings-unusable = Votre service informatique peut corriger la configuration de { -point } sur cet ordinateur.
hint-email-domain = Utilisez votre adresse e-mail professionnelle, ou adressez-vous à votre service informatique.
hint-untrusted-okta = Service informatique : définissez okta_domain et client_id, ou indiquez dans allowed_okta_domains les domaines Okta que { -point } peut utiliser (docs/it-deployment.md).
hint-update-failed = Si le problème persiste, votre service informatique peut installer la nouvelle version pour vous.
hint-email-not-allowed = Connectez-vous avec votre compte professionnel. Si votre navigateur vous a connecté avec un autre compte, déconnectez-vous d'abord d'Okta dans ce navigateur.
hint-keychain-unavailable-linux = Installez et démarrez un trousseau Secret Service (GNOME Keyring ou KWallet) dans votre session de bureau, puis redémarrez { -point }.
hint-keychain-unavailable = Redémarrez { -point }. Si le problème persiste, contactez votre service informatique.
hint-keychain-locked = Déverrouillez votre trousseau de clés (il se déverrouille généralement à l'ouverture de votre session), puis reconnectez-vous.
hint-keychain-failed = Reconnectez-vous. Si le problème persiste, contactez le support.
hint-assignments = Dans l'Okta Admin Console, ouvrez Applications → Applications → la Native App { -point } → Assignments, et attribuez l'application à cette personne (ou à l'un de ses groupes).
hint-access-policy = Dans l'Okta Admin Console, ouvrez Security → API → Authorization Servers → le serveur utilisé par { -point } → Access Policies, puis ajoutez une politique et une règle qui autorisent la Native App { -point } avec les types d'octroi Authorization Code et Refresh Token.
hint-grant-types = Dans les paramètres General de la Native App { -point }, sous Grant type, activez Authorization Code et Refresh Token.
hint-device-grant = Dans les paramètres General de la Native App { -point }, sous Grant type, activez Device Authorization ; sur un serveur d'autorisation personnalisé, autorisez aussi l'octroi Device Authorization dans la règle de politique d'accès de { -point } (Security → API → Authorization Servers → Access Policies).
hint-redirect-uri = Dans les paramètres General de la Native App { -point }, ajoutez org.pointapp.point:/login aux Sign-in redirect URIs et org.pointapp.point:/logout aux Sign-out redirect URIs.
hint-client-id = Copiez le Client ID de la Native App { -point } (Applications → Applications → l'application → General → Client Credentials) dans { -point }, sous Organization → Integrations → Okta. L'application doit être une Native Application, et non une Web Application.
hint-scopes = { -point } demande openid, profile, email et offline_access. Sur un serveur d'autorisation personnalisé, vérifiez Security → API → Authorization Servers → Scopes ainsi que les scopes de la règle de politique d'accès.
hint-domain = Dans { -point }, sous Organization → Integrations → Okta, le domaine doit être l'URL de votre organisation Okta (https://company.okta.com) ou l'émetteur (issuer) d'un serveur d'autorisation personnalisé.
hint-rate-limit = Les limites de débit Okta de l'organisation ont été atteintes : Reports → Rate Limits, dans l'Admin Console, indique quel point de terminaison et quelle application sont en cause ; relevez la limite pour l'application { -point } ou trouvez ce qui appelle /oauth2/v1/token aussi souvent.
hint-dpop = Si la Native App { -point } exige DPoP (General → Proof of possession), activez DPoP pour l'organisation dans { -point } (Organization → Integrations → Okta) ou dans la configuration gérée par le service informatique (okta_dpop = true). { -point } utilise DPoP avec un serveur d'autorisation personnalisé (https://company.okta.com/oauth2/…) qui indique ES256 dans dpop_signing_alg_values_supported.
hint-hardware-key-required = Service informatique : cet ordinateur n'a aucun TPM 2.0 que { -point } puisse ouvrir. Activez le TPM dans les paramètres du micrologiciel, donnez au personnel l'accès au TPM (sous Linux, /dev/tpmrm0 : le groupe tss sous Debian et Ubuntu), ou autorisez les clés logicielles là où il n'y en a pas (dpop_key = "hardware-where-available").
hint-key-hardware = Service informatique : vérifiez que le TPM est activé et que ce compte a le droit de l'utiliser (sous Linux, /dev/tpmrm0 : le groupe tss sous Debian et Ubuntu). { -point } conserve la session et réessaie.
hint-unmet-authentication = Dans l'Okta Admin Console, vérifiez la politique d'authentification de la Native App { -point } (Security → Authentication Policies) et assurez-vous que cette personne est inscrite à un authentificateur autorisé par cette politique (par exemple Okta Verify ou une clé de sécurité), afin qu'Okta puisse atteindre le niveau demandé.
hint-tls = Si votre entreprise inspecte le trafic TLS, demandez au service informatique de fournir à { -point } le certificat racine de l'entreprise (paramètre du fichier d'AC supplémentaire).
