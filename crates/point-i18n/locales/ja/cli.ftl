# `point doctor`、`point sign-in --device`、サポートバンドルの文言（日本語）。原文は en/cli.ftl です。
# すべての言語がまったく同じメッセージと変数を持ちます。（用語 -point と -okta は errors.ftl で
# 定義されており、このファイルと一緒に読み込まれます。）

## point doctor：各チェックの結果と名前

doctor-pass = OK
doctor-fail = 失敗
doctor-warn = 警告
doctor-skip = スキップ
doctor-fix = 対処
doctor-all-passed = すべてのチェックに合格しました。
doctor-some-failed = 一部のチェックに失敗しました。
doctor-check-runtime = ランタイム
doctor-check-configuration = 構成
doctor-check-okta-domain = Okta ドメイン
doctor-check-discovery = ディスカバリー
doctor-check-clock = 時計
doctor-check-okta-app = Okta アプリ
doctor-check-proof-of-possession = 所有証明
doctor-check-pkce = pkce
doctor-check-offline-access = offline_access
doctor-check-sign-out-endpoints = サインアウトのエンドポイント
doctor-check-device-sign-in = 別のデバイスでのサインイン
doctor-check-provider-capabilities = プロバイダーの機能
doctor-check-proxy = プロキシ
doctor-check-deep-links = ディープリンク
doctor-check-keychain = キーチェーン
doctor-check-dashboard = ダッシュボード
doctor-check-updates = アップデート
doctor-check-log = ログ
doctor-check-dpop-key = DPoP 鍵

## point doctor：各チェックで見つかった内容と対処

doctor-runtime-failed = { -point } はチェックを開始できませんでした（{ $detail }）
doctor-runtime-fix = 再起動して、もう一度お試しください。
# 適用中の構成。各行を "; " で連結したもの。
doctor-lines = { $lines }
doctor-configuration-fix = { -point } の管理構成を修正するよう IT 部門に依頼してください（docs/it-deployment.md を参照）。
doctor-issuer-org = 発行者は { $issuer } です（{ -okta } の組織認可サーバー）
doctor-issuer-custom = 発行者は { $issuer } です（カスタム認可サーバー）
doctor-okta-not-set = Okta ドメインと Client ID が設定されていません
doctor-okta-not-set-fix = 仕事用メールアドレスでサインインするか、手動で設定するか、{ -point } の管理構成を IT 部門に依頼してください。
doctor-discovery-skipped = 使用できる Okta ドメインがありません
doctor-discovery-passed = { $url } は、信頼されたルート証明書による TLS で応答します
doctor-discovery-fix = ネットワーク、Okta ドメイン、および（TLS 検査を行う環境では）追加の CA ファイルを確認してください。
doctor-capabilities-skipped = ディスカバリーが成功しませんでした
doctor-proxy-setting-fix = proxy に http:// または https:// のアドレスを設定するよう IT 部門に依頼してください。
doctor-ca-file-fix = 追加の CA ファイルの設定（証明書の PEM ファイル）を修正してください。
doctor-dashboard-address-fix = ダッシュボードのアドレス（api_base / ApiBase）に https:// のアドレスを設定するか、削除して { -point } の既定のアドレスを使用してください。
doctor-dashboard-url-invalid = ダッシュボードの URL が無効です
doctor-dashboard-url-fix = ダッシュボード API のベース URL を修正してください。
doctor-dashboard-answers = { $address } は応答しています
doctor-dashboard-answered = { $address } は HTTP { $status } を返しました
doctor-dashboard-check-fix = ダッシュボード API のベース URL を確認してください。
doctor-network-fix = ネットワーク（および TLS 検査を行う環境では追加の CA ファイル）を確認してください。
doctor-clock-off = このデバイスの時計は { -okta } より約 { $minutes } 分{ $direction ->
        [behind] 遅れています
       *[ahead] 進んでいます
    }（{ -point } は補正しますが、ほかのアプリは補正しない場合があります）
