import BulletinModel
import BulletinRender
import Foundation

/// Step 4: the manifest — which outputs in the output directory are complete, and what they were
/// made from.
///
/// Files, all in the output directory:
/// - `bulletin-pdf.manifest.jsonl` for a whole-archive run, `bulletin-pdf.manifest.shard-K-of-N.jsonl`
///   for `--shard K/N`, so shards sharing one directory (or copied into one) never write the same
///   file. Every run reads them all; the latest record of an output holds.
/// - `.bulletin-pdf.lock` (and `.bulletin-pdf.shard-K-of-N.lock`): `flock` locks. A whole-archive run
///   locks the directory exclusively (it absorbs the shard files); a shard run shares it and locks
///   its own file.
///
/// Format: JSON lines, a header, then one `ManifestRecord` per line. During a run the file is an
/// append-only journal: a claim is appended after its outputs were renamed into place; a
/// retraction before an existing output is replaced. A line cut short (a kill during an append, a
/// full disk) does not parse and is ignored, and a failed append is truncated away, so the journal
/// never claims an unfinished output. Opening and closing compact it: the latest records are written
/// to a temporary file, synced and renamed over it, so a kill leaves either the old or the new file.
public final class ManifestStore: @unchecked Sendable {
    public static let mainFileName = "bulletin-pdf.manifest.jsonl"

    /// The manifest file of a shard (or the main one).
    public static func fileName(shard: Shard?) -> String {
        guard let shard, shard.count > 1 else { return mainFileName }
        return "bulletin-pdf.manifest.shard-\(shard.index)-of-\(shard.count).jsonl"
    }

    public let directory: String
    public let shard: Shard?
    /// Unreadable lines met while loading (the claims in them are not honoured).
    public private(set) var warnings: [Diagnostic] = []

    /// The latest record per output, over every manifest file.
    private var latest: [String: ManifestRecord] = [:]
    /// Outputs whose records this store's own file keeps.
    private var owned: Set<String> = []
    private var lockDescriptors: [Int32] = []
    private var journal: Int32 = -1
    private let lock = NSLock()

    private var ownPath: String { (directory as NSString).appendingPathComponent(Self.fileName(shard: shard)) }
    private var isWholeArchive: Bool { shard == nil || shard!.count == 1 }

    /// Whether this run holds the output directory alone (a whole-archive run's exclusive lock):
    /// then no other batch is writing into it, and temporary files found there are stale.
    public var holdsDirectoryAlone: Bool { isWholeArchive }

    /// Locks and loads the manifests of `directory` (which must exist), absorbs the shard files when
    /// this is a whole-archive run, compacts its own file and opens it as the journal.
    public init(directory: String, shard: Shard?) throws(BatchError) {
        self.directory = directory
        self.shard = shard
        try takeLocks()
        load()
        try compact()
        try openJournal()
    }

    deinit {
        if journal >= 0 { Foundation.close(journal) }
        for fd in lockDescriptors { Foundation.close(fd) }
    }

    /// Every output the manifest currently claims.
    public var claims: [String: ManifestClaim] {
        lock.lock()
        defer { lock.unlock() }
        return latest.compactMapValues(\.claim)
    }

    /// The claim on `output`, if any.
    public func claim(for output: String) -> ManifestClaim? {
        lock.lock()
        defer { lock.unlock() }
        return latest[output]?.claim
    }

    /// Withdraws the claim on `output` before it is replaced. Throws when the journal cannot be
    /// written; the output must then not be replaced.
    public func retract(_ output: String) throws(BatchError) {
        try append(ManifestRecord(output: output, recorded: Date().timeIntervalSince1970, claim: nil))
    }

    /// Claims `output` as complete. Call only after all its files are in place.
    public func record(_ output: String, claim: ManifestClaim) throws(BatchError) {
        try append(ManifestRecord(output: output, recorded: Date().timeIntervalSince1970, claim: claim))
    }

    /// Compacts the journal into the final manifest and releases the locks.
    public func close() throws(BatchError) {
        lock.lock()
        if journal >= 0 {
            Foundation.close(journal)
            journal = -1
        }
        lock.unlock()
        defer {
            for fd in lockDescriptors { Foundation.close(fd) }
            lockDescriptors = []
        }
        try compact()
    }

    // MARK: Locks

    private func takeLocks() throws(BatchError) {
        let directoryLock = (directory as NSString).appendingPathComponent(".bulletin-pdf.lock")
        try lockFile(directoryLock, exclusive: isWholeArchive)
        if let shard, !isWholeArchive {
            let own = (directory as NSString).appendingPathComponent(".bulletin-pdf.shard-\(shard.index)-of-\(shard.count).lock")
            try lockFile(own, exclusive: true)
        }
    }

