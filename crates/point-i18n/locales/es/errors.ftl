# Los errores de POINT y sus sugerencias, tal como los muestran la ventana, `point doctor` y la línea de comandos.
# El inglés es el original: todos los demás idiomas tienen exactamente estos mensajes y variables.
# Las etiquetas de la consola de Okta (Applications, Security → API, …) se citan tal como Okta las muestra en
# inglés; una traducción las mantiene tal cual cuando la consola de Okta no las traduce.

-point = POINT
-okta = Okta

## Conexión con Okta

error-offline = { -point } no pudo conectarse a { $host }. Compruebe su conexión a internet y vuelva a intentarlo.
error-timeout = { $host } no respondió a tiempo. Compruebe su conexión y vuelva a intentarlo.
error-interrupted = La conexión con { $host } se interrumpió antes de recibir la respuesta. Compruebe su conexión y vuelva a intentarlo.
error-tls = { -point } no pudo establecer una conexión segura con { $host } ({ $detail }).
error-provider-unavailable = { -okta } ({ $host }) tiene problemas (HTTP { $status }). Vuelva a intentarlo dentro de unos minutos.
error-provider-unavailable-until = { -okta } ({ $host }) tiene problemas (HTTP { $status }). { -point } volverá a intentarlo a las { $time }.
error-unexpected-response = No se pudo leer la respuesta de { -okta } ({ $what }). Vuelva a intentarlo; si sigue ocurriendo, contacte con soporte.
error-rate-limited = { -okta } está limitando en este momento las solicitudes de su organización. { -point } volverá a intentarlo en breve.
error-rate-limited-until = { -okta } está limitando en este momento las solicitudes de su organización. { -point } volverá a intentarlo a las { $time }.

## El documento de descubrimiento de Okta

error-not-an-authorization-server = El dominio de Okta no lleva a un servidor de autorización de Okta (HTTP { $status } al pedir su configuración de OpenID).
error-issuer-mismatch = El servidor de autorización de Okta se identifica como { $found }, no como { $expected }.
error-pkce-unsupported = El servidor de autorización de Okta no ofrece PKCE con S256, que { -point } necesita.

## El enlace que devuelve el navegador

error-invalid-callback = { -point } recibió un enlace de inicio de sesión que no puede usar: { $reason }.
callback-too-long = el enlace supera los 8 KiB
callback-not-our-redirect = el enlace no es la dirección de inicio ni de cierre de sesión de { -point }
callback-fragment = el enlace contiene un fragmento
callback-repeated = el enlace repite el parámetro `{ $parameter }`
callback-missing = al enlace le falta el parámetro `{ $parameter }`
callback-malformed = el parámetro `{ $parameter }` del enlace tiene un formato incorrecto
error-no-pending-sign-in = { -point } recibió una respuesta de inicio de sesión, pero no hay ningún inicio de sesión en curso. Vuelva a iniciar sesión desde { -point }.
error-sign-in-expired = El inicio de sesión tardó demasiado y caducó. Vuelva a empezar.
error-state-mismatch = Esta respuesta de inicio de sesión no corresponde al inicio de sesión en curso, por lo que { -point } la ignoró.
error-callback-issuer-mismatch = Esta respuesta de inicio de sesión procede de un proveedor de identidad distinto del que consultó { -point }, por lo que { -point } la ignoró.

## Okta lo rechazó

