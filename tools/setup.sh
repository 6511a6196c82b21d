#!/usr/bin/env bash
# Installs what the tests and the demo need beyond the .NET SDK: socat (serial pty pairs for the
# station tests), openssl (fixture certificates), cmake, g++ and GoogleTest (native interop tests), and
# ninja (the nanoCLR build of tools/nanoframework).
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
# PostgreSQL 15 server binaries: the record-store tests start their own throwaway server (initdb + pg_ctl).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
# Headless Chromium for the station dashboard's browser tests (Playwright drives /usr/bin/chromium).
[[ -x /usr/bin/chromium ]] || need+=(chromium)
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 2; }
if [[ "${1:-}" != "--check-or-install" ]]; then need+=(socat openssl cmake ninja-build g++ libgtest-dev); fi
if (( ${#need[@]} == 0 )); then exit 0; fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: missing ${need[*]}; run as root: apt-get install ${need[*]}" >&2; exit 2; }
  sudo=sudo
fi
echo "setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
