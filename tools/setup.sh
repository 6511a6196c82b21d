#!/usr/bin/env bash
# Installs what the tests and the demo need beyond the .NET SDK: socat (serial pty pairs for the
# station tests), openssl (fixture certificates), cmake, g++ and GoogleTest (native interop tests), and
# ninja (the nanoCLR build of tools/nanoframework), and AWS's own clients for the control-plane tests: the
# AWS CLI v2 (Debian's awscli, /usr/bin/aws) and @aws-sdk/client-iot (npm ci in tests/aws-clients, Node.js 20+).
#   tools/setup.sh                      install (needs root or sudo, Debian/Ubuntu)
#   tools/setup.sh --check-or-install   install only what is missing; fail clearly if that is impossible
set -euo pipefail
need=()
command -v socat >/dev/null || need+=(socat)
command -v openssl >/dev/null || need+=(openssl)
command -v cmake >/dev/null || need+=(cmake)
command -v ninja >/dev/null || need+=(ninja-build)
command -v g++ >/dev/null || need+=(g++)
[[ -f /usr/include/gtest/gtest.h ]] || need+=(libgtest-dev)
[[ -x /usr/bin/aws ]] || need+=(awscli)
{ command -v node >/dev/null && command -v npm >/dev/null; } || need+=(nodejs npm)
# PostgreSQL 15 server binaries: the record-store tests start their own throwaway server (initdb + pg_ctl).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
# Headless Chromium for the station dashboard's browser tests (Playwright drives /usr/bin/chromium).
[[ -x /usr/bin/chromium ]] || need+=(chromium)
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 2; }
if [[ "${1:-}" != "--check-or-install" ]]; then need+=(socat openssl cmake ninja-build g++ libgtest-dev awscli); fi
# @aws-sdk/client-iot as tests/aws-clients/package-lock.json pins it; skipped when node_modules already matches the lock.
aws_clients() {
  local dir lock
  dir="$(dirname "$0")/../tests/aws-clients"
  lock="$dir/node_modules/.package-lock.json"
  [[ -f "$lock" && "$lock" -nt "$dir/package-lock.json" ]] && return 0
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if (( major < 20 )); then
    echo "setup: @aws-sdk/client-iot needs Node.js 20 or later, found $(node --version); install a newer nodejs (e.g. from NodeSource)" >&2
    exit 2
  fi
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}
if (( ${#need[@]} == 0 )); then aws_clients; exit 0; fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: missing ${need[*]}; run as root: apt-get install ${need[*]}" >&2; exit 2; }
  sudo=sudo
fi
echo "setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
aws_clients
