#!/usr/bin/env bash
# The main job: installs what is missing, builds bulletin-pdf (release), and renders every issue in
# Samples/ into out/samples/ (PDF, plus a PNG of each page at 60 dpi for a quick look).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bin=$(bash scripts/build-release.sh)
mkdir -p out/samples
for issue in Samples/*.json; do
  name=$(basename "$issue" .json)
  "$bin" render "$issue" -o "out/samples/$name.pdf" --png out/samples/png --dpi 60
  echo "out/samples/$name.pdf"
done
