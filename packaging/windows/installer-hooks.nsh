; POINT's NSIS installer hooks (bundle.windows.nsis.installerHooks in tauri.windows.conf.json):
; the NSIS counterpart of managed-config.wxs. A silent per-machine install such as
;
;   POINT_0.1.0_x64-setup.exe /S /OKTA_DOMAIN=company.okta.com /CLIENT_ID=0oa...
;
; writes the values given to HKLM\SOFTWARE\Policies\PointApp\POINT, the key the app reads. Options
; not given leave the existing values alone, so an update run (which passes none) keeps them.
; Uninstalling leaves them: they may come from Group Policy (remove with `reg delete`).
; crates/point-config/tests/packaging.rs checks that these names are the ones the app reads.
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!macro POINT_POLICY_VALUE OPTION NAME
  ClearErrors
  ${GetOptions} $R0 "/${OPTION}=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 != ""
    WriteRegStr HKLM "SOFTWARE\Policies\PointApp\POINT" "${NAME}" "$R1"
  ${EndIf}
!macroend

!macro NSIS_HOOK_POSTINSTALL
  Push $R0
  Push $R1
  ${GetParameters} $R0
  SetRegView 64
  !insertmacro POINT_POLICY_VALUE "OKTA_DOMAIN" "OktaDomain"
  !insertmacro POINT_POLICY_VALUE "CLIENT_ID" "ClientId"
  !insertmacro POINT_POLICY_VALUE "API_BASE" "ApiBase"
  !insertmacro POINT_POLICY_VALUE "ALLOWED_EMAIL_DOMAINS" "AllowedEmailDomains"
  !insertmacro POINT_POLICY_VALUE "ALLOWED_OKTA_DOMAINS" "AllowedOktaDomains"
  !insertmacro POINT_POLICY_VALUE "DEVICE_SIGN_IN" "DeviceSignIn"
  !insertmacro POINT_POLICY_VALUE "LOCALE" "Locale"
  !insertmacro POINT_POLICY_VALUE "ACR_VALUES" "AcrValues"
  !insertmacro POINT_POLICY_VALUE "MAX_AUTHENTICATION_AGE" "MaxAuthenticationAge"
  !insertmacro POINT_POLICY_VALUE "DPOP_KEY" "DpopKey"
  !insertmacro POINT_POLICY_VALUE "UPDATES" "Updates"
  !insertmacro POINT_POLICY_VALUE "MAJOR_UPDATES" "MajorUpdates"
  !insertmacro POINT_POLICY_VALUE "UPDATE_URL" "UpdateUrl"
  SetRegView lastused
  Pop $R1
  Pop $R0
!macroend
