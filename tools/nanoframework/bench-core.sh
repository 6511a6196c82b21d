#!/usr/bin/env bash
# Measures the provisioning core on its own runtime: builds tests/NanoProfile/NanoFleet.CoreBenchmark.Nano
# (its canned responses are generated with fresh keys by NanoFleet.Benchmarks), converts it, the core,
# the HAL and the real libraries it uses to .pe, runs it on the genuine nanoCLR and prints its figures:
# ms and bytes allocated per parse of the 4 KB create response (core vs nanoFramework.Json) and per
# whole provisioning run (JSON/CBOR, RSA-2048/EC). Needs tools/nanoframework/build.sh first. Takes
# about a minute; kept out of the test command (figures belong to the machine they ran on).
#   tools/nanoframework/bench-core.sh
# Exit 0 when it ran and met its targets; 3 when it ran but missed a target; 1 when it could not
# build, convert or run, or stopped early (the nanoCLR always exits 0, so its output is read); 2 on
# bad usage.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/paths.sh"
case "${1:-}" in
  -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
  "") ;;
  *) echo "bench-core: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac
[[ -x "$nf_clr" && -f "$nf_mdp_dll" && -f "$nf_lib/nanoFramework.Json.dll" ]] ||
  { echo "bench-core: the nanoFramework toolchain is not built: run tools/nanoframework/build.sh" >&2; exit 1; }

# Everything this run writes stays in this checkout's own out/ (out/nanoframework may be shared).
work=$nf_root/out/corebench
nf_logs=$work/logs
project=$nf_root/tests/NanoProfile/NanoFleet.CoreBenchmark.Nano
bin=$project/bin/Release/net10.0
nf_step corebench-build dotnet build "$project" -c Release -nologo -v quiet

# Load order: mscorlib, then each assembly after the ones it references, the program last.
libraries=(nanoFramework.Runtime.Native nanoFramework.System.Collections nanoFramework.System.Text System.IO.Streams nanoFramework.Json)
ours=(NanoFleet.Hal NanoFleet.Provisioning NanoFleet.CoreBenchmark)
declare -A dll=()
for name in "${libraries[@]}"; do dll[$name]=$nf_lib/$name.dll; done
for name in "${ours[@]}"; do dll[$name]=$bin/$name.dll; done
hints=()
allowed=()
for name in "${!dll[@]}"; do hints+=(--hint "$name=${dll[$name]}"); allowed+=(--allow "$name"); done

# The program must be one the nanoCLR can run: no generics, nothing beyond mscorlib and what it loads.
ilcheck=$nf_root/tools/NanoFleet.IlCheck
nf_step corebench-ilcheck-build dotnet build "$ilcheck" -c Release -nologo -v quiet
nf_step corebench-ilcheck dotnet "$ilcheck/bin/Release/net10.0/nanofleet-ilcheck.dll" "${allowed[@]}" "$bin/NanoFleet.CoreBenchmark.dll"
rm -rf "$work/pe" && mkdir -p "$work/pe"
pes=("$nf_corelib/mscorlib.pe")
for name in "${libraries[@]}" "${ours[@]}"; do
  nf_step "corebench-pe-$name" nf_mdp "${hints[@]}" "${dll[$name]}" "$work/pe/$name.pe"
  pes+=("$work/pe/$name.pe")
done

log=$nf_logs/corebench-run.log
timeout 900 "$nf_clr" "${pes[@]}" >"$log" 2>&1 || true
sed -n 's/^core-bench: //p' "$log"
if ! grep -q '^core-bench: done' "$log"; then
  tail -n 20 "$log" >&2
  echo "bench-core: the benchmark did not finish on the nanoCLR (crash, hang or failure; full log: ${log#"$nf_root"/})" >&2
  exit 1
fi
grep -q '^core-bench: done, targets met' "$log" || exit 3
