# Os erros do POINT e suas dicas, como a janela, o `point doctor` e a linha de comando os exibem,
# em português do Brasil (traduzidos do original em inglês, locales/en/errors.ftl): todos os idiomas
# têm exatamente estas mensagens e variáveis. Os rótulos do console do Okta (Applications,
# Security → API, …) ficam em inglês, como o console do Okta os mostra.

-point = POINT
-okta = Okta

## Conexão com o Okta

error-offline = O { -point } não conseguiu se conectar a { $host }. Verifique sua conexão com a internet e tente novamente.
error-timeout = { $host } não respondeu a tempo. Verifique sua conexão e tente novamente.
error-interrupted = A conexão com { $host } caiu antes de a resposta chegar. Verifique sua conexão e tente novamente.
error-tls = O { -point } não conseguiu estabelecer uma conexão segura com { $host } ({ $detail }).
error-provider-unavailable = O { -okta } ({ $host }) está com problemas (HTTP { $status }). Tente novamente em alguns minutos.
error-provider-unavailable-until = O { -okta } ({ $host }) está com problemas (HTTP { $status }). O { -point } tentará novamente às { $time }.
error-unexpected-response = Não foi possível ler a resposta do { -okta } ({ $what }). Tente novamente; se o problema persistir, fale com o suporte.
error-rate-limited = O { -okta } está limitando as solicitações da sua organização no momento. O { -point } tentará novamente em breve.
error-rate-limited-until = O { -okta } está limitando as solicitações da sua organização no momento. O { -point } tentará novamente às { $time }.

## O documento de descoberta do Okta

error-not-an-authorization-server = O domínio do Okta não leva a um servidor de autorização do Okta (HTTP { $status } na configuração OpenID).
error-issuer-mismatch = O servidor de autorização do Okta se identifica como { $found }, e não como { $expected }.
error-pkce-unsupported = O servidor de autorização do Okta não oferece PKCE com S256, que o { -point } exige.

## O link que o navegador devolve

error-invalid-callback = O { -point } recebeu um link de login que não pode usar: { $reason }.
callback-too-long = o link tem mais de 8 KiB
callback-not-our-redirect = o link não é o endereço de login nem o de saída do { -point }
callback-fragment = o link tem um fragmento
callback-repeated = o link repete o parâmetro `{ $parameter }`
callback-missing = o link não tem o parâmetro `{ $parameter }`
callback-malformed = o parâmetro `{ $parameter }` do link está malformado
error-no-pending-sign-in = O { -point } recebeu uma resposta de login, mas nenhum login está em andamento. Comece o login novamente pelo { -point }.
error-sign-in-expired = O login demorou demais e expirou. Comece novamente.
error-state-mismatch = Esta resposta de login não pertence ao login em andamento; por isso, o { -point } a ignorou.
error-callback-issuer-mismatch = Esta resposta de login veio de um provedor de identidade diferente daquele que o { -point } consultou; por isso, o { -point } a ignorou.

## O Okta recusou

error-not-assigned = Seu usuário não está atribuído ao { -point } no { -okta }.
error-access-policy-denied = A política de acesso do { -okta } da sua organização não permite que você entre no { -point }.
error-access-denied = O { -okta } negou o login.
error-access-denied-described = O { -okta } negou o login: { $description }.
error-grant-type-not-enabled = O app do { -point } no { -okta } não tem permissão para fazer seu login desta forma.
error-redirect-uri-not-registered = O endereço de login do { -point } não está registrado no app do { -okta } da sua organização.
error-invalid-client = O { -okta } não reconhece o Client ID do { -point }.
error-scope-not-allowed = O { -okta } recusou as permissões que o { -point } solicita.
error-scope-not-allowed-described = O { -okta } recusou as permissões que o { -point } solicita: { $description }.
error-login-required = O { -okta } precisa que você entre novamente.
error-unmet-authentication = O { -okta } não conseguiu fazer seu login com o nível de segurança solicitado.
error-unmet-authentication-described = O { -okta } não conseguiu fazer seu login com o nível de segurança solicitado: { $description }.
error-authorization-failed = O { -okta } não conseguiu concluir o login ({ $error }).
error-authorization-failed-described = O { -okta } não conseguiu concluir o login ({ $error }: { $description }).
error-code-rejected = O login demorou demais ou foi interrompido. Tente novamente.
error-refresh-token-rejected = Sua sessão terminou. Entre novamente.
error-token-request-refused = O { -okta } se recusou a emitir tokens ({ $error }).
error-token-request-refused-described = O { -okta } se recusou a emitir tokens ({ $error }: { $description }).
error-missing-id-token = A resposta do { -okta } não continha um token de ID. Verifique se os escopos do app incluem openid.
error-device-grant-not-offered = O { -okta } da sua organização não oferece login em outro dispositivo.
error-device-grant-not-enabled = O app do { -point } no { -okta } não tem permissão para fazer login em outro dispositivo.
error-device-sign-in-denied = O login no outro dispositivo foi recusado.
error-device-code-expired = O código expirou antes que alguém entrasse com ele. Comece novamente para obter um novo código.
error-loopback-unavailable = O { -point } não conseguiu aguardar a resposta do login em 127.0.0.1 ({ $detail }).
error-dpop-proof-refused = O { -okta } recusou a prova de posse (DPoP) do { -point }.
error-dpop-proof-refused-described = O { -okta } recusou a prova de posse (DPoP) do { -point }: { $description }.
error-hardware-key-required = Seu departamento de TI exige que a chave de login do { -point } fique no TPM deste computador, e este computador não tem nenhum TPM que o { -point } possa usar.
error-key-hardware-unavailable = O { -point } não conseguiu usar o TPM deste computador, que guarda a chave da sua sessão ({ $reason }). O { -point } vai tentar novamente.
error-key-not-on-this-machine = A chave da sua sessão não está no TPM deste computador: a sessão foi copiada de outro computador ou o TPM foi limpo. Entre novamente.
error-key-unavailable = O { -point } não conseguiu criar nem ler a chave que protege sua sessão. Entre novamente.

