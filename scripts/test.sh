#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite on every core, then lint and type-check.
# Extra arguments go to pytest: `bash scripts/test.sh -m "not slow"` is the fast run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest -n "${DESK_TEST_WORKERS:-auto}" "$@"
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
.venv/bin/ruff format --check desk_app tests benchmarks scripts
.venv/bin/mypy
