# POINT のエラーとそのヒント。ウィンドウ、`point doctor`、コマンドラインで表示される文言（日本語）。
# 原文は en/errors.ftl です。すべての言語がまったく同じメッセージと変数を持ちます。
# Okta の管理コンソールのラベル（Applications、Security → API など）は、管理者が Okta のコンソールで
# 目にする表示と一致させるため、英語のまま「」で囲んで引用しています。

-point = POINT
-okta = Okta

## Okta への接続

error-offline = { -point } は { $host } に接続できませんでした。インターネット接続を確認して、もう一度お試しください。
error-timeout = { $host } から時間内に応答がありませんでした。接続を確認して、もう一度お試しください。
error-interrupted = 応答を受信する前に { $host } との接続が切断されました。接続を確認して、もう一度お試しください。
error-tls = { -point } は { $host } と安全な接続を確立できませんでした（{ $detail }）。
error-provider-unavailable = { -okta }（{ $host }）で問題が発生しています（HTTP { $status }）。数分後にもう一度お試しください。
error-provider-unavailable-until = { -okta }（{ $host }）で問題が発生しています（HTTP { $status }）。{ -point } は { $time } に再試行します。
error-unexpected-response = { -okta } からの応答を読み取れませんでした（{ $what }）。もう一度お試しください。問題が続く場合は、サポートに問い合わせてください。
error-rate-limited = 現在、{ -okta } が組織からのリクエストを制限しています。{ -point } はまもなく再試行します。
error-rate-limited-until = 現在、{ -okta } が組織からのリクエストを制限しています。{ -point } は { $time } に再試行します。

## Okta のディスカバリードキュメント

error-not-an-authorization-server = この Okta ドメインは Okta の認可サーバーを指していません（OpenID 構成の取得で HTTP { $status }）。
error-issuer-mismatch = Okta の認可サーバーが示す発行者は { $found } で、{ $expected } ではありません。
error-pkce-unsupported = Okta の認可サーバーが、{ -point } に必要な S256 による PKCE に対応していません。

## ブラウザーから返されるリンク

error-invalid-callback = { -point } が使用できないサインインリンクを受け取りました：{ $reason }。
callback-too-long = リンクが 8 KiB を超えています
callback-not-our-redirect = リンクが { -point } のサインインまたはサインアウト用のアドレスではありません
callback-fragment = リンクにフラグメントが含まれています
callback-repeated = リンクに `{ $parameter }` パラメーターが重複して含まれています
callback-missing = リンクに `{ $parameter }` パラメーターがありません
callback-malformed = リンクの `{ $parameter }` パラメーターの形式が正しくありません
error-no-pending-sign-in = { -point } がサインインの応答を受け取りましたが、進行中のサインインはありません。{ -point } からもう一度サインインを開始してください。
error-sign-in-expired = サインインに時間がかかりすぎたため、期限切れになりました。もう一度開始してください。
error-state-mismatch = このサインインの応答は進行中のサインインのものではないため、{ -point } は無視しました。
error-callback-issuer-mismatch = このサインインの応答は { -point } が要求したものとは別の ID プロバイダーから届いたため、{ -point } は無視しました。

## Okta による拒否