## O token de ID

error-id-token = O token de ID do { -okta } não passou na verificação: { $reason }.
id-token-unsigned = ele não está assinado (alg none)
id-token-symmetric = ele está assinado com um algoritmo de segredo compartilhado ({ $algorithm }), no qual um cliente público não pode confiar
id-token-disallowed-algorithm = o algoritmo { $algorithm } dele não é aceito
id-token-bad-signature = a assinatura dele é inválida
id-token-unknown-key = ele está assinado com uma chave que o provedor não publica
id-token-wrong-issuer = ele foi emitido por outro emissor
id-token-wrong-audience = ele foi emitido para outro aplicativo
id-token-missing-authorized-party = ele tem vários públicos, mas nenhuma parte autorizada
id-token-wrong-authorized-party = a parte autorizada dele é outro aplicativo
id-token-expired = ele expirou (verifique a data e a hora deste dispositivo)
id-token-issued-in-future = ele foi emitido no futuro (verifique a data e a hora deste dispositivo)
id-token-authenticated-in-future = ele indica que você entrou no futuro (verifique a data e a hora deste dispositivo)
id-token-not-yet-valid = ele ainda não é válido (verifique a data e a hora deste dispositivo)
id-token-wrong-nonce = o nonce dele não corresponde a este login
id-token-missing-nonce = ele não tem nonce
id-token-wrong-access-token-hash = o hash do token de acesso não corresponde ao token de acesso
id-token-wrong-subject = ele identifica um usuário diferente daquele com a sessão iniciada
id-token-malformed = ele está malformado ({ $detail })
id-token-weaker-than-asked = ele indica um login menos seguro ({ $got }) do que o solicitado ({ $asked })
id-token-missing-auth-time = ele não indica quando você entrou, e foi solicitado um login recente
id-token-authenticated-too-long-ago = ele indica um login mais antigo do que o solicitado

## O que foi digitado como configurações do Okta

error-empty-domain = Digite seu domínio do Okta, como company.okta.com.
error-not-a-url = “{ $given }” não é um endereço da web. Digite seu domínio do Okta, como company.okta.com.
error-not-https = O domínio do Okta precisa começar com https://. O http:// simples só é permitido para um provedor neste computador.
error-domain-has-credentials = Remova o nome de usuário ou a senha do domínio do Okta: digite apenas https://company.okta.com.
error-domain-has-query = Remova tudo o que vem depois de “?” ou “#” no domínio do Okta.
error-admin-console = Esse é o endereço do console de administração do { -okta }. Remova “-admin”: use { $suggested }.
error-endpoint = Esse é um endpoint do { -okta }, não o domínio. Use { $suggested }.
error-unexpected-path = O domínio do Okta deve ser https://company.okta.com ou um servidor de autorização personalizado, como https://company.okta.com/oauth2/default.
error-empty-client-id = Digite o Client ID da Native App do { -okta } da sua organização.
error-malformed-client-id = O Client ID não pode conter espaços nem caracteres especiais. Copie-o novamente da guia General do app no { -okta } (Client Credentials).
error-client-secret = O { -point } entra como uma Native App do { -okta }, que não tem segredo do cliente (client secret). Peça ao seu administrador do { -okta } para criar uma Native App (não uma Web App) para o { -point } e passar a você apenas o Client ID dela.
error-trusted-roots = Não foi possível usar o arquivo de certificados confiáveis { $path }: { $reason }
error-proxy = Não foi possível usar o proxy { $proxy }: { $reason }
error-incomplete-managed-okta = A configuração do { -point } definida pelo seu departamento de TI ({ $origin }) define { $given }, mas não { $missing }; por isso, o { -point } não consegue entrar. Peça à TI para definir okta_domain e client_id.

