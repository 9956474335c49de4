@testable import BulletinBatch
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Shared pieces of the batch tests: one render session over the repository's fonts (parsed once,
/// as in a real batch) and one font-hash cache, so the 35 MB of fonts are hashed once per test run.
enum BatchFixtures {
    static let session: RenderSession = try! RenderSession(home: Repository.root, systemFallback: false)
    static let typesetter: Typesetter = try! session.typesetter(layout: "jianbao")
    static let hashes = FileHashCache(file: cacheFile)

    /// The hash cache file the library and CLI tests share (the CLI gets it through
    /// BULLETIN_PDF_CACHE).
    static var cacheFile: String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("bulletin-batch-tests-\(getuid())/file-hashes.tsv")
    }

    /// A small valid issue: number `n`, one headline and one paragraph, dated in `year`.
    static func issueJSON(_ n: Int, year: Int = 2020, headline: String? = nil) -> String {
        """
        {
          "masthead": {"title": "测试简报", "number": "第\(n)期", "totalNumber": "总第\(100 + n)期",
                       "issuer": "测试办", "date": "\(year)年7月\(n % 28 + 1)日"},
          "sections": [{"articles": [{"headline": "\(headline ?? "第\(n)期的标题")", "blocks": ["第一段文字，第\(n)期。"]}]}]
        }

        """
    }

    /// The text bulletin fixture (a real archive text, imported on the fly).
    static var bulletinText: Data {
        FileManager.default.contents(atPath: Repository.path("Tests/Fixtures/batch/bulletin.txt"))!
    }
}

/// A test with its own temporary directory holding `archive/` and `out/`.
class BatchTestCase: XCTestCase {
    var directory = ""
    var archive: String { path("archive") }
    var output: String { path("out") }

    override func setUp() {
        super.setUp()
        directory = Repository.temporaryDirectory()
    }

    override func tearDown() {
        let manager = FileManager.default
        for name in [""] + ((try? manager.subpathsOfDirectory(atPath: directory)) ?? []) {
            var status = stat()
            if lstat(path(name), &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { chmod(path(name), 0o755) }
        }
        try? manager.removeItem(atPath: directory)
        super.tearDown()
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Writes `text` at `name` below the test directory (directories made as needed).
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Data(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) -> String {
        let target = path(name)
        try! FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! data.write(to: URL(fileURLWithPath: target))
        return target
    }

    /// `count` small issues at archive/<year>/<nnn>.json.
    func makeArchive(_ count: Int, year: Int = 2020) {
        for n in 1...count {
            write("archive/\(year)/\(String(format: "%03d", n)).json", BatchFixtures.issueJSON(n, year: year))
        }
    }

    /// Runs a batch over `inputs` (default: the archive) into `out/`.
    @discardableResult
    func runBatch(_ inputs: [String]? = nil, jobs: Int = 2, force: Bool = false, shard: Shard? = nil,
                  settings: OutputSettings = OutputSettings(), report: String? = nil, index: String? = nil,
                  writer: any OutputWriter = AtomicOutputWriter(), tool: String = "bulletin-pdf test",
                  typesetter: Typesetter = BatchFixtures.typesetter, session: RenderSession = BatchFixtures.session,
                  progress: ProgressPrinter = ProgressPrinter(mode: .quiet, output: { _ in }),
                  configure: (BatchRunner) -> Void = { _ in }) throws -> BatchResult {
        let options = BatchOptions(inputs: inputs ?? [archive], outputDirectory: output, settings: settings, jobs: jobs,
                                   force: force, shard: shard, reportPath: report, indexPath: index, tool: tool)
        let runner = BatchRunner(options: options, session: session, typesetter: typesetter,
                                 hashes: BatchFixtures.hashes, writer: writer, progress: progress)
        configure(runner)
        return try runner.run()
    }

    /// The outcomes of `result` by relative output path.
    func statuses(_ result: BatchResult) -> [String: IssueOutcome.Status] {
        Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.output, $0.status) })
    }

    /// Every regular file below `out/` that is not a batch file (manifest, lock, temporary), sorted.
    func outputFiles() -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: output)) ?? []).filter { name in
            var status = stat()
            let last = (name as NSString).lastPathComponent
            return stat((output as NSString).appendingPathComponent(name), &status) == 0
                && (status.st_mode & S_IFMT) == S_IFREG && !last.hasPrefix(".") && !last.hasPrefix("bulletin-pdf.manifest")
        }.sorted()
    }

    /// The claims of the manifests in `out/`, as the next run would read them.
    func manifestClaims() -> [String: ManifestClaim] {
        ManifestStore.currentClaims(directory: output)
    }
}

/// What a `ProgressPrinter` printed, collected from any thread.
final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func append(_ line: String) {
        lock.lock()
        collected.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