doctor-clock-fix = システム設定で日付と時刻の自動設定を有効にしてください（Linux：timedatectl set-ntp true、Windows：設定 → 時刻と言語 → 時刻を自動的に設定する、macOS：システム設定 → 一般 → 日付と時刻）。
doctor-clock-ok = このデバイスの時計と { -okta } の時計の差は { $offset } 秒以内です
doctor-log = { -point } のログの出力先：{ $path }
doctor-log-none = このアカウントにはデータフォルダーがありません：{ -point } のログは stderr にのみ出力されます
doctor-scheme-could-not-run = xdg-mime を実行できませんでした（{ $detail }）
doctor-scheme-install-xdg-utils = xdg-utils をインストールしてください。
doctor-scheme-fix = org.pointapp.point: リンクを登録する { -point } のパッケージを再インストールするか、次のコマンドを実行してください：xdg-mime default point.desktop x-scheme-handler/org.pointapp.point
doctor-scheme-none = org.pointapp.point: リンクを処理するアプリケーションがありません
doctor-scheme-handled = { $handler } が org.pointapp.point: リンクを処理します
doctor-scheme-no-argument = { $handler } が org.pointapp.point: リンクを処理しますが、Exec 行に %u がないため、リンクが渡されません
doctor-scheme-not-installed = ハンドラー { $handler } がインストールされていません
doctor-scheme-windows = org.pointapp.point: は { $command } を開きます
doctor-scheme-windows-no-argument = org.pointapp.point: はリンクを渡さずに { $command } を開きます
doctor-scheme-windows-unregistered = org.pointapp.point: リンクが登録されていません
doctor-reinstall = { -point } を再インストールしてください。
doctor-reinstall-registers = { -point } を再インストールしてください（インストーラーがリンクの種類を登録します）。
doctor-scheme-bundle = インストールされたアプリバンドルの Info.plist によって登録されています（ここではチェックしません）
doctor-keychain-ok = テスト用の項目を書き込み、読み取り、削除しました
doctor-key-software = ソフトウェア（キーチェーン内のリフレッシュトークンと同じ場所。キーチェーン項目をコピーすると鍵も一緒にコピーされます）
doctor-key-tpm = このコンピューターの TPM（別のコンピューターにはコピーできません）
doctor-key-session = このセッションの鍵の保管先：{ $key }。{ $new }
doctor-key-new-software-policy = 新しい鍵はソフトウェアで保管されます（IT 部門の設定 dpop_key = software）
doctor-key-new-tpm = 新しい鍵はこのコンピューターの TPM で作成されます（{ $tpm }）
doctor-key-new-software-no-tpm = このコンピューターには { -point } が使用できる TPM がありません：新しい鍵はソフトウェアで保管されます
doctor-key-new-software-tpm-unusable = TPM を使用できませんでした（{ $reason }）：新しい鍵はソフトウェアで保管されます
doctor-key-required-no-tpm = IT 部門は TPM 内の鍵を必須にしています（dpop_key = hardware-required）が、このコンピューターには { -point } が使用できる TPM がありません：サインインは拒否されます
doctor-key-required-tpm-unusable = IT 部門は TPM 内の鍵を必須にしています（dpop_key = hardware-required）が、TPM を使用できませんでした（{ $reason }）：サインインは拒否されます
doctor-key-tpm-fix = ファームウェア設定で TPM を有効にし、このアカウントに TPM へのアクセスを許可してください（Linux では /dev/tpmrm0：Debian と Ubuntu では tss グループ）。
doctor-okta-app-no-code-grant = { -okta } は Client ID { $client } とリダイレクト URI を受け入れますが、アプリが「Authorization Code」グラントを使用できない可能性があります
doctor-okta-app-no-code-grant-fix = Okta 管理者向け：{ -point } Native App の「General」設定の「Grant type」で、「Authorization Code」と「Refresh Token」を有効にしてください。
doctor-okta-app-ok = { -okta } は Client ID { $client } とリダイレクト URI { $redirect } を受け入れます
doctor-okta-app-redirect-refused = { -okta } は Client ID { $client } のリダイレクト URI { $redirect } を拒否しています（HTTP { $status }）
doctor-okta-app-redirect-fix = Okta 管理者向け：{ -point } Native App の「General」設定で、「Sign-in redirect URIs」に org.pointapp.point:/login を、「Sign-out redirect URIs」に org.pointapp.point:/logout を追加してください。
doctor-okta-app-client-refused = { -okta } は Client ID { $client } を受け入れません（HTTP { $status }）
doctor-okta-app-client-fix = { -point } Native App（ウェブサイト用のアプリではありません）の Client ID を「Applications → Applications」→ アプリ →「General」からコピーし、{ -point } の「Organization → Integrations → Okta」（または IT 部門の管理構成）に入力してください。
doctor-okta-app-refused = { -okta } は、Client ID { $client }、リダイレクト URI { $redirect } のサインイン要求を拒否しました（HTTP { $status }）
doctor-okta-app-refused-fix = Okta 管理者向け：その Client ID が、「Authorization Code」グラントとサインインリダイレクト URI org.pointapp.point:/login を持つ Native App のものであることを確認してください。
doctor-network-retry-fix = ネットワークを確認して、もう一度お試しください。
doctor-dpop-bound = DPoP：各セッションのトークンは、セッションごとの専用の鍵にバインドされています（鍵の保管先は「DPoP 鍵」のチェックで確認できます）
doctor-dpop-offered = DPoP が提供されています：{ -point } Native App で必須の場合、{ -point } はトークンを鍵にバインドします（その場合 { -okta } は証明のない要求を拒否し、{ -point } は証明を送信します）
doctor-dpop-org-server = 組織は DPoP を要求していますが、Okta ドメインが組織認可サーバーです。そのアクセストークンはダッシュボードが userinfo で確認するため（ダッシュボードが作成できない証明が必要になります）、{ -point } は DPoP を使用せずにサインインします
doctor-dpop-org-server-fix = Okta 管理者向け：{ -point } にカスタム認可サーバー（https://company.okta.com/oauth2/default）を使用するか、{ -point } Native App の「Require DPoP」をオフにしてください。
doctor-dpop-no-es256 = 組織は DPoP を要求していますが、認可サーバーの dpop_signing_alg_values_supported に ES256 が含まれていません：{ -point } は DPoP を使用せずにサインインします
doctor-dpop-no-es256-fix = Okta 管理者向け：「OAuth 2.0 Demonstrating Proof-of-Possession」機能を有効にしてください（「Settings → Features」）。
doctor-dpop-not-used = 使用していません：ベアラートークン（{ -point } Native App は DPoP を必須にしていません）
doctor-pkce-ok = S256 が code_challenge_methods_supported に含まれています
doctor-pkce-missing = 認可サーバーが S256 による PKCE に対応していません
doctor-pkce-fix = { -point } には Okta の認可サーバー（常に S256 に対応）が必要です。Okta ドメインが Okta 組織の URL またはカスタム認可サーバーの発行者（issuer）であることを確認してください。
doctor-offline-access-ok = offline_access が scopes_supported に含まれています
doctor-offline-access-missing = 認可サーバーが offline_access を提供していないため、{ -point } はサインインしたままにできません
doctor-offline-access-fix = Okta 管理者向け：「Security → API → Authorization Servers」→ { -point } が使用するサーバー →「Scopes」に offline_access が含まれている必要があります。また、{ -point } Native App に「Refresh Token」グラントタイプが必要です。
doctor-sign-out-ok = 失効エンドポイントとセッション終了エンドポイントが公開されています
doctor-sign-out-missing = 失効エンドポイントまたはセッション終了エンドポイントがありません
doctor-sign-out-fix = Okta の認可サーバーを使用してください。どちらのエンドポイントも、すべての Okta サーバーのディスカバリードキュメントに含まれています。
doctor-device-offered = 提供されています（{ $endpoint }）。{ -point } Native App には「Device Authorization」グラントタイプも必要です
doctor-device-missing = 認可サーバーが device_authorization_endpoint を公開していないため、`point sign-in --device` は動作しません
doctor-device-missing-fix = 使用できるブラウザーがないマシンでのみ必要です。Okta 管理者向け：「Device Authorization」グラントに対応した Okta の認可サーバーを使用し、{ -point } Native App でそのグラントタイプを有効にしてください。
doctor-updates-refused = アップデートのアドレス { $address }（{ $source }）は https:// の URL ではないため、アプリ内アップデートは無効です
doctor-updates-refused-fix = UpdateUrl（update_url）にアップデートサーバーの https:// アドレスを設定するか、削除してください。
doctor-updates-off = アプリ内アップデートは無効です（{ $source }）
# $mode と $major は IT 部門の設定値（update_mode、major_updates）で、IT 部門が記述したとおりに表示されます。
doctor-updates = { $address } から { $mode }、新しいメジャーバージョン：{ $major }（{ $source }）
doctor-proxy-through = { $address } 経由（{ $source }）
doctor-proxy-environment = 環境変数 { $name }={ $address }
doctor-proxy-system = システムのプロキシ設定
doctor-proxy-none = なし：直接接続します（環境変数にプロキシの指定なし）
doctor-proxy-fix = proxy / Proxy に http://proxy.corp.example:3128 のようなアドレスを設定するか、削除してシステムの設定を使用してください。

