#!/usr/bin/env bash
# Builds DJL's PyTorch JNI (libdjl_torch.so) from the sources the kit carries, against an installed torch.
# Usage: build-jni.sh TORCH_CMAKE_PREFIX USE_CUDA(0|1) OUTPUT.so
#   TORCH_CMAKE_PREFIX: python3 -c 'import torch; print(torch.utils.cmake_prefix_path)'
set -euo pipefail
kit="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 3 ] || { echo "usage: build-jni.sh TORCH_CMAKE_PREFIX USE_CUDA OUTPUT.so" >&2; exit 2; }
prefix="$1"; cuda="$2"; out="$3"
src="$kit/jni-src/engines/pytorch/pytorch-native"
build="$kit/jni-build"
rm -rf "$build"; mkdir -p "$build/include"
cp "$kit"/jni-src/include/*.h "$build/include/"
# FindJNI wants a JVM library and headers: the jlink runtime has the former, the kit the latter
jvm="$(find "$kit/jre/lib" -name libjvm.so | head -1)"
use_cuda=""; [ "$cuda" = 1 ] && use_cuda=1
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" -DUSE_CUDA="$use_cuda" \
  -DJAVA_INCLUDE_PATH="$build/include" -DJAVA_INCLUDE_PATH2="$build/include" -DJAVA_AWT_INCLUDE_PATH=NotNeeded \
  -DJAVA_AWT_LIBRARY=NotNeeded -DJAVA_JVM_LIBRARY="$jvm" -DCMAKE_CXX_FLAGS="-I$build/include" >&2
cmake --build "$build" --config Release -- -j "$(nproc)" >&2
mkdir -p "$(dirname "$out")"
cp "$build/libdjl_torch.so" "$out"
echo "build-jni.sh: built $out" >&2
