#!/usr/bin/env bash
# Debian packages the project needs beyond Node.js (idempotent; run as root, as CI does).
#  - python3, make, g++: build better-sqlite3 from source for the local cloud's store.
#  - chromium: the headless browser the end-to-end tests drive with playwright-core
#    (Debian's build at /usr/bin/chromium; playwright never downloads a browser here).
#  - fonts-noto-cjk: Chinese glyphs in screenshots and the printed poster.
set -euo pipefail
packages=(python3 make g++ chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "需要安装系统软件包：${missing[*]}（请以 root 运行 sudo $0）" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