## 適用中の構成（1 項目につき 1 行。point doctor とサポートバンドル）

config-okta-issuer = Okta の発行者：{ $issuer }（{ $source }）
config-client-id = Client ID：{ $client }（{ $source }）
config-okta-not-set = Okta：未設定
config-okta-not-set-because = Okta：未設定（{ $problem }）
config-dashboard = ダッシュボード：{ $address }（{ $source }）
config-extra-roots = 追加の信頼されたルート証明書：{ $path }（{ $source }）
config-sign-in-minimum = サインインの最低要件：{ $strength }（{ $classes }）
config-dpop-key = DPoP 鍵の保管先：{ $policy }（IT 部門の設定 dpop_key）
config-authentication-age = 再サインインまでの時間：{ $minutes ->
       *[other] { $minutes } 分
    }
config-managed = 管理構成：{ $origin }
config-managed-none = 管理構成：なし
config-allowed-email-domains = 許可されたメールドメイン：{ $domains }

## サポートバンドル（利用者がサポートに送付します。ログの行は記録されたままです）

bundle-title = { -point } サポートバンドル
bundle-created = 作成日時：{ $seconds }（1970 年からの秒数、UTC）
bundle-app-development = アプリ：{ -point } { $version }（開発ビルド）
bundle-app-release = アプリ：{ -point } { $version }（リリース版）
bundle-os = OS：{ $os }
bundle-configuration = 適用中の構成
bundle-settings-problem = 設定の問題：{ $problem }
bundle-session = セッション：{ $state }
bundle-doctor = point doctor の結果
bundle-log = ログの最後の { $lines } 行
bundle-no-log-folder = （ログフォルダーなし）
bundle-state-signed-out = サインアウト済み
bundle-state-restoring = 復元中
bundle-state-signing-in = サインイン中（ブラウザーを待機中）
bundle-state-signed-in = サインイン済み
bundle-state-offline = オフライン（サインイン済み、再試行中）
bundle-state-ended = プロバイダーにより終了
bundle-state-not-set-up = 未設定