## Regras e configuração da TI

error-managed-by-it = Seu departamento de TI gerencia as configurações do Okta do { -point } neste computador; por isso, elas não podem ser alteradas aqui.
error-email-domain = Seu departamento de TI só permite entrar no { -point } com um endereço de e-mail de { $allowed }.
error-untrusted-okta = Seu departamento de TI só permite que o { -point } entre nas organizações do Okta que ele indica, e { $host } não é uma delas.
error-device-sign-in-off = Seu departamento de TI desativou o login em outro dispositivo para o { -point }. Entre com o navegador deste computador.
error-managed-config-unreadable = Não é possível ler a configuração definida pelo seu departamento de TI ({ $origin }): { $reason }
error-dashboard-address-refused = O endereço do painel ({ $address }; origem: { $source }) não é um endereço https://; por isso, o { -point } não enviará seu login para ele. Ele precisa começar com https://.
error-proxy-refused = O proxy definido pelo seu departamento de TI ({ $address }) não é um endereço http:// ou https://; por isso, o { -point } não se conecta até que isso seja corrigido.
error-not-configured = O { -point } ainda não conhece o Okta da sua organização. Digite seu e-mail corporativo ou configure manualmente.

## De onde vem uma configuração

source-default = padrão integrado
source-managed = gerenciado pelo seu departamento de TI
source-user = suas configurações
source-environment = ambiente (versão de desenvolvimento)

## A sessão e o chaveiro

error-not-signed-in = Nenhuma sessão iniciada.
error-session-ended = Sua sessão terminou. Entre novamente.
error-superseded = Você entrou ou saiu enquanto o { -point } renovava sua sessão.
error-email-not-allowed = O endereço de e-mail desta conta não está entre os que seu departamento de TI permite no { -point }.
error-sign-in-cancelled = O login foi cancelado.
error-keychain-unavailable = O chaveiro deste computador não está disponível ({ $detail }). O { -point } mantém sua sessão até ser fechado, mas não consegue se lembrar de você.
error-keychain-locked = O chaveiro deste computador está bloqueado ou recusou o acesso ({ $detail }). Desbloqueie-o e entre novamente para que o { -point } possa se lembrar de você.
error-keychain-too-long = Os dados de login são grandes demais para o chaveiro ({ $units } de no máximo { $limit } caracteres).
error-keychain-failed = O chaveiro falhou ({ $detail }).
error-keychain-corrupt = O item do { -point } no chaveiro está danificado; entre novamente.

## O painel

error-dashboard-offline = O { -point } não conseguiu acessar o painel. Verifique sua conexão com a internet.
error-dashboard-timeout = O painel não respondeu a tempo. Tente novamente.
error-dashboard-tls = O { -point } não conseguiu estabelecer uma conexão segura com o painel ({ $detail }).
error-dashboard-refused = O painel recusou a solicitação (HTTP { $status }).
# As palavras do próprio painel (que recebeu o pedido no idioma da pessoa).
error-dashboard-said = { $message }
error-dashboard-unavailable = O painel está com problemas (HTTP { $status }). Tente novamente em alguns minutos.
error-dashboard-unexpected = Não foi possível ler a resposta do painel ({ $detail }).
error-okta-not-connected = Sua organização ainda não conectou o Okta ao { -point }. Um administrador pode adicioná-lo em Organization → Integrations → Okta.

## Este computador

error-browser = O { -point } não conseguiu abrir seu navegador. Use “Abrir o navegador novamente” ou verifique seu navegador padrão.
error-storage = O { -point } não conseguiu salvar as configurações ({ $detail }).
error-update-failed = O { -point } não conseguiu se atualizar ({ $detail }). Ele continua funcionando como está e tentará novamente mais tarde.

## Um login mais seguro (step-up): o que é solicitado, nas palavras da pessoa

step-up-asked = Esta página exige um login mais seguro: { $strength }.
step-up-asked-recent = Esta página exige um login recente (feito { $minutes ->
        [one] no último minuto
       *[other] nos últimos { $minutes } minutos
    }): { $strength }.
acr-1fa-any = um fator qualquer
acr-1fa-pwd = sua senha
acr-2fa-any = dois fatores
acr-2fa-any-ifpossible = dois fatores, quando sua conta os tiver
acr-phr = um fator resistente a phishing, como uma chave de segurança ou o Okta FastPass
acr-phrh = um fator resistente a phishing armazenado em hardware, como uma chave de segurança
acr-other = o nível de login { $value }
acr-policy = o que a política de login da sua organização exige

