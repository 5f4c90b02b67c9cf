# POINT ウィンドウの文言（日本語）。原文は en/window.ftl です。
# メッセージ ID は契約です: ui/index.html は data-l10n-id で、ui/main.js は t("…") で参照します。
# .attributes を持つメッセージは、その要素の属性（placeholder、aria-label、alt）を設定します。
# 用語（-point、-okta）は製品名です。翻訳しないでください。

-point = POINT
-okta = Okta

## バナー

offline-banner = オフラインです。{ -point } は最後に取得した情報を表示し、再接続を試み続けます。
offline-banner-reason = オフラインです。{ -point } は最後に取得した情報を表示し、再接続を試み続けます。（{ $reason }）
notice-dismiss = 閉じる

## 起動中

starting-lead = 起動しています…

## ようこそ

welcome-title = { -point } へようこそ
welcome-lead = ダッシュボードを表示するには、会社の { -okta } アカウントでサインインしてください。
work-email-label = 仕事用メールアドレス
work-email =
    .placeholder = you@company.com
email-help-find = { -point } はこのアドレスを使って、組織の { -okta } を見つけます。
email-help-suggest = { -point } はこのアドレスを { -okta } に入力候補として渡します。
# $domains: 許可されたメールドメイン。連結済み（「example.com または example.org」）。
email-help-domains = { $domains } の仕事用メールアドレスを使用してください。
sign-in = { -okta } でサインイン
add-cancel = キャンセル
welcome-organizations-title = ほかの組織
someone-else = 別のユーザーとしてサインイン
device-sign-in = 別のデバイスでサインイン
manual-setup = 手動で設定
managed-note = このコンピューターの { -point } の { -okta } 設定は、IT 部門が管理しています。
browser-note = サインインするとウェブブラウザーが開きます。{ -point } がパスワードを見ることはありません。
session-ended-notice = セッションが終了しました。もう一度サインインしてください。
# $problem: 設定を使用できない理由（文）。
settings-problem-notice = { -point } の { -okta } 設定を使用できません：{ $problem }
settings-source = { -okta } の設定：{ $source }
add-organization-title = 組織を追加
# $organization: 現在使用中の組織。
add-organization-lead = 追加する組織の仕事用メールアドレスでサインインしてください。{ $organization } はサインインしたままになります。
add-organization-lead-unnamed = 追加する組織の仕事用メールアドレスでサインインしてください。現在使用中の組織はサインインしたままになります。

## 手動設定

setup-title = 手動で設定
setup-lead = これらの値は、{ -okta } 管理者が { -point } 用の { -okta } Native App から確認して提供できます。
okta-domain-label = { -okta } ドメイン
okta-domain =
    .placeholder = company.okta.com
client-id-label = Client ID
client-id =
    .placeholder = 0oa…
save-setup = 保存
setup-back = 戻る

## 別のデバイスでのサインイン

device-title = 別のデバイスでサインイン
device-lead = スマートフォンまたは別のコンピューターでこのページを開き、コードを入力してください。
# $time: コードの有効期限。利用者のロケールに合わせて書式設定済み。
device-code-valid-until = コード（有効期限：{ $time }）
device-qr =
    .alt = コードを含むページの QR コード：スマートフォンのカメラでスキャンしてください
device-continues = そちらでサインインが完了すると、{ -point } は自動的に続行します。
device-cancel = キャンセル

## ブラウザーの待機

waiting-spinner =
    .aria-label = ブラウザーを待っています
waiting-title = ブラウザーで続行してください
waiting-lead = 組織の { -okta } ページでサインインしてください。完了すると { -point } が続行します。
open-again = ブラウザーをもう一度開く
cancel-sign-in = キャンセル

## ダッシュボード

signed-in-fallback-name = サインイン済み
refresh = 更新
sign-out = サインアウト
organization-switcher =
    .aria-label = 所属する組織
add-organization = 組織を追加
metrics-title = 主要指標
activity-title = 最近のアクティビティ
signing-you-in = サインインしています…
loading-dashboard = ダッシュボードを読み込んでいます…
# $time: 表示中のダッシュボードを取得した日時。書式設定済み。
dashboard-offline = オフライン：{ $time } 時点のダッシュボードを表示しています。
dashboard-restoring = サインインしています… { $time } 時点のダッシュボードを表示しています。
dashboard-stale = ダッシュボードが応答しません：{ $time } 時点の内容を表示しています。{ -point } は再試行を続けます。
# $change: 前期からの変化率（0.062 は 6.2 %）。 Formatted by the window as a percentage.
metric-change-up = ▲ 前期比 { $change }
metric-change-down = ▼ 前期比 { $change }
# $actor: 実行した人、$summary: 実行した内容（どちらもダッシュボードから、その言語のまま）。
activity-item = { $actor }：{ $summary }
# $organization: 組織の名前。
switch-to = { $organization } に切り替え
organization-signed-in = サインイン済み
organization-signed-out = サインアウト済み

## サインアウト

sign-out-title = { -point } からサインアウトしますか？
sign-out-text = ダッシュボードを表示するには、もう一度サインインする必要があります。
end-okta-session = ブラウザーの { -okta } からもサインアウトする（ほかの { -okta } アプリも対象）
end-okta-decided = IT 部門の設定により、ブラウザーの { -okta } からもサインアウトされます。
sign-out-cancel = キャンセル
sign-out-confirm = サインアウト

## エラー

error-title-sign-in = サインインできませんでした
error-title-sign-out = サインアウトが完了しませんでした
error-title-browser = { -point } がブラウザーを開けませんでした
error-title-keychain = キーチェーンを使用できませんでした
error-title-storage = { -point } が設定を保存できませんでした
error-title-update = アップデートできませんでした
error-title-settings = { -point } の設定を確認してください
error-title-account = このアカウントはここでは使用できません
error-title-dashboard = ダッシュボードが応答しませんでした
error-title-not-connected = 組織はまだ { -okta } に接続されていません
error-title-step-up = より強力なサインインが必要です
error-title-session-ended = セッションが終了しました
error-hint-title = { -okta } 管理者向けの情報
error-step-up = もう一度サインイン
error-retry = 再試行
error-someone-else = 別のユーザーとしてサインイン
copy-details = 詳細をコピー
details-copied = 詳細をコピーしました。
copied-problem = { -point } のサインインの問題：{ $code }
copied-admin-step = 管理者の手順：{ $hint }
copied-state = 状態：{ $state }
copied-time = 時刻：{ $time }
contact-support = サポートに問い合わせる
email-support = サポートにメールする
support-collecting = サポートに必要な情報を収集しています（数秒かかります）…
# $path: 書き出したファイル、$email、$url: サポートのアドレスとページ。
support-saved = { $path } を保存しました。{ $email } 宛てのメールに添付してください（または { $url } をご覧ください）。

## アップデート

# $version: 提供されるバージョン。
update-available = { -point } { $version } が利用可能です。
update-available-major = { -point } { $version } は新しいメジャーバージョンです。{ -point } の動作が変わる可能性があります。
update-installing = { -point } { $version } をインストールしています…
update-restart = { -point } { $version } をインストールしました。使用するには { -point } を再起動してください。
update-failed = { -point } { $version } をインストールできませんでした。
# $reason: 理由（文）。
update-failed-reason = { -point } { $version } をインストールできませんでした：{ $reason }
update-install = インストール
update-restart-now = 今すぐ再起動
update-try-again = 再試行
update-confirm-major = { -point } { $version } をインストールしますか？新しいメジャーバージョンのため、IT 部門がまだ検証していない可能性があります。
update-confirm-major-action = はい、インストールする
