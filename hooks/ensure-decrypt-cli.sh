#!/bin/sh
# native oss hook shim (installed by Scripts/install.sh; do not edit)
# Drop-in for the plugin's ensure-decrypt-cli.sh, for the native oss-decrypt binary.
# Keeps the callers' contract: exit 0 (silently) when ~/.oss/bin/oss-decrypt runs and reports one version
# >= 1.2.1, exit 1 otherwise. Unlike the original (D34) it never downloads anything and never replaces or
# deletes an installed binary: it only checks it and says how to install or update it.
min_version="1.2.1"
oss_dir="${HOME:?HOME must be set}/.oss"
bin="$oss_dir/bin/oss-decrypt"
install_hint="Install the native oss-decrypt with Scripts/install.sh from the oss hooks repository (it places $bin)."

# One-time removal of the legacy prompt caches (as the original did).
marker="$oss_dir/.cache-cleanup-done-2.0.19"
if [ -d "$oss_dir" ] && [ ! -f "$marker" ]; then
  rm -rf "$oss_dir/prompt-cache" "$oss_dir/cache/prompts"
  : > "$marker"
fi

# Succeeds when version $1 >= version $2 (both N.N.N).
version_at_least() {
  old_ifs=$IFS; IFS=.
  set -- $1 $2
  IFS=$old_ifs
  [ "$1" -gt "$4" ] && return 0; [ "$1" -lt "$4" ] && return 1
  [ "$2" -gt "$5" ] && return 0; [ "$2" -lt "$5" ] && return 1
  [ "$3" -ge "$6" ]
}

if [ ! -e "$bin" ]; then
  echo "oss-decrypt CLI not found at $bin." >&2
  echo "$install_hint" >&2
  exit 1
fi
# A regular file that lost its execute bit gets it back (as the other shims do).
if [ -f "$bin" ] && [ ! -x "$bin" ]; then
  chmod +x "$bin" 2>/dev/null
fi
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
  echo "oss-decrypt at $bin is not executable; left untouched." >&2
  echo "$install_hint" >&2
  exit 1
fi

output=$("$bin" --version 2>/dev/null) || {
  echo "oss-decrypt at $bin does not run ('--version' failed); left untouched." >&2
  echo "$install_hint" >&2
  exit 1
}
versions=$(printf '%s\n' "$output" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')
count=$(printf '%s\n' "$versions" | grep -c .)
if [ "$count" -ne 1 ]; then
  echo "oss-decrypt at $bin reports no single version (got: $output); left untouched." >&2
  echo "$install_hint" >&2
  exit 1
fi
if ! version_at_least "$versions" "$min_version"; then
  echo "oss-decrypt v$versions is outdated (requires >= v$min_version); the installed binary was left in place." >&2
  echo "$install_hint" >&2
  exit 1
fi
exit 0
