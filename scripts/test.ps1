# Set up (if needed) and run the whole test suite, then lint.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& powershell -ExecutionPolicy Bypass -File scripts\setup.ps1
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$env:QT_QPA_PLATFORM = "offscreen"
& .venv\Scripts\python.exe -m pytest @args
if ($LASTEXITCODE -eq 5) { Write-Error "pytest collected no tests"; exit 1 }
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\ruff.exe check desk_app tests benchmarks scripts
exit $LASTEXITCODE
