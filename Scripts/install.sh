#!/bin/sh
# Installs the native OSS hook bundle as a drop-in replacement for the plugin's bash/jq/node hooks.
#
#   Scripts/install.sh                      build release binaries, install into ~/.oss/bin and ~/.oss/hooks
#   Scripts/install.sh --plugin-root DIR    also replace DIR/hooks/<shims> (backup kept) and put binaries in DIR/bin
#   Scripts/install.sh --from DIR           install prebuilt binaries from DIR instead of building
#   Scripts/install.sh --uninstall [--plugin-root DIR]
#                                           remove what was installed and restore the backups
#
# Every file is replaced atomically (copied to a temp name in the target directory, then renamed), so a hook that
# runs during the install sees the old or the new binary, never half of one. Re-running is safe. The script needs
# only a POSIX shell and coreutils (plus swift when it builds).
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
prefix="${HOME:?HOME must be set}/.oss"
plugin_root=""
from=""
uninstall=0
tools="oss-log oss-notify oss-decrypt oss-integration"
shims="oss-log.sh oss-notify.sh oss-statusline.sh ensure-decrypt-cli.sh verify-decrypt-setup.sh"
backup_name=".oss-native-backup"

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case "$1" in
    --plugin-root) plugin_root=${2:?--plugin-root needs a directory}; shift 2 ;;
    --from) from=${2:?--from needs a directory}; shift 2 ;;
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done

if [ -n "$plugin_root" ] && [ ! -d "$plugin_root/hooks" ]; then
  echo "install.sh: --plugin-root $plugin_root has no hooks/ directory" >&2
  exit 66
fi

# Copies $1 to $2 atomically with mode $3.
put() {
  tmp="$(dirname -- "$2")/.$(basename -- "$2").install-$$"
  cp -- "$1" "$tmp"
  chmod "$3" "$tmp"
  mv -f -- "$tmp" "$2"
}

# Saves the original $1 once into the backup directory beside it (never overwriting an earlier backup).
backup() {
  dir="$(dirname -- "$1")/$backup_name"
  if [ -e "$1" ] && [ ! -e "$dir/$(basename -- "$1")" ] && ! grep -q "native oss hook shim" "$1" 2>/dev/null; then
    mkdir -p "$dir"
    cp -p -- "$1" "$dir/$(basename -- "$1")"
  fi
}

# Restores the backups of a directory (or removes our files when there was nothing to restore).
restore() {
  dir="$1"
  for name in $shims; do
    if [ -e "$dir/$backup_name/$name" ]; then
      mv -f -- "$dir/$backup_name/$name" "$dir/$name"
    elif grep -q "native oss hook shim" "$dir/$name" 2>/dev/null; then
      rm -f -- "$dir/$name"
    fi
  done
  rmdir "$dir/$backup_name" 2>/dev/null || true
}

if [ "$uninstall" -eq 1 ]; then
  for tool in $tools; do rm -f -- "$prefix/bin/$tool"; done
  [ -d "$prefix/hooks" ] && restore "$prefix/hooks"
  if grep -q "native oss hook shim" "$prefix/oss-statusline.sh" 2>/dev/null; then rm -f -- "$prefix/oss-statusline.sh"; fi
  if [ -n "$plugin_root" ]; then
    restore "$plugin_root/hooks"
    for tool in $tools; do rm -f -- "$plugin_root/bin/$tool"; done
    rmdir "$plugin_root/bin" 2>/dev/null || true
  fi
  echo "Uninstalled the native OSS hooks (backups restored where there were any)."
  exit 0
fi

if [ -z "$from" ]; then
  command -v swift >/dev/null 2>&1 || { echo "install.sh: swift is needed to build (or pass --from DIR)" >&2; exit 69; }
  "$here/Scripts/build-release.sh"
  from="$here/.build-dist"
fi
for tool in $tools; do
  [ -f "$from/$tool" ] || { echo "install.sh: missing binary $from/$tool" >&2; exit 66; }
done

mkdir -p "$prefix/bin" "$prefix/hooks"
chmod 700 "$prefix"
for tool in $tools; do put "$from/$tool" "$prefix/bin/$tool" 755; done
for name in $shims; do
  backup "$prefix/hooks/$name"
  put "$here/hooks/$name" "$prefix/hooks/$name" 755
done
put "$here/hooks/oss-statusline.sh" "$prefix/oss-statusline.sh" 755

if [ -n "$plugin_root" ]; then
  mkdir -p "$plugin_root/bin"
  for tool in $tools; do put "$from/$tool" "$plugin_root/bin/$tool" 755; done
  for name in $shims; do
    backup "$plugin_root/hooks/$name"
    put "$here/hooks/$name" "$plugin_root/hooks/$name" 755
  done
fi

echo "Installed oss-log, oss-notify, oss-decrypt and oss-integration into $prefix/bin"
echo "and the hook shims into $prefix/hooks${plugin_root:+ and $plugin_root/hooks}."
echo
echo "Status line: add this to ~/.claude/settings.json"
cat <<EOF
{
  "statusLine": { "type": "command", "command": "$prefix/oss-statusline.sh" }
}
EOF
