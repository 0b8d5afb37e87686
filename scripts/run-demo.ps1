# Set up (if needed), create a demo estate once, and start the desk app on it.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& powershell -ExecutionPolicy Bypass -File scripts\setup.ps1
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$db = "demo\desk-demo.sqlite3"
New-Item -ItemType Directory -Force -Path demo | Out-Null
if (-not (Test-Path $db)) {
    & .venv\Scripts\desk-app.exe --db $db demo --units 2000 --years 5
}
& .venv\Scripts\desk-app.exe --db $db
