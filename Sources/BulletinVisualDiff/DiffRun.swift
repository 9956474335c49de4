import BulletinDiff
import Foundation

/// How a diff compares and what it writes.
public struct DiffOptions: Sendable {
    public var comparison: PixelComparison
    public var maxDiffPixels: Int?
    public var maxDiffRatio: Double?
    /// Where to write the report (page images, index.html, report.json); nil for none.
    public var reportDirectory: String?

    public init(comparison: PixelComparison = PixelComparison(), maxDiffPixels: Int? = nil, maxDiffRatio: Double? = nil,
                reportDirectory: String? = nil) {
        self.comparison = comparison
        self.maxDiffPixels = maxDiffPixels
        self.maxDiffRatio = maxDiffRatio
        self.reportDirectory = reportDirectory
    }

    public var budget: DiffBudget { DiffBudget(maxDifferingPixels: maxDiffPixels, maxDifferingRatio: maxDiffRatio) }

    /// These options as a report states them.
    public func settings(dpi: Double?, rasterizer: String?) -> DiffReport.Settings {
        DiffReport.Settings(threshold: comparison.threshold, detectsAntialiasing: comparison.detectsAntialiasing,
                            shiftTolerance: comparison.shiftTolerance, maxDiffPixels: maxDiffPixels,
                            maxDiffRatio: maxDiffRatio, dpi: dpi, rasterizer: rasterizer)
    }
}

/// Pairs the documents of two sets and compares each pair: documents by name (relative path
/// without extension; two single files whatever their names), pages by number. Documents are
/// loaded one pair at a time, both sides at once (two pdftoppm processes run in parallel).
public struct DiffRun {
    public var options: DiffOptions
    /// Called after each document with both loaded sides (nil where a side has no such document
    /// or could not be loaded) and its report, which it may amend — `GoldenCheck --update`
    /// re-records here.
    public var inspect: ((_ name: String, _ base: LoadedDocument?, _ new: LoadedDocument?, _ report: inout DocumentReport) -> Void)?
    /// What a document only the new side has means: nil → `added` (a difference); an error → that
    /// error (a missing golden).
    public var onlyInNew: (_ name: String) -> DiffError? = { _ in nil }

    public init(options: DiffOptions) { self.options = options }

    public func run(base: any DocumentSet, new: any DocumentSet, settings: DiffReport.Settings) -> DiffReport {
        var report = DiffReport(base: base.summary, new: new.summary, settings: settings)
        let images = options.reportDirectory.map { ReportImages(directory: $0) }
        let comparer = DocumentComparer(comparison: options.comparison, budget: options.budget, images: images)
        let pairs: [(name: String, base: String?, new: String?)]
        do {
            pairs = try Self.pairs(base, new)
        } catch {
            report.errors.append(error.description)
            report.finish()
            return report
        }
        for pair in pairs {
            let (baseDocument, newDocument) = Self.load(base, pair.base, new, pair.new)
            var document: DocumentReport
            switch (baseDocument, newDocument) {
            case (.success(let a)?, .success(let b)?):
                document = comparer.compare(name: pair.name, base: a, new: b)
            case (.failure(let error)?, _), (_, .failure(let error)?):
                document = DocumentReport(name: pair.name, status: .error, basePages: try? baseDocument?.get().pages.count,
                                          newPages: try? newDocument?.get().pages.count, errors: [error.description])
            case (nil, .success(let b)?):
                if let error = onlyInNew(pair.name) {
                    document = DocumentReport(name: pair.name, status: .error, basePages: nil, newPages: b.pages.count,
                                              errors: [error.description])
                } else {
                    document = DocumentReport(name: pair.name, status: .added, basePages: nil, newPages: b.pages.count,
                                              changes: [Change(kind: .added, description: "document \(pair.name) added")])
                }
            case (.success(let a)?, nil):
                document = DocumentReport(name: pair.name, status: .removed, basePages: a.pages.count, newPages: nil,
                                          changes: [Change(kind: .removed, description: "document \(pair.name) removed")])
            case (nil, nil):
                continue
            }
            inspect?(pair.name, try? baseDocument?.get(), try? newDocument?.get(), &document)
            report.documents.append(document)
        }
        report.finish()
        return report
    }

    /// The document pairs: by name; two single documents whatever their names; a single document
    /// with the document of its name in a set (one issue against a goldens directory).
    static func pairs(_ base: any DocumentSet, _ new: any DocumentSet) throws(DiffError) -> [(name: String, base: String?, new: String?)] {
        if base.isSingleDocument != new.isSingleDocument {
            let single = base.isSingleDocument ? base : new, set = base.isSingleDocument ? new : base
            if let name = single.names.first, set.names.contains(name) { return [(name, name, name)] }
        }
        if base.isSingleDocument || new.isSingleDocument {
            guard base.names.count == 1, new.names.count == 1 else {
                let (single, other) = base.isSingleDocument ? (base, new) : (new, base)
                throw .unpairable(reason: "cannot pair the single document \(single.path) with \(other.summary); "
                                  + "give two files or two directories")
            }
            let name = base.names[0] == new.names[0] ? new.names[0] : "\(base.names[0]) → \(new.names[0])"
            return [(name, base.names[0], new.names[0])]
        }
        let names = Set(base.names).union(new.names).sorted()
        let baseNames = Set(base.names), newNames = Set(new.names)
        return names.map { ($0, baseNames.contains($0) ? $0 : nil, newNames.contains($0) ? $0 : nil) }
    }

    /// Loads both sides at once (two pdftoppm processes, or decoding while the other renders).
    static func load(_ base: any DocumentSet, _ baseName: String?, _ new: any DocumentSet,
                     _ newName: String?) -> (Result<LoadedDocument, DiffError>?, Result<LoadedDocument, DiffError>?) {
        final class Box: @unchecked Sendable {
            var results: [Result<LoadedDocument, DiffError>?] = [nil, nil]
            let lock = NSLock()
        }
        let box = Box()
        let jobs: [(any DocumentSet, String?)] = [(base, baseName), (new, newName)]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            guard let name = jobs[index].1 else { return }
            let set = jobs[index].0
            let result = Result { () throws(DiffError) in try set.load(name) }
            box.lock.withLock { box.results[index] = result }
        }
        return (box.results[0], box.results[1])
    }
}
