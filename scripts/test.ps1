# Set up (if needed) and run the whole test suite on every core, then lint and type-check.
# Extra arguments go to pytest: `scripts\test.ps1 -m "not slow"` is the fast run.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
& powershell -ExecutionPolicy Bypass -File scripts\setup.ps1
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$env:QT_QPA_PLATFORM = "offscreen"
$workers = if ($env:DESK_TEST_WORKERS) { $env:DESK_TEST_WORKERS } else { "auto" }
& .venv\Scripts\python.exe -m pytest -n $workers @args
if ($LASTEXITCODE -eq 5) { Write-Error "pytest collected no tests"; exit 1 }
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\ruff.exe check desk_app tests benchmarks scripts
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\ruff.exe format --check desk_app tests benchmarks scripts
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& .venv\Scripts\mypy.exe
exit $LASTEXITCODE