error-not-assigned = { -okta } で { -point } に割り当てられていません。
error-access-policy-denied = 組織の { -okta } アクセスポリシーで、{ -point } へのサインインが許可されていません。
error-access-denied = { -okta } がサインインを拒否しました。
error-access-denied-described = { -okta } がサインインを拒否しました：{ $description }。
error-grant-type-not-enabled = { -point } の { -okta } アプリでは、この方法でのサインインが許可されていません。
error-redirect-uri-not-registered = { -point } のサインイン用アドレスが、組織の { -okta } アプリに登録されていません。
error-invalid-client = { -okta } が { -point } の Client ID を認識できません。
error-scope-not-allowed = { -okta } が、{ -point } の要求する権限を拒否しました。
error-scope-not-allowed-described = { -okta } が、{ -point } の要求する権限を拒否しました：{ $description }。
error-login-required = { -okta } にもう一度サインインする必要があります。
error-unmet-authentication = { -okta } は、要求された強度の認証でサインインを完了できませんでした。
error-unmet-authentication-described = { -okta } は、要求された強度の認証でサインインを完了できませんでした：{ $description }。
error-authorization-failed = { -okta } がサインインを完了できませんでした（{ $error }）。
error-authorization-failed-described = { -okta } がサインインを完了できませんでした（{ $error }：{ $description }）。
error-code-rejected = サインインに時間がかかりすぎたか、中断されました。もう一度お試しください。
error-refresh-token-rejected = セッションが終了しました。もう一度サインインしてください。
error-token-request-refused = { -okta } がトークンの発行を拒否しました（{ $error }）。
error-token-request-refused-described = { -okta } がトークンの発行を拒否しました（{ $error }：{ $description }）。
error-missing-id-token = { -okta } の応答に ID トークンが含まれていませんでした。アプリのスコープに openid が含まれていることを確認してください。
error-device-grant-not-offered = 組織の { -okta } では、別のデバイスでのサインインが提供されていません。
error-device-grant-not-enabled = { -point } の { -okta } アプリでは、別のデバイスでのサインインが許可されていません。
error-device-sign-in-denied = 別のデバイスでのサインインが拒否されました。
error-device-code-expired = コードが使用される前に有効期限が切れました。もう一度開始して、新しいコードを取得してください。
error-loopback-unavailable = { -point } は、サインインの応答を受け取るために 127.0.0.1 で待ち受けることができませんでした（{ $detail }）。
error-dpop-proof-refused = { -okta } が { -point } の所有証明（DPoP）を拒否しました。
error-dpop-proof-refused-described = { -okta } が { -point } の所有証明（DPoP）を拒否しました：{ $description }。
error-hardware-key-required = IT 部門の設定により、{ -point } のサインイン用の鍵はこのコンピューターの TPM に保管する必要がありますが、このコンピューターには { -point } が使用できる TPM がありません。
error-key-hardware-unavailable = { -point } は、サインイン情報の鍵を保管しているこのコンピューターの TPM を使用できませんでした（{ $reason }）。{ -point } は再試行します。
error-key-not-on-this-machine = サインイン情報の鍵がこのコンピューターの TPM にありません。サインイン情報が別のコンピューターからコピーされたか、TPM がクリアされました。もう一度サインインしてください。
error-key-unavailable = { -point } は、サインイン情報を保護する鍵を作成することも読み取ることもできませんでした。もう一度サインインしてください。

## ID トークン

error-id-token = { -okta } の ID トークンの検証に失敗しました：{ $reason }。
id-token-unsigned = 署名されていません（alg none）
id-token-symmetric = 共有シークレット方式のアルゴリズム（{ $algorithm }）で署名されており、パブリッククライアントでは信頼できません
id-token-disallowed-algorithm = アルゴリズム { $algorithm } は受け入れられません
id-token-bad-signature = 署名が無効です
id-token-unknown-key = プロバイダーが公開していない鍵で署名されています
id-token-wrong-issuer = 別の発行者によって発行されています
id-token-wrong-audience = 別のアプリケーション向けに発行されています
id-token-missing-authorized-party = 対象者（audience）が複数ありますが、認可された当事者（azp）がありません
id-token-wrong-authorized-party = 認可された当事者（azp）が別のアプリケーションです
id-token-expired = 有効期限が切れています（このデバイスの日付と時刻を確認してください）
id-token-issued-in-future = 発行日時が未来になっています（このデバイスの日付と時刻を確認してください）
id-token-authenticated-in-future = サインインした日時が未来になっています（このデバイスの日付と時刻を確認してください）
id-token-not-yet-valid = まだ有効になっていません（このデバイスの日付と時刻を確認してください）
id-token-wrong-nonce = nonce がこのサインインと一致しません
id-token-missing-nonce = nonce がありません
id-token-wrong-access-token-hash = アクセストークンのハッシュがアクセストークンと一致しません
id-token-wrong-subject = サインイン中のユーザーとは別のユーザーを示しています
id-token-malformed = 形式が正しくありません（{ $detail }）
id-token-weaker-than-asked = 要求された強度（{ $asked }）より弱いサインイン（{ $got }）を示しています
id-token-missing-auth-time = 最近のサインインが要求されましたが、サインインした日時が含まれていません
id-token-authenticated-too-long-ago = 要求されたよりも古いサインインを示しています

