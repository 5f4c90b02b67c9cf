# Signs one file for Tauri's bundler (bundle.windows.signCommand in tauri.windows.conf.json):
# Authenticode with SHA-256 and an RFC 3161 timestamp, then checks the signature.
#
# From the environment of the release build:
#   POINT_WINDOWS_CERT_THUMBPRINT  SHA-1 thumbprint of the code-signing certificate in the
#                                  build machine's certificate store (a hardware token or cloud
#                                  HSM exposes its certificate there through its CSP)
#   POINT_TIMESTAMP_URL            RFC 3161 timestamp server (default http://timestamp.digicert.com)
#   POINT_SIGNTOOL                 signtool.exe to use (default: the one on PATH)
#   POINT_ALLOW_UNSIGNED=1         developer builds only: skip signing instead of failing
param([Parameter(Mandatory = $true)][string]$File)
$ErrorActionPreference = 'Stop'

if (-not $env:POINT_WINDOWS_CERT_THUMBPRINT) {
    if ($env:POINT_ALLOW_UNSIGNED -eq '1') {
        Write-Warning "POINT_ALLOW_UNSIGNED=1: $File is NOT signed. Never ship this build."
        exit 0
    }
    throw "POINT_WINDOWS_CERT_THUMBPRINT is not set: the release build cannot sign $File. Set it to the code-signing certificate's thumbprint (or POINT_ALLOW_UNSIGNED=1 for a developer build)."
}
$timestamp = if ($env:POINT_TIMESTAMP_URL) { $env:POINT_TIMESTAMP_URL } else { 'http://timestamp.digicert.com' }
$signtool = if ($env:POINT_SIGNTOOL) { $env:POINT_SIGNTOOL } else { 'signtool.exe' }

& $signtool sign /sha1 $env:POINT_WINDOWS_CERT_THUMBPRINT /fd sha256 /tr $timestamp /td sha256 /d POINT $File
if ($LASTEXITCODE -ne 0) { throw "signtool could not sign $File (exit code $LASTEXITCODE)" }
& $signtool verify /pa /q $File
if ($LASTEXITCODE -ne 0) { throw "the signature of $File does not verify (exit code $LASTEXITCODE)" }
