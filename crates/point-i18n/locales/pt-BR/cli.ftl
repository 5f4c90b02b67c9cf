# O que o `point doctor`, o `point sign-in --device` e o pacote de suporte dizem, em português do
# Brasil (traduzidos do original em inglês, locales/en/cli.ftl): todos os idiomas têm exatamente estas
# mensagens e variáveis. (Os termos -point e -okta são definidos em errors.ftl, carregado junto com
# este arquivo.)

## point doctor: o resultado e o nome de cada verificação

doctor-pass = OK
doctor-fail = FALHA
doctor-warn = AVISO
doctor-skip = PULADO
doctor-fix = solução
doctor-all-passed = Todas as verificações foram aprovadas.
doctor-some-failed = Algumas verificações falharam.
doctor-check-runtime = ambiente de execução
doctor-check-configuration = configuração
doctor-check-okta-domain = domínio do okta
doctor-check-discovery = descoberta
doctor-check-clock = relógio
doctor-check-okta-app = app do okta
doctor-check-proof-of-possession = prova de posse
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = endpoints de saída
doctor-check-device-sign-in = login em outro dispositivo
doctor-check-provider-capabilities = recursos do provedor
doctor-check-proxy = proxy
doctor-check-deep-links = links diretos
doctor-check-keychain = chaveiro
doctor-check-dashboard = painel
doctor-check-updates = atualizações
doctor-check-log = log
doctor-check-dpop-key = chave DPoP

## point doctor: o que cada verificação encontrou e a solução

doctor-runtime-failed = o { -point } não conseguiu iniciar as verificações ({ $detail })
doctor-runtime-fix = Reinicie e tente novamente.
# A configuração em vigor, com as linhas unidas por "; ".
doctor-lines = { $lines }
doctor-configuration-fix = Peça ao seu departamento de TI para corrigir a configuração gerenciada do { -point } (consulte docs/it-deployment.md).
doctor-issuer-org = o emissor é { $issuer } (o servidor de autorização da org no { -okta })
doctor-issuer-custom = o emissor é { $issuer } (um servidor de autorização personalizado)
doctor-okta-not-set = nenhum domínio do Okta nem Client ID definido
doctor-okta-not-set-fix = Entre com seu e-mail corporativo, configure manualmente ou peça à TI a configuração gerenciada do { -point }.
doctor-discovery-skipped = nenhum domínio do Okta utilizável
doctor-discovery-passed = { $url } responde via TLS com as raízes confiáveis
doctor-discovery-fix = Verifique a rede, o domínio do Okta e (se houver inspeção de TLS) o arquivo de CA adicional.
doctor-capabilities-skipped = a descoberta não teve êxito
doctor-proxy-setting-fix = Peça à TI para definir proxy com um endereço http:// ou https://.
doctor-ca-file-fix = Corrija a configuração do arquivo de CA adicional (um arquivo PEM de certificados).
doctor-dashboard-address-fix = Defina o endereço do painel (api_base / ApiBase) com um endereço https:// ou remova-o para usar o do { -point }.
doctor-dashboard-url-invalid = a URL do painel não é válida
doctor-dashboard-url-fix = Corrija a URL base da API do painel.
doctor-dashboard-answers = { $address } responde
doctor-dashboard-answered = { $address } respondeu HTTP { $status }
doctor-dashboard-check-fix = Verifique a URL base da API do painel.
doctor-network-fix = Verifique a rede (e, se houver inspeção de TLS, o arquivo de CA adicional).
doctor-clock-off = o relógio deste dispositivo está cerca de { $minutes } min { $direction ->
        [behind] atrasado
       *[ahead] adiantado
    } em relação ao do { -okta } (o { -point } compensa a diferença; outros apps talvez não)
