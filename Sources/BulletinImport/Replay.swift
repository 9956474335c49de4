/// Step 6 — the normalized text: the input with every change note applied, line by line; a line
/// joined across a page break continues the line before; lines left empty are dropped.
///
/// This is the text the round-trip test compares with a PDF's text, and the form in which a
/// reader checks the import against the archive (`Tests/Goldens/normalized`).
enum Replay {
    static func normalizedText(_ source: SourceText, _ notes: [ImportNote]) -> String {
        var changes: [Int: [ImportNote]] = [:]
        var joined = Set<Int>()
        for note in notes {
            if note.kind == .change {
                changes[note.line, default: []].append(note)
            } else if note.rule == .pageBreak, note.after.hasPrefix("page break") {
                joined.insert(note.line)
            }
        }
        var lines: [String] = []
        for line in 1...source.lineCount {
            let range = source.lineRange(line)
            var text = String()
            var column = 1
            var index = range.lowerBound
            for note in changes[line] ?? [] {
                while column < note.column && index < range.upperBound {
                    text.unicodeScalars.append(source.scalars[index])
                    index += 1
                    column += 1
                }
                text += note.after
                let skip = note.before.unicodeScalars.count
                index += skip
                column += skip
            }
            if index < range.upperBound { text.unicodeScalars.append(contentsOf: source.scalars[index..<range.upperBound]) }
            if joined.contains(line), !lines.isEmpty {
                lines[lines.count - 1] += text
            } else if !text.isEmpty {
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
