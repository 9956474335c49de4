import BulletinModel
import Foundation
import TestSupport
import XCTest

/// `bulletin-pdf import` as a user runs it: files, standard input and output, several inputs into
/// a directory, --explain, exit codes, and no partial output on failure.
final class ImportCommandTests: XCTestCase {
    /// The built binary, next to the test bundle in the products directory.
    private var binary: String {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL.deletingLastPathComponent()
        #else
        let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("bulletin-pdf").path
    }

    private var directory = ""

    override func setUp() {
        directory = Repository.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func run(_ arguments: [String], stdin: Data? = nil) throws -> Poppler.Result {
        try Shell.run(binary, arguments, stdin: stdin)
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    private var seed: String { ImportFixtures.seedPath("000_62e0ab55fab9e8aa.txt") }
    private var sample: String { get throws { try String(contentsOfFile: Repository.path("Samples/2020-033.json"), encoding: .utf8) } }

    func testFileToFileGivesTheSample() throws {
        let result = try run(["import", seed, "-o", path("out.json")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(try String(contentsOfFile: path("out.json"), encoding: .utf8), try sample)
    }

    func testStandardInputToStandardOutput() throws {
        let result = try run(["import", "-"], stdin: try Data(contentsOf: URL(fileURLWithPath: seed)))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, try sample)
    }

    func testSeveralInputsIntoADirectoryNamedFromTheMasthead() throws {
        let seeds = ImportFixtures.seeds.map { ImportFixtures.seedPath($0.file) }
        let out = path("samples")
        let result = try run(["import"] + seeds + ["-o", out, "--name-from-masthead"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(),
                       ImportFixtures.seeds.map { $0.sample + ".json" }.sorted())
        for seed in ImportFixtures.seeds {
            XCTAssertEqual(try String(contentsOfFile: (out as NSString).appendingPathComponent(seed.sample + ".json"), encoding: .utf8),
                           try String(contentsOfFile: Repository.path("Samples/\(seed.sample).json"), encoding: .utf8))
        }
        // Named after the inputs without --name-from-masthead.
        let plain = try run(["import"] + seeds + ["-o", path("plain")])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("plain/000_62e0ab55fab9e8aa.json")))
    }

    func testExplainListsEveryChangeAndGuess() throws {
        let result = try run(["import", seed, "-o", path("out.json"), "--explain"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let name = "000_62e0ab55fab9e8aa.txt"
        XCTAssertTrue(lines.contains { $0.hasPrefix(seed + ":17:32: change width: “,” → “，”") }, lines.prefix(30).joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix(seed + ":19:1: guess page-break: ") && $0.contains("taken as page break") })
        XCTAssertTrue(lines.contains { $0.contains("guess run-in-title: “海淀区守正创新推动文明创建成为区域发展的有力抓手。” taken as run-in title") })
        XCTAssertTrue(lines.last!.hasSuffix("170 changes, 24 guesses (0 uncertain), read as UTF-8"), lines.last! + name)
        // With the JSON on standard output, the explanation goes to standard error.
        let piped = try run(["import", seed, "-o", "-", "--explain"])
        XCTAssertEqual(piped.stdout, try sample)
        XCTAssertTrue(piped.stderr.contains("guess page-break"))
    }

    func testUncertainGuessesAreWarnings() throws {
        let result = try run(["import", ImportFixtures.seedPath("001_6870c9e3716b6b30.txt"), "-o", path("o.json")])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 3)
        XCTAssertTrue(result.stderr.contains("001_6870c9e3716b6b30.txt:23:17: warning: uncertain guess (sub-lead): “带头参与公益活动。”"),
                      result.stderr)
    }

    func testInvalidInputExitsOneAndWritesNothing() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("empty.txt"), contents: Data()))
        var result = try run(["import", path("empty.txt"), "-o", path("empty.json")])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "error: \(path("empty.txt")): the file is empty (an archive text with a masthead and articles is expected)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("empty.json")))
        XCTAssertTrue(FileManager.default.createFile(atPath: path("body.txt"), contents: Data("只有正文，没有报头。\n".utf8)))
        result = try run(["import", path("body.txt")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("body.txt:1:1: no recognisable masthead"), result.stderr)
        result = try run(["import", path("missing.txt")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no such file"))
        // One bad input among good ones: the good ones are written, the exit code says invalid input.
        result = try run(["import", seed, path("body.txt"), "-o", path("mixed")])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("mixed")), ["000_62e0ab55fab9e8aa.json"])
    }

    func testOutputFailuresExitThreeAndLeaveNoPartialFile() throws {
        let result = try run(["import", seed, "-o", path("no/such/dir/out.json")])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot write"), result.stderr)
        let readOnly = path("readonly")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        chmod(readOnly, 0o555)
        defer { chmod(readOnly, 0o755) }
        if getuid() != 0 {  // root writes anyway
            let denied = try run(["import", seed, "-o", (readOnly as NSString).appendingPathComponent("out.json")])
            XCTAssertEqual(denied.status, 3, denied.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: readOnly), [])
        }
    }

    func testUsageErrors() throws {
        let copy = path("in.txt")
        try FileManager.default.copyItem(atPath: seed, toPath: copy)
        var result = try run(["import", copy, "-o", copy])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("would overwrite an input"), result.stderr)
        XCTAssertEqual(try ImportFixtures.bytes(copy), try ImportFixtures.bytes(seed), "the input is untouched")
        result = try run(["import", seed, copy, "-o", "-"])
        XCTAssertEqual(result.status, 64)
        result = try run(["import", "-", seed])
        XCTAssertEqual(result.status, 64)
        // Two inputs that would both be written to the same name.
        try FileManager.default.createDirectory(atPath: path("b"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: seed, toPath: path("b/in.txt"))
        result = try run(["import", copy, path("b/in.txt"), "-o", path("same")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("would both be written"), result.stderr)
    }
}