error-not-assigned = No está asignado a { -point } en { -okta }.
error-access-policy-denied = La política de acceso de { -okta } de su organización no le permite iniciar sesión en { -point }.
error-access-denied = { -okta } denegó el inicio de sesión.
error-access-denied-described = { -okta } denegó el inicio de sesión: { $description }.
error-grant-type-not-enabled = La aplicación de { -okta } de { -point } no tiene permiso para iniciar su sesión de esta forma.
error-redirect-uri-not-registered = La dirección de inicio de sesión de { -point } no está registrada en la aplicación de { -okta } de su organización.
error-invalid-client = { -okta } no reconoce el Client ID de { -point }.
error-scope-not-allowed = { -okta } rechazó los permisos que solicita { -point }.
error-scope-not-allowed-described = { -okta } rechazó los permisos que solicita { -point }: { $description }.
error-login-required = { -okta } necesita que vuelva a iniciar sesión.
error-unmet-authentication = { -okta } no pudo iniciar su sesión con el nivel de seguridad solicitado.
error-unmet-authentication-described = { -okta } no pudo iniciar su sesión con el nivel de seguridad solicitado: { $description }.
error-authorization-failed = { -okta } no pudo completar el inicio de sesión ({ $error }).
error-authorization-failed-described = { -okta } no pudo completar el inicio de sesión ({ $error }: { $description }).
error-code-rejected = El inicio de sesión tardó demasiado o se interrumpió. Vuelva a intentarlo.
error-refresh-token-rejected = Su sesión ha finalizado. Vuelva a iniciar sesión.
error-token-request-refused = { -okta } se negó a emitir tokens ({ $error }).
error-token-request-refused-described = { -okta } se negó a emitir tokens ({ $error }: { $description }).
error-missing-id-token = La respuesta de { -okta } no incluía ningún token de ID. Compruebe que los scopes de la aplicación incluyan openid.
error-device-grant-not-offered = El { -okta } de su organización no ofrece el inicio de sesión en otro dispositivo.
error-device-grant-not-enabled = La aplicación de { -okta } de { -point } no tiene permiso para iniciar sesión en otro dispositivo.
error-device-sign-in-denied = Se rechazó el inicio de sesión en el otro dispositivo.
error-device-code-expired = El código caducó antes de que nadie iniciara sesión con él. Vuelva a empezar para obtener un código nuevo.
error-loopback-unavailable = { -point } no pudo escuchar en 127.0.0.1 la respuesta del inicio de sesión ({ $detail }).
error-dpop-proof-refused = { -okta } rechazó la prueba de posesión (DPoP) de { -point }.
error-dpop-proof-refused-described = { -okta } rechazó la prueba de posesión (DPoP) de { -point }: { $description }.
error-hardware-key-required = Su departamento de TI exige que la clave de inicio de sesión de { -point } se guarde en el TPM de este equipo, y este equipo no tiene ningún TPM que { -point } pueda usar.
error-key-hardware-unavailable = { -point } no pudo usar el TPM de este equipo, que guarda la clave de su sesión ({ $reason }). { -point } volverá a intentarlo.
error-key-not-on-this-machine = La clave de su sesión no está en el TPM de este equipo: la sesión se copió desde otro equipo o se borró el TPM. Vuelva a iniciar sesión.
error-key-unavailable = { -point } no pudo crear ni leer la clave que protege su sesión. Vuelva a iniciar sesión.

## El token de ID

error-id-token = El token de ID de { -okta } no superó la verificación: { $reason }.
id-token-unsigned = no está firmado (alg none)
id-token-symmetric = está firmado con un algoritmo de secreto compartido ({ $algorithm }), en el que un cliente público no puede confiar
id-token-disallowed-algorithm = su algoritmo { $algorithm } no se acepta
id-token-bad-signature = su firma no es válida
id-token-unknown-key = está firmado con una clave que el proveedor no publica
id-token-wrong-issuer = lo emitió otra entidad
id-token-wrong-audience = se emitió para otra aplicación
id-token-missing-authorized-party = tiene varias audiencias, pero ninguna parte autorizada
id-token-wrong-authorized-party = su parte autorizada es otra aplicación
id-token-expired = ha caducado (compruebe la fecha y la hora de este dispositivo)
id-token-issued-in-future = se emitió en el futuro (compruebe la fecha y la hora de este dispositivo)
id-token-authenticated-in-future = indica que usted inició sesión en el futuro (compruebe la fecha y la hora de este dispositivo)
id-token-not-yet-valid = aún no es válido (compruebe la fecha y la hora de este dispositivo)
id-token-wrong-nonce = su nonce no coincide con este inicio de sesión
id-token-missing-nonce = no tiene nonce
id-token-wrong-access-token-hash = su hash del token de acceso no coincide con el token de acceso
id-token-wrong-subject = identifica a un usuario distinto del que ha iniciado sesión
id-token-malformed = tiene un formato incorrecto ({ $detail })
id-token-weaker-than-asked = muestra un inicio de sesión menos seguro ({ $got }) que el solicitado ({ $asked })
id-token-missing-auth-time = no indica cuándo inició usted sesión, y se solicitó un inicio de sesión reciente
id-token-authenticated-too-long-ago = muestra un inicio de sesión más antiguo de lo solicitado

