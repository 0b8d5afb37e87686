#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, then lint.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" = "5" ]; then
  echo "pytest collected no tests: failing." >&2
  exit 1
fi
if [ "$status" != "0" ]; then
  exit "$status"
fi
.venv/bin/ruff check desk_app tests benchmarks scripts