    private func lockFile(_ path: String, exclusive: Bool) throws(BatchError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .outputDirectory(path: directory, reason: String(cString: strerror(errno))) }
        guard flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            let reason = errno
            Foundation.close(fd)
            if reason == EWOULDBLOCK { throw .locked(path: directory) }
            throw .outputDirectory(path: directory, reason: "cannot lock \(path): \(String(cString: strerror(reason)))")
        }
        lockDescriptors.append(fd)
    }

    // MARK: Loading

    /// Reads every manifest file, own file last, keeping the latest record of each output.
    private func load() {
        let loaded = Self.readAll(directory: directory, ownName: Self.fileName(shard: shard))
        latest = loaded.latest
        warnings = loaded.warnings
        for (name, outputs) in loaded.outputsByFile where name == Self.fileName(shard: shard) || isWholeArchive {
            owned.formUnion(outputs)
        }
    }

    /// The claims of every manifest in `directory`, read without locking or changing anything (for
    /// looking at a directory another run may be writing).
    public static func currentClaims(directory: String) -> [String: ManifestClaim] {
        readAll(directory: directory, ownName: mainFileName).latest.compactMapValues(\.claim)
    }

    private struct Loaded {
        var latest: [String: ManifestRecord] = [:]
        var outputsByFile: [String: [String]] = [:]
        var warnings: [Diagnostic] = []
    }

    /// Every manifest file of `directory`, `ownName` last; the latest record of each output wins.
    private static func readAll(directory: String, ownName: String) -> Loaded {
        var loaded = Loaded()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("bulletin-pdf.manifest") && $0.hasSuffix(".jsonl") }
            .sorted()
        for name in names.filter({ $0 != ownName }) + names.filter({ $0 == ownName }) {
            let records = read((directory as NSString).appendingPathComponent(name), warnings: &loaded.warnings)
            for record in records {
                if let existing = loaded.latest[record.output], existing.recorded > record.recorded { continue }
                loaded.latest[record.output] = record
            }
            loaded.outputsByFile[name] = records.map(\.output)
        }
        return loaded
    }

    private static func read(_ path: String, warnings: inout [Diagnostic]) -> [ManifestRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        var records: [ManifestRecord] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if index == 0, (try? decoder.decode(ManifestHeader.self, from: Data(line))) != nil { continue }
            if let record = try? decoder.decode(ManifestRecord.self, from: Data(line)) {
                records.append(record)
            } else if index < lines.count - 1 {
                // The last line may be cut short by a kill; any other unreadable line is news.
                warnings.append(Diagnostic(.warning, file: path, line: index + 1,
                                           message: "unreadable manifest line ignored; the output it names will be rebuilt"))
            }
        }
        return records
    }

    // MARK: Writing

    /// Writes the records this store keeps to its own file (temporary name, fsync, rename); a
    /// whole-archive run then removes the shard files it absorbed.
    private func compact() throws(BatchError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = String(decoding: (try? encoder.encode(ManifestHeader.current)) ?? Data(), as: UTF8.self) + "\n"
        lock.lock()
        let kept = owned.sorted().compactMap { latest[$0] }
        lock.unlock()
        for record in kept {
            guard let line = try? encoder.encode(record) else { continue }
            text += String(decoding: line, as: UTF8.self) + "\n"
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: ownPath)
        } catch {
            throw .write(error)
        }
        syncDirectory()
        guard isWholeArchive else { return }
        let shardFiles = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix("bulletin-pdf.manifest.shard-") && $0.hasSuffix(".jsonl") }
        for name in shardFiles { unlink((directory as NSString).appendingPathComponent(name)) }
    }

    private func openJournal() throws(BatchError) {
        journal = open(ownPath, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard journal >= 0 else {
            throw .write(AtomicFile.WriteError(path: ownPath, reason: String(cString: strerror(errno))))
        }
    }

    /// Appends one record as one `write`; on failure cuts the file back to where it was.
    private func append(_ record: ManifestRecord) throws(BatchError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let encoded = try? encoder.encode(record) else {
            throw .write(AtomicFile.WriteError(path: ownPath, reason: "cannot encode the record of \(record.output)"))
        }
        let bytes = Array(encoded) + [UInt8(ascii: "\n")]
        lock.lock()
        defer { lock.unlock() }
        guard journal >= 0 else {
            throw .write(AtomicFile.WriteError(path: ownPath, reason: "the manifest is closed"))
        }
        let start = lseek(journal, 0, SEEK_END)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(journal, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = n < 0 ? String(cString: strerror(errno)) : "no space written"
                if start >= 0 { _ = ftruncate(journal, start) }
                throw .write(AtomicFile.WriteError(path: ownPath, reason: reason))
            }
            written += n
        }
        latest[record.output] = record
        owned.insert(record.output)
    }

    /// Makes the rename of the compacted file durable (best effort).
    private func syncDirectory() {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        Foundation.close(fd)
    }
}
