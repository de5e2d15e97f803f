#!/bin/sh
# native oss hook shim (installed by Scripts/install.sh; do not edit)
# Drop-in shim for the plugin's oss-notify.sh: execs the native oss-notify binary with the same arguments.
# Looks next to this script in ../bin first, then in ~/.oss/bin; restores a lost +x bit. Needs no bash, jq or node.
# OSS_HOOKS_DIR tells the binary where this script lives (session starts look for check-updates.sh there).
# A missing binary is reported on stderr and the hook exits 0: notification hooks fail open, as the original did.
case $0 in
*/*) here=${0%/*} ;;
*) here=. ;;
esac
for candidate in "$here/../bin/oss-notify" "${HOME:-}/.oss/bin/oss-notify"; do
    if [ -f "$candidate" ]; then
        [ -x "$candidate" ] || chmod +x "$candidate" 2>/dev/null
        if [ -x "$candidate" ]; then
            OSS_HOOKS_DIR=$here
            export OSS_HOOKS_DIR
            exec "$candidate" "$@"
        fi
    fi
done
echo "oss-notify.sh: native oss-notify binary not found (looked in $here/../bin and ~/.oss/bin); install it with Scripts/install.sh" >&2
exit 0
