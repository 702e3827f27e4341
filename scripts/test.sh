#!/usr/bin/env bash
# Runs every test of Renkei: formatting, build, unit and integration tests on SQLite and on a real
# PostgreSQL server, CLI tests and browser tests in headless Chromium.
#
# Installs what the tests need when it is missing (Debian packages: postgresql, chromium,
# fonts-noto-cjk, python3-aiosmtpd for the SMTP sink, python3-jsonschema), starts a throwaway PostgreSQL server on
# 127.0.0.1 and stops it on exit.
#
#   ./scripts/test.sh                 everything
#   ./scripts/test.sh --filter X      passes the filter to `dotnet test`
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)

say() { printf '\n==> %s\n' "$*"; }

need_packages=()
source scripts/postgres.sh
[ -n "$(pg_bindir)" ] || need_packages+=(postgresql)
command -v "${RENKEI_CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1 || need_packages+=(chromium)
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then need_packages+=(fonts-noto-cjk); fi
# The e-mail tests send through a real SMTP server on loopback: aiosmtpd, run by Debian's python3.
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need_packages+=(python3-aiosmtpd)
# The simulate command's input and output are checked against their JSON Schemas by Debian's jsonschema.
/usr/bin/python3 -c "import jsonschema" >/dev/null 2>&1 || need_packages+=(python3-jsonschema)
if [ ${#need_packages[@]} -gt 0 ]; then
  say "Installing ${need_packages[*]}"
  sudo=()
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Need root (or sudo) to install: ${need_packages[*]}" >&2; exit 1; }
    sudo=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need_packages[@]}" fontconfig >/dev/null
  # Debian starts a cluster of its own on 5432; the tests use their own throwaway server instead.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    "${sudo[@]}" pg_ctlcluster --skip-systemctl-redirect 15 main stop >/dev/null 2>&1 || true
  fi
fi

say "Starting a throwaway PostgreSQL server"
pg_start
trap pg_stop EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export RENKEI_CHROMIUM="${RENKEI_CHROMIUM:-/usr/bin/chromium}"

say "Restoring (locked)"
dotnet restore Renkei.slnx --locked-mode

say "Checking formatting (dotnet format --verify-no-changes)"
dotnet format Renkei.slnx --verify-no-changes --no-restore

say "Building"
dotnet build Renkei.slnx --no-restore -c Release -warnaserror -nologo -clp:ErrorsOnly

say "Testing"
results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test Renkei.slnx --no-build -c Release --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=minimal" "$@" || status=$?

count() { grep -ho "testName=\"[^\"]*\"" "$results"/*.trx 2>/dev/null | grep -c -- "$1" || true; }
failed=$(grep -ho 'outcome="Failed"' "$results"/*.trx 2>/dev/null | wc -l || true)
say "Summary"
echo "  tests run:                $(count 'testName')"
echo "  on SQLite:                $(count '_Sqlite\.')"
echo "  on PostgreSQL:            $(count '_Postgres\.')"
echo "  in Chromium:              $(count 'Browser.Tests\|UiFlowTests')"
echo "  failed:                   $failed"
echo "  duration:                 $(( $(date +%s) - started )) s"
exit $status
