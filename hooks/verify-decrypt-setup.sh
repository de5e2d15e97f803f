#!/bin/sh
# native oss hook shim (installed by Scripts/install.sh; do not edit)
# Drop-in for the plugin's verify-decrypt-setup.sh, for the native oss-decrypt binary.
# Contract kept: exit 1 with a message when ~/.oss/bin/oss-decrypt is not executable, when its --version fails,
# or when the credentials file is missing or empty (the message says "credential"); otherwise print a line
# containing "verified" and exit 0.
bin="${HOME:?HOME must be set}/.oss/bin/oss-decrypt"
credentials="${OSS_CONFIG_DIR:-$HOME/.oss}/credentials.enc"

if [ ! -x "$bin" ] || [ -d "$bin" ]; then
  echo "oss-decrypt CLI is not installed or not executable at $bin." >&2
  echo "Install the native oss-decrypt with Scripts/install.sh from the oss hooks repository." >&2
  exit 1
fi

errors=$(mktemp "${TMPDIR:-/tmp}/verify-decrypt.XXXXXX") || exit 1
if ! version=$("$bin" --version 2>"$errors"); then
  echo "oss-decrypt --version failed:" >&2
  cat "$errors" >&2
  rm -f "$errors"
  exit 1
fi
rm -f "$errors"

if [ ! -s "$credentials" ]; then
  echo "oss-decrypt credentials not found at $credentials. Run: $bin --setup" >&2
  exit 1
fi

echo "oss-decrypt setup verified ($version, credentials present)."
exit 0
