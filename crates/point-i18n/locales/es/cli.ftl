# Lo que dicen `point doctor`, `point sign-in --device` y el paquete de soporte. El inglés es el
# original: todos los demás idiomas tienen exactamente estos mensajes y variables. (Los términos -point y
# -okta se definen en errors.ftl, que se carga junto con este archivo).

## point doctor: el resultado y el nombre de cada comprobación

doctor-pass = OK
doctor-fail = ERROR
doctor-warn = AVISO
doctor-skip = OMITIDO
doctor-fix = solución
doctor-all-passed = Se superaron todas las comprobaciones.
doctor-some-failed = Algunas comprobaciones fallaron.
doctor-check-runtime = entorno de ejecución
doctor-check-configuration = configuración
doctor-check-okta-domain = dominio de Okta
doctor-check-discovery = descubrimiento
doctor-check-clock = reloj
doctor-check-okta-app = aplicación de Okta
doctor-check-proof-of-possession = prueba de posesión
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = puntos de conexión de cierre de sesión
doctor-check-device-sign-in = inicio de sesión en otro dispositivo
doctor-check-provider-capabilities = capacidades del proveedor
doctor-check-proxy = proxy
doctor-check-deep-links = enlaces profundos
doctor-check-keychain = llavero
doctor-check-dashboard = panel
doctor-check-updates = actualizaciones
doctor-check-log = registro
doctor-check-dpop-key = clave DPoP

## point doctor: lo que encontró cada comprobación y la solución

doctor-runtime-failed = { -point } no pudo iniciar sus comprobaciones ({ $detail })
doctor-runtime-fix = Reinicie y vuelva a intentarlo.
# La configuración vigente, con sus líneas unidas por "; ".
doctor-lines = { $lines }
doctor-configuration-fix = Pida a su departamento de TI que corrija la configuración administrada de { -point } (consulte docs/it-deployment.md).
doctor-issuer-org = el emisor es { $issuer } (el servidor de autorización de la organización de { -okta })
doctor-issuer-custom = el emisor es { $issuer } (un servidor de autorización personalizado)
doctor-okta-not-set = no se han definido el dominio de Okta ni el Client ID
doctor-okta-not-set-fix = Inicie sesión con su correo electrónico laboral, configúrelo manualmente o pida a TI la configuración administrada de { -point }.
doctor-discovery-skipped = no hay ningún dominio de Okta utilizable
doctor-discovery-passed = { $url } responde mediante TLS con las raíces de confianza
doctor-discovery-fix = Compruebe la red, el dominio de Okta y (si hay inspección de TLS) el archivo de CA adicional.
doctor-capabilities-skipped = el descubrimiento no se completó correctamente
doctor-proxy-setting-fix = Pida a TI que defina proxy con una dirección http:// o https://.
doctor-ca-file-fix = Corrija la opción del archivo de CA adicional (un archivo PEM de certificados).
doctor-dashboard-address-fix = Defina la dirección del panel (api_base / ApiBase) con una dirección https://, o elimínela para usar la de { -point }.
doctor-dashboard-url-invalid = la URL del panel no es válida
doctor-dashboard-url-fix = Corrija la URL base de la API del panel.
doctor-dashboard-answers = { $address } responde
doctor-dashboard-answered = { $address } respondió HTTP { $status }
doctor-dashboard-check-fix = Compruebe la URL base de la API del panel.
doctor-network-fix = Compruebe la red (y, si hay inspección de TLS, el archivo de CA adicional).
doctor-clock-off = el reloj de este dispositivo va unos { $minutes } min { $direction ->
        [behind] por detrás
       *[ahead] por delante
    } del de { -okta } ({ -point } lo compensa; puede que otras aplicaciones no)
