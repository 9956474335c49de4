#!/usr/bin/env bash
# Installs the Debian packages bulletin-pdf needs when any is missing (C libraries for building,
# poppler-utils and qpdf as the tests' independent PDF oracles: poppler reads text, fonts and
# pixels; qpdf checks the file structure and reports outlines and page labels, which poppler's
# tools do not; poppler's pdftoppm is also the PDF rasterizer of `bulletin-pdf diff`). Safe to run
# repeatedly.
set -euo pipefail
packages=(libharfbuzz-dev libfreetype-dev libcairo2-dev libfontconfig-dev zlib1g-dev pkg-config poppler-utils qpdf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH (Swift 6 toolchain needed)" >&2; exit 1; }
