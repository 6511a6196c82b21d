#!/usr/bin/env bash
# Runs every test suite: the .NET tests, the core's nano tests on the genuine nanoCLR, the
# nanoFramework-profile build with its IL check, and the native interop tests. The nanoFramework
# toolchain they need is built first from the pinned upstream sources (tools/nanoframework/build.sh;
# cached in out/nanoframework). Exit 0 only if all pass.
# Usage: tools/test.sh [--filter EXPR]   (the filter applies to the .NET tests)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

tools/setup.sh --check-or-install

filter=()
if [[ "${1:-}" == "--filter" ]]; then filter=(--filter "$2"); fi

echo "== nanoFramework toolchain from the pinned upstream sources"
tools/nanoframework/build.sh

echo "== build (host projects and nano-profile compile check)"
dotnet build NanoFleet.Host.slnf -c Release -nologo -v quiet

echo "== device code (ESP32 HAL, firmware) against the real libraries, nano tests against the real TestFramework"
nano=tests/NanoProfile
dotnet build "$nano/NanoFleet.Firmware.Nano" -c Release -nologo -v quiet
dotnet build "$nano/NanoFleet.Provisioning.NanoTests.Nano" -c Release -nologo -v quiet
# The nanoCLR benchmark (tools/nanoframework/bench-core.sh) is only built here, so it cannot rot.
dotnet build "$nano/NanoFleet.CoreBenchmark.Nano" -c Release -nologo -v quiet

echo "== IL check: nano-profile assemblies must be runnable by the nanoCLR"
allowed=(--allow NanoFleet.Hal --allow NanoFleet.Provisioning --allow NanoFleet.Hal.Esp32 --allow nanoFramework.TestFramework)
# The real libraries built from source, which the device code references.
for dll in out/nanoframework/lib/*.dll; do allowed+=(--allow "$(basename "$dll" .dll)"); done
dotnet tools/NanoFleet.IlCheck/bin/Release/net10.0/nanofleet-ilcheck.dll "${allowed[@]}" \
  "$nano/NanoFleet.Hal.Nano/bin/Release/net10.0/NanoFleet.Hal.dll" \
  "$nano/NanoFleet.Provisioning.Nano/bin/Release/net10.0/NanoFleet.Provisioning.dll" \
  "$nano/NanoFleet.Hal.Esp32.Nano/bin/Release/net10.0/NanoFleet.Hal.Esp32.dll" \
  "$nano/NanoFleet.Firmware.Nano/bin/Release/net10.0/NanoFleet.Firmware.dll" \
  "$nano/NanoFleet.Provisioning.NanoTests.Nano/bin/Release/net10.0/NFUnitTest.dll"

echo "== native interop tests (CMake + GoogleTest)"
NF_INTERPRETER_SRC=out/nanoframework/src/nf-interpreter bash tools/test-native.sh

# The suites below run to the end even when one fails, so the closing line counts them all.
status=0
echo "== nano tests on the genuine nanoCLR"
nano_counts="$root/out/nano-test-counts"
rm -f "$nano_counts"
tools/nanoframework/run-nano-tests.sh --counts "$nano_counts" || status=1

echo "== .NET tests"
results="$root/out/test-results"
rm -rf "$results"
# A hung test aborts its suite after 15 minutes (reported as a failure) rather than stalling CI.
dotnet test NanoFleet.Host.slnf -c Release --no-build -nologo --blame-hang-timeout 15m --logger "trx" --results-directory "$results" "${filter[@]}" || status=1

# One closing line that CI and people can read.
python3 - "$results" "$nano_counts" "$status" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error"))
    skipped += int(c.get("notExecuted"))
# The nano run's own counts; a run that left none (crashed before counting) fails through its status.
if os.path.exists(sys.argv[2]):
    p, f, s = (int(n) for n in open(sys.argv[2]).read().split())
    passed += p; failed += f; skipped += s
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 or sys.argv[3] != "0" else 0)
PY
