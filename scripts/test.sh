#!/usr/bin/env bash
# The test command (README, .ci/run): sets up what the tests need on a fresh Debian machine, then runs every check.
#   - poppler-utils (pdftotext, pdftoppm, pdffonts), qpdf and Chromium from apt when missing;
#   - PostgreSQL on 127.0.0.1:5432 started if it is down (the suites run on SQLite AND PostgreSQL);
#   - npm ci when node_modules is missing or older than package-lock.json;
#   - typecheck, lint, migration drift (both histories vs prisma/schema.prisma), vitest.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v chromium >/dev/null || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "== starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint .
echo "== migration drift"; npx tsx scripts/db.ts drift
echo "== tests"; npx vitest run
