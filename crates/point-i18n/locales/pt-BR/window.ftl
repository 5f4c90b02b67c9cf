# Os textos da janela do POINT, em português do Brasil (traduzidos do original em inglês, locales/en/window.ftl).
# Os IDs das mensagens são o contrato: ui/index.html os cita em data-l10n-id, ui/main.js em t("…").
# Uma mensagem com .atributos define esses atributos do seu elemento (placeholder, aria-label, alt).
# Os termos (-point, -okta) são nomes de produtos: nunca são traduzidos.

-point = POINT
-okta = Okta

## Avisos

offline-banner = Você está offline. O { -point } mostra as últimas informações que tinha e continua tentando se reconectar.
offline-banner-reason = Você está offline. O { -point } mostra as últimas informações que tinha e continua tentando se reconectar. ({ $reason })
notice-dismiss = Dispensar

## Inicialização

starting-lead = Iniciando…

## Boas-vindas

welcome-title = Boas-vindas ao { -point }
welcome-lead = Entre com a conta do { -okta } da sua empresa para ver seu painel.
work-email-label = E-mail corporativo
work-email =
    .placeholder = voce@empresa.com
email-help-find = O { -point } usa esse e-mail para encontrar o { -okta } da sua organização.
email-help-suggest = O { -point } sugere esse e-mail ao { -okta }.
# $domains: os domínios de e-mail permitidos, já unidos ("example.com ou example.org").
email-help-domains = Use seu e-mail corporativo de { $domains }.
sign-in = Entrar com o { -okta }
add-cancel = Cancelar
welcome-organizations-title = Suas outras organizações
someone-else = Entrar com outra conta
device-sign-in = Entrar em outro dispositivo
manual-setup = Configurar manualmente
managed-note = Seu departamento de TI gerencia as configurações do { -okta } do { -point } neste computador.
browser-note = Ao entrar, seu navegador será aberto. O { -point } nunca vê sua senha.
session-ended-notice = Sua sessão terminou. Entre novamente.
# $problem: por que as configurações não podem ser usadas (uma frase).
settings-problem-notice = Não é possível usar as configurações do { -okta } do { -point }: { $problem }
settings-source = Configurações do { -okta }: { $source }
add-organization-title = Adicionar uma organização
# $organization: a organização em uso agora.
add-organization-lead = Entre com seu e-mail corporativo da outra organização. A sessão em { $organization } continua ativa.
add-organization-lead-unnamed = Entre com seu e-mail corporativo da outra organização. A sessão na organização que você usa agora continua ativa.

## Configuração manual

setup-title = Configurar manualmente
setup-lead = Seu administrador do { -okta } pode fornecer esses dados a partir da Native App do { -point } no { -okta }.
okta-domain-label = Domínio do { -okta }
okta-domain =
    .placeholder = empresa.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = Salvar
setup-back = Voltar

## Entrar em outro dispositivo

device-title = Entrar em outro dispositivo
device-lead = No seu celular ou em outro computador, abra esta página e digite o código.
# $time: quando o código expira, já formatado para a localidade da pessoa.
device-code-valid-until = Código, válido até { $time }
device-qr =
    .alt = QR code da página com o código: escaneie-o com a câmera do seu celular
device-continues = O { -point } continua automaticamente depois que você entrar lá.
device-cancel = Cancelar

## Aguardando o navegador

waiting-spinner =
    .aria-label = Aguardando o navegador
waiting-title = Continue no seu navegador
waiting-lead = Entre na página do { -okta } da sua organização. O { -point } continuará quando você terminar.
open-again = Abrir o navegador novamente
cancel-sign-in = Cancelar

## Painel

signed-in-fallback-name = Sessão iniciada
refresh = Atualizar
sign-out = Sair
organization-switcher =
    .aria-label = Suas organizações
add-organization = Adicionar uma organização
metrics-title = Indicadores principais
activity-title = Atividade recente
signing-you-in = Entrando…
loading-dashboard = Carregando seu painel…
# $time: quando o painel exibido foi obtido, já formatado.
dashboard-offline = Offline: mostrando seu painel com dados de { $time }.
dashboard-restoring = Entrando… mostrando seu painel com dados de { $time }.
dashboard-stale = O painel não está respondendo: mostrando os dados de { $time }. O { -point } continua tentando.
# $change: a variação em relação ao período anterior, em porcentagem (0.062 é 6,2 %). Formatted by the window as a percentage.
metric-change-up = ▲ { $change } em relação ao período anterior
metric-change-down = ▼ { $change } em relação ao período anterior
# $actor: quem fez; $summary: o que fez (ambos vêm do painel, no idioma dele).
activity-item = { $actor }: { $summary }
# $organization: o nome de uma organização.
switch-to = Alternar para { $organization }
organization-signed-in = Sessão iniciada
organization-signed-out = Sessão encerrada

## Sair

sign-out-title = Sair do { -point }?
sign-out-text = Você precisará entrar novamente para ver seu painel.
end-okta-session = Sair também do { -okta } no meu navegador (e dos outros apps do { -okta } nele)
end-okta-decided = Seu departamento de TI também encerra sua sessão do { -okta } no navegador.
sign-out-cancel = Cancelar
sign-out-confirm = Sair

## Erros

error-title-sign-in = Não foi possível entrar
error-title-sign-out = Não foi possível concluir a saída
error-title-browser = O { -point } não conseguiu abrir seu navegador
error-title-keychain = O chaveiro não funcionou
error-title-storage = O { -point } não conseguiu salvar as configurações
error-title-update = A atualização não funcionou
error-title-settings = As configurações do { -point } precisam de atenção
error-title-account = Esta conta não pode ser usada aqui
error-title-dashboard = O painel não respondeu
error-title-not-connected = Sua organização ainda não está conectada ao { -okta }
error-title-step-up = É preciso entrar com uma verificação mais forte
error-title-session-ended = Sua sessão terminou
error-hint-title = Para seu administrador do { -okta }
error-step-up = Entrar novamente
error-retry = Tentar novamente
error-someone-else = Entrar com outra conta
copy-details = Copiar detalhes
details-copied = Detalhes copiados.
copied-problem = Problema ao entrar no { -point }: { $code }
copied-admin-step = Passo para o administrador: { $hint }
copied-state = Estado: { $state }
copied-time = Horário: { $time }
contact-support = Falar com o suporte
email-support = Enviar e-mail ao suporte
support-collecting = Coletando o que o suporte precisa (alguns segundos)…
# $path: o arquivo gravado; $email, $url: o endereço e a página do suporte.
support-saved = { $path } salvo. Anexe-o ao seu e-mail para { $email } (ou consulte { $url }).

## Atualizações

# $version: a versão oferecida.
update-available = O { -point } { $version } está disponível.
update-available-major = O { -point } { $version } é uma nova versão principal. Ela pode mudar o funcionamento do { -point }.
update-installing = Instalando o { -point } { $version }…
update-restart = O { -point } { $version } foi instalado. Reinicie o { -point } para usá-lo.
update-failed = Não foi possível instalar o { -point } { $version }.
# $reason: o motivo (uma frase).
update-failed-reason = Não foi possível instalar o { -point } { $version }: { $reason }
update-install = Instalar
update-restart-now = Reiniciar agora
update-try-again = Tentar novamente
update-confirm-major = Instalar o { -point } { $version }? É uma nova versão principal: talvez seu departamento de TI ainda não a tenha testado.
update-confirm-major-action = Sim, instalar
