import BulletinImport
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// The inputs of the import tests and two independent checkers: the replay of an import's change
/// notes on its input (accountability), and the match of a PDF's text against a normalized text.
enum ImportFixtures {
    /// The four real seeds (copies of ../shared/seeds) and the sample each one gives.
    static let seeds: [(file: String, sample: String)] = [
        ("000_62e0ab55fab9e8aa.txt", "2020-033"),
        ("001_6870c9e3716b6b30.txt", "2020-038"),
        ("002_3542e7b5ed8bb9b8.txt", "2022-017"),
        ("004_3793c85bd502d58e.txt", "2021-012"),
    ]

    /// Bulletins written for the variants the seeds lack (Tests/Fixtures/import).
    static let synthetic = ["chinese-numerals", "issuer-date-one-line", "columns", "supplement", "headings",
                            "no-attribution", "crlf", "gb18030"]

    /// `000_62e0ab55fab9e8aa` for `000_62e0ab55fab9e8aa.txt`: the name of the seed's golden.
    static func stem(_ file: String) -> String { (file as NSString).deletingPathExtension }

    static func seedPath(_ file: String) -> String { Repository.path("Tests/Fixtures/seeds/\(file)") }
    static func syntheticPath(_ name: String) -> String { Repository.path("Tests/Fixtures/import/\(name).txt") }

    static func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    static func importing(_ path: String) throws -> Warned<ImportResult> {
        try Importer.importIssue(bytes(path), file: (path as NSString).lastPathComponent)
    }

    /// Every fixture as (name, path, decoded text); the GB18030 file's text comes from its UTF-8 twin.
    static func allInputs() throws -> [(name: String, path: String, text: String)] {
        var inputs = try seeds.map { ($0.file, seedPath($0.file), try text(seedPath($0.file))) }
        for name in synthetic {
            let twin = name == "gb18030" ? "chinese-numerals" : name
            inputs.append((name, syntheticPath(name), try text(syntheticPath(twin))))
        }
        return inputs
    }

    /// UTF-8 text of a fixture, without a BOM.
    static func text(_ path: String) throws -> String {
        var bytes = try bytes(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Accountability

    /// Applies the change notes to the input and returns the result: the input's content
    /// characters (everything but line terminators), each note's `before` replaced by its
    /// `after` at its line:column. Fails on a note whose `before` is not what the input has there,
    /// or that overlaps another. Written independently of the importer's own `Replay`.
    static func replay(_ input: String, _ notes: [ImportNote]) throws -> String {
        struct ReplayError: Error, CustomStringConvertible { var description: String }
        // The lines as ranges of one array (cheap even for 10 MB in a debug build).
        let all = Array(input.unicodeScalars)
        var lines: [ArraySlice<Unicode.Scalar>] = []
        var start = 0, i = 0
        while i < all.count {
            let c = all[i]
            if c == "\n" || c == "\r" || c == "\u{0C}" {
                lines.append(all[start..<i])
                if c == "\r" && i + 1 < all.count && all[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(all[start..<all.count])
        let candidates = notes.filter { $0.kind == .change }
        let keys = candidates.map { ($0.line, $0.column, $0.before.isEmpty ? 0 : 1) }
        let order = candidates.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.0 != y.0 { return x.0 < y.0 }
            if x.1 != y.1 { return x.1 < y.1 }
            return x.2 != y.2 ? x.2 < y.2 : a < b
        }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(all.count)
        var next = 0
        for (index, line) in lines.enumerated() {
            var cursor = line.startIndex
            while next < order.count && candidates[order[next]].line == index + 1 {
                let note = candidates[order[next]]
                let column = line.startIndex + note.column - 1
                guard column >= cursor, column <= line.endIndex else {
                    throw ReplayError(description: "\(note): overlaps the previous note or lies outside its line")
                }
                output.append(contentsOf: all[cursor..<column])
                let before = Array(note.before.unicodeScalars)
                guard column + before.count <= line.endIndex, Array(all[column..<(column + before.count)]) == before else {
                    let found = all[column..<min(line.endIndex, column + before.count)]
                    throw ReplayError(description: "\(note): the input has “\(String(String.UnicodeScalarView(found)))” there")
                }
                output.append(contentsOf: note.after.unicodeScalars)
                cursor = column + before.count
                next += 1
            }
            output.append(contentsOf: all[cursor..<line.endIndex])
        }
        guard next == order.count else { throw ReplayError(description: "\(candidates[order[next]]): beyond the last line") }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: output)
        return String(text)
    }

    /// The first difference of two strings, with context, for failure messages.
    static func firstDifference(_ a: String, _ b: String) -> String? {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x != y else { return nil }
        var i = 0
        while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
        func around(_ s: [Unicode.Scalar]) -> String {
            String(String.UnicodeScalarView(s[max(0, i - 15)..<min(s.count, i + 15)]))
        }
        return "at character \(i + 1): “\(around(x))” vs “\(around(y))”"
    }

    // MARK: PDF text against a normalized text

    /// Checks `pdftotext` output against normalized text: with page numbers and line breaks
    /// removed, the PDF's text must be the normalized lines in order, character for character.
    /// Only whitespace may stand between two lines' texts (issuer and date share a printed
    /// line), and a space inside a line's text only at a Han–Western boundary, where pdftotext
    /// renders the typesetter's ¼-em spacing as a space. Nil when they match.
    static func mismatch(pdfText: String, normalized: String) -> String? {
        let kept = pdfText.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("—"), t.hasSuffix("—") else { return true }
            let inner = t.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            return inner.isEmpty || !inner.allSatisfy(\.isNumber)
        }
        let text = Array(kept.joined().filter { $0 != "\u{0C}" })
        var position = 0
        for (number, line) in normalized.split(separator: "\n").enumerated() {
            while position < text.count && text[position].isWhitespace { position += 1 }
            let expected = Array(line)
            var found: [Character] = []
            while found.count < expected.count && position < text.count {
                let c = text[position]
                if c == " ", expected[found.count] != " ", let previous = found.last, position + 1 < text.count,
                   isHanWesternBoundary(previous, text[position + 1]) {
                    position += 1
                    continue
                }
                found.append(c)
                position += 1
            }
            if found != expected {
                var i = 0
                while i < min(found.count, expected.count) && found[i] == expected[i] { i += 1 }
                let context = String(text[max(0, position - found.count + i - 10)..<min(text.count, position - found.count + i + 10)])
                return "normalized line \(number + 1): expected “\(String(expected[i..<min(expected.count, i + 12)]))” "
                    + "at character \(i + 1), the PDF has “\(context)”"
            }
        }
        while position < text.count && text[position].isWhitespace { position += 1 }
        return position < text.count ? "the PDF has more text: “\(String(text[position..<min(text.count, position + 20)]))”" : nil
    }

    private static func isHanWesternBoundary(_ a: Character, _ b: Character) -> Bool {
        func western(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "%.@".contains(c)) }
        func han(_ c: Character) -> Bool { !c.isASCII && !c.isWhitespace }
        return (western(a) && han(b)) || (han(a) && western(b))
    }
}