## Okta の設定として入力された内容

error-empty-domain = Okta ドメインを入力してください（例：company.okta.com）。
error-not-a-url = 「{ $given }」はウェブアドレスではありません。Okta ドメインを入力してください（例：company.okta.com）。
error-not-https = Okta ドメインは https:// で始まる必要があります。http:// は、このコンピューター上のプロバイダーに対してのみ使用できます。
error-domain-has-credentials = Okta ドメインからユーザー名またはパスワードを削除し、https://company.okta.com の形式で入力してください。
error-domain-has-query = Okta ドメインから「?」または「#」以降をすべて削除してください。
error-admin-console = これは { -okta } の管理コンソールのアドレスです。「-admin」を削除して、{ $suggested } を使用してください。
error-endpoint = これはドメインではなく、{ -okta } のエンドポイントです。{ $suggested } を使用してください。
error-unexpected-path = Okta ドメインは https://company.okta.com、または https://company.okta.com/oauth2/default のようなカスタム認可サーバーである必要があります。
error-empty-client-id = 組織の { -okta } Native App の Client ID を入力してください。
error-malformed-client-id = Client ID にスペースや特殊文字は使用できません。{ -okta } アプリの「General」タブ（「Client Credentials」）からもう一度コピーしてください。
error-client-secret = { -point } はクライアントシークレットを持たない { -okta } Native App としてサインインします。{ -point } 用の Native App（Web App ではありません）を作成し、その Client ID だけを伝えるよう { -okta } 管理者に依頼してください。
error-trusted-roots = 信頼する証明書のファイル { $path } を使用できませんでした：{ $reason }
error-proxy = プロキシ { $proxy } を使用できませんでした：{ $reason }
error-incomplete-managed-okta = IT 部門による { -point } の構成（{ $origin }）では { $given } が設定されていますが、{ $missing } が設定されていないため、{ -point } はサインインできません。okta_domain と client_id の両方を設定するよう IT 部門に依頼してください。

## IT 部門のルールと構成

error-managed-by-it = このコンピューターの { -point } の Okta 設定は IT 部門が管理しているため、ここでは変更できません。
error-email-domain = IT 部門の設定により、{ -point } には { $allowed } のメールアドレスでのみサインインできます。
error-untrusted-okta = IT 部門の設定により、{ -point } は指定された Okta 組織にのみサインインできます。{ $host } はその中に含まれていません。
error-device-sign-in-off = IT 部門が { -point } の別のデバイスでのサインインを無効にしています。このコンピューターのブラウザーでサインインしてください。
error-managed-config-unreadable = IT 部門が設定した構成（{ $origin }）を読み取れません：{ $reason }
error-dashboard-address-refused = { $source } のダッシュボードのアドレス（{ $address }）は https:// のアドレスではないため、{ -point } はサインイン情報を送信しません。https:// で始まる必要があります。
error-proxy-refused = IT 部門が設定したプロキシ（{ $address }）は http:// または https:// のアドレスではないため、修正されるまで { -point } は接続しません。
error-not-configured = { -point } はまだ組織の Okta を認識していません。仕事用メールアドレスを入力するか、手動で設定してください。

## 設定の取得元

source-default = 組み込みの既定値
source-managed = IT 部門が管理
source-user = ユーザー設定
source-environment = 環境変数（開発ビルド）

## セッションとキーチェーン