## Lo que se introdujo como configuración de Okta

error-empty-domain = Introduzca su dominio de Okta, por ejemplo, company.okta.com.
error-not-a-url = «{ $given }» no es una dirección web. Introduzca su dominio de Okta, por ejemplo, company.okta.com.
error-not-https = El dominio de Okta debe empezar por https://. Solo se permite http:// sin cifrar para un proveedor que se ejecute en este equipo.
error-domain-has-credentials = Quite el nombre de usuario o la contraseña del dominio de Okta: introduzca solo https://company.okta.com.
error-domain-has-query = Quite del dominio de Okta todo lo que va después de «?» o «#».
error-admin-console = Esa es la dirección de la consola de administración de { -okta }. Quite «-admin»: use { $suggested }.
error-endpoint = Ese es un punto de conexión de { -okta }, no el dominio. Use { $suggested }.
error-unexpected-path = El dominio de Okta debe ser https://company.okta.com o un servidor de autorización personalizado como https://company.okta.com/oauth2/default.
error-empty-client-id = Introduzca el Client ID de la Native App de { -okta } de su organización.
error-malformed-client-id = El Client ID no puede contener espacios ni caracteres especiales. Vuelva a copiarlo de la pestaña «General» de la aplicación de { -okta } («Client Credentials»).
error-client-secret = { -point } inicia sesión como una Native App de { -okta }, que no tiene secreto de cliente. Pida a su administrador de { -okta } que cree una Native App (no una Web App) para { -point } y que le proporcione únicamente su Client ID.
error-trusted-roots = No se pudo usar el archivo de certificados de confianza { $path }: { $reason }
error-proxy = No se pudo usar el proxy { $proxy }: { $reason }
error-incomplete-managed-okta = La configuración de su departamento de TI para { -point } ({ $origin }) define { $given }, pero no { $missing }, por lo que { -point } no puede iniciar sesión. Pida a TI que defina tanto okta_domain como client_id.

## Las reglas y la configuración de TI

error-managed-by-it = Su departamento de TI administra la configuración de Okta de { -point } en este equipo, por lo que no se puede cambiar aquí.
error-email-domain = Su departamento de TI solo permite iniciar sesión en { -point } con una dirección de correo electrónico de { $allowed }.
error-untrusted-okta = Su departamento de TI solo permite que { -point } inicie sesión en las organizaciones de Okta que indica, y { $host } no es una de ellas.
error-device-sign-in-off = Su departamento de TI ha desactivado el inicio de sesión en otro dispositivo para { -point }. Inicie sesión con el navegador de este equipo.
error-managed-config-unreadable = No se puede leer la configuración que definió su departamento de TI ({ $origin }): { $reason }
error-dashboard-address-refused = La dirección del panel ({ $address }, origen: { $source }) no es una dirección https://, por lo que { -point } no le enviará su inicio de sesión. Debe empezar por https://.
error-proxy-refused = El proxy que definió su departamento de TI ({ $address }) no es una dirección http:// ni https://, por lo que { -point } no se conectará hasta que se corrija.
error-not-configured = { -point } aún no conoce el Okta de su organización. Introduzca su correo electrónico laboral o configúrelo manualmente.

## De dónde procede una configuración

source-default = valor predeterminado integrado
source-managed = configuración de su departamento de TI
source-user = su configuración
source-environment = entorno (compilación de desarrollo)

## La sesión y el llavero