## point sign-in --device

device-usage = 使い方: point sign-in --device
    別のデバイスでサインインします。{ -point } がページとコードを表示するので、スマートフォンまたは
    別のコンピューターでそのページを開き、コードを確認してそちらでサインインしてください。{ -point } が
    使用できるブラウザーのないマシン（SSH セッション、キオスク端末）向けです。ウィンドウからは、
    このコンピューターのブラウザーを使ってサインインします。
device-could-not-start = { -point } を起動できませんでした：{ $detail }
device-already-signed-in = { -point } には { $who } のセッションがすでにあります。別のユーザーとしてサインインするには、{ -point } のウィンドウでサインアウトしてください。
device-signed-in = { $who } としてサインインしました。次回の起動時から、{ -point } はサインインした状態で開きます（起動中の場合は先に終了してください）。
device-open-page = { -point } にサインインするには、スマートフォンまたは別のコンピューターで次のページを開いてください：
device-enter-code = 次のコードを入力してください：
device-page-with-code = （またはコードが含まれている { $page } を開いてください）
device-waiting = { $minutes ->
       *[other] コードの有効期間は { $minutes } 分です。サインインを待っています…
    }

## mail

mail-subject = { -point } サポートのお問い合わせ
mail-describe = 発生した内容をここに記入してください。
mail-attach = { -point } が保存したサポートバンドルを添付してください：{ $path }
