#!/usr/bin/env bash
# Proves the README's quick start as a new user meets it: clones this repository (its HEAD) into a temporary
# directory and runs the first command of README.md's "Quick start" (build the jar, start the fake), read from the
# clone's README.md, in a clean environment (only HOME and PATH). Passes when the fake answers on
# http://127.0.0.1:8080 with the API's JSON, serves the README's example request, and stops on SIGTERM.
# The README's second command, the tests, is run by .ci/run itself, also in a clean environment.
#
#   .ci/fresh-clone-check.sh          (log of the command in target/fresh-clone-check.log)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=.ci/readme-commands.sh
. "$root/.ci/readme-commands.sh"

base_url="http://127.0.0.1:8080"
limit_seconds=600
mkdir -p "$root/target"
log="$root/target/fresh-clone-check.log"
rm -f "$log"
work="$(mktemp -d)"
pid=""

stop_fake() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
}
cleanup() {
    stop_fake
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "fresh-clone-check: $*" >&2
    if [ -f "$log" ]; then
        echo "fresh-clone-check: last lines of $log:" >&2
        tail -n 40 "$log" >&2
    fi
    exit 1
}

if curl -s -o /dev/null --max-time 2 "$base_url/"; then
    fail "something already listens on $base_url; stop it first (the README's fake listens there)"
fi

if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
    git clone -q "$root" "$work/repo"
    echo "fresh-clone-check: cloned $(git -C "$work/repo" rev-parse --short HEAD) into a temporary directory"
else
    # Not a git checkout (a source archive): copy the sources, without build output.
    mkdir -p "$work/repo"
    tar -C "$root" --exclude=./target --exclude='./*/target' -cf - . | tar -C "$work/repo" -xf -
    echo "fresh-clone-check: copied the sources (no git checkout) into a temporary directory"
fi

start_command="$(readme_command "$work/repo/README.md" 1)"
example_request="$(readme_example_request "$work/repo/README.md")"
echo "fresh-clone-check: README's first command, environment only HOME and PATH: $start_command"

started=$SECONDS
# Its own session, so that stopping it stops Maven's or java's whole process group.
(cd "$work/repo" && exec setsid env -i HOME="$HOME" PATH="$PATH" bash -c "$start_command") >"$log" 2>&1 </dev/null &
pid=$!

answer=""
while [ $((SECONDS - started)) -lt "$limit_seconds" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" && status=0 || status=$?
        pid=""
        fail "the command ended (exit code $status) before the fake answered"
    fi
    answer="$(curl -s --max-time 2 "$base_url/api/v1/workspaces/100001" || true)"
    case "$answer" in
        *'"RequestId"'*'"Code":"100400027"'*) break ;;
    esac
    answer=""
    sleep 0.5
done
if [ -z "$answer" ]; then
    fail "the fake did not answer on $base_url within $limit_seconds s"
fi
echo "fresh-clone-check: the fake answered $((SECONDS - started)) s after the command started: $answer"

echo "fresh-clone-check: README's example request: $example_request"
created="$(env -i HOME="$HOME" PATH="$PATH" bash -c "$example_request")"
workspace_id="$(printf '%s' "$created" | sed -n 's/.*"WorkspaceId":"\([^"]*\)".*/\1/p')"
if [ -z "$workspace_id" ]; then
    fail "the README's example request got no WorkspaceId: $created"
fi
read_back="$(curl -s --max-time 5 "$base_url/api/v1/workspaces/$workspace_id")"
case "$read_back" in
    *'"WorkspaceName":"ws_demo"'*) ;;
    *) fail "GetWorkspace $workspace_id did not return the workspace the example created: $read_back" ;;
esac
echo "fresh-clone-check: the example created workspace $workspace_id, and GetWorkspace returns it"

stop_fake
wait "$pid" 2>/dev/null || true
pid=""
if ! grep -q 'PAI Workspace fake stopped.' "$log"; then
    fail "the fake did not report a clean stop on SIGTERM"
fi
if curl -s -o /dev/null --max-time 2 "$base_url/"; then
    fail "something still answers on $base_url after the fake was stopped"
fi
echo "fresh-clone-check: passed (the fake stopped cleanly)"
