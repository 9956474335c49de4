import ArgumentParser
import BulletinDiff
import BulletinLayout
import BulletinRender
import BulletinVisualDiff
import Foundation

/// `bulletin-pdf bench-diff`: times the per-page comparison alone, in this process, on A4 pages at
/// 150 dpi: identical pages, a page with one edited sentence, two unrelated pages, and the same
/// page from pdftoppm and from our Cairo path. Prints medians; asserts nothing. The whole-process
/// figures (diff of two 4-page PDFs) come from `scripts/bench-diff.sh` (hyperfine).
struct BenchDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-diff",
        abstract: "Time the per-page pixel comparison on A4 pages (median of N runs).")

    @Option(help: "Issue to render (default: Samples/2022-017.json, 4 pages).")
    var issue: String?

    @Option(help: "Resolution.")
    var dpi: Double = 150

    @Option(help: "Runs per case.")
    var runs: Int = 30

    /// The edit: one sentence of the first paragraph, same length, so only one line's glyphs change.
    static let original = "大力推进全域创建全国文明城区"
    static let edited = "全力推动全域创建全国文明城区"

    func run() throws {
        let home = try installationHome()
        let file = issue ?? (home as NSString).appendingPathComponent("Samples/2022-017.json")
        guard let data = FileManager.default.contents(atPath: file) else {
            DiagnosticPrinter.error("\(file): cannot read the file")
            throw ExitStatus.invalidInput
        }
        let text = String(decoding: data, as: UTF8.self)
        let session = try RenderSession(home: home, systemFallback: false)
        let base = try session.render(issueJSON: Array(data), file: file).value
        let edit = try session.render(issueJSON: Array(text.replacingOccurrences(of: Self.original, with: Self.edited).utf8),
                                      file: file).value
        func page(_ output: RenderSession.Output, _ index: Int) throws -> RasterImage {
            try RasterImage(png: try PNGRenderer.render(output.displayList, page: index, dpi: dpi))
        }
        let first = try page(base, 0), second = try page(base, 1), editedFirst = try page(edit, 0)
        var copy = first
        copy.pixels.append(0)  // force a distinct buffer
        copy.pixels.removeLast()
        var cases: [(String, RasterImage, RasterImage)] = [
            ("identical pages", first, copy),
            ("one sentence edited", first, editedFirst),
            ("unrelated pages (p1 vs p2)", first, second),
        ]
        let pdf = (NSTemporaryDirectory() as NSString).appendingPathComponent("bench-diff-\(getpid()).pdf")
        try AtomicFile.write(base.pdf, to: pdf)
        defer { unlink(pdf) }
        if let poppler = try? PDFRasterizer().rasterize(pdf, dpi: dpi).first {
            cases.append(("pdftoppm vs Cairo, same page", first, poppler))
        }
        print("page \(first.width)×\(first.height) px at \(dpi) dpi; median of \(runs) runs each")
        let comparison = PixelComparison()
        let clock = ContinuousClock()
        for (name, a, b) in cases {
            var result: PixelComparison.Result?
            var samples: [Duration] = []
            for _ in 0..<max(1, runs) {
                samples.append(clock.measure { result = try? comparison.compare(a, b) })
            }
            samples.sort()
            let pixels = result.map { "\($0.differingPixels) differing, \($0.antialiasedPixels) anti-aliased" } ?? "size mismatch"
            print("\(name): median \(ms(samples[samples.count / 2])) ms (min \(ms(samples[0])), max \(ms(samples.last!))); \(pixels)")
        }
    }

    private func ms(_ d: Duration) -> String {
        String(format: "%.2f", (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18) * 1000)
    }
}
