#!/usr/bin/env bash
# Builds the genuine nanoFramework toolchain from its pinned upstream sources (sources.tsv) into
# out/nanoframework: the nanoCLR POSIX host, the MetadataProcessor (checked by reproducing
# CoreLibrary 1.17.11's mscorlib.pe byte for byte), TestFramework 3.0.77 with its UnitTestLauncher,
# and reference assemblies of the real libraries the device code uses. Each step is incremental, so a
# second run costs seconds.
#
# Where the sources come from, first that exists:
#   $NANOFRAMEWORK_SOURCES or ../shared/nanoframework/sources   the archives (what CI uses)
#   upstream by git, at the pinned commits                       for a user who is online
# and otherwise one line saying what is missing, exit 1: the test command fails, it never skips.
#
#   tools/nanoframework/build.sh          build what changed; one line a step
#   tools/nanoframework/build.sh --help
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/paths.sh"
case "${1:-}" in -h|--help) sed -n '2,15p' "$0"; exit 0 ;; "") ;; *) echo "nanoframework: unknown option '$1' (see --help)" >&2; exit 2 ;; esac

archives=${NANOFRAMEWORK_SOURCES:-$nf_root/../shared/nanoframework/sources}
mkdir -p "$nf_src"

# The archive's hash (or the commit, when cloned) is stamped beside its folder: a folder is replaced
# only when its source changed, which keeps the nanoCLR's incremental build.
fetch_source() {
  local name=$1 repo=$2 commit=$3 stamp="$nf_src/$1.stamp" want
  if [[ -f "$archives/$name.tar.gz" ]]; then
    want=$(sha256sum "$archives/$name.tar.gz" | cut -d' ' -f1)
    [[ -f "$stamp" && $(<"$stamp") == "$want" && -d "$nf_src/$name" ]] && return 0
    rm -rf "${nf_src:?}/$name"
    tar -xzf "$archives/$name.tar.gz" -C "$nf_src"
  else
    want=$commit
    [[ -f "$stamp" && $(<"$stamp") == "$want" && -d "$nf_src/$name" ]] && return 0
    if ! command -v git >/dev/null; then
      echo "nanoframework: source '$name' missing: no $archives/$name.tar.gz and no git to fetch $repo" >&2; exit 1
    fi
    rm -rf "${nf_src:?}/$name"
    if ! { git init -q "$nf_src/$name" && git -C "$nf_src/$name" fetch -q --depth 1 "$repo" "$commit" \
           && git -C "$nf_src/$name" -c advice.detachedHead=false checkout -q FETCH_HEAD; } 2>"$nf_logs/fetch-$name.log"; then
      rm -rf "${nf_src:?}/$name"
      echo "nanoframework: source '$name' missing: no $archives/$name.tar.gz, and $repo@$commit could not be fetched (offline?)" >&2; exit 1
    fi
  fi
  echo "$want" >"$stamp"
}

mkdir -p "$nf_logs"
echo "nanoframework: sources"
while IFS=$'\t' read -r name repo commit; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  fetch_source "$name" "$repo" "$commit"
done <"$here/sources.tsv"

echo "nanoframework: nanoCLR (POSIX host)"
build_clr() {
  [[ -f "$nf_out/clr-build/build.ninja" ]] ||
    cmake -S "$nf_src/nf-interpreter/targets/posix" -B "$nf_out/clr-build" -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build "$nf_out/clr-build" --parallel 2
}
nf_step nanoclr build_clr

# CoreLibrary 1.17.11 from NuGet: its mscorlib.dll and .pe are the MetadataProcessor's proof and
# every nano build's base. The TestFramework project references it, so restoring that brings it.
nf_step corelib dotnet restore "$here/UnitTestLauncher" -v quiet

echo "nanoframework: MetadataProcessor"
nf_step mdp dotnet build "$here/MetadataProcessor" -c Release -o "$nf_out/mdp" -nologo -v quiet
# The README's proof of a right build: CoreLibrary's own mscorlib.dll must come out as its mscorlib.pe.
nf_step mdp-check nf_mdp --corelib "$nf_corelib/mscorlib.dll" "$nf_out/mdp/mscorlib.pe"
if ! cmp -s "$nf_out/mdp/mscorlib.pe" "$nf_corelib/mscorlib.pe"; then
  echo "nanoframework: the MetadataProcessor built here does not reproduce CoreLibrary 1.17.11's mscorlib.pe" >&2; exit 1
fi

echo "nanoframework: TestFramework 3.0.77 and UnitTestLauncher"
tf=$nf_testframework
nf_step testframework dotnet build "$here/UnitTestLauncher" -c Release -o "$tf" -nologo -v quiet
nf_step testframework-pe nf_mdp "$tf/nanoFramework.TestFramework.dll" "$tf/nanoFramework.TestFramework.pe"
nf_step launcher-pe nf_mdp --hint "nanoFramework.TestFramework=$tf/nanoFramework.TestFramework.dll" \
  "$tf/nanoFramework.UnitTestLauncher.dll" "$tf/nanoFramework.UnitTestLauncher.pe"

echo "nanoframework: the real libraries (reference assemblies)"
"$here/build-libraries.sh" "$nf_src" "$nf_lib"
