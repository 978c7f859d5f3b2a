#!/usr/bin/env bash
# Installs the Debian packages RepairBench and its tests need, when they are missing.
set -euo pipefail
need=()
[ -e /usr/lib/x86_64-linux-gnu/libpulse.so.0 ] || ls /usr/lib/*/libpulse.so.0 >/dev/null 2>&1 || need+=(libpulse0)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v cupsd >/dev/null || [ -x /usr/sbin/cupsd ] || need+=(cups)
command -v lp >/dev/null || need+=(cups-client cups-bsd)
ls /usr/lib/*/libxkbcommon.so.0 >/dev/null 2>&1 || need+=(libxkbcommon0)
ls /usr/lib/*/libEGL.so.1 >/dev/null 2>&1 || need+=(libegl1)
ls /usr/lib/*/libfontconfig.so.1 >/dev/null 2>&1 || need+=(libfontconfig1)
ls /usr/lib/*/libxkbcommon-x11.so.0 >/dev/null 2>&1 || need+=(libxkbcommon-x11-0)
ls /usr/lib/*/libxcb-cursor.so.0 >/dev/null 2>&1 || need+=(libxcb-cursor0)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "Missing system packages: ${need[*]}. Install them with your package manager." >&2
    exit 0
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
