#!/usr/bin/env bash
# Runs the WelfareGraph test suite:   ./test.sh [extra dotnet test arguments, e.g. --filter Periods]
#
# The tests start real programs: a throwaway PostgreSQL 15 cluster (and a streaming replica), a redis-server,
# a headless Chromium (browser tests of the IDE and statement pages), pdftotext (the printed statement) and
# LibreOffice Calc (spreadsheet exports). On Debian/Ubuntu
# as root (CI, containers) this script installs whichever of them is missing; elsewhere it says
# what is missing and carries on, and only the tests that need it fail, each with its own message.
set -euo pipefail

# Work from the repository root whatever the caller's folder: the paths below are relative to it.
cd "$(dirname "${BASH_SOURCE[0]}")"

# --- System programs the tests run --------------------------------------------------------------

missing=()     # human-readable names of what is missing
packages=()    # Debian packages that provide them (installed with their recommends)
lean=()        # Debian packages installed without recommends (LibreOffice's are large and unneeded headless)

if [[ ! -x /usr/lib/postgresql/15/bin/initdb ]]; then
  missing+=("PostgreSQL 15 server (/usr/lib/postgresql/15/bin/initdb)")
  packages+=(postgresql-15)
fi
if [[ ! -x /usr/bin/redis-server ]]; then
  missing+=("Redis server (/usr/bin/redis-server)")
  packages+=(redis-server)
fi
if [[ ! -x /usr/bin/chromium ]]; then
  missing+=("Chromium (/usr/bin/chromium)")
  packages+=(chromium)
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  missing+=("pdftotext (poppler-utils), which reads the printed statement page back")
  packages+=(poppler-utils)
fi
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
  missing+=("LibreOffice Calc (soffice)")
  lean+=(libreoffice-calc)
fi

if (( ${#missing[@]} > 0 )); then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt_log="$(mktemp)"
    # apt's progress is noise in a test log: keep it in a file and show it only if apt fails.
    apt_get() {
      if ! apt-get -q -y -o Dpkg::Use-Pty=0 "$@" >>"$apt_log" 2>&1; then
        echo "apt-get $* failed; its output:" >&2
        tail -n 40 "$apt_log" >&2
        exit 1
      fi
    }
    echo "Installing: ${missing[*]}"
    # Once, and only now that something must be installed: a clean image has no package lists.
    apt_get update
    # Debian 12 ships PostgreSQL 15 as postgresql-15; elsewhere fall back to the distribution's default.
    for i in "${!packages[@]}"; do
      if [[ "${packages[$i]}" == postgresql-15 ]] && ! apt-cache show postgresql-15 >/dev/null 2>&1; then
        packages[i]=postgresql
      fi
    done
    if (( ${#packages[@]} > 0 )); then apt_get install "${packages[@]}"; fi
    if (( ${#lean[@]} > 0 )); then apt_get install --no-install-recommends "${lean[@]}"; fi
    rm -f "$apt_log"
  else
    # Not allowed (or not able) to install: say what is missing and how to get it, then go on.
    echo "WARNING: missing programs; the tests that need them will fail:" >&2
    for item in "${missing[@]}"; do echo "  - $item" >&2; done
    echo "  Install on Debian/Ubuntu with:" >&2
    echo "    sudo apt-get update" >&2
    if (( ${#packages[@]} > 0 )); then echo "    sudo apt-get install ${packages[*]}" >&2; fi
    if (( ${#lean[@]} > 0 )); then echo "    sudo apt-get install --no-install-recommends ${lean[*]}" >&2; fi
    echo "  (or run this script as root on Debian/Ubuntu, which installs them itself)" >&2
  fi
fi

# --- Build tools -----------------------------------------------------------------------------------

# Without these nothing builds, so there is no point in going on.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "ERROR: the .NET SDK (dotnet) is not on PATH; install the SDK named in global.json." >&2
  exit 1
fi
# The server's build fetches the Banana Cake Pop GraphQL IDE with npm.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: node and npm are needed (the build fetches the GraphQL IDE with npm); install Node.js 18 or later." >&2
  exit 1
fi

# --- Tests -------------------------------------------------------------------------------------------

# The repository's local tools (dotnet-tools.json: dotnet-ef), so tests and builds can call them.
dotnet tool restore

# exec: this script's exit code is dotnet test's.
exec dotnet test WelfareGraph.sln \
  --logger "trx;LogFileName=results.trx" \
  --results-directory TestResults \
  "$@"