error-not-signed-in = No ha iniciado sesión.
error-session-ended = Su sesión ha finalizado. Vuelva a iniciar sesión.
error-superseded = Inició o cerró sesión mientras { -point } renovaba su sesión.
error-email-not-allowed = La dirección de correo electrónico de esta cuenta no es una de las que su departamento de TI permite en { -point }.
error-sign-in-cancelled = Se canceló el inicio de sesión.
error-keychain-unavailable = El llavero de este equipo no está disponible ({ $detail }). { -point } mantiene su sesión iniciada hasta que se cierre, pero no puede recordarle.
error-keychain-locked = El llavero de este equipo está bloqueado o denegó el acceso ({ $detail }). Desbloquéelo y vuelva a iniciar sesión para que { -point } pueda recordarle.
error-keychain-too-long = Los datos de inicio de sesión son demasiado grandes para el llavero ({ $units } de un máximo de { $limit } caracteres).
error-keychain-failed = Se produjo un error en el llavero ({ $detail }).
error-keychain-corrupt = La entrada de { -point } en el llavero está dañada; vuelva a iniciar sesión.

## El panel

error-dashboard-offline = { -point } no pudo conectarse con el panel. Compruebe su conexión a internet.
error-dashboard-timeout = El panel no respondió a tiempo. Vuelva a intentarlo.
error-dashboard-tls = { -point } no pudo establecer una conexión segura con el panel ({ $detail }).
error-dashboard-refused = El panel rechazó la solicitud (HTTP { $status }).
# Las propias palabras del panel (se le pidió el idioma de la persona).
error-dashboard-said = { $message }
error-dashboard-unavailable = El panel tiene problemas (HTTP { $status }). Vuelva a intentarlo dentro de unos minutos.
error-dashboard-unexpected = No se pudo leer la respuesta del panel ({ $detail }).
error-okta-not-connected = Su organización aún no ha conectado Okta con { -point }. Un administrador puede agregarlo en Organization → Integrations → Okta.

## Este equipo

error-browser = { -point } no pudo abrir su navegador web. Use «Volver a abrir el navegador» o compruebe su navegador predeterminado.
error-storage = { -point } no pudo guardar la configuración ({ $detail }).
error-update-failed = { -point } no pudo actualizarse ({ $detail }). Sigue funcionando como hasta ahora y volverá a intentarlo más tarde.

## Un inicio de sesión más seguro (step-up): lo que se pide, con las palabras de la persona

step-up-asked = Esta página necesita un inicio de sesión más seguro: { $strength }.
step-up-asked-recent = Esta página necesita un inicio de sesión reciente (en { $minutes ->
        [one] el último minuto
        [many] los últimos { $minutes } minutos
       *[other] los últimos { $minutes } minutos
    }): { $strength }.
acr-1fa-any = cualquier factor
acr-1fa-pwd = su contraseña
acr-2fa-any = dos factores
acr-2fa-any-ifpossible = dos factores, si su cuenta los tiene
acr-phr = un factor resistente al phishing, como una clave de seguridad u Okta FastPass
acr-phrh = un factor resistente al phishing guardado en hardware, como una clave de seguridad
acr-other = el nivel de inicio de sesión { $value }
acr-policy = lo que exige la política de inicio de sesión de su organización

## Sugerencias: lo que pueden hacer la persona, TI o el administrador de Okta

