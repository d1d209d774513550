#!/usr/bin/env bash
# Checks a Maven Central bundle of pai-workspace-fake: run by the release profile after it zips the bundle.
#
#   central-bundle/check-bundle.sh BUNDLE.zip VERSION GPG_SKIP
#
# For each published artifact the bundle must hold its POM and, for the jars, the jar, -sources.jar and -javadoc.jar,
# each with a matching .md5 and .sha1, and a .asc signature unless GPG_SKIP is true (then there must be none). Also:
# nothing else (no benchmarks, no repository metadata), the Central POM metadata, each jar's Automatic-Module-Name,
# Javadoc of the public API only, and a BOM that lists every published jar. Prints what it checked; exits 1 on the
# first problem.
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 BUNDLE.zip VERSION GPG_SKIP" >&2
    exit 2
fi
bundle="$1"
version="$2"
gpg_skip="$3"
group_path="io/github/paiworkspacefake"

fail() {
    echo "check-bundle: $*" >&2
    exit 1
}

[ -f "$bundle" ] || fail "no bundle at $bundle"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && jar xf "$bundle")

# A SNAPSHOT staged in a file repository gets timestamped file names (0.1.0-20250101.120000-1); a release keeps its own.
if [[ "$version" == *-SNAPSHOT ]]; then
    base="${version%-SNAPSHOT}"
    file_version="${base//./\\.}-[0-9]{8}\.[0-9]{6}-[0-9]+"
else
    file_version="${version//./\\.}"
fi

# artifactId:packaging:Automatic-Module-Name, in the order Central lists them.
published=(
    "pai-workspace-fake-parent:pom:"
    "pai-workspace-fake-bom:pom:"
    "pai-workspace-fake-server:jar:io.github.paiworkspacefake.server"
    "pai-workspace-fake-junit:jar:io.github.paiworkspacefake.junit"
    "pai-workspace-contract-tests:jar:io.github.paiworkspacefake.contract"
)

# Prints the one file of the artifact with this suffix ("" or "-sources", and the extension), or fails.
find_file() {
    local artifact="$1" suffix="$2" ext="$3" dir matches
    dir="$group_path/$artifact/$version"
    [ -d "$work/$dir" ] || fail "$artifact $version is not in the bundle"
    matches="$(cd "$work/$dir" && ls | grep -E "^${artifact}-${file_version}${suffix}\.${ext}\$" || true)"
    [ -n "$matches" ] || fail "$dir has no ${artifact}-${version}${suffix}.${ext}"
    [ "$(printf '%s\n' "$matches" | wc -l)" -eq 1 ] || fail "$dir has more than one ${artifact}${suffix}.${ext}: $matches"
    printf '%s/%s\n' "$dir" "$matches"
}

# The checksums Central requires, and the signature when signing is on.
check_companions() {
    local file="$1" sum
    for algorithm in md5 sha1; do
        [ -f "$work/$file.$algorithm" ] || fail "$file has no .$algorithm"
        sum="$("${algorithm}sum" "$work/$file" | cut -d' ' -f1)"
        [ "$(tr -d '[:space:]' <"$work/$file.$algorithm")" = "$sum" ] || fail "$file.$algorithm does not match the file"
    done
    if [ "$gpg_skip" = "true" ]; then
        [ ! -e "$work/$file.asc" ] || fail "$file.asc exists although signing was skipped"
    else
        [ -f "$work/$file.asc" ] || fail "$file has no .asc signature"
        grep -q -- '-----BEGIN PGP SIGNATURE-----' "$work/$file.asc" || fail "$file.asc is not an armored signature"
        # gpg exits 1 for a bad signature, 2 when it cannot check it (the public key is not in this keyring).
        local status=0
        if command -v gpg >/dev/null 2>&1; then
            gpg --batch --verify "$work/$file.asc" "$work/$file" 2>/dev/null || status=$?
        fi
        [ "$status" -ne 1 ] || fail "$file.asc is a bad signature of $file"
    fi
}

# Central requires name, description, url, licenses, developers and scm; a module may inherit all but its name and
# description from the parent POM.
check_pom() {
    local pom="$1" artifact="$2" element
    for element in name description; do
        grep -qE "<$element[ >]" "$work/$pom" || fail "$pom has no <$element>"
    done
    if grep -q "<parent>" "$work/$pom"; then
        grep -q "<artifactId>pai-workspace-fake-parent</artifactId>" "$work/$pom" || fail "$pom has a foreign parent"
    else
        for element in url licenses developers scm; do
            grep -qE "<$element[ >]" "$work/$pom" || fail "$pom has no <$element>"
        done
    fi
    grep -q "<artifactId>$artifact</artifactId>" "$work/$pom" || fail "$pom is not the POM of $artifact"
}

files=0
for entry in "${published[@]}"; do
    IFS=: read -r artifact packaging module_name <<<"$entry"
    pom="$(find_file "$artifact" "" pom)"
    check_pom "$pom" "$artifact"
    check_companions "$pom"
    files=$((files + 1))
    if [ "$packaging" = "jar" ]; then
        jar="$(find_file "$artifact" "" jar)"
        sources="$(find_file "$artifact" "-sources" jar)"
        javadoc="$(find_file "$artifact" "-javadoc" jar)"
        for file in "$jar" "$sources" "$javadoc"; do
            check_companions "$file"
            files=$((files + 1))
        done
        described="$(jar --describe-module --file "$work/$jar" | grep -E ' automatic$' || true)"
        [ "${described%%@*}" = "$module_name" ] || fail "$jar is module '${described%%@*}', expected $module_name"
        jar tf "$work/$sources" | grep -q '\.java$' || fail "$sources holds no .java file"
        jar tf "$work/$javadoc" | grep -qx 'index.html' || fail "$javadoc holds no index.html"
        if jar tf "$work/$javadoc" | grep -E "server/(internal|standalone)/"; then
            fail "$javadoc documents internal packages"
        fi
    fi
    echo "check-bundle: $artifact ok"
done

# Nothing but the published artifacts: no benchmarks, no bundle module, no repository metadata.
expected="$(printf '%s\n' "${published[@]}" | cut -d: -f1 | sort)"
present="$(cd "$work/$group_path" && ls | sort)"
[ "$present" = "$expected" ] || fail "the bundle holds $(echo "$present" | tr '\n' ' ')but should hold $(echo "$expected" | tr '\n' ' ')"
[ "$(find "$work" -maxdepth 1 -mindepth 1 | wc -l)" -eq 1 ] || fail "the bundle has entries outside io/"
if find "$work" -name 'maven-metadata.xml*' | grep .; then
    fail "the bundle holds repository metadata"
fi

# The BOM aligns every published jar.
bom="$(find_file pai-workspace-fake-bom "" pom)"
for entry in "${published[@]}"; do
    IFS=: read -r artifact packaging _ <<<"$entry"
    if [ "$packaging" = "jar" ]; then
        grep -q "<artifactId>$artifact</artifactId>" "$work/$bom" || fail "the BOM does not list $artifact"
    fi
done
if grep -q "<artifactId>pai-workspace-fake-benchmarks</artifactId>" "$work/$bom"; then
    fail "the BOM lists the benchmarks"
fi

signatures="with signatures"
[ "$gpg_skip" = "true" ] && signatures="unsigned (gpg.skip)"
echo "check-bundle: $bundle holds ${#published[@]} artifacts, $files files with checksums, $signatures"
