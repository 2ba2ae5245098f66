#!/usr/bin/env bash
# Installs every Debian package the project builds, tests and benchmarks with.
# Idempotent: apt-get skips what is already there.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git ca-certificates
  libicu-dev libsimdjson-dev libpugixml-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libcurl4-openssl-dev libzip-dev zlib1g-dev libssl-dev libsqlite3-dev libxxhash-dev libzstd-dev
  libmecab-dev mecab-naist-jdic enamdict kanjidic-xml libhangul-data unicode-data libbz2-dev
  libboost-dev libgtest-dev libgmock-dev libbenchmark-dev python3 clang-format curl wrk
  clang libclang-rt-14-dev
  nodejs chromium fonts-wqy-zenhei
  python3-dev pybind11-dev python3-pytest python3-pandas python3-dask python3-distributed
)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The analyst page's browser tests drive Debian's chromium with playwright-core and check it with
# axe-core, both from the npm registry at the versions web/package-lock.json pins (Node.js ≥ 20).
if ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
fi
(cd "$(dirname "$0")/../web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
