#!/usr/bin/env bash
# Builds and runs the ESP32 partition interop logic's GoogleTest suite on the host
# (hal/NanoFleet.Hal.Esp32/native, CMake + GoogleTest, with ASan/UBSan) in out/native-build, and
# compiles the nanoCLR glue against the real nanoCLR headers of the nf-interpreter sources.
# Quiet on success (one summary line); prints the build or test output and exits non-zero on any failure.
# tools/test.sh calls it; run it alone with: NF_INTERPRETER_SRC=<nf-interpreter sources> tools/test-native.sh
set -euo pipefail

# No headers, no check: CI must fail here, never skip the glue.
if [[ -z "${NF_INTERPRETER_SRC:-}" || ! -f "$NF_INTERPRETER_SRC/src/CLR/Include/nanoCLR_Interop.h" ]]; then
  echo "test-native: NF_INTERPRETER_SRC='${NF_INTERPRETER_SRC:-}' must name the nf-interpreter sources (with src/CLR/Include/nanoCLR_Interop.h)" >&2
  exit 1
fi
nf_interpreter_src=$(cd "$NF_INTERPRETER_SRC" && pwd)
cd "$(dirname "$0")/.."
src=hal/NanoFleet.Hal.Esp32/native
build=out/native-build
log=$(mktemp)
trap 'rm -f "$log"' EXIT

generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi
# A cache from another generator cannot be reused: start clean rather than fail obscurely.
if [[ -f "$build/CMakeCache.txt" ]] && ! grep -q "CMAKE_GENERATOR:INTERNAL=${generator[1]:-Unix Makefiles}" "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi

run() {
  local what=$1; shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "test-native: $what failed" >&2
    exit 1
  fi
}

run "configure ($src)" cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DNF_INTERPRETER_SRC="$nf_interpreter_src"
run "build" cmake --build "$build" --parallel 2
# The C logic never allocates, so LeakSanitizer adds nothing, and it needs ptrace, which some CI sandboxes forbid.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
run "tests" ctest --test-dir "$build" --output-on-failure --parallel 2
# ctest's own closing line, e.g. "100% tests passed, 0 tests failed out of 30".
grep -E "tests passed|tests failed" "$log" | tail -1
