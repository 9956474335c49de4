import BulletinDiff
import Foundation

/// The human summary `diff` prints: one line per document, the pages that differ with their
/// share of differing pixels, what changed, then the totals.
enum DiffSummaryText {
    static func render(_ report: DiffReport, reportDirectory: String?) -> String {
        var out = ""
        for document in report.documents {
            let name = document.name.isEmpty ? "document" : document.name
            let pages = document.pages.filter { $0.status != .same }
            let total = document.newPages ?? document.basePages ?? 0
            switch document.status {
            case .same:
                out += "same       \(name) (\(total) pages)\n"
            case .added, .removed:
                out += "\(document.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))\(name) (\(total) pages)\n"
            case .different, .error:
                let list = pages.map { page -> String in
                    switch page.status {
                    case .different: return "p\(page.page) " + String(format: "%.3f%%", page.ratio * 100)
                    default: return "p\(page.page) \(page.status.rawValue)"
                    }
                }
                out += "\(document.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))\(name): "
                    + (list.isEmpty ? "" : list.joined(separator: " · ") + " ")
                    + "(of \(total) pages\(document.basePages != document.newPages && document.basePages != nil && document.newPages != nil ? ", base had \(document.basePages!)" : ""))\n"
                for change in document.changes { out += "    \(change.description)\n" }
            }
        }
        for update in report.updates { out += "updated    \(update)\n" }
        let t = report.totals
        out += "\(report.outcome.rawValue): \(t.differentPages) of \(t.pages) pages differ in \(t.differentDocuments) of "
            + "\(t.documents) documents; \(t.errorPages + t.errorDocuments + report.errors.count) errors\n"
        if let reportDirectory { out += "report: \((reportDirectory as NSString).appendingPathComponent("index.html"))\n" }
        return out
    }
}
