#!/bin/sh
# Builds the five release binaries into .build-dist/ as fully static executables (-static-executable, compatibility.md#runtime):
# they need no Swift runtime at run time. None links FoundationNetworking: HTTP goes through the system curl
# (Sources/Shared/API/CurlTransport.swift says why). Needs zlib1g-dev on Linux (installed here when missing as root).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"

if [ "$(uname -s)" = Linux ] && command -v dpkg >/dev/null 2>&1; then
  missing=""
  for pkg in zlib1g-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq && apt-get install -y -qq $missing
    else
      echo "build-release.sh: please install:$missing" >&2
      exit 69
    fi
  fi
fi

mkdir -p .build-dist
if [ "$(uname -s)" = Linux ]; then
  for tool in oss-log oss-notify oss-decrypt oss-integration oss-hooks; do
    swift build -c release --product "$tool" -Xswiftc -static-executable --scratch-path .build-static
    cp .build-static/release/"$tool" .build-dist/"$tool"
  done
else
  for tool in oss-log oss-notify oss-decrypt oss-integration oss-hooks; do
    swift build -c release --product "$tool" --scratch-path .build-release
    cp .build-release/release/"$tool" .build-dist/"$tool"
  done
fi
# Debug symbols are not needed at run time: strip them (a third of the size) when strip is available.
if command -v strip >/dev/null 2>&1; then
  for tool in oss-log oss-notify oss-decrypt oss-integration oss-hooks; do strip .build-dist/"$tool"; done
fi
ls -l .build-dist
