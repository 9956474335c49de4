import BulletinLayout
import BulletinModel
import Foundation

/// Binds a selection of issues (a year, or any set) into one document: a contents page, then
/// every issue's pages in date order, each exactly as its own PDF would show it.
///
/// - Contents (`Typesetter.layoutContents`): per issue its number, total number and date, and
///   each article's title with the page it starts on, numbered as printed on that page — a bound
///   issue keeps its own `— n —` page numbers, so the contents points at those.
/// - Page labels (PDF 32000 §12.4.2) say the same: `目录`, then `第33期-1`, `第33期-2`, … (the
///   year is added, `2020年第1期-1`, when numbers repeat across years).
/// - Outline: the contents, then one level-1 entry per issue with a level-2 entry per article
///   (column heads, level 1 inside an issue, are left out: the outline names issues and articles).
///
/// Only the public `DisplayList` is used, so any PDF writer behind `PDFRenderer` can draw it.
public enum VolumeBinder {
    /// One issue of a volume as laid out.
    struct Bound {
        var item: ArchiveItem
        var issue: Issue
        var list: DisplayList
    }

    /// Loads and lays out `items` (in parallel, one per core), sorts them by date (then path), and binds
    /// them. Any input that cannot be read or decoded fails the volume (a volume missing an issue
    /// is not the volume asked for); all such errors are reported together.
    public static func bind(_ items: [ArchiveItem], typesetter: Typesetter, title: String? = nil,
                            creationDate: String? = nil) throws(DiagnosticsError) -> Warned<DisplayList> {
        guard !items.isEmpty else {
            throw DiagnosticsError([Diagnostic(.error, message: "no issues to bind (give .json or .txt issues, or directories of them)")])
        }
        let slots = Slots<Result<(Bound, [Diagnostic]), DiagnosticsError>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots[index] = load(items[index], typesetter: typesetter, creationDate: creationDate)
        }
        var bound: [Bound] = []
        var warnings: [Diagnostic] = []
        var errors: [Diagnostic] = []
        for result in slots.values {
            switch result {
            case .success(let (issue, issueWarnings)):
                bound.append(issue)
                warnings += issueWarnings
            case .failure(let error): errors += error.diagnostics
            case nil: break
            }
        }
        guard errors.isEmpty else { throw DiagnosticsError(errors + warnings) }
        bound.sort { a, b in
            let (da, db) = (IssueDate(parsing: a.issue.masthead.date)?.iso ?? "", IssueDate(parsing: b.issue.masthead.date)?.iso ?? "")
            return da != db ? da < db : a.item.relativePath < b.item.relativePath
        }
        return bindLaidOut(bound, typesetter: typesetter, title: title, creationDate: creationDate, warnings: warnings)
    }

    private static func load(_ item: ArchiveItem, typesetter: Typesetter,
                             creationDate: String?) -> Result<(Bound, [Diagnostic]), DiagnosticsError> {
        switch readFile(item.path) {
        case .failure(let error):
            return .failure(DiagnosticsError([Diagnostic(.error, file: item.path, message: "cannot read the file: \(error.reason)")]))
        case .success(let bytes):
            do {
                let loaded = try LoadedIssue.load(bytes, item: item)
                let laidOut = typesetter.layout(loaded.issue, creationDate: creationDate)
                let warnings = loaded.warnings + loaded.locating(laidOut.warnings, file: item.path)
                return .success((Bound(item: item, issue: loaded.issue, list: laidOut.value), warnings))
            } catch {
                return .failure(error)
            }
        }
    }

    /// The contents page and the issues joined into one display list.
    static func bindLaidOut(_ bound: [Bound], typesetter: Typesetter, title: String?, creationDate: String?,
                            warnings: [Diagnostic]) -> Warned<DisplayList> {
        let labels = issueLabels(bound.map(\.issue))
        let articles = bound.map { articleEntries($0.list, issue: $0.issue) }
        let groups = bound.indices.map { i -> ContentsGroup in
            let m = bound[i].issue.masthead
            let heading = m.number + (m.totalNumber.map { "（\($0)）" } ?? "") + "　" + m.date
            return ContentsGroup(heading: heading, entries: articles[i].map {
                ContentsEntry(title: contentsTitle($0.title), page: String($0.page + 1))
            })
        }
        let metadata = volumeMetadata(bound.map(\.issue), title: title, creationDate: creationDate)
        let contents = typesetter.layoutContents(ContentsTable(title: "目　录", groups: groups), metadata: metadata)

        var merger = DisplayListMerger(metadata: metadata)
        merger.append(contents.value, outline: contents.value.outline)
        var pageLabels = [PageLabelRange(firstPage: 0, prefix: "目录", numbered: contents.value.pages.count > 1)]
        for (i, issue) in bound.enumerated() {
            let first = merger.pageCount
            let m = issue.issue.masthead
            var outline = [OutlineEntry(title: "\(m.number)　\(m.date)", page: 0, y: 0, level: 1)]
            outline += articles[i].map { OutlineEntry(title: $0.title, page: $0.page, y: $0.y, level: 2) }
            merger.append(issue.list, outline: outline)
            pageLabels.append(PageLabelRange(firstPage: first, prefix: labels[i] + "-"))
        }
        var list = merger.list
        list.pageLabels = pageLabels
        return Warned(list, warnings: warnings + contents.warnings)
    }

    /// A title as the contents lists it: without the full stop a run-in title ends with (a
    /// contents line is a name, not a sentence).
    static func contentsTitle(_ title: String) -> String {
        title.hasSuffix("。") ? String(title.dropLast()) : title
    }

    /// The outline entries of an issue that are articles (column heads dropped), in order.
    static func articleEntries(_ list: DisplayList, issue: Issue) -> [OutlineEntry] {
        let columnHeads = Set(issue.sections.compactMap(\.column).map { "【\($0)】" })
        return list.outline.filter { !($0.level == 1 && columnHeads.contains($0.title)) }
    }

    /// Each issue's label prefix: its number, with the year when numbers repeat in the volume.
    static func issueLabels(_ issues: [Issue]) -> [String] {
        let numbers = issues.map(\.masthead.number)
        let repeated = Set(numbers.filter { n in numbers.filter { $0 == n }.count > 1 })
        return issues.map { issue in
            let number = issue.masthead.number
            guard repeated.contains(number), let year = IssueDate(parsing: issue.masthead.date)?.year else { return number }
            return "\(year)年\(number)"
        }
    }

    static func volumeMetadata(_ issues: [Issue], title: String?, creationDate: String?) -> DocumentMetadata {
        let first = issues.first!.masthead, last = issues.last!.masthead
        let range = issues.count == 1 ? first.number : "\(first.number)—\(last.number)"
        let date = creationDate ?? IssueDate(parsing: last.date).map { "\($0.iso)T00:00:00Z" } ?? "2000-01-01T00:00:00Z"
        return DocumentMetadata(title: title ?? "\(first.title) 合订本（\(range)）", author: first.issuer,
                                subject: issues.map(\.masthead.number).joined(separator: "，"), keywords: "",
                                creator: "bulletin-pdf", creationDate: date)
    }
}

/// Fixed slots written by concurrent iterations, each index by one iteration only.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
