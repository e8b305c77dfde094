#!/usr/bin/env bash
# The device kit's one command: binds DJL to this machine's libtorch, then runs one training iteration (smoke test),
# timed training iterations of the seed config at 1333 px on generated images, a prediction pass, and the path a
# model competition's `worker --inference` takes (the weights as a model archive's files, checked and loaded as the
# server does, then predicting); the last line of stdout is a JSON object with device, images_per_s,
# predict_images_per_s, model_check_s, inference_images_per_s, GPU memory and losses.
# Usage: run.sh [--cpu] [--iterations N] [--predict-images M] [--image-size PX] [--cells K] [--config FILE]
#               [--build-jni]
#   --cpu        run on the CPU (CUDA hidden); the libtorch is python3's torch, else $LIBTORCH, else DJL's cache
#   --build-jni  build DJL's JNI from the carried sources even when the prebuilt one binds
# Environment: LIBTORCH (a libtorch lib folder), KIT_HEAP (Java heap, default 24g), DJL_CACHE_DIR (default
# DIR/djl-cache: where the JNI is placed).
set -euo pipefail
kit="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cpu=0; iterations=20; predict=4; size=1333; cells=300; config="$kit/config.json"; build=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cpu) cpu=1 ;;
    --build-jni) build=1 ;;
    --iterations) iterations="$2"; shift ;;
    --predict-images) predict="$2"; shift ;;
    --image-size) size="$2"; shift ;;
    --cells) cells="$2"; shift ;;
    --config) config="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "run.sh: $*" >&2; }
djl_version="$(ls "$kit"/lib/api-*.jar | sed 's:.*/api-\(.*\)\.jar:\1:')"
jni_jar="$(ls "$kit"/lib/pytorch-jni-*.jar)"

# 1. the libtorch: python3's torch when it imports, else $LIBTORCH or DJL's CPU cache (--cpu only)
torch_info="$(python3 -c 'import os, torch
print(os.path.join(os.path.dirname(torch.__file__), "lib"))
print(torch.__version__.split("+")[0])
print(torch.version.cuda or "")
print(int(torch._C._GLIBCXX_USE_CXX11_ABI))
print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)"
if [ -n "${LIBTORCH:-}" ]; then
  torch_lib="$LIBTORCH"; cuda=""; abi=1; prefix=""
  version="$(basename "$torch_lib" | grep -o '^[0-9]*\.[0-9]*\.[0-9]*' || echo "${PYTORCH_VERSION:-2.7.1}")"
elif [ -n "$torch_info" ]; then
  { read -r torch_lib; read -r version; read -r cuda; read -r abi; read -r prefix; } <<<"$torch_info"
elif [ $cpu -eq 1 ]; then
  torch_lib="$(ls -d "${DJL_CACHE_DIR:-$HOME/.djl.ai}"/pytorch/*-cpu-linux-x86_64 "$HOME"/.djl.ai/pytorch/*-cpu-linux-x86_64 2>/dev/null | head -1 || true)"
  [ -n "$torch_lib" ] || { say "no libtorch: python3 has no torch, LIBTORCH is unset and DJL's cache has no CPU libtorch"; exit 2; }
  version="$(basename "$torch_lib" | grep -o '^[0-9]*\.[0-9]*\.[0-9]*')"; cuda=""; abi=1; prefix=""
else
  say "no libtorch: python3 cannot import torch (give LIBTORCH=<libtorch lib folder> or --cpu)"; exit 2
fi
[ -f "$torch_lib/libtorch.so" ] || { say "no libtorch.so in $torch_lib"; exit 2; }
if [ $cpu -eq 1 ] || [ -z "$cuda" ]; then
  flavor=cpu; jni_flavor=cpu
  [ $cpu -eq 1 ] && export CUDA_VISIBLE_DEVICES=""
else
  flavor="cu${cuda//./}"; jni_flavor=cu128
  # DJL finds GPUs through libcudart (JNA): pip's CUDA runtime, else the system's
  rt="$(python3 -c 'import nvidia.cuda_runtime as m, os; print(os.path.join(list(m.__path__)[0], "lib"))' 2>/dev/null || true)"
  export LD_LIBRARY_PATH="${rt:+$rt:}${CUDA_HOME:-/usr/local/cuda}/lib64:$torch_lib:${LD_LIBRARY_PATH:-}"
fi
say "libtorch $version ($flavor, C++11 ABI $abi) in $torch_lib"

# 2. DJL's JNI for it: the prebuilt one when all its C++ symbols resolve in this libtorch, else built from source
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$kit/djl-cache}"
unset ENGINE_CACHE_DIR
jni_dir="$DJL_CACHE_DIR/pytorch/$version-$flavor-linux-x86_64"
jni="$jni_dir/$djl_version-libdjl_torch.so"
mkdir -p "$jni_dir"
if [ $build -eq 1 ] || [ ! -f "$jni" ]; then
  rm -f "$jni"
  prebuilt="$jni_dir/prebuilt-libdjl_torch.so"
  python3 - "$jni_jar" "jnilib/linux-x86_64/$jni_flavor/libdjl_torch.so" "$prebuilt" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[3], "wb") as out:
    out.write(z.read(sys.argv[2]))
PY
  missing=unknown
  if command -v nm >/dev/null; then
    nm -D --defined-only "$torch_lib"/lib*.so 2>/dev/null | awk 'NF >= 3 {print $3}' | sort -u >"$jni_dir/defined.txt"
    # strong undefined C++ symbols, less the C++ standard library's (libstdc++ provides those)
    nm -D --undefined-only "$prebuilt" | awk '$1 == "U" {print $2}' | grep '^_Z' | sed 's/@.*//' | sort -u >"$jni_dir/needed.txt"
    comm -23 "$jni_dir/needed.txt" "$jni_dir/defined.txt" | c++filt | grep -v -E \
        '^(std::|vtable for std::|typeinfo (name )?for std::|operator (new|delete)|__cxxabiv1|__gnu_cxx|vtable for __cxxabiv1)' \
        >"$jni_dir/missing.txt" || true
    missing="$(wc -l <"$jni_dir/missing.txt")"
    say "prebuilt JNI ($jni_flavor, for libtorch 2.7.1): $missing of $(wc -l <"$jni_dir/needed.txt") C++ symbols missing in this libtorch"
  fi
  if [ $build -eq 0 ] && [ "$missing" = 0 ]; then
    mv "$prebuilt" "$jni"
  else
    [ -n "$prefix" ] || { say "the prebuilt JNI does not bind and there are no torch headers (python3 torch) to build one"; exit 1; }
    [ -d "$kit/jni-src" ] || { say "the prebuilt JNI does not bind and the kit carries no JNI sources (pack with DJL_SRC)"; exit 1; }
    say "building DJL's JNI against this torch (build-jni.sh)..."
    "$kit/build-jni.sh" "$prefix" "$([ "$flavor" = cpu ] && echo 0 || echo 1)" "$jni"
  fi
fi
say "JNI: $jni"

# 3. the run
export PYTORCH_LIBRARY_PATH="$torch_lib" PYTORCH_VERSION="$version" PYTORCH_FLAVOR="$flavor"
exec "$kit/jre/bin/java" -Xmx"${KIT_HEAP:-24g}" -XX:+UseParallelGC -cp "$kit/lib/*" \
  org.cellarena.model.device.DeviceRun --config "$config" --image-size "$size" --cells "$cells" \
  --iterations "$iterations" --predict-images "$predict"
