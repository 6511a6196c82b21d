# Where the nanoFramework toolchain lives; sourced by build.sh and the scripts that use its output.
# Everything is built into the ignored out/nanoframework, so a clean clone rebuilds it and a second
# run reuses it.
nf_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
nf_out=$nf_root/out/nanoframework
nf_src=$nf_out/src                 # one folder per archive of sources.tsv
nf_clr=$nf_out/clr-build/bin/nanoFramework.nanoCLR.test
nf_mdp_dll=$nf_out/mdp/nanofleet-mdp.dll
nf_testframework=$nf_out/testframework
nf_lib=$nf_out/lib                 # the real libraries the device code compiles against
nf_logs=$nf_out/logs
# nanoFramework.CoreLibrary 1.17.11: the only nanoFramework package NuGet serves. Its mscorlib.dll is
# what everything compiles against, its mscorlib.pe what the nanoCLR loads.
nf_corelib=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //; s|/*$||')/nanoframework.corelibrary/1.17.11/lib

# nf_mdp INPUT.dll OUTPUT.pe [--hint NAME=DLL]... : the MetadataProcessor built here.
nf_mdp() { dotnet "$nf_mdp_dll" --hint "mscorlib=$nf_corelib/mscorlib.dll" "$@"; }

# nf_step NAME COMMAND...: runs one build step into its log; on failure prints the log's tail and
# one line naming the step, and exits 1.
nf_step() {
  local name=$1; shift
  mkdir -p "$nf_logs"
  if ! "$@" >"$nf_logs/$name.log" 2>&1; then
    tail -n 40 "$nf_logs/$name.log" >&2
    echo "nanoframework: $name failed (full log: ${nf_logs#"$nf_root"/}/$name.log)" >&2
    exit 1
  fi
}
