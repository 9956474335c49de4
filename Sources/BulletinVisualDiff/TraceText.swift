import BulletinDiff
import Foundation

/// Reads the text lines back from a display-list trace (`TraceRenderer`'s format, as goldens
/// record it): `page N WxH` starts a page, and each
/// `  text FONT SIZE COLOR [bold] x=X y=Y last=L glyphs=G TEXT` is a run whose glyphs start at X
/// and whose last glyph starts at X + L.
enum TraceText {
    /// The lines, or the 1-based number of the first line that cannot be read.
    static func lines(of trace: String) -> Result<[TextLine], TraceError> {
        var runs: [TextLine.Run] = []
        var page = -1
        for (number, line) in trace.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("page ") {
                page += 1
                continue
            }
            guard line.hasPrefix("  text ") else { continue }
            // Fields up to `glyphs=`; the text follows and may itself contain spaces.
            guard page >= 0, let glyphs = line.range(of: " glyphs=") else { return .failure(TraceError(line: number + 1)) }
            let head = line[..<glyphs.lowerBound].split(separator: " ")
            let tail = line[glyphs.upperBound...]
            let text = tail.firstIndex(of: " ").map { String(tail[tail.index(after: $0)...]) } ?? ""
            func field(_ name: String) -> Double? {
                head.first { $0.hasPrefix(name + "=") }.flatMap { Double($0.dropFirst(name.count + 1)) }
            }
            guard head.count >= 4, let size = Double(head[2]), let x = field("x"), let y = field("y"),
                  let last = field("last") else { return .failure(TraceError(line: number + 1)) }
            runs.append(TextLine.Run(page: page, baseline: y, left: x, right: x + last + size, size: size, text: text))
        }
        return .success(TextLine.lines(from: runs))
    }

    struct TraceError: Error { var line: Int }
}
