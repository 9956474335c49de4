import Foundation
import TestSupport
import XCTest

/// Running `bulletin-pdf batch` and `volume` from the tests: a shared font-hash cache (so the
/// fonts and the binary are hashed once per test run, not per test), runs as an unprivileged user
/// where permission bits matter, and runs in the background for signals.
enum BatchCLI {
    /// A cache directory every test (and the unprivileged user) can write.
    static let cacheDirectory: String = {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("bulletin-batch-cli-cache-\(getuid())")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o777)
        return directory
    }()

    static var environment: [String: String] {
        var environment = CLI.environment
        environment["BULLETIN_PDF_CACHE"] = cacheDirectory
        return environment
    }

    /// Runs `bulletin-pdf arguments…`.
    static func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> CLI.Run {
        launch(CLI.binary, arguments, file: file, line: line)
    }

    /// Runs `/bin/sh -c script` with `$BULLETIN_PDF` set to the binary.
    static func shell(_ script: String, file: StaticString = #filePath, line: UInt = #line) -> CLI.Run {
        launch("/bin/sh", ["-c", script], file: file, line: line)
    }

    /// Whether permission bits bind this process (false for root).
    static var permissionsApply: Bool { getuid() != 0 }

    /// Runs `bulletin-pdf arguments…` as a user permission bits apply to: as `nobody` through
    /// setpriv when the tests run as root (CI containers), else as the current user.
    static func runUnprivileged(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> CLI.Run {
        guard !permissionsApply else { return run(arguments, file: file, line: line) }
        return launch("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", CLI.binary] + arguments,
                      file: file, line: line)
    }

    private static func launch(_ executable: String, _ arguments: [String], file: StaticString, line: UInt) -> CLI.Run {
        var environment = self.environment
        environment["BULLETIN_PDF"] = CLI.binary
        do {
            let result = try Shell.run(executable, arguments, environment: environment)
            return CLI.Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
        } catch {
            XCTFail("cannot run \(executable): \(error)", file: file, line: line)
            return CLI.Run(status: -1, stdout: "", stderr: "")
        }
    }

    /// A batch running in the background; its standard error is collected as it comes.
    final class Background: @unchecked Sendable {
        let process = Process()
        private var collected = Data()
        private let lock = NSLock()
        private let reader = DispatchGroup()

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = arguments
            process.environment = BatchCLI.environment
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            reader.enter()
            DispatchQueue.global().async {
                while true {
                    let data = err.fileHandleForReading.availableData
                    if data.isEmpty { break }
                    self.lock.lock()
                    self.collected.append(data)
                    self.lock.unlock()
                }
                self.reader.leave()
            }
        }

        var stderr: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: collected, as: UTF8.self)
        }

        /// Waits (up to `timeout` seconds) until `condition` holds; false on timeout or exit.
        func wait(timeout: Double = 120, until condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if condition() { return true }
                if !process.isRunning { return condition() }
                usleep(10_000)
            }
            return false
        }

        /// Waits for the exit and the end of standard error; returns the exit status (128 + n
        /// for a death by signal n, as a shell reports it).
        func finish() -> Int32 {
            process.waitUntilExit()
            reader.wait()
            return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        }
    }
}

/// Helpers for the batch command's tests: archives to run on, and what a batch left behind.
class BatchCLITestCase: CLITestCase {
    var archive: String { path("archive") }
    var output: String { path("out") }

    /// `count` small issues at archive/2020/<nnn>.json.
    func makeSmallArchive(_ count: Int) {
        for n in 1...count { write("archive/2020/\(String(format: "%03d", n)).json", IssueJSON.withParagraph("第\(n)期的正文。")) }
    }

    /// `count` copies of the shipped samples (several pages each) at archive/<nnn>.json.
    func makeSampleArchive(_ count: Int) throws {
        let samples = try Repository.samples.map { try String(contentsOfFile: $0, encoding: .utf8) }
        for n in 0..<count { write("archive/\(String(format: "%03d", n + 1)).json", samples[n % samples.count]) }
    }

    /// `count` issues at archive/<nnn>.json: every `sampleEvery`-th a shipped sample (several pages,
    /// 300 KB of PDF), the others small — a batch long enough to interrupt that stays quick.
    func makeMixedArchive(_ count: Int, sampleEvery: Int = 4) throws {
        let samples = try Repository.samples.map { try String(contentsOfFile: $0, encoding: .utf8) }
        for n in 0..<count {
            let text = n % sampleEvery == 0 ? samples[n / sampleEvery % samples.count] : IssueJSON.withParagraph("第\(n)期。")
            write("archive/\(String(format: "%03d", n + 1)).json", text)
        }
    }

    /// The PDFs below `out/`, relative, sorted.
    func pdfs() -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: output)) ?? [])
            .filter { $0.hasSuffix(".pdf") && !($0 as NSString).lastPathComponent.hasPrefix(".") }.sorted()
    }

    /// Hidden temporary files below `out/` (`.NAME.PID.RANDOM.tmp`, what a killed writer leaves).
    func temporaryFiles() -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: output)) ?? [])
            .filter { ($0 as NSString).lastPathComponent.hasPrefix(".") && $0.hasSuffix(".tmp") }.sorted()
    }

    /// The outputs the manifests in `out/` claim, with the PDF sizes they state.
    func claims() -> [String: Int] {
        var claims: [String: Int] = [:]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? [])
            .filter { $0.hasPrefix("bulletin-pdf.manifest") && $0.hasSuffix(".jsonl") }
        var latest: [String: (Double, Int?)] = [:]
        for name in names {
            let text = (try? String(contentsOfFile: output + "/" + name, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let output = object["output"] as? String, let recorded = object["recorded"] as? Double else { continue }
                let size = (object["claim"] as? [String: Any])?["pdfBytes"] as? Int
                if let existing = latest[output], existing.0 > recorded { continue }
                latest[output] = (recorded, size)
            }
        }
        for (output, record) in latest { if let size = record.1 { claims[output] = size } }
        return claims
    }

    /// Asserts that every PDF under a final name is whole (ends in %%EOF and, with `pdfinfo`,
    /// poppler reads it) and that every claim names an existing PDF of the claimed size.
    func assertOnlyCompleteOutputsAndTrueClaims(pdfinfo: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
        for pdf in pdfs() {
            let data = contents(of: output + "/" + pdf) ?? Data()
            let tail = String(decoding: data.suffix(16), as: UTF8.self)
            XCTAssertTrue(tail.contains("%%EOF"), "\(pdf) does not end in %%EOF", file: file, line: line)
            if pdfinfo {
                XCTAssertEqual((try? Poppler.run("pdfinfo", [output + "/" + pdf]))?.status, 0, "pdfinfo rejects \(pdf)",
                               file: file, line: line)
            }
        }
        for (claimed, size) in claims() {
            let attributes = try? FileManager.default.attributesOfItem(atPath: output + "/" + claimed)
            XCTAssertEqual((attributes?[.size] as? NSNumber)?.intValue, size, "claim on \(claimed) is false",
                           file: file, line: line)
        }
    }
}
