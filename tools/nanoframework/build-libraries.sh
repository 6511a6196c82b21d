#!/usr/bin/env bash
# Builds reference assemblies of the nanoFramework class libraries the device code uses (listed in
# libraries/libraries.txt) from their pinned upstream sources, each the way its own .nfproj builds it:
# its file list, its references, its repository's key.snk, against CoreLibrary 1.17.11's mscorlib.dll.
#   tools/nanoframework/build-libraries.sh SRC_ROOT OUT_DIR
# SRC_ROOT holds one extracted archive per library (SRC_ROOT/System.Net/...). The result is
# OUT_DIR/<AssemblyName>.dll; the generated projects and the build log go to OUT_DIR.build/.
# Quiet on success, one line naming the library on failure; nothing is rebuilt while the sources,
# mscorlib and these scripts are unchanged. MSCORLIB=path overrides the NuGet cache's mscorlib.dll.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 SRC_ROOT OUT_DIR" >&2
  exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
src_root="$(cd "$1" 2>/dev/null && pwd)" || { echo "build-libraries: source folder $1 does not exist (extract the pinned sources first)" >&2; exit 1; }
mkdir -p "$2"
out_dir="$(cd "$2" && pwd)"
build_dir="$out_dir.build"
source "$here/paths.sh"
mscorlib="${MSCORLIB:-$nf_corelib/mscorlib.dll}"
[[ -f "$mscorlib" ]] || { echo "build-libraries: $mscorlib is missing (restore the host build, which restores nanoFramework.CoreLibrary 1.17.11, or set MSCORLIB)" >&2; exit 1; }

# The stamp covers everything the result depends on: the listed libraries' sources, mscorlib and this tooling.
archives=$(grep -v '^#' "$here/libraries/libraries.txt" | sed -n 's|/.*||p' | sort -u)
stamp=$(
  {
    (cd "$src_root" && find $archives -type f \( -name '*.cs' -o -name '*.nfproj' -o -name '*.snk' \) -print0 | sort -z | xargs -0 sha256sum)
    sha256sum "$mscorlib" "$0" "$here"/libraries/* "$here/NanoAssembly.props"
  } | sha256sum | cut -d' ' -f1
)
stamp_file="$build_dir/stamp"
assemblies_present() {
  local name
  for name in $(sed -n 's|.*<AssemblyName>\(.*\)</AssemblyName>.*|\1|p' "$build_dir"/*/*.csproj 2>/dev/null); do
    [[ -f "$out_dir/$name.dll" ]] || return 1
  done
  compgen -G "$build_dir/*/*.csproj" >/dev/null
}
if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]] && assemblies_present; then
  exit 0
fi

rm -f "$stamp_file"
python3 "$here/libraries/generate_projects.py" "$src_root" "$build_dir" "$out_dir" "$mscorlib"

log="$build_dir/build.log"
if ! dotnet build "$build_dir/libraries.proj" -nologo -v quiet -clp:NoSummary >"$log" 2>&1; then
  failed=$(sed -n 's|.* error .*\[.*/\([^/]*\)\.csproj.*|\1|p' "$log" | sort -u | paste -sd ' ' -)
  echo "build-libraries: failed to build ${failed:-the libraries} (log: $log)" >&2
  exit 1
fi
assemblies_present || { echo "build-libraries: the build succeeded but left no assembly for some library in $out_dir (log: $log)" >&2; exit 1; }
echo "$stamp" >"$stamp_file"
