import BulletinDigest
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation

/// What every job of a run shares, read-only: the pipeline (one `RenderSession`, whose fonts are
/// parsed once per process and shared by all workers), the settings and their fingerprint, the
/// manifest and the writer.
final class JobContext: Sendable {
    let session: RenderSession
    let typesetter: Typesetter
    let settings: OutputSettings
    let fingerprint: SettingsFingerprint
    let outputDirectory: String
    let manifest: ManifestStore
    let writer: any OutputWriter
    let force: Bool
    /// Digests of fallback fonts (`ManifestClaim.fallbackFonts`), cached by stat.
    let hashes: FileHashCache
    /// Paths of the fonts the layout names (the fingerprint covers them).
    let layoutFontPaths: Set<String>

    init(session: RenderSession, typesetter: Typesetter, settings: OutputSettings, fingerprint: SettingsFingerprint,
         outputDirectory: String, manifest: ManifestStore, writer: any OutputWriter, force: Bool, hashes: FileHashCache) {
        self.session = session
        self.typesetter = typesetter
        self.settings = settings
        self.fingerprint = fingerprint
        self.outputDirectory = outputDirectory
        self.manifest = manifest
        self.writer = writer
        self.force = force
        self.hashes = hashes
        layoutFontPaths = Set(SettingsFingerprint.layoutFonts(session: session, typesetter: typesetter).map(\.path))
    }

    /// The digest of a fallback font, or "" when it cannot be read (such a claim never holds).
    func fallbackDigest(_ path: String) -> String {
        (try? hashes.digest(of: path)) ?? ""
    }

    func absolute(_ relative: String) -> String {
        (outputDirectory as NSString).appendingPathComponent(relative)
    }
}

/// Step 5, for one input: read and hash it; skip it when the manifest's claim holds; else decode
/// (or import) → lay out → PDF (→ PNGs) → write each file atomically → claim it in the journal.
/// Never throws: every failure becomes a located error in the outcome.
struct IssueJob {
    let item: ArchiveItem
    let context: JobContext

    func run() -> IssueOutcome {
        let started = Stopwatch.now()
        var outcome = IssueOutcome(item: item, status: .failed)
        perform(&outcome)
        outcome.seconds = Stopwatch.now() - started
        return outcome
    }

    private func perform(_ outcome: inout IssueOutcome) {
        var clock = Stopwatch.now()
        func lap() -> Double {
            let now = Stopwatch.now()
            defer { clock = now }
            return now - clock
        }
        // Read and hash.
        let bytes: [UInt8]
        switch readFile(item.path) {
        case .success(let read): bytes = read
        case .failure(let error):
            fail(&outcome, .input, [Diagnostic(.error, file: item.path, message: "cannot read the file: \(error.reason)")])
            return
        }
        let digest = SHA256.hex(bytes)
        let previous = context.manifest.claim(for: item.outputPath)
        let reason = rebuildReason(previous, digest: digest)
        outcome.phases.readAndHash = lap()
        if reason == nil, let previous {
            outcome.status = .unchanged
            outcome.pages = previous.pages
            outcome.issue = previous.issue
            return
        }
        outcome.reason = reason

        // Decode or import.
        let loaded: LoadedIssue
        do {
            loaded = try LoadedIssue.load(bytes, item: item)
        } catch {
            fail(&outcome, .input, error.diagnostics)
            return
        }
        outcome.issue = IssueSummary(loaded.issue)
        outcome.phases.decode = lap()

        // Lay out.
        let laidOut = context.typesetter.layout(loaded.issue, creationDate: context.settings.creationDate)
        let list = laidOut.value
        let warnings = loaded.warnings + loaded.locating(laidOut.warnings, file: item.path)
        outcome.warnings = warnings
        outcome.pages = list.pages.count
        outcome.phases.layout = lap()

        // Render.
        let pdf: [UInt8]
        do {
            pdf = try PDFRenderer.render(list)
        } catch {
            fail(&outcome, .input, [Diagnostic(.error, file: item.path, message: error.description)])
            return
        }
        outcome.phases.pdf = lap()
        var images: [(name: String, bytes: [UInt8])] = []
        if let dpi = context.settings.pngDPI {
            for page in list.pages.indices {
                do {
                    images.append(("\(item.stem)-\(page + 1).png", try PNGRenderer.render(list, page: page, dpi: dpi)))
                } catch {
                    fail(&outcome, .input, [Diagnostic(.error, file: item.path, message: error.description)])
                    return
                }
            }
            outcome.phases.png = lap()
        }

        // Write: retract the old claim, put every file in place, then claim them.
        do throws(BatchError) {
            let pdfPath = context.absolute(item.outputPath)
            try writeFiles(pdf: pdf, to: pdfPath, images: images, previous: previous)
            let claim = ManifestClaim(input: item.relativePath, inputSHA256: digest,
                                      settings: context.fingerprint.digest, pdfBytes: pdf.count,
                                      pages: list.pages.count, images: images.map(\.name), issue: outcome.issue!,
                                      fallbackFonts: fallbackFonts(of: list))
            try context.manifest.record(item.outputPath, claim: claim)
            for stale in Set(previous?.images ?? []).subtracting(claim.images) {
                unlink(context.absolute(stale))
            }
        } catch {
            fail(&outcome, .output, [error.diagnostic])
            return
        }
        outcome.phases.write = lap()
        outcome.status = .built
    }