hint-settings-unusable = Su departamento de TI puede corregir la configuración de { -point } en este equipo.
hint-email-domain = Use su dirección de correo electrónico laboral o consulte a su departamento de TI.
hint-untrusted-okta = TI: defina okta_domain y client_id, o indique en allowed_okta_domains los dominios de Okta que { -point } puede usar (docs/it-deployment.md).
hint-update-failed = Si el problema continúa, su departamento de TI puede instalarle la nueva versión.
hint-email-not-allowed = Inicie sesión con su cuenta laboral. Si su navegador inició sesión con otra cuenta, cierre primero la sesión de Okta en él.
hint-keychain-unavailable-linux = Instale e inicie un llavero compatible con Secret Service (GNOME Keyring o KWallet) en su sesión de escritorio y, después, reinicie { -point }.
hint-keychain-unavailable = Reinicie { -point }. Si sigue ocurriendo, contacte con su departamento de TI.
hint-keychain-locked = Desbloquee su llavero (normalmente se desbloquea al iniciar sesión en el equipo) y vuelva a iniciar sesión.
hint-keychain-failed = Vuelva a iniciar sesión. Si sigue ocurriendo, contacte con soporte.
hint-assignments = En la Admin Console de Okta, abra «Applications → Applications» → la Native App de { -point } → «Assignments» y asigne a esta persona (o a un grupo al que pertenezca).
hint-access-policy = En la Admin Console de Okta, abra «Security → API → Authorization Servers» → el servidor que usa { -point } → «Access Policies», y añada una política y una regla que permitan a la Native App de { -point } las concesiones «Authorization Code» y «Refresh Token».
hint-grant-types = En la configuración «General» de la Native App de { -point }, en «Grant type», active «Authorization Code» y «Refresh Token».
hint-device-grant = En la configuración «General» de la Native App de { -point }, en «Grant type», active «Device Authorization»; en un servidor de autorización personalizado, permita también la concesión «Device Authorization» en la regla de la política de acceso de { -point } («Security → API → Authorization Servers → Access Policies»).
hint-redirect-uri = En la configuración «General» de la Native App de { -point }, añada org.pointapp.point:/login a «Sign-in redirect URIs» y org.pointapp.point:/logout a «Sign-out redirect URIs».
hint-client-id = Copie el Client ID de la Native App de { -point } («Applications → Applications» → la aplicación → «General» → «Client Credentials») en { -point }, en Organization → Integrations → Okta. La aplicación debe ser una Native Application, no una Web Application.
hint-scopes = { -point } solicita openid, profile, email y offline_access. En un servidor de autorización personalizado, compruebe «Security → API → Authorization Servers → Scopes» y los scopes de la regla de la política de acceso.
hint-domain = En { -point }, en Organization → Integrations → Okta, el dominio debe ser la URL de su organización de Okta (https://company.okta.com) o el emisor de un servidor de autorización personalizado.
hint-rate-limit = Se alcanzaron los límites de frecuencia de Okta para la organización: «Reports → Rate Limits» en la Admin Console muestra qué punto de conexión y qué aplicación; aumente el límite para la aplicación de { -point } o averigüe qué más está llamando a /oauth2/v1/token con tanta frecuencia.
hint-dpop = Si la Native App de { -point } requiere DPoP («General → Proof of possession»), active DPoP para la organización en { -point } (Organization → Integrations → Okta) o en la configuración administrada de TI (okta_dpop = true). { -point } usa DPoP con un servidor de autorización personalizado (https://company.okta.com/oauth2/…) que incluya ES256 en dpop_signing_alg_values_supported.
hint-hardware-key-required = TI: este equipo no tiene ningún TPM 2.0 que { -point } pueda abrir. Active el TPM en la configuración del firmware, conceda al personal acceso a él (en Linux, /dev/tpmrm0: el grupo tss en Debian y Ubuntu) o permita claves en software donde no haya TPM (dpop_key = "hardware-where-available").
hint-key-hardware = TI: compruebe que el TPM esté activado y que esta cuenta pueda usarlo (en Linux, /dev/tpmrm0: el grupo tss en Debian y Ubuntu). { -point } conserva la sesión y vuelve a intentarlo.
hint-unmet-authentication = En la Admin Console de Okta, compruebe la política de autenticación de la Native App de { -point } («Security → Authentication Policies») y que esta persona esté inscrita en un autenticador que esa política permita (por ejemplo, Okta Verify o una clave de seguridad), para que Okta pueda cumplir el nivel solicitado.
hint-tls = Si su empresa inspecciona el tráfico TLS, pida a TI que proporcione a { -point } el certificado raíz de la empresa (la opción del archivo de CA adicional).
