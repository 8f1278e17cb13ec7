#!/usr/bin/env bash
# Installs what eRPPS Desktop needs on Debian 12, idempotently: nothing is
# downloaded when everything is already there.
#   .ci/deps.sh run   — to build and run the desktop app (GTK, WebKitGTK 4.1)
#   .ci/deps.sh test  — also what the tests drive: Xvfb, Chromium, poppler, zbar,
#                      PostgreSQL 15 (started by the tests themselves, never as a service)
set -euo pipefail
cd "$(dirname "$0")/.."

run_pkgs=(gcc pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev)
test_pkgs=(xvfb xauth x11-utils imagemagick chromium poppler-utils zbar-tools postgresql)

pkgs=("${run_pkgs[@]}")
if [ "${1:-run}" = test ]; then pkgs+=("${test_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v go >/dev/null || { echo "deps: Go 1.26 is required (https://go.dev/dl/)" >&2; exit 1; }
command -v npm >/dev/null || { echo "deps: Node.js 20 and npm are required" >&2; exit 1; }

# Front-end packages, from the committed lock file, only when it changed.
if [ ! -f frontend/node_modules/.package-lock.json ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  (cd frontend && npm ci --no-audit --no-fund)
fi
# Some npm packages ship Go files; a go.mod there keeps them out of ./... .
[ -f frontend/node_modules/go.mod ] || printf 'module erpps/frontend/node_modules\n' > frontend/node_modules/go.mod