## Dicas: o que a pessoa, a TI ou o administrador do Okta podem fazer

hint-settings-unusable = Seu departamento de TI pode corrigir a configuração do { -point } neste computador.
hint-email-domain = Use seu endereço de e-mail corporativo ou fale com seu departamento de TI.
hint-untrusted-okta = TI: defina okta_domain e client_id ou liste em allowed_okta_domains os domínios do Okta que o { -point } pode usar (docs/it-deployment.md).
hint-update-failed = Se isso continuar, seu departamento de TI pode instalar a nova versão para você.
hint-email-not-allowed = Entre com sua conta corporativa. Se o navegador fez seu login com outra conta, primeiro saia do Okta nele.
hint-keychain-unavailable-linux = Instale e inicie um chaveiro do Secret Service (GNOME Keyring ou KWallet) na sua sessão da área de trabalho e reinicie o { -point }.
hint-keychain-unavailable = Reinicie o { -point }. Se isso continuar acontecendo, fale com seu departamento de TI.
hint-keychain-locked = Desbloqueie seu chaveiro (normalmente ele é desbloqueado quando você inicia a sessão no computador) e entre novamente.
hint-keychain-failed = Entre novamente. Se isso continuar acontecendo, fale com o suporte.
hint-assignments = No Okta Admin Console, abra Applications → Applications → a Native App do { -point } → Assignments e atribua esta pessoa (ou um grupo do qual ela faça parte).
hint-access-policy = No Okta Admin Console, abra Security → API → Authorization Servers → o servidor que o { -point } usa → Access Policies e adicione uma política e uma regra que permitam a Native App do { -point } com os grant types Authorization Code e Refresh Token.
hint-grant-types = Nas configurações General da Native App do { -point }, em Grant type, ative Authorization Code e Refresh Token.
hint-device-grant = Nas configurações General da Native App do { -point }, em Grant type, ative Device Authorization; em um servidor de autorização personalizado, permita também o grant type Device Authorization na regra da política de acesso do { -point } (Security → API → Authorization Servers → Access Policies).
hint-redirect-uri = Nas configurações General da Native App do { -point }, adicione org.pointapp.point:/login em Sign-in redirect URIs e org.pointapp.point:/logout em Sign-out redirect URIs.
hint-client-id = Copie o Client ID da Native App do { -point } (Applications → Applications → o app → General → Client Credentials) para o { -point } em Organization → Integrations → Okta. O app precisa ser do tipo Native Application, não Web Application.
hint-scopes = O { -point } solicita openid, profile, email e offline_access. Em um servidor de autorização personalizado, verifique Security → API → Authorization Servers → Scopes e os escopos da regra da política de acesso.
hint-domain = No { -point }, em Organization → Integrations → Okta, o domínio precisa ser a URL da sua organização no Okta (https://company.okta.com) ou o emissor de um servidor de autorização personalizado.
hint-rate-limit = Os limites de taxa do Okta para a organização foram atingidos: Reports → Rate Limits no Admin Console mostra qual endpoint e qual app; aumente o limite do app do { -point } ou descubra o que mais está chamando /oauth2/v1/token com tanta frequência.
hint-dpop = Se a Native App do { -point } exigir DPoP (General → Proof of possession), ative o DPoP para a organização no { -point } (Organization → Integrations → Okta) ou na configuração gerenciada pela TI (okta_dpop = true). O { -point } usa DPoP com um servidor de autorização personalizado (https://company.okta.com/oauth2/…) que liste ES256 em dpop_signing_alg_values_supported.
hint-hardware-key-required = TI: este computador não tem um TPM 2.0 que o { -point } consiga abrir. Ative o TPM nas configurações do firmware, dê aos funcionários acesso a ele (no Linux, /dev/tpmrm0: o grupo tss no Debian e no Ubuntu) ou permita chaves em software onde não houver TPM (dpop_key = "hardware-where-available").
hint-key-hardware = TI: verifique se o TPM está ativado e se esta conta pode usá-lo (no Linux, /dev/tpmrm0: o grupo tss no Debian e no Ubuntu). O { -point } mantém a sessão e tenta novamente.
hint-unmet-authentication = No Okta Admin Console, verifique a política de autenticação da Native App do { -point } (Security → Authentication Policies) e se esta pessoa está registrada em um autenticador permitido por essa política (por exemplo, o Okta Verify ou uma chave de segurança), para que o Okta possa atender ao nível solicitado.
hint-tls = Se sua empresa inspeciona o tráfego TLS, peça à TI que forneça ao { -point } o certificado raiz da empresa (a configuração de arquivo de CA adicional).