error-not-signed-in = サインインしていません。
error-session-ended = セッションが終了しました。もう一度サインインしてください。
error-superseded = { -point } がセッションを更新している間に、サインインまたはサインアウトが行われました。
error-email-not-allowed = このアカウントのメールアドレスは、IT 部門が { -point } で許可しているものではありません。
error-sign-in-cancelled = サインインがキャンセルされました。
error-keychain-unavailable = このコンピューターのキーチェーンを使用できません（{ $detail }）。{ -point } は終了するまでサインインしたままにしますが、サインイン情報を記憶できません。
error-keychain-locked = このコンピューターのキーチェーンがロックされているか、アクセスが拒否されました（{ $detail }）。ロックを解除してからもう一度サインインすると、{ -point } がサインイン情報を記憶できます。
error-keychain-too-long = サインインデータがキーチェーンに保存するには大きすぎます（{ $units } 文字。上限は { $limit } 文字）。
error-keychain-failed = キーチェーンでエラーが発生しました（{ $detail }）。
error-keychain-corrupt = { -point } のキーチェーン項目が破損しています。もう一度サインインしてください。

## ダッシュボード

error-dashboard-offline = { -point } はダッシュボードに接続できませんでした。インターネット接続を確認してください。
error-dashboard-timeout = ダッシュボードから時間内に応答がありませんでした。もう一度お試しください。
error-dashboard-tls = { -point } はダッシュボードと安全な接続を確立できませんでした（{ $detail }）。
error-dashboard-refused = ダッシュボードがリクエストを拒否しました（HTTP { $status }）。
# ダッシュボード自身の文言（利用者の言語で要求したもの）。
error-dashboard-said = { $message }
error-dashboard-unavailable = ダッシュボードで問題が発生しています（HTTP { $status }）。数分後にもう一度お試しください。
error-dashboard-unexpected = ダッシュボードからの応答を読み取れませんでした（{ $detail }）。
error-okta-not-connected = 組織がまだ Okta を { -point } に接続していません。管理者が「Organization → Integrations → Okta」で追加できます。

## このコンピューター

error-browser = { -point } はウェブブラウザーを開けませんでした。「ブラウザーをもう一度開く」を使用するか、既定のブラウザーを確認してください。
error-storage = { -point } は設定を保存できませんでした（{ $detail }）。
error-update-failed = { -point } はアップデートできませんでした（{ $detail }）。現在のバージョンのまま動作を続け、後で再試行します。

## より強力なサインイン（ステップアップ）：要求される内容（利用者向けの表現）

step-up-asked = このページには、より強力なサインインが必要です：{ $strength }。
step-up-asked-recent = このページには、最近のサインイン（過去 { $minutes ->
       *[other] { $minutes } 分
    }以内）が必要です：{ $strength }。
acr-1fa-any = いずれか 1 つの認証要素
acr-1fa-pwd = パスワード
acr-2fa-any = 2 つの認証要素
acr-2fa-any-ifpossible = 2 つの認証要素（アカウントに登録されている場合）
acr-phr = セキュリティキーや Okta FastPass など、フィッシング耐性のある認証要素
acr-phrh = セキュリティキーなど、ハードウェアに保持されたフィッシング耐性のある認証要素
acr-other = サインインレベル { $value }
acr-policy = 組織のサインインポリシーで求められる認証

## ヒント：利用者、IT 部門、Okta 管理者ができること

