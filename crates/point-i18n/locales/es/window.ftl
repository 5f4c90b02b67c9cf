# Los textos de la ventana de POINT, en español (traducidos del original en inglés, locales/en/window.ftl).
# Los ID de mensaje son el contrato: ui/index.html los nombra en data-l10n-id, ui/main.js en t("…").
# Un mensaje con .atributos define esos atributos de su elemento (placeholder, aria-label, alt).
# Los términos (-point, -okta) son nombres de productos: nunca se traducen.

-point = POINT
-okta = Okta

## Avisos

offline-banner = Está sin conexión. { -point } muestra la última información disponible y sigue intentando reconectarse.
offline-banner-reason = Está sin conexión. { -point } muestra la última información disponible y sigue intentando reconectarse. ({ $reason })
notice-dismiss = Descartar

## Inicio

starting-lead = Iniciando…

## Bienvenida

welcome-title = Le damos la bienvenida a { -point }
welcome-lead = Inicie sesión con la cuenta de { -okta } de su empresa para ver su panel.
work-email-label = Correo electrónico laboral
work-email =
    .placeholder = usted@empresa.com
email-help-find = { -point } lo usa para encontrar el { -okta } de su organización.
email-help-suggest = { -point } se lo sugiere a { -okta }.
# $domains: los dominios de correo permitidos, ya unidos («example.com o example.org»).
email-help-domains = Use su correo electrónico laboral de { $domains }.
sign-in = Iniciar sesión con { -okta }
add-cancel = Cancelar
welcome-organizations-title = Sus otras organizaciones
someone-else = Iniciar sesión con otra cuenta
device-sign-in = Iniciar sesión en otro dispositivo
manual-setup = Configurar manualmente
managed-note = Su departamento de TI administra la configuración de { -okta } de { -point } en este equipo.
browser-note = Al iniciar sesión se abre su navegador web. { -point } nunca ve su contraseña.
session-ended-notice = Su sesión ha finalizado. Vuelva a iniciar sesión.
# $problem: por qué no se puede usar la configuración (una frase).
settings-problem-notice = No se puede usar la configuración de { -okta } de { -point }: { $problem }
settings-source = Configuración de { -okta }: { $source }
add-organization-title = Agregar una organización
# $organization: la organización en uso ahora.
add-organization-lead = Inicie sesión con su correo electrónico laboral de la otra organización. La sesión en { $organization } sigue abierta.
add-organization-lead-unnamed = Inicie sesión con su correo electrónico laboral de la otra organización. La sesión en la organización que usa ahora sigue abierta.

## Configuración manual

setup-title = Configurar manualmente
setup-lead = Su administrador de { -okta } puede proporcionarle estos datos desde la Native App de { -point } en { -okta }.
okta-domain-label = Dominio de { -okta }
okta-domain =
    .placeholder = empresa.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = Guardar
setup-back = Volver

## Inicio de sesión en otro dispositivo

device-title = Iniciar sesión en otro dispositivo
device-lead = En su teléfono o en otro equipo, abra esta página e introduzca el código.
# $time: cuándo caduca el código, ya formateado para la configuración regional de la persona.
device-code-valid-until = Código, válido hasta { $time }
device-qr =
    .alt = Código QR de la página que contiene el código: escanéelo con la cámara de su teléfono
device-continues = { -point } continuará automáticamente cuando haya iniciado sesión allí.
device-cancel = Cancelar

## Esperando al navegador

waiting-spinner =
    .aria-label = Esperando al navegador
waiting-title = Continúe en su navegador
waiting-lead = Inicie sesión en la página de { -okta } de su organización. { -point } continuará cuando termine.
open-again = Volver a abrir el navegador
cancel-sign-in = Cancelar

## Panel

signed-in-fallback-name = Sesión iniciada
refresh = Actualizar
sign-out = Cerrar sesión
organization-switcher =
    .aria-label = Sus organizaciones
add-organization = Agregar una organización
metrics-title = Cifras clave
activity-title = Actividad reciente
signing-you-in = Iniciando sesión…
loading-dashboard = Cargando su panel…
# $time: cuándo se obtuvo el panel que se muestra, ya formateado.
dashboard-offline = Sin conexión: se muestra su panel con datos de { $time }.
dashboard-restoring = Iniciando sesión… se muestra su panel con datos de { $time }.
dashboard-stale = El panel no responde: se muestra con datos de { $time }. { -point } sigue intentándolo.
# $change: la variación respecto al período anterior, en porcentaje (0.062 es 6,2 %). Formatted by the window as a percentage.
metric-change-up = ▲ { $change } respecto al período anterior
metric-change-down = ▼ { $change } respecto al período anterior
# $actor: quién lo hizo; $summary: qué hizo (ambos vienen del panel, en su idioma).
activity-item = { $actor }: { $summary }
# $organization: el nombre de una organización.
switch-to = Cambiar a { $organization }
organization-signed-in = Sesión iniciada
organization-signed-out = Sesión cerrada

## Cierre de sesión

sign-out-title = ¿Cerrar sesión en { -point }?
sign-out-text = Tendrá que volver a iniciar sesión para ver su panel.
end-okta-session = Cerrar también la sesión de { -okta } en mi navegador (y en sus otras aplicaciones de { -okta })
end-okta-decided = Su departamento de TI también cierra su sesión de { -okta } en el navegador.
sign-out-cancel = Cancelar
sign-out-confirm = Cerrar sesión

## Errores

error-title-sign-in = No se pudo iniciar sesión
error-title-sign-out = No se pudo completar el cierre de sesión
error-title-browser = { -point } no pudo abrir su navegador
error-title-keychain = El llavero no funcionó
error-title-storage = { -point } no pudo guardar la configuración
error-title-update = La actualización no funcionó
error-title-settings = La configuración de { -point } requiere atención
error-title-account = Esta cuenta no se puede usar aquí
error-title-dashboard = El panel no respondió
error-title-not-connected = Su organización aún no está conectada a { -okta }
error-title-step-up = Se necesita un inicio de sesión más seguro
error-title-session-ended = Su sesión ha finalizado
error-hint-title = Para su administrador de { -okta }
error-step-up = Volver a iniciar sesión
error-retry = Reintentar
error-someone-else = Iniciar sesión con otra cuenta
copy-details = Copiar detalles
details-copied = Detalles copiados.
copied-problem = Problema de inicio de sesión en { -point }: { $code }
copied-admin-step = Paso para el administrador: { $hint }
copied-state = Estado: { $state }
copied-time = Hora: { $time }
contact-support = Contactar con soporte
email-support = Enviar un correo a soporte
support-collecting = Recopilando lo que necesita el equipo de soporte (unos segundos)…
# $path: el archivo escrito; $email, $url: la dirección y la página de soporte.
support-saved = Se guardó { $path }. Adjúntelo a su correo para { $email } (o consulte { $url }).

## Actualizaciones

# $version: la versión ofrecida.
update-available = { -point } { $version } está disponible.
update-available-major = { -point } { $version } es una nueva versión principal. Puede cambiar el funcionamiento de { -point }.
update-installing = Instalando { -point } { $version }…
update-restart = { -point } { $version } está instalado. Reinicie { -point } para usarlo.
update-failed = No se pudo instalar { -point } { $version }.
# $reason: el motivo (una frase).
update-failed-reason = No se pudo instalar { -point } { $version }: { $reason }
update-install = Instalar
update-restart-now = Reiniciar ahora
update-try-again = Reintentar
update-confirm-major = ¿Instalar { -point } { $version }? Es una nueva versión principal: es posible que su departamento de TI aún no la haya probado.
update-confirm-major-action = Sí, instalarla
