/// The decoded input: every Unicode scalar of the file (line terminators included) and where each
/// line starts, so that any offset can be reported as `line:column`.
///
/// Offsets into `scalars` are the importer's notion of "where": every character the later steps
/// handle carries the offset it came from (`SourceString.origins`), and every note is located by it.
struct SourceText: Sendable {
    /// The scalars of the input after decoding (a byte-order mark is not part of them).
    var scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line; `lineStarts[0] == 0`.
    var lineStarts: [Int]
    /// The encoding the bytes were read in.
    var encoding: TextEncoding

    init(scalars: [Unicode.Scalar], encoding: TextEncoding) {
        self.scalars = scalars
        self.encoding = encoding
        var starts = [0]
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i].value
            if c == 0x0A || c == 0x0C {
                starts.append(i + 1)
            } else if c == 0x0D {
                if i + 1 < n && scalars[i + 1].value == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    /// 1-based line and column (in scalars) of an offset; an offset at a line terminator (or at
    /// the end) is the column just past that line's last character.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The text of a line without its terminator (1-based line number).
    func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : scalars.count
        while end > start, Scalars.isLineTerminator(scalars[end - 1]) { end -= 1 }
        return start..<end
    }

    var lineCount: Int { lineStarts.count }
}

/// How the input bytes were encoded.
public enum TextEncoding: String, Equatable, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE with BOM"
    case utf16BE = "UTF-16BE with BOM"
    case gb18030 = "GB18030"
}
