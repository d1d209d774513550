# Sourced by .ci/run and .ci/fresh-clone-check.sh: the commands of README.md's "Quick start", read from the README
# itself, so that what CI runs cannot drift from what the README tells a new user.

# readme_command README N: the Nth ```bash block (from 1) of the "## Quick start" section.
readme_command() {
    local command
    command="$(awk -v n="$2" '
        /^## / { section = ($0 == "## Quick start"); next }
        section && !inside && /^```bash$/ { block++; inside = 1; next }
        section && inside && /^```$/ { inside = 0; next }
        section && inside && block == n { print }
    ' "$1")"
    if [ -z "$command" ]; then
        echo "readme-commands: no bash block number $2 under '## Quick start' in $1" >&2
        return 1
    fi
    printf '%s\n' "$command"
}

# readme_example_request README: the inline `curl ...` example of the "## Quick start" section (lines joined, as
# Markdown renders a line break inside inline code).
readme_example_request() {
    local request
    request="$(awk '
        /^## / { section = ($0 == "## Quick start"); next }
        section { printf "%s ", $0 }
    ' "$1" | grep -o '`curl [^`]*`' | head -n 1 | tr -d '`')"
    if [ -z "$request" ]; then
        echo "readme-commands: no inline \`curl ...\` example under '## Quick start' in $1" >&2
        return 1
    fi
    printf '%s\n' "$request"
}