doctor-clock-fix = Ative a data e hora automáticas nas configurações do sistema (Linux: timedatectl set-ntp true; Windows: Configurações → Hora e idioma → Definir horário automaticamente; macOS: Ajustes do Sistema → Geral → Data e Hora).
doctor-clock-ok = o relógio deste dispositivo difere do relógio do { -okta } em no máximo { $offset } s
doctor-log = o { -point } grava o log em { $path }
doctor-log-none = esta conta não tem pasta de dados: o { -point } grava o log apenas em stderr
doctor-scheme-could-not-run = não foi possível executar o xdg-mime ({ $detail })
doctor-scheme-install-xdg-utils = Instale o xdg-utils.
doctor-scheme-fix = Reinstale o pacote do { -point }, que registra os links org.pointapp.point:; ou execute: xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = nenhum aplicativo abre links org.pointapp.point:
doctor-scheme-handled = { $handler } abre links org.pointapp.point:
doctor-scheme-no-argument = { $handler } abre links org.pointapp.point:, mas a linha Exec dele não tem %u; por isso, o link é descartado
doctor-scheme-not-installed = o manipulador { $handler } não está instalado
doctor-scheme-windows = org.pointapp.point: abre { $command }
doctor-scheme-windows-no-argument = org.pointapp.point: abre { $command } sem o link
doctor-scheme-windows-unregistered = os links org.pointapp.point: não estão registrados
doctor-reinstall = Reinstale o { -point }.
doctor-reinstall-registers = Reinstale o { -point } (o instalador registra o tipo de link).
doctor-scheme-bundle = registrado pelo Info.plist do pacote do app instalado (não verificado aqui)
doctor-keychain-ok = um item de teste foi gravado, lido e excluído
doctor-key-software = em software, ao lado do refresh token no chaveiro (qualquer cópia do item do chaveiro a leva junto)
doctor-key-tpm = no TPM deste computador (ela não pode ser copiada para outro computador)
doctor-key-session = a chave desta sessão fica { $key }; { $new }
doctor-key-new-software-policy = as novas chaves ficam em software (configuração da TI: dpop_key = software)
doctor-key-new-tpm = as novas chaves são criadas no TPM deste computador ({ $tpm })
doctor-key-new-software-no-tpm = este computador não tem um TPM que o { -point } possa usar: as novas chaves ficam em software
doctor-key-new-software-tpm-unusable = não foi possível usar o TPM ({ $reason }): as novas chaves ficam em software
doctor-key-required-no-tpm = a TI exige chaves em um TPM (dpop_key = hardware-required), e este computador não tem nenhum que o { -point } possa usar: o login é recusado
doctor-key-required-tpm-unusable = a TI exige chaves em um TPM (dpop_key = hardware-required), e não foi possível usar o TPM ({ $reason }): o login é recusado
doctor-key-tpm-fix = Ative o TPM nas configurações do firmware e dê a esta conta acesso a ele (no Linux, /dev/tpmrm0: o grupo tss no Debian e no Ubuntu).
doctor-okta-app-no-code-grant = o { -okta } aceita o Client ID { $client } e a URI de redirecionamento, mas o app talvez não possa usar o grant type Authorization Code
doctor-okta-app-no-code-grant-fix = Administrador do Okta: nas configurações General da Native App do { -point }, em Grant type, ative Authorization Code e Refresh Token.
doctor-okta-app-ok = o { -okta } aceita o Client ID { $client } com a URI de redirecionamento { $redirect }
doctor-okta-app-redirect-refused = o { -okta } recusa a URI de redirecionamento { $redirect } para o Client ID { $client } (HTTP { $status })
doctor-okta-app-redirect-fix = Administrador do Okta: nas configurações General da Native App do { -point }, adicione org.pointapp.point:/login em Sign-in redirect URIs e org.pointapp.point:/logout em Sign-out redirect URIs.
doctor-okta-app-client-refused = o { -okta } não aceita o Client ID { $client } (HTTP { $status })
doctor-okta-app-client-fix = Copie o Client ID da Native App do { -point } (não o do app do site), em Applications → Applications → o app → General, para o { -point } em Organization → Integrations → Okta (ou para a configuração gerenciada pela TI).
doctor-okta-app-refused = o { -okta } recusou uma solicitação de login para o Client ID { $client } com a URI de redirecionamento { $redirect } (HTTP { $status })
doctor-okta-app-refused-fix = Administrador do Okta: verifique se esse Client ID pertence a uma Native App com o grant type Authorization Code e a URI de redirecionamento de login org.pointapp.point:/login.
doctor-network-retry-fix = Verifique a rede e tente novamente.
doctor-dpop-bound = DPoP: os tokens de cada sessão ficam vinculados a uma chave própria (a verificação “chave DPoP” informa onde ela fica)
doctor-dpop-offered = o DPoP é oferecido: o { -point } vincula os tokens a uma chave quando a Native App do { -point } exige isso (o { -okta } passa então a recusar solicitações sem prova, e o { -point } envia uma)
doctor-dpop-org-server = a organização pede DPoP, mas o domínio do Okta é o servidor de autorização da org, cujos tokens de acesso o painel verifica pelo userinfo (que exigiria uma prova que o painel não consegue gerar): o { -point } entra sem DPoP
doctor-dpop-org-server-fix = Administrador do Okta: use um servidor de autorização personalizado (https://company.okta.com/oauth2/default) para o { -point } ou desmarque Require DPoP na Native App do { -point }.
doctor-dpop-no-es256 = a organização pede DPoP, mas o servidor de autorização não lista ES256 em dpop_signing_alg_values_supported: o { -point } entra sem DPoP
doctor-dpop-no-es256-fix = Administrador do Okta: ative o recurso OAuth 2.0 Demonstrating Proof-of-Possession (Settings → Features).
doctor-dpop-not-used = não usado: tokens bearer (a Native App do { -point } não exige DPoP)
doctor-pkce-ok = S256 está em code_challenge_methods_supported
doctor-pkce-missing = o servidor de autorização não oferece PKCE com S256
doctor-pkce-fix = O { -point } precisa de um servidor de autorização do Okta (que sempre oferece S256): verifique se o domínio do Okta é a URL da sua organização no Okta ou o emissor de um servidor de autorização personalizado.
doctor-offline-access-ok = offline_access está em scopes_supported
doctor-offline-access-missing = o servidor de autorização não oferece offline_access; por isso, o { -point } não consegue manter a sessão iniciada
doctor-offline-access-fix = Administrador do Okta: em Security → API → Authorization Servers → o servidor que o { -point } usa → Scopes, é preciso incluir offline_access, e a Native App do { -point } precisa ter o grant type Refresh Token.
doctor-sign-out-ok = os endpoints de revogação e de encerramento de sessão são anunciados
doctor-sign-out-missing = falta o endpoint de revogação ou o de encerramento de sessão
doctor-sign-out-fix = Use um servidor de autorização do Okta: os dois endpoints fazem parte do documento de descoberta de todo servidor do Okta.
doctor-device-offered = oferecido ({ $endpoint }); a Native App do { -point } também precisa do grant type Device Authorization
doctor-device-missing = o servidor de autorização não anuncia device_authorization_endpoint; por isso, `point sign-in --device` não funciona
doctor-device-missing-fix = Só é necessário para máquinas sem um navegador utilizável. Administrador do Okta: use um servidor de autorização do Okta que ofereça o grant type Device Authorization e ative esse grant type na Native App do { -point }.
doctor-updates-refused = o endereço de atualização { $address } ({ $source }) não é uma URL https://; por isso, as atualizações pelo app estão desativadas
doctor-updates-refused-fix = Defina UpdateUrl (update_url) com o endereço https:// do seu servidor de atualizações ou remova-o.
doctor-updates-off = as atualizações pelo app estão desativadas ({ $source })
# $mode e $major são valores de configuração da TI (update_mode, major_updates), como a TI os escreve.
doctor-updates = { $mode } a partir de { $address }; novas versões principais: { $major } ({ $source })
doctor-proxy-through = via { $address } ({ $source })
doctor-proxy-environment = { $name }={ $address } do ambiente
doctor-proxy-system = as configurações de proxy do sistema
doctor-proxy-none = nenhum: conexão direta (sem proxy no ambiente)
doctor-proxy-fix = Defina proxy / Proxy com um endereço como http://proxy.corp.example:3128 ou remova-o para usar as configurações do sistema.

## A configuração em vigor, uma linha cada (point doctor e o pacote de suporte)

config-okta-issuer = emissor do okta: { $issuer } ({ $source })
config-client-id = Client ID: { $client } ({ $source })
config-okta-not-set = okta: não definido
config-okta-not-set-because = okta: não definido ({ $problem })
config-dashboard = painel: { $address } ({ $source })
config-extra-roots = raízes confiáveis adicionais: { $path } ({ $source })
config-sign-in-minimum = requisito mínimo de login: { $strength } ({ $classes })
config-dpop-key = onde as chaves DPoP ficam: { $policy } (configuração dpop_key da TI)
config-authentication-age = entrar novamente após: { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }
config-managed = configuração gerenciada: { $origin }
config-managed-none = configuração gerenciada: nenhuma
config-allowed-email-domains = domínios de e-mail permitidos: { $domains }

## O pacote de suporte (a pessoa o envia ao suporte; as linhas do log ficam como foram registradas)

bundle-title = Pacote de suporte do { -point }
bundle-created = criado em: { $seconds } (segundos desde 1970, UTC)
bundle-app-development = app: { -point } { $version } (versão de desenvolvimento)
bundle-app-release = app: { -point } { $version } (versão de lançamento)
bundle-os = sistema operacional: { $os }
bundle-configuration = configuração em vigor
bundle-settings-problem = problema nas configurações: { $problem }
bundle-session = sessão: { $state }
bundle-doctor = point doctor
bundle-log = as últimas { $lines } linhas do log
bundle-no-log-folder = (sem pasta de log)
bundle-state-signed-out = encerrada
bundle-state-restoring = restaurando
bundle-state-signing-in = entrando (aguardando o navegador)
bundle-state-signed-in = iniciada
bundle-state-offline = offline (iniciada, tentando reconectar)
bundle-state-ended = encerrada pelo provedor
bundle-state-not-set-up = não configurada

## point sign-in --device

device-usage = uso: point sign-in --device
    Entra usando outro dispositivo: o { -point } mostra uma página e um código; abra a página no seu
    celular ou em outro computador, confira o código e entre por lá. Para máquinas sem um navegador que
    o { -point } possa usar (uma sessão SSH, um quiosque). Na janela, o login usa o navegador deste computador.
device-could-not-start = O { -point } não conseguiu iniciar: { $detail }
device-already-signed-in = O { -point } já tem uma sessão de { $who }. Saia na janela do { -point } para entrar com outra conta.
device-signed-in = Sessão iniciada como { $who }. O { -point } abrirá com a sessão iniciada na próxima vez que for iniciado (feche-o antes, se estiver aberto).
device-open-page = Para entrar no { -point }, abra esta página no seu celular ou em outro computador:
device-enter-code = e digite este código:
device-page-with-code = (ou abra { $page }, que já contém o código)
device-waiting = { $minutes ->
        [one] O código vale por { $minutes } minuto. Aguardando você entrar…
       *[other] O código vale por { $minutes } minutos. Aguardando você entrar…
    }

## mail

mail-subject = Solicitação de suporte do { -point }
mail-describe = Descreva aqui o que aconteceu.
mail-attach = Anexe o pacote de suporte que o { -point } salvou: { $path }
