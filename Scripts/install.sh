#!/bin/sh
# Installs the native OSS hook bundle: one command, no jq, node or python needed.
#
#   Scripts/install.sh                      build the release binaries, then `oss-hooks install`: binaries into
#                                           ~/.oss/bin, native shims into ~/.oss/hooks and into every OSS plugin root
#                                           Claude Code has installed (backups kept), /oss:integration into each
#                                           plugin root, and a SessionStart entry in ~/.claude/settings.json that
#                                           re-applies the shims after the plugin's own session start or an update
#   Scripts/install.sh --from DIR           install prebuilt binaries from DIR instead of building
#   Scripts/install.sh --plugin-root DIR    also patch DIR (must be the OSS plugin; for unusual layouts)
#   Scripts/install.sh --no-settings        leave ~/.claude/settings.json alone (no automatic re-apply)
#   Scripts/install.sh --uninstall          restore everything (`oss-hooks uninstall`)
#
# Check the result with: ~/.oss/bin/oss-hooks doctor
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
: "${HOME:?HOME must be set}"
from=""
uninstall=0
pass=""

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
}

# Appends one shell-quoted argument to $pass.
add() {
  quoted=$(printf '%s\n' "$1" | sed "s/'/'\\\\''/g")
  pass="$pass '$quoted'"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --plugin-root) add --plugin-root; add "${2:?--plugin-root needs a directory}"; shift 2 ;;
    --from) from=${2:?--from needs a directory}; shift 2 ;;
    --no-settings) add --no-settings; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done

if [ "$uninstall" -eq 1 ]; then
  for candidate in "$HOME/.oss/bin/oss-hooks" "${from:+$from/oss-hooks}" "$here/.build-dist/oss-hooks"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      eval "exec \"\$candidate\" uninstall $(printf '%s' "$pass" | sed "s/ '--no-settings'//")"
    fi
  done
  echo "install.sh: oss-hooks not found (looked in ~/.oss/bin and .build-dist); nothing to uninstall" >&2
  exit 66
fi

if [ -z "$from" ]; then
  command -v swift >/dev/null 2>&1 || { echo "install.sh: swift is needed to build (or pass --from DIR)" >&2; exit 69; }
  "$here/Scripts/build-release.sh"
  from="$here/.build-dist"
fi
[ -x "$from/oss-hooks" ] || { echo "install.sh: missing binary $from/oss-hooks" >&2; exit 66; }

eval "exec \"\$from/oss-hooks\" install --from \"\$from\" --source \"\$here\" $pass"
