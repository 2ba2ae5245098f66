#!/usr/bin/env bash
# Installs every Debian package the project builds, tests and benchmarks with.
# Idempotent: apt-get skips what is already there.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git ca-certificates
  libicu-dev libsimdjson-dev libpugixml-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  libcurl4-openssl-dev libzip-dev zlib1g-dev libssl-dev libsqlite3-dev libxxhash-dev
  libboost-dev libgtest-dev libgmock-dev libbenchmark-dev python3 clang-format curl wrk
  clang libclang-rt-14-dev
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
