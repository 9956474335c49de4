#!/usr/bin/env bash
# Fuzzes the PDF reader with libFuzzer (+ AddressSanitizer). A tool, not part of `swift test`.
#
#   bash scripts/fuzz-reader.sh [seconds]     (default 600)
#
# Builds Sources/BulletinPDFReader + fuzz/FuzzReaderEntry.swift as one module with
# `swiftc -sanitize=fuzzer,address`, seeds a working corpus (.build-fuzz/corpus, kept between runs)
# from fuzz/seeds and Tests/Fixtures/pdf, and runs for the given time. Crashes are written to
# .build-fuzz/crash-* (libFuzzer's artifact prefix); reproduce one with
#   .build-fuzz/fuzz-reader .build-fuzz/crash-<hash>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
out=.build-fuzz
mkdir -p "$out/corpus"
root=$(pwd)
# Compiled from inside $out so swiftc's by-products (module files) land there, not in the work tree.
# The reader's hashes (MD5, SHA-2) come from BulletinDigest, compiled first as a module of its own.
(cd "$out" && swiftc -sanitize=fuzzer,address -parse-as-library -O -g -wmo -module-name BulletinDigest -emit-module \
  -emit-module-path BulletinDigest.swiftmodule -c $(find "$root/Sources/BulletinDigest" -name '*.swift' | sort) \
  -o BulletinDigest.o \
  && swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
  -module-name BulletinPDFReader \
  -I "$root/Sources/CZlib" -I . \
  $(find "$root/Sources/BulletinPDFReader" -name '*.swift' | sort) "$root/fuzz/FuzzReaderEntry.swift" \
  BulletinDigest.o -lz -o fuzz-reader)
cp -n fuzz/seeds/* "$out/corpus/" 2>/dev/null || true
find Tests/Fixtures/pdf -name '*.pdf' -size -200k -exec cp -n {} "$out/corpus/" \; 2>/dev/null || true
echo "corpus: $(ls "$out/corpus" | wc -l) files; running ${seconds}s" >&2
"$out/fuzz-reader" "$out/corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
  -timeout=10 -report_slow_units=2 -max_len=65536 -artifact_prefix="$out/" -print_final_stats=1 -dict=fuzz/pdf.dict
