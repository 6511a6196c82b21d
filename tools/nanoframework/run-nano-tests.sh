#!/usr/bin/env bash
# Runs the core's nano tests (tests/NanoFleet.Provisioning.Tests/Nano) on the genuine nanoCLR:
# compiles them as NFUnitTest against the real TestFramework 3.0.77, converts every assembly to .pe
# with the MetadataProcessor, and judges the nanoCLR's output with nanofleet-nanotest (the nanoCLR
# always exits 0). Needs tools/nanoframework/build.sh first.
#   tools/nanoframework/run-nano-tests.sh [--counts FILE]
# Exit 0 when every declared test passed; 1 on a failure, a missing test, a crash or a hang.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/paths.sh"
counts=()
case "${1:-}" in
  --counts) counts=(--counts "$2") ;;
  -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
  "") ;;
  *) echo "run-nano-tests: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac
[[ -x "$nf_clr" && -f "$nf_testframework/nanoFramework.UnitTestLauncher.pe" ]] ||
  { echo "run-nano-tests: the nanoFramework toolchain is not built: run tools/nanoframework/build.sh" >&2; exit 1; }

project=$nf_root/tests/NanoProfile/NanoFleet.Provisioning.NanoTests.Nano
bin=$project/bin/Release/net10.0
pe=$nf_out/nanotests
nf_step nanotests-build dotnet build "$project" -c Release -nologo -v quiet
nf_step nanotests-runner dotnet build "$here/NanoTestRunner" -c Release -o "$nf_out/runner" -nologo -v quiet

rm -rf "$pe" && mkdir -p "$pe"
hints=(--hint "nanoFramework.TestFramework=$nf_testframework/nanoFramework.TestFramework.dll")
for dll in NanoFleet.Hal NanoFleet.Provisioning NFUnitTest; do hints+=(--hint "$dll=$bin/$dll.dll"); done
for dll in NanoFleet.Hal NanoFleet.Provisioning NFUnitTest; do
  nf_step "nanotests-pe-$dll" nf_mdp "${hints[@]}" "$bin/$dll.dll" "$pe/$dll.pe"
done

# Load order the UnitTestLauncher needs: mscorlib, the launcher, TestFramework, libraries, NFUnitTest.
dotnet "$nf_out/runner/nanofleet-nanotest.dll" --clr "$nf_clr" --tests "$bin/NFUnitTest.dll" \
  --timeout 600 --log "$nf_logs/nanotests-run.log" "${counts[@]}" -- \
  "$nf_corelib/mscorlib.pe" "$nf_testframework/nanoFramework.UnitTestLauncher.pe" \
  "$nf_testframework/nanoFramework.TestFramework.pe" "$pe/NanoFleet.Hal.pe" "$pe/NanoFleet.Provisioning.pe" "$pe/NFUnitTest.pe"
