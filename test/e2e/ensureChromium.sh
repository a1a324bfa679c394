#!/usr/bin/env bash
# Installs Debian's Chromium for the browser end-to-end test (playwright-core drives
# /usr/bin/chromium; Playwright's own browser download cannot work on these machines).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ] && "$CHROMIUM" --version >/dev/null 2>&1; then
	echo "chromium present: $("$CHROMIUM" --version)"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi

echo "installing Debian chromium (apt-get)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null

if ! "$CHROMIUM" --version; then
	echo "chromium did not install: $CHROMIUM is missing or does not run" >&2
	exit 1
fi
