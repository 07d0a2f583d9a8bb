#!/usr/bin/env bash
# Runs every test of every module: unit tests, the HTTP integration tests on loopback, the browser tests in
# Debian's Chromium and the database tests on a throwaway PostgreSQL cluster (started by the tests
# themselves), installing what the tests need from Debian when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v mvn >/dev/null 2>&1 || need+=(maven)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DJL_OFFLINE=true
exec mvn -B -ntp verify "$@"
