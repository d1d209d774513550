#!/usr/bin/env bash
# Builds the pai-workspace-fake image locally, without any image registry.
#
#   docker/build-image.sh [TAG...]        (default tags: pai-workspace-fake:<project version> and :latest)
#
# 1. A base image is assembled from this machine's JDK: a jlink runtime with the modules the jar needs (found with
#    jdeps) at /opt/java/openjdk, the shared libraries it loads (found with ldd) and the dynamic loader, /bin/sh
#    (dash), /etc/passwd and /etc/group entries for user 10001 and a writable /tmp. It is imported with
#    `docker import` as pai-workspace-fake-base:<key>, the key being a hash of the JDK, the modules and this
#    script, so it is built once and reused.
# 2. docker/Dockerfile, the same file users build on a public JRE base, is built on that base.
#
# Needs the standalone jar (mvn -B -ntp -q package -DskipTests) and a running Docker engine. Without an engine it
# says so and exits 0, unless PAI_FAKE_REQUIRE_DOCKER=true, when it fails.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/fake-server/target/pai-workspace-fake-server.jar"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
tags=("$@")
if [ ${#tags[@]} -eq 0 ]; then
    tags=("pai-workspace-fake:$version" "pai-workspace-fake:latest")
fi

if ! docker info >/dev/null 2>&1; then
    if [ "${PAI_FAKE_REQUIRE_DOCKER:-false}" = "true" ]; then
        echo "build-image: no Docker engine answers, and PAI_FAKE_REQUIRE_DOCKER=true" >&2
        exit 1
    fi
    echo "build-image: no Docker engine answers; not building the image (container tests will be skipped)"
    exit 0
fi
if [ ! -f "$jar" ]; then
    echo "build-image: $jar is missing; run: mvn -B -ntp -q package -DskipTests" >&2
    exit 1
fi

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
modules="$("$java_home/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")"
key="$( { "$java_home/bin/java" -version 2>&1; echo "$modules"; cat "$0"; } | sha256sum | cut -c1-16)"
base="pai-workspace-fake-base:$key"

if docker image inspect "$base" >/dev/null 2>&1; then
    echo "build-image: reusing base image $base"
else
    echo "build-image: assembling base image $base (modules $modules)"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    rootfs="$work/rootfs"
    mkdir -p "$rootfs/opt/java" "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/opt/pai-workspace-fake"
    "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
        --compress=2 --output "$rootfs/opt/java/openjdk"
    # Debian's JDK links some files to /etc; keep the runtime self-contained.
    find "$rootfs/opt/java/openjdk" -type l -print0 | while IFS= read -r -d '' link; do
        target="$(readlink -f "$link" || true)"
        rm -f "$link"
        if [ -n "$target" ] && [ -f "$target" ]; then cp "$target" "$link"; fi
    done
    # A class-data sharing archive in the runtime makes the fake and its health check start faster.
    "$rootfs/opt/java/openjdk/bin/java" -Xshare:dump >/dev/null 2>&1 || true
    cp -L /bin/dash "$rootfs/bin/sh"
    # Every shared library the runtime or the shell loads, with its path, and the dynamic loader.
    {
        find "$rootfs/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \)
        echo "$rootfs/bin/sh"
    } | while read -r binary; do
        ldd "$binary" 2>/dev/null | grep -o '/[^ ]*' || true
    done | grep -v "^$rootfs" | sort -u | while read -r library; do
        cp -L --parents "$library" "$rootfs"
    done
    printf 'root:x:0:0:root:/root:/sbin/nologin\npai:x:10001:10001:pai-workspace-fake:/tmp:/sbin/nologin\n' \
        > "$rootfs/etc/passwd"
    printf 'root:x:0:\npai:x:10001:\n' > "$rootfs/etc/group"
    chmod 1777 "$rootfs/tmp"
    tar -C "$rootfs" --owner=0 --group=0 --numeric-owner -c . | docker import \
        --change 'ENV JAVA_HOME=/opt/java/openjdk' \
        --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin' \
        --change 'CMD ["java", "-version"]' \
        - "$base" >/dev/null
fi

tag_args=()
for tag in "${tags[@]}"; do
    tag_args+=(--tag "$tag")
done
# The classic builder works with every engine version and never contacts a registry for FROM a local image.
build_log="$(mktemp)"
if ! DOCKER_BUILDKIT=0 docker build --build-arg "BASE_IMAGE=$base" "${tag_args[@]}" \
        --file "$root/docker/Dockerfile" "$root" >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    exit 1
fi
rm -f "$build_log"
echo "build-image: built ${tags[*]}"
