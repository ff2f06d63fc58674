#!/usr/bin/env bash
# Installs what the browser tests need on a Debian machine: Chromium, and the fonts the
# screenshots and the Chinese text need. Does nothing when they are already there.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${need[*]}. Install them as root (apt-get install -y ${need[*]}) or set IOLAB_CHROMIUM." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