    private func writeFiles(pdf: [UInt8], to pdfPath: String, images: [(name: String, bytes: [UInt8])],
                            previous: ManifestClaim?) throws(BatchError) {
        do {
            try context.writer.createDirectory((pdfPath as NSString).deletingLastPathComponent)
        } catch {
            throw .write(error)
        }
        if previous != nil { try context.manifest.retract(item.outputPath) }
        do {
            try context.writer.write(pdf, to: pdfPath)
            for image in images { try context.writer.write(image.bytes, to: context.absolute(image.name)) }
        } catch {
            throw .write(error)
        }
    }

    /// The fonts of `list` the layout does not name, with their digests; nil when there are none.
    private func fallbackFonts(of list: DisplayList) -> [String: String]? {
        let paths = Set(list.fonts.map(\.path)).subtracting(context.layoutFontPaths)
        guard !paths.isEmpty else { return nil }
        return Dictionary(uniqueKeysWithValues: paths.map { ($0, context.fallbackDigest($0)) })
    }

    /// Why the input must be typeset, or nil when the claim on its output still holds.
    private func rebuildReason(_ claim: ManifestClaim?, digest: String) -> String? {
        if context.force { return "forced" }
        guard let claim else { return "new" }
        if claim.settings != context.fingerprint.digest { return "settings changed" }
        if claim.input != item.relativePath || claim.inputSHA256 != digest { return "input changed" }
        for (path, digest) in (claim.fallbackFonts ?? [:]).sorted(by: { $0.key < $1.key })
        where digest.isEmpty || context.fallbackDigest(path) != digest {
            return "fallback font \(path) changed"
        }
        if fileSize(context.absolute(item.outputPath)) != claim.pdfBytes { return "output missing or changed" }
        for image in claim.images where fileSize(context.absolute(image)) == nil { return "output missing or changed" }
        return nil
    }

    private func fail(_ outcome: inout IssueOutcome, _ failure: IssueOutcome.Failure, _ errors: [Diagnostic]) {
        outcome.status = .failed
        outcome.failure = failure
        outcome.errors = errors
    }
}

/// Why a file could not be read.
struct ReadError: Error {
    let reason: String
}

/// The bytes of a file, read with POSIX calls (a clear reason on failure, no Foundation NSError).
func readFile(_ path: String) -> Result<[UInt8], ReadError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(ReadError(reason: String(cString: strerror(errno)))) }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return .failure(ReadError(reason: String(cString: strerror(errno)))) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(ReadError(reason: "not a regular file")) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: max(65536, Int(status.st_size) + 1))
    while true {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            return .failure(ReadError(reason: String(cString: strerror(errno))))
        }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return .success(bytes)
}

/// The size of a regular file, or nil when there is none.
func fileSize(_ path: String) -> Int? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(status.st_size)
}
