#!/bin/sh
# Entry point of the pai-workspace-fake image: turns PAI_FAKE_* environment variables into the standalone jar's
# flags and replaces itself with the JVM, so the fake is PID 1 and stops cleanly on SIGTERM (docker stop).
#
#   PAI_FAKE_HOST         address to bind (default 0.0.0.0: inside a container the fake must listen on all
#                         interfaces to be reachable through a published port)
#   PAI_FAKE_PORT         port to listen on (default 8080; the health check reads it too)
#   PAI_FAKE_REGION       --region
#   PAI_FAKE_ACCESS_KEYS  comma-separated ID:SECRET[:ACCOUNT_ID] keys, one --access-key each (the jar reads each
#                         by its one rule; see its --help)
#   PAI_FAKE_SEED         path of a seed file inside the container, --seed
#   PAI_FAKE_DATA_DIR     --data-dir: keep the state there across restarts, e.g. /var/lib/pai-workspace-fake/state
#                         on a volume mounted at /var/lib/pai-workspace-fake
#   PAI_FAKE_ADMIN_ALLOW  comma-separated CIDR blocks: --admin --admin-allow, so the host can reach /__admin
#   PAI_FAKE_LENIENT      true: --lenient, parameters the fake does not honour are ignored, not refused
#                         through the published port
#   PAI_FAKE_ARGS         further flags, split on whitespace
#
# Arguments given to the container (docker run IMAGE --flag value) come last, so they win.
set -eu

jar=/opt/pai-workspace-fake/pai-workspace-fake-server.jar

flags="--host ${PAI_FAKE_HOST:-0.0.0.0} --port ${PAI_FAKE_PORT:-8080}"
if [ -n "${PAI_FAKE_REGION:-}" ]; then
    flags="$flags --region $PAI_FAKE_REGION"
fi
if [ -n "${PAI_FAKE_ACCESS_KEYS:-}" ]; then
    # Split on commas with the shell alone: the image has no coreutils.
    set -f
    old_ifs=$IFS
    IFS=','
    # shellcheck disable=SC2086
    for key in $PAI_FAKE_ACCESS_KEYS; do
        flags="$flags --access-key $key"
    done
    IFS=$old_ifs
    set +f
fi
if [ -n "${PAI_FAKE_SEED:-}" ]; then
    flags="$flags --seed $PAI_FAKE_SEED"
fi
if [ -n "${PAI_FAKE_DATA_DIR:-}" ]; then
    flags="$flags --data-dir $PAI_FAKE_DATA_DIR"
fi
if [ "${PAI_FAKE_LENIENT:-}" = "true" ]; then
    flags="$flags --lenient"
fi
if [ -n "${PAI_FAKE_ADMIN_ALLOW:-}" ]; then
    flags="$flags --admin --admin-allow $PAI_FAKE_ADMIN_ALLOW"
fi
flags="$flags ${PAI_FAKE_ARGS:-}"

# Word splitting of $flags is intended; no value above may contain whitespace. Globbing is not.
set -f
# shellcheck disable=SC2086
exec java -XX:SharedArchiveFile=/opt/pai-workspace-fake/pai-workspace-fake.jsa -Xshare:auto -jar "$jar" $flags "$@"
