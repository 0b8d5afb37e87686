#!/usr/bin/env bash
# Set up (if needed), create a demo estate once, and start the desk app on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB="${DESK_DEMO_DB:-demo/desk-demo.sqlite3}"
mkdir -p "$(dirname "$DB")"
if [ ! -f "$DB" ]; then
  .venv/bin/desk-app --db "$DB" demo --units 2000 --years 5
fi
exec .venv/bin/desk-app --db "$DB"