hint-settings-unusable = このコンピューターの { -point } の構成は、IT 部門が修正できます。
hint-email-domain = 仕事用メールアドレスを使用するか、IT 部門にお問い合わせください。
hint-untrusted-okta = IT 部門向け：okta_domain と client_id を設定するか、{ -point } が使用できる Okta ドメインを allowed_okta_domains に列挙してください（docs/it-deployment.md）。
hint-update-failed = この状態が続く場合は、IT 部門が新しいバージョンをインストールできます。
hint-email-not-allowed = 仕事用アカウントでサインインしてください。ブラウザーで別のユーザーとしてサインインしている場合は、先にブラウザーで Okta からサインアウトしてください。
hint-keychain-unavailable-linux = デスクトップセッションで Secret Service のキーリング（GNOME Keyring または KWallet）をインストールして起動し、{ -point } を再起動してください。
hint-keychain-unavailable = { -point } を再起動してください。問題が続く場合は、IT 部門に問い合わせてください。
hint-keychain-locked = キーチェーンのロックを解除してから（通常はログイン時に解除されます）、もう一度サインインしてください。
hint-keychain-failed = もう一度サインインしてください。問題が続く場合は、サポートに問い合わせてください。
hint-assignments = Okta 管理コンソールで「Applications → Applications」→ { -point } Native App →「Assignments」を開き、このユーザー（またはこのユーザーが所属するグループ）を割り当ててください。
hint-access-policy = Okta 管理コンソールで「Security → API → Authorization Servers」→ { -point } が使用するサーバー →「Access Policies」を開き、{ -point } Native App に「Authorization Code」と「Refresh Token」のグラントを許可するポリシーとルールを追加してください。
hint-grant-types = { -point } Native App の「General」設定の「Grant type」で、「Authorization Code」と「Refresh Token」を有効にしてください。
hint-device-grant = { -point } Native App の「General」設定の「Grant type」で「Device Authorization」を有効にしてください。カスタム認可サーバーの場合は、{ -point } 用のアクセスポリシールールでも「Device Authorization」グラントを許可してください（「Security → API → Authorization Servers → Access Policies」）。
hint-redirect-uri = { -point } Native App の「General」設定で、「Sign-in redirect URIs」に org.pointapp.point:/login を、「Sign-out redirect URIs」に org.pointapp.point:/logout を追加してください。
hint-client-id = { -point } Native App の Client ID（「Applications → Applications」→ アプリ →「General」→「Client Credentials」）をコピーし、{ -point } の「Organization → Integrations → Okta」に入力してください。アプリは Web Application ではなく Native Application である必要があります。
hint-scopes = { -point } は openid、profile、email、offline_access を要求します。カスタム認可サーバーの場合は、「Security → API → Authorization Servers → Scopes」と、アクセスポリシールールのスコープを確認してください。
hint-domain = { -point } の「Organization → Integrations → Okta」では、ドメインに Okta 組織の URL（https://company.okta.com）またはカスタム認可サーバーの発行者（issuer）を指定する必要があります。
hint-rate-limit = この組織の Okta のレート制限に達しました。管理コンソールの「Reports → Rate Limits」で、対象のエンドポイントとアプリを確認できます。{ -point } アプリの上限を引き上げるか、ほかに /oauth2/v1/token を頻繁に呼び出しているものを特定してください。
hint-dpop = { -point } Native App で DPoP が必須になっている場合（「General」→「Proof of possession」）は、{ -point }（「Organization → Integrations → Okta」）または IT 部門の管理構成（okta_dpop = true）で、組織の DPoP を有効にしてください。{ -point } は、dpop_signing_alg_values_supported に ES256 が含まれるカスタム認可サーバー（https://company.okta.com/oauth2/…）で DPoP を使用します。
hint-hardware-key-required = IT 部門向け：このコンピューターには { -point } が開ける TPM 2.0 がありません。ファームウェア設定で TPM を有効にして従業員がアクセスできるようにするか（Linux では /dev/tpmrm0：Debian と Ubuntu では tss グループ）、TPM がないコンピューターではソフトウェアでの鍵の保管を許可してください（dpop_key = "hardware-where-available"）。
hint-key-hardware = IT 部門向け：TPM が有効になっていて、このアカウントが TPM を使用できることを確認してください（Linux では /dev/tpmrm0：Debian と Ubuntu では tss グループ）。{ -point } はセッションを維持したまま再試行します。
hint-unmet-authentication = Okta 管理コンソールで { -point } Native App の認証ポリシー（「Security → Authentication Policies」）を確認してください。また、Okta が要求されたレベルを満たせるよう、このユーザーがそのポリシーで許可されているオーセンティケーター（Okta Verify やセキュリティキーなど）に登録されていることを確認してください。
hint-tls = 会社で TLS 通信を検査している場合は、会社のルート証明書を { -point } に設定するよう IT 部門に依頼してください（追加の CA ファイルの設定）。
