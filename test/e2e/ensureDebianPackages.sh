#!/usr/bin/env bash
# Installs what the end-to-end tests need from Debian's packages: Chromium for the browser
# test (playwright-core drives /usr/bin/chromium; Playwright's own browser download cannot
# work on these machines), and PostgreSQL and Redis for n8n's queue mode.
set -euo pipefail

declare -A PACKAGE_OF=(
	[/usr/bin/chromium]=chromium
	[/usr/bin/redis-server]=redis-server
	[/usr/bin/psql]=postgresql
)

missing=()
for binary in "${!PACKAGE_OF[@]}"; do
	if [ -x "$binary" ]; then
		echo "present: $binary"
	else
		missing+=("${PACKAGE_OF[$binary]}")
	fi
done
# PostgreSQL's server lives beside its version, not on PATH
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	missing+=(postgresql)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
echo "installing from Debian (apt-get): ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null

/usr/bin/chromium --version
/usr/bin/redis-server --version
ls /usr/lib/postgresql/*/bin/postgres
