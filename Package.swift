// swift-tools-version: 6.0
// bulletin-pdf: typesets Chinese government bulletins (简报) into print-ready PDF.
//
// Pipeline (one target per stage, see README "Architecture"):
//   BulletinModel  — the issue model, its JSON form with located diagnostics, the JSON Schema
//   BulletinFonts  — font files, FreeType faces, HarfBuzz shaping, fallback chains
//   BulletinLayout — layout files, line breaking, pagination → a display list
//   BulletinRender — draws a display list to PDF (own writer), PNG (Cairo) and a text trace; never lays out
//   BulletinDiff   — compares page images (goldens, visual diffs)
//   BulletinCheck  — checks a laid-out issue against the typographic rules
//   BulletinImport — plain-text archive bulletins → issue models, every change accounted for
//   BulletinPDFReader — any PDF → per-page positioned glyphs (Unicode) and rules; our own reader
//   BulletinBatch  — whole archives: discovery, incremental manifest, parallel runs, shards, volumes
//   BulletinCLI    — the `bulletin-pdf` command, a thin layer over the above
import PackageDescription

let package = Package(
    name: "bulletin-pdf",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bulletin-pdf", targets: ["BulletinCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz",
                       providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2",
                       providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CFontconfig", pkgConfig: "fontconfig",
                       providers: [.apt(["libfontconfig-dev"])]),
        // zlib: FlateDecode in the PDF reader, deflate in the PDF writer.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // HarfBuzz's subsetter (same Debian package as HarfBuzz): TrueType subsets for PDF embedding.
        .systemLibrary(name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset",
                       providers: [.apt(["libharfbuzz-dev"])]),

        .target(name: "BulletinModel"),
        .target(name: "BulletinFonts", dependencies: ["CHarfBuzz", "CFreeType", "CFontconfig", "CHarfBuzzSubset"]),
        .target(name: "BulletinLayout", dependencies: ["BulletinModel", "BulletinFonts"]),
        .target(name: "BulletinRender", dependencies: ["BulletinLayout", "BulletinFonts", "CCairo", "CFreeType", "CZlib"]),
        .target(name: "BulletinDiff", dependencies: ["CCairo"]),
        .target(name: "BulletinCheck", dependencies: ["BulletinLayout", "BulletinExtract", "BulletinPDFReader"]),
        .target(name: "BulletinImport", dependencies: ["BulletinModel"]),
        // Release builds of the reader and the extractor drop Swift's run-time exclusivity checks:
        // their per-glyph loops mutate class state (the interpreter's glyphs, text matrix, caches)
        // and callgrind counted 3 % of an extraction in swift_beginAccess. Debug builds — the test
        // suite — keep the checks, so a conflicting access still fails there.
        .target(name: "BulletinPDFReader", dependencies: ["CZlib", "BulletinDigest"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "BulletinExtract", dependencies: ["BulletinPDFReader", "BulletinModel"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Digests of our own: SHA-256 for the content hashes of batch and goldens manifests; MD5,
        // SHA-256/384/512 for the PDF reader's decryption (its AES is in BulletinPDFReader/Security).
        .target(name: "BulletinDigest"),
        .target(name: "BulletinBatch", dependencies: ["BulletinModel", "BulletinLayout", "BulletinRender", "BulletinImport",
                                                      "BulletinDigest"]),
        // Visual diffs of documents (issue 6): PDFs, issues, archives, PNGs and goldens → pages →
        // BulletinDiff; the C libraries only to report their versions in goldens manifests.
        .target(name: "BulletinVisualDiff", dependencies: ["BulletinDiff", "BulletinRender", "BulletinLayout",
                                                           "BulletinModel", "BulletinDigest", "BulletinExtract", "BulletinPDFReader",
                                                           "CCairo", "CHarfBuzz", "CFreeType"]),
        .executableTarget(
            name: "BulletinCLI",
            dependencies: [
                "BulletinModel", "BulletinLayout", "BulletinRender", "BulletinFonts", "BulletinCheck", "BulletinImport",
                "BulletinExtract", "BulletinPDFReader",
                "BulletinBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["BulletinModel", "BulletinLayout", "BulletinRender"],
                path: "Tests/TestSupport"),
        .testTarget(name: "BulletinModelTests", dependencies: ["BulletinModel", "TestSupport"]),
        .testTarget(name: "BulletinLayoutTests", dependencies: ["BulletinLayout", "TestSupport"]),
        .testTarget(name: "BulletinCheckTests", dependencies: ["BulletinCheck", "BulletinRender", "TestSupport"]),
        .testTarget(name: "BulletinDiffTests", dependencies: ["BulletinDiff", "TestSupport"]),
        .testTarget(name: "BulletinRenderTests", dependencies: ["BulletinRender", "BulletinDiff", "TestSupport"]),
        // Depends on BulletinCLI so that SwiftPM builds `bulletin-pdf` for the import command's tests.
        .testTarget(name: "BulletinImportTests", dependencies: ["BulletinImport", "BulletinRender", "BulletinCLI", "TestSupport"]),
        // The CLI tests run the built `bulletin-pdf` binary; depending on the executable target makes
        // SwiftPM build it before the tests.
        .testTarget(name: "CLITests", dependencies: ["BulletinCLI", "TestSupport"]),
        // Library tests of the batch plus tests that run the built binary (SIGINT, kill -9).
        .testTarget(name: "BulletinBatchTests", dependencies: ["BulletinBatch", "BulletinCLI", "TestSupport"]),
        .testTarget(name: "BulletinVisualDiffTests", dependencies: ["BulletinVisualDiff", "BulletinDigest", "TestSupport"]),
        .testTarget(name: "BulletinDigestTests", dependencies: ["BulletinDigest", "TestSupport"]),
        .testTarget(name: "BulletinExtractTests",
                    dependencies: ["BulletinExtract", "BulletinPDFReader", "BulletinRender", "BulletinCLI", "TestSupport"]),
        // Renders the samples in-process (BulletinRender) to read our own PDFs back.
        .testTarget(name: "BulletinPDFReaderTests", dependencies: ["BulletinPDFReader", "BulletinRender", "TestSupport", "CZlib"]),
    ]
)

// The CLI's `diff`, `snapshot` and `bench-diff` commands (issue 6). Added on a line of its own, not
// in BulletinCLI's dependency list, so merges with other branches stay trivial.
package.targets.first { $0.name == "BulletinCLI" }!.dependencies += ["BulletinVisualDiff", "BulletinDiff"]
