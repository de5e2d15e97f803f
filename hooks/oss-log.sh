#!/bin/sh
# native oss hook shim (installed by Scripts/install.sh; do not edit)
# Drop-in shim for the plugin's oss-log.sh: runs the native oss-log binary with the same arguments.
# Looks next to this script in ../bin first, then in ~/.oss/bin. Needs no bash, jq or node.
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
for bin in "$dir/../bin/oss-log" "${HOME:-}/.oss/bin/oss-log"; do
  if [ -f "$bin" ]; then
    [ -x "$bin" ] || chmod +x "$bin" 2>/dev/null
    exec "$bin" "$@"
  fi
done
echo "oss-log.sh: native oss-log binary not found (looked in $dir/../bin and ~/.oss/bin); install it with Scripts/install.sh" >&2
exit 1
