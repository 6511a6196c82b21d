#!/usr/bin/env bash
# Runs every test suite: the .NET tests, the nanoFramework-profile build with its IL check, and the
# native interop tests. Exit 0 only if all pass. Usage: tools/test.sh [--filter EXPR]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

tools/setup.sh --check-or-install

filter=()
if [[ "${1:-}" == "--filter" ]]; then filter=(--filter "$2"); fi

echo "== build (host projects and nano-profile compile check)"
dotnet build NanoFleet.Host.slnf -c Release -nologo -v quiet

echo "== IL check: nano-profile assemblies must be runnable by the nanoCLR"
nano=tests/NanoProfile
dotnet tools/NanoFleet.IlCheck/bin/Release/net10.0/nanofleet-ilcheck.dll --allow NanoFleet.Hal \
  "$nano/NanoFleet.Hal.Nano/bin/Release/net10.0/NanoFleet.Hal.dll" \
  "$nano/NanoFleet.Provisioning.Nano/bin/Release/net10.0/NanoFleet.Provisioning.dll"

echo "== native interop tests (CMake + GoogleTest)"
bash tools/test-native.sh

echo "== .NET tests"
results="$root/out/test-results"
rm -rf "$results"
# A hung test aborts its suite after 15 minutes (reported as a failure) rather than stalling CI.
dotnet test NanoFleet.Host.slnf -c Release --no-build -nologo --blame-hang-timeout 15m --logger "trx" --results-directory "$results" "${filter[@]}"

# One closing line that CI and people can read.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
