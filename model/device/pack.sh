#!/usr/bin/env bash
# Builds the device kit: a folder that trains the model on a machine with python3 + torch (CUDA or CPU), CMake and a
# C++ compiler, but no JDK and no network. Usage: model/device/pack.sh DIR
#   DIR/jre        a jlink'd Java runtime (java.base, java.logging, java.management, jdk.unsupported)
#   DIR/lib        the project's and DJL's jars, without the CPU libtorch jar and without OpenCV
#   DIR/jni-src    DJL's JNI sources, header and jni.h for build-jni.sh (when a DJL checkout is found, see below)
#   DIR/config.json, DIR/tiny.json, DIR/run.sh, DIR/build-jni.sh
# Environment:
#   DJL_SRC        a git checkout of deepjavalibrary/djl (default: /work/.mirror/deepjavalibrary+djl/repo when present);
#                  its tag v<DJL version> gives the JNI sources. Without it the kit can only use DJL's prebuilt JNI.
#   KIT_CLASSPATH  jars and class folders to pack instead of building with Maven (the tests use it)
#   MAVEN_ARGS     extra arguments for mvn (e.g. -o)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -eq 1 ] || { echo "usage: model/device/pack.sh DIR" >&2; exit 2; }
dir="$1"
djl_version="$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$root/pom.xml")"
limit=$((64 * 1024 * 1024))

# the JDK's tools: JAVA_HOME's when set, else the PATH's
jdk_tool() { if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; else command -v "$1"; fi; }
jlink="$(jdk_tool jlink)"; javac="$(jdk_tool javac)"; jar="$(jdk_tool jar)"

rm -rf "$dir"
mkdir -p "$dir/lib"
dir="$(cd "$dir" && pwd)"

if [ -n "${KIT_CLASSPATH:-}" ]; then
  IFS=: read -r -a entries <<<"$KIT_CLASSPATH"
  n=0
  for e in "${entries[@]}"; do
    case "$(basename "$e")" in
      pytorch-native-*|opencv-*|junit-*|opentest4j-*|apiguardian-*) continue ;;
    esac
    if [ -d "$e" ]; then
      n=$((n + 1)); "$jar" cf "$dir/lib/classes-$n.jar" -C "$e" .
    elif [ -f "$e" ]; then
      cp "$e" "$dir/lib/"
    fi
  done
else
  echo "pack: building the model without the CPU libtorch (-Dlibtorch=external)..." >&2
  (cd "$root" && mvn -B -q ${MAVEN_ARGS:-} -DskipTests -Dlibtorch=external package \
      dependency:copy-dependencies -pl model -am -DincludeScope=runtime -DexcludeArtifactIds=opencv \
      -DoutputDirectory="$dir/lib")
  cp "$root"/model/target/cellarena-model-*.jar "$dir/lib/"
fi
if ls "$dir"/lib | grep -q -e pytorch-native -e opencv; then
  echo "pack: a native jar slipped into $dir/lib" >&2; exit 1
fi

echo "pack: jlink..." >&2
"$jlink" --add-modules java.base,java.logging,java.management,jdk.unsupported --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$dir/jre"

src="${DJL_SRC:-/work/.mirror/deepjavalibrary+djl/repo}"
if git -C "$src" rev-parse -q --verify "v$djl_version^{tag}" >/dev/null 2>&1 \
    || git -C "$src" rev-parse -q --verify "v$djl_version" >/dev/null 2>&1; then
  echo "pack: DJL $djl_version JNI sources from $src" >&2
  mkdir -p "$dir/jni-src/include"
  git -C "$src" archive "v$djl_version" engines/pytorch/pytorch-native/CMakeLists.txt \
      engines/pytorch/pytorch-native/src/main/native engines/pytorch/pytorch-native/src/main/patch \
      api/src/main/native | tar -x -C "$dir/jni-src"
  # the JNI header comes from javac -h: there is no JDK on the GPU machine
  tmp="$(mktemp -d)"
  git -C "$src" show "v$djl_version:engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java" \
      >"$tmp/PyTorchLibrary.java"
  "$javac" -cp "$dir/lib/*" -h "$dir/jni-src/include" -d "$tmp/classes" "$tmp/PyTorchLibrary.java"
  rm -rf "$tmp"
  jdk="$(dirname "$(dirname "$(readlink -f "$javac")")")"
  cp "$jdk/include/jni.h" "$jdk/include/linux/jni_md.h" "$dir/jni-src/include/"
else
  echo "pack: no DJL checkout with tag v$djl_version at $src (set DJL_SRC): the kit cannot build the JNI itself" >&2
fi

cp "$root/configs/mask_rcnn_s50_fpn_mstrain_sartorius.json" "$dir/config.json"
cp "$root/configs/tiny_cpu.json" "$dir/tiny.json"
cp "$here/run.sh" "$here/build-jni.sh" "$dir/"
chmod +x "$dir/run.sh" "$dir/build-jni.sh"

size=$(du -sb "$dir" | cut -f1)
tree=$(cd "$root" && git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
echo "pack: $dir is $((size / 1024 / 1024)) MiB (working tree $((tree / 1024 / 1024)) MiB, limit 64 MiB together)" >&2
if [ $((size + tree)) -ge $limit ]; then
  echo "pack: too large for the device machine's 64 MiB" >&2; exit 1
fi
