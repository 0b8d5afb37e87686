#!/usr/bin/env bash
# Freeze the desk app with PyInstaller (one-folder build) and smoke-test the result.
#
#   bash packaging/freeze_and_selftest.sh [OUT]
#
# OUT (default: a new temporary folder) receives dist/ and build/; nothing is written
# inside the repository. Uses the repository's .venv (created by scripts/setup.sh when
# missing) and installs PyInstaller into it when missing. Runs the frozen
# `desk-app --version`, `desk-app selftest` (offscreen) and a `demo` + `check` on a
# temporary database, then prints the build time, the folder size and its 15 largest
# files. Exits non-zero on the first failure.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/desk-app-freeze.XXXXXX")}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
case "$OUT/" in
  "$REPO"/*)
    case "$OUT/" in
      "$REPO"/build/* | "$REPO"/dist/*) ;;
      *) echo "OUT must be outside the repository (or under its build/ or dist/): $OUT" >&2; exit 2 ;;
    esac
    ;;
esac

cd "$REPO"
if [ ! -x .venv/bin/python ]; then
  echo "== .venv missing: running scripts/setup.sh"
  bash scripts/setup.sh
fi
if ! .venv/bin/python -c "import PyInstaller" >/dev/null 2>&1; then
  echo "== installing PyInstaller into .venv"
  .venv/bin/pip install --quiet 'pyinstaller>=6.5'
fi
echo "== PyInstaller $(.venv/bin/python -m PyInstaller --version), $(.venv/bin/python --version)"

DIST="$OUT/dist"
APP_DIR="$DIST/desk-app"
APP="$APP_DIR/desk-app"
LOG="$OUT/pyinstaller.log"

echo "== freezing into $DIST (log: $LOG)"
start=$(date +%s)
if ! .venv/bin/python -m PyInstaller packaging/desk_app.spec --noconfirm --clean \
    --log-level WARN --distpath "$DIST" --workpath "$OUT/build" >"$LOG" 2>&1; then
  tail -n 40 "$LOG" >&2
  echo "FAILED: pyinstaller (full log: $LOG)" >&2
  exit 1
fi
build_seconds=$(( $(date +%s) - start ))
echo "== built in ${build_seconds} s"

# The checks run in a scratch folder with their own data folder, never the user's.
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/desk-app-smoke.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
export DESK_APP_DATA_DIR="$SCRATCH/data"
export DESK_APP_SETTINGS_DIR="$SCRATCH/data/settings"
unset DESK_APP_DB

failures=0
check() {
  local label="$1"
  shift
  echo "== $label: $*"
  local status=0
  (cd "$SCRATCH" && "$@") || status=$?
  if [ "$status" != "0" ]; then
    echo "FAILED ($status): $label" >&2
    failures=$((failures + 1))
  fi
}

check "version" "$APP" --version
check "selftest" env QT_QPA_PLATFORM=offscreen "$APP" selftest
check "demo" "$APP" --db "$SCRATCH/demo.sqlite3" demo --units 50 --years 1
check "check" "$APP" --db "$SCRATCH/demo.sqlite3" check

echo "== build time: ${build_seconds} s"
echo "== size: $(du -sh "$APP_DIR" | cut -f1)  ($APP_DIR)"
echo "== largest 15 files:"
# awk reads everything (no head), so no SIGPIPE trips pipefail.
find "$APP_DIR" -type f -printf '%s\t%P\n' | sort -rn |
  awk -F'\t' 'NR <= 15 { printf "%8.1f MB  %s\n", $1 / 1048576, $2 }'

if [ "$failures" != "0" ]; then
  echo "== $failures check(s) FAILED" >&2
  exit 1
fi
echo "== all checks passed"