doctor-clock-fix = Active la fecha y hora automáticas en la configuración del sistema (Linux: timedatectl set-ntp true; Windows: Configuración → Hora e idioma → Establecer la hora automáticamente; macOS: System Settings → General → Date & Time).
doctor-clock-ok = el reloj de este dispositivo difiere como máximo { $offset } s del de { -okta }
doctor-log = { -point } escribe el registro en { $path }
doctor-log-none = esta cuenta no tiene carpeta de datos: { -point } escribe el registro solo en stderr
doctor-scheme-could-not-run = no se pudo ejecutar xdg-mime ({ $detail })
doctor-scheme-install-xdg-utils = Instale xdg-utils.
doctor-scheme-fix = Reinstale el paquete de { -point }, que registra los enlaces org.pointapp.point:; o ejecute: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = ninguna aplicación gestiona los enlaces org.pointapp.point:
doctor-scheme-handled = { $handler } gestiona los enlaces org.pointapp.point:
doctor-scheme-no-argument = { $handler } gestiona los enlaces org.pointapp.point:, pero a su línea Exec le falta %u, por lo que el enlace se pierde
doctor-scheme-not-installed = el controlador { $handler } no está instalado
doctor-scheme-windows = org.pointapp.point: abre { $command }
doctor-scheme-windows-no-argument = org.pointapp.point: abre { $command } sin el enlace
doctor-scheme-windows-unregistered = los enlaces org.pointapp.point: no están registrados
doctor-reinstall = Reinstale { -point }.
doctor-reinstall-registers = Reinstale { -point } (el instalador registra el tipo de enlace).
doctor-scheme-bundle = registrado por el Info.plist del paquete de la aplicación instalada (no se comprueba aquí)
doctor-keychain-ok = se escribió, leyó y eliminó una entrada de prueba
doctor-key-software = en software, junto al token de actualización en el llavero (cualquier copia de la entrada del llavero la incluye)
doctor-key-tpm = en el TPM de este equipo (no se puede copiar a otro equipo)
doctor-key-session = la clave de esta sesión se guarda { $key }; { $new }
doctor-key-new-software-policy = las claves nuevas se guardan en software (configuración de TI: dpop_key = software)
doctor-key-new-tpm = las claves nuevas se crean en el TPM de este equipo ({ $tpm })
doctor-key-new-software-no-tpm = este equipo no tiene ningún TPM que { -point } pueda usar: las claves nuevas se guardan en software
doctor-key-new-software-tpm-unusable = no se pudo usar el TPM ({ $reason }): las claves nuevas se guardan en software
doctor-key-required-no-tpm = TI exige claves en un TPM (dpop_key = hardware-required), y este equipo no tiene ninguno que { -point } pueda usar: se rechaza el inicio de sesión
doctor-key-required-tpm-unusable = TI exige claves en un TPM (dpop_key = hardware-required), y no se pudo usar el TPM ({ $reason }): se rechaza el inicio de sesión
doctor-key-tpm-fix = Active el TPM en la configuración del firmware y conceda a esta cuenta acceso a él (en Linux, /dev/tpmrm0: el grupo tss en Debian y Ubuntu).
doctor-okta-app-no-code-grant = { -okta } acepta el Client ID { $client } y el URI de redirección, pero es posible que la aplicación no pueda usar la concesión «Authorization Code»
doctor-okta-app-no-code-grant-fix = Administrador de Okta: en la configuración «General» de la Native App de { -point }, en «Grant type», active «Authorization Code» y «Refresh Token».
doctor-okta-app-ok = { -okta } acepta el Client ID { $client } con el URI de redirección { $redirect }
doctor-okta-app-redirect-refused = { -okta } rechaza el URI de redirección { $redirect } para el Client ID { $client } (HTTP { $status })
doctor-okta-app-redirect-fix = Administrador de Okta: en la configuración «General» de la Native App de { -point }, añada org.pointapp.point:/login a «Sign-in redirect URIs» y org.pointapp.point:/logout a «Sign-out redirect URIs».
doctor-okta-app-client-refused = { -okta } no acepta el Client ID { $client } (HTTP { $status })
doctor-okta-app-client-fix = Copie el Client ID de la Native App de { -point } (no el de la aplicación del sitio web) desde «Applications → Applications» → la aplicación → «General» en { -point }, en Organization → Integrations → Okta (o en la configuración administrada de TI).
doctor-okta-app-refused = { -okta } rechazó una solicitud de inicio de sesión para el Client ID { $client } con el URI de redirección { $redirect } (HTTP { $status })
doctor-okta-app-refused-fix = Administrador de Okta: compruebe que ese Client ID pertenezca a una Native App con la concesión «Authorization Code» y el URI de redirección de inicio de sesión org.pointapp.point:/login.
doctor-network-retry-fix = Compruebe la red y vuelva a intentarlo.
doctor-dpop-bound = DPoP: los tokens de cada sesión están vinculados a una clave propia (la comprobación «clave DPoP» indica dónde se guarda)
doctor-dpop-offered = DPoP está disponible: { -point } vincula los tokens a una clave cuando la Native App de { -point } lo requiere (en ese caso, { -okta } rechaza las solicitudes sin prueba, y { -point } envía una)
doctor-dpop-org-server = la organización solicita DPoP, pero el dominio de Okta es el servidor de autorización de la organización, cuyos tokens de acceso comprueba el panel a través de userinfo (que exigiría una prueba que el panel no puede generar): { -point } inicia sesión sin DPoP
doctor-dpop-org-server-fix = Administrador de Okta: use un servidor de autorización personalizado (https://company.okta.com/oauth2/default) para { -point }, o desmarque «Require DPoP» en la Native App de { -point }.
doctor-dpop-no-es256 = la organización solicita DPoP, pero el servidor de autorización no incluye ES256 en dpop_signing_alg_values_supported: { -point } inicia sesión sin DPoP
doctor-dpop-no-es256-fix = Administrador de Okta: active la función «OAuth 2.0 Demonstrating Proof-of-Possession» («Settings → Features»).
doctor-dpop-not-used = no se usa: tokens de portador (la Native App de { -point } no requiere DPoP)
doctor-pkce-ok = S256 figura en code_challenge_methods_supported
doctor-pkce-missing = el servidor de autorización no ofrece PKCE con S256
doctor-pkce-fix = { -point } necesita un servidor de autorización de Okta (que siempre ofrece S256): compruebe que el dominio de Okta sea la URL de su organización de Okta o el emisor de un servidor de autorización personalizado.
doctor-offline-access-ok = offline_access figura en scopes_supported
doctor-offline-access-missing = el servidor de autorización no ofrece offline_access, por lo que { -point } no puede mantener la sesión iniciada
doctor-offline-access-fix = Administrador de Okta: en «Security → API → Authorization Servers» → el servidor que usa { -point } → «Scopes» debe figurar offline_access, y la Native App de { -point } debe tener el tipo de concesión «Refresh Token».
doctor-sign-out-ok = se anuncian los puntos de conexión de revocación y de fin de sesión
doctor-sign-out-missing = falta el punto de conexión de revocación o el de fin de sesión
doctor-sign-out-fix = Use un servidor de autorización de Okta: ambos puntos de conexión forman parte del documento de descubrimiento de todo servidor de Okta.
doctor-device-offered = disponible ({ $endpoint }); la Native App de { -point } también necesita el tipo de concesión «Device Authorization»
doctor-device-missing = el servidor de autorización no anuncia device_authorization_endpoint, por lo que `point sign-in --device` no puede funcionar
doctor-device-missing-fix = Solo es necesario para equipos sin un navegador utilizable. Administrador de Okta: use un servidor de autorización de Okta que ofrezca la concesión «Device Authorization» y active ese tipo de concesión en la Native App de { -point }.
doctor-updates-refused = la dirección de actualización { $address } ({ $source }) no es una URL https://, por lo que las actualizaciones desde la aplicación están desactivadas
doctor-updates-refused-fix = Defina UpdateUrl (update_url) con la dirección https:// de su servidor de actualizaciones, o elimínela.
doctor-updates-off = las actualizaciones desde la aplicación están desactivadas ({ $source })
# $mode y $major son los valores de configuración de TI (update_mode, major_updates), tal como los escribe TI.
doctor-updates = { $mode } desde { $address }; nuevas versiones principales: { $major } ({ $source })
doctor-proxy-through = a través de { $address } ({ $source })
doctor-proxy-environment = { $name }={ $address } del entorno
doctor-proxy-system = la configuración de proxy del sistema
doctor-proxy-none = ninguno: conexión directa (no hay proxy en el entorno)
doctor-proxy-fix = Defina proxy / Proxy con una dirección como http://proxy.corp.example:3128, o elimínela para usar la configuración del sistema.

## La configuración vigente, una línea por elemento (point doctor y el paquete de soporte)

config-okta-issuer = emisor de Okta: { $issuer } ({ $source })
config-client-id = Client ID: { $client } ({ $source })
config-okta-not-set = Okta: sin configurar
config-okta-not-set-because = Okta: sin configurar ({ $problem })
config-dashboard = panel: { $address } ({ $source })
config-extra-roots = raíces de confianza adicionales: { $path } ({ $source })
config-sign-in-minimum = requisito mínimo de inicio de sesión: { $strength } ({ $classes })
config-dpop-key = dónde se guardan las claves DPoP: { $policy } (opción dpop_key de TI)
config-authentication-age = volver a iniciar sesión después de: { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }
config-managed = configuración administrada: { $origin }
config-managed-none = configuración administrada: ninguna
config-allowed-email-domains = dominios de correo electrónico permitidos: { $domains }

## El paquete de soporte (la persona lo envía a soporte; sus líneas de registro se mantienen tal como se registraron)

bundle-title = Paquete de soporte de { -point }
bundle-created = creado: { $seconds } (segundos desde 1970, UTC)
bundle-app-development = aplicación: { -point } { $version } (compilación de desarrollo)
bundle-app-release = aplicación: { -point } { $version } (versión publicada)
bundle-os = sistema operativo: { $os }
bundle-configuration = configuración vigente
bundle-settings-problem = problema de configuración: { $problem }
bundle-session = sesión: { $state }
bundle-doctor = point doctor
bundle-log = las últimas { $lines } líneas del registro
bundle-no-log-folder = (sin carpeta de registro)
bundle-state-signed-out = sesión cerrada
bundle-state-restoring = restaurando
bundle-state-signing-in = iniciando sesión (esperando al navegador)
bundle-state-signed-in = sesión iniciada
bundle-state-offline = sin conexión (sesión iniciada, reintentando)
bundle-state-ended = finalizada por el proveedor
bundle-state-not-set-up = sin configurar

## point sign-in --device

device-usage = uso: point sign-in --device
    Inicia sesión en otro dispositivo: { -point } muestra una página y un código; abra la página en su teléfono
    o en otro equipo, compruebe el código e inicie sesión allí. Pensado para equipos sin un navegador que
    { -point } pueda usar (una sesión SSH, un quiosco). En la ventana, el inicio de sesión usa el navegador de este equipo.
device-could-not-start = { -point } no pudo iniciarse: { $detail }
device-already-signed-in = { -point } ya tiene una sesión para { $who }. Cierre sesión en la ventana de { -point } para iniciar sesión con otra cuenta.
device-signed-in = Sesión iniciada como { $who }. { -point } se abrirá con la sesión iniciada la próxima vez que se inicie (ciérrelo antes si está abierto).
device-open-page = Para iniciar sesión en { -point }, abra esta página en su teléfono o en otro equipo:
device-enter-code = e introduzca este código:
device-page-with-code = (o abra { $page }, que ya incluye el código)
device-waiting = { $minutes ->
        [one] El código es válido durante { $minutes } minuto. Esperando a que inicie sesión…
       *[other] El código es válido durante { $minutes } minutos. Esperando a que inicie sesión…
    }

## mail

mail-subject = Solicitud de soporte de { -point }
mail-describe = Describa aquí lo que ha ocurrido.
mail-attach = Adjunte el paquete de soporte que guardó { -point }: { $path }
