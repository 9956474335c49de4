import ArgumentParser
import BulletinModel
import BulletinRender
import Foundation

/// `bulletin-pdf bench`: renders issues repeatedly in one process and prints timings. Cold
/// whole-process figures come from `scripts/bench.sh` (hyperfine over separate processes).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Render issues N times in this process; print ms per issue, pages/s and peak RSS.")

    @Argument(help: "Issue JSON files (default: every Samples/*.json).")
    var inputs: [String] = []

    @Option(help: "Warm renders per issue.")
    var runs: Int = 20

    @Option(help: "Layout name or path.")
    var layout: String = "jianbao"

    func run() throws {
        let home = try installationHome()
        var files = inputs
        if files.isEmpty {
            let samples = (home as NSString).appendingPathComponent("Samples")
            files = ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? [])
                .filter { $0.hasSuffix(".json") }.sorted().map { (samples as NSString).appendingPathComponent($0) }
        }
        let clock = ContinuousClock()
        var session: RenderSession!
        let setup = clock.measure { session = try? RenderSession(home: home) }
        guard let session else { throw ExitStatus.invalidInput }
        print("setup (font catalog): \(ms(setup)) ms")
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let bytes = Array(data)
            var pages = 0
            let first = try clock.measure {
                pages = try session.render(issueJSON: bytes, file: file, layout: layout).value.displayList.pages.count
            }
            var samples: [Duration] = []
            for _ in 0..<max(1, runs) {
                samples.append(try clock.measure { _ = try session.render(issueJSON: bytes, file: file, layout: layout) })
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let perSecond = Double(pages) / seconds(median)
            print("\((file as NSString).lastPathComponent): \(pages) pages; first \(ms(first)) ms; "
                  + "warm median \(ms(median)) ms (min \(ms(samples[0])), max \(ms(samples.last!))); "
                  + String(format: "%.0f pages/s", perSecond))
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS: \(usage.ru_maxrss / 1024) MB")
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func ms(_ d: Duration) -> String { String(format: "%.1f", seconds(d) * 1000) }
}
