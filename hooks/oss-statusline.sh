#!/bin/sh
# native oss hook shim (installed by Scripts/install.sh; do not edit)
# Claude Code status line shim: execs the native `oss-notify --statusline` (stdin is passed through).
# Looks for ../bin/oss-notify next to this script, then ~/.oss/bin/oss-notify; restores a lost +x bit.
# A missing binary prints a minimal line and exits 0, so the status line never shows an error.
case $0 in
*/*) here=${0%/*} ;;
*) here=. ;;
esac
for candidate in "$here/../bin/oss-notify" "${HOME:-}/.oss/bin/oss-notify"; do
    if [ -f "$candidate" ]; then
        [ -x "$candidate" ] || chmod +x "$candidate" 2>/dev/null
        if [ -x "$candidate" ]; then
            exec "$candidate" --statusline
        fi
    fi
done
printf '%s\n' '[oss] status line binary missing'
exit 0
