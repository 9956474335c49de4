import BulletinModel
import Glibc

/// Step 1 — bytes to text. Accepts UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// GB18030/GBK (decoded by glibc's iconv); rejects anything else with a located error.
///
/// Detection order: a BOM decides; without one, bytes that are valid UTF-8 are UTF-8 (GB18030
/// text of any length is practically never valid UTF-8); otherwise GB18030 is tried. NUL bytes
/// mean binary data or BOM-less UTF-16, and control characters in the decoded text mean binary
/// data: both are errors, because such a file is not an archive text.
enum Decode {
    static func text(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> SourceText {
        func fail(_ message: String, at location: (line: Int, column: Int)? = nil, hint: String? = nil) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, file: file, line: location?.line, column: location?.column,
                                         message: message, hint: hint)])
        }
        if bytes.isEmpty { throw fail("the file is empty", hint: "an archive text with a masthead and articles is expected") }

        let decoded: (scalars: [Unicode.Scalar], encoding: TextEncoding)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard let scalars = utf8(body) else {
                let bad = firstInvalidUTF8(body)
                throw fail("invalid UTF-8 (byte 0x\(hex(body[bad]))) although the file starts with a UTF-8 byte-order mark",
                           at: location(after: utf8(Array(body[0..<bad])) ?? []))
            }
            decoded = (scalars, .utf8BOM)
        } else if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw fail("UTF-32 text is not supported", hint: "convert it to UTF-8, e.g. iconv -f UTF-32 -t UTF-8")
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            switch utf16(Array(bytes.dropFirst(2)), littleEndian: little) {
            case .success(let scalars): decoded = (scalars, little ? .utf16LE : .utf16BE)
            case .failure(let problem):
                throw fail("invalid UTF-16: \(problem.message)", at: location(after: problem.decoded))
            }
        } else {
            if let nul = bytes.firstIndex(of: 0) {
                // UTF-16 puts the NULs of ASCII characters all at even or all at odd offsets.
                var even = 0, odd = 0
                for (i, b) in bytes.enumerated() where b == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
                if bytes.count % 2 == 0 && (even == 0 || odd == 0) {
                    throw fail("this looks like UTF-16 without a byte-order mark (or binary data)",
                               hint: "save it as UTF-8, or as UTF-16 with a BOM")
                }
                throw fail("binary data (a NUL byte at byte offset \(nul)); not a text file")
            }
            if let scalars = utf8(bytes) {
                decoded = (scalars, .utf8)
            } else {
                switch gb18030(bytes) {
                case .success(let scalars):
                    // GB18030 accepts nearly any byte sequence, so Big5 or Shift-JIS would "decode"
                    // to nonsense: refuse text whose double-byte pairs mostly fall outside GB2312.
                    if let share = gb2312Share(bytes), share < 0.8 {
                        throw fail("the text does not look like GB18030/GBK: only \(Int(share * 100))% of its "
                                   + "double-byte characters are common simplified Chinese (Big5 or Shift-JIS?)",
                                   hint: "accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; "
                                       + "convert other encodings first, e.g. iconv -f BIG5 -t UTF-8")
                    }
                    decoded = (scalars, .gb18030)
                case .failure(let problem):
                    let bad = firstInvalidUTF8(bytes)
                    let utf8Location = location(after: utf8(Array(bytes[0..<bad])) ?? [])
                    throw fail("cannot decode the text: not UTF-8 (byte 0x\(hex(bytes[bad])) at "
                               + "\(utf8Location.line):\(utf8Location.column)) and not GB18030 "
                               + "(\(problem.message) at \(location(after: problem.decoded).line):\(location(after: problem.decoded).column))",
                               hint: "accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK")
                }
            }
        }
        var scalars = decoded.scalars
        if scalars.last == "\u{1A}" { scalars.removeLast() }  // a DOS end-of-file mark is not text
        if let bad = firstControl(scalars) {
            let count = scalars.lazy.filter(isControl).count
            throw fail("control character U+\(hex(scalars[bad].value, width: 4))"
                       + (count > 1 ? " (and \(count - 1) more)" : "") + "; this is binary data, not a text file",
                       at: location(after: Array(scalars[0..<bad])))
        }
        if scalars.allSatisfy({ Scalars.isSpace($0) || Scalars.isLineTerminator($0) || $0 == "\u{FEFF}" }) {
            throw fail("the file has no text (only whitespace)")
        }
        return SourceText(scalars: scalars, encoding: decoded.encoding)
    }

    /// The index of the first control character (a plain loop: this runs over every scalar).
    static func firstControl(_ scalars: [Unicode.Scalar]) -> Int? {
        var i = 0
        let n = scalars.count
        while i < n {
            let v = scalars[i].value
            if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v >= 0xFEFF {
                if isControl(scalars[i]) { return i }
            }
            i += 1
        }
        return nil
    }

    /// C0/C1 controls other than tab and line breaks, DEL, non-characters and stray BOMs.
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    // MARK: UTF-8

    /// The scalars of strictly valid UTF-8, or nil.
    static func utf8(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        guard let string = String(validating: bytes, as: UTF8.self) else { return nil }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        scalars.append(contentsOf: string.unicodeScalars)
        return scalars
    }

    /// Byte offset of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return min(i, max(0, bytes.count - 1))
    }

    // MARK: UTF-16

    struct Problem: Error {
        var message: String
        /// What was decoded before the problem (to locate it).
        var decoded: [Unicode.Scalar]
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool) -> Result<[Unicode.Scalar], Problem> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count / 2)
        if bytes.count % 2 != 0 { return .failure(Problem(message: "odd number of bytes", decoded: [])) }
        var i = 0
        func unit(_ k: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 : UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1])
        }
        while i < bytes.count {
            let u = unit(i)
            i += 2
            if u < 0xD800 || u > 0xDFFF {
                scalars.append(Unicode.Scalar(u)!)
            } else if u <= 0xDBFF, i < bytes.count, case let low = unit(i), (0xDC00...0xDFFF).contains(low) {
                i += 2
                scalars.append(Unicode.Scalar(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))!)
            } else {
                return .failure(Problem(message: "unpaired surrogate 0x\(hex(u, width: 4))", decoded: scalars))
            }
        }
        return .success(scalars)
    }

    // MARK: GB18030

    /// The share of double-byte pairs in GB2312's regions (symbols: lead A1–A9, hanzi: lead
    /// B0–F7; trail A1–FE). Real GB text is almost all GB2312; nil when there are too few pairs to
    /// judge (fewer than 20).
    static func gb2312Share(_ bytes: [UInt8]) -> Double? {
        var pairs = 0, common = 0, i = 0
        while i < bytes.count {
            let lead = bytes[i]
            guard lead >= 0x81, i + 1 < bytes.count else { i += 1; continue }
            let trail = bytes[i + 1]
            if (0x30...0x39).contains(trail) {  // a four-byte GB18030 sequence
                pairs += 1
                i += 4
                continue
            }
            pairs += 1
            if ((0xA1...0xA9).contains(lead) || (0xB0...0xF7).contains(lead)) && (0xA1...0xFE).contains(trail) {
                common += 1
            }
            i += 2
        }
        return pairs < 20 ? nil : Double(common) / Double(pairs)
    }

    /// Decodes GB18030 (a superset of GBK and GB2312) with glibc's iconv.
    static func gb18030(_ bytes: [UInt8]) -> Result<[Unicode.Scalar], Problem> {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            return .failure(Problem(message: "this system's iconv cannot decode GB18030", decoded: []))
        }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)  // GB18030 → UTF-8 grows at most 1.5×
        var failedAt: Int?
        var reason = ""
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    failedAt = inBuffer.count - inLeft
                    reason = errno == EINVAL ? "incomplete multi-byte sequence at the end" : "invalid byte sequence"
                }
                produced = outBuffer.count - outLeft
            }
        }
        let scalars = Array(String(decoding: output[0..<produced], as: UTF8.self).unicodeScalars)
        if let failedAt {
            return .failure(Problem(message: "\(reason) (byte 0x\(hex(bytes[failedAt])) at byte offset \(failedAt))",
                                    decoded: scalars))
        }
        return .success(scalars)
    }

    // MARK: Locations

    /// The line:column of the character following `prefix`.
    static func location(after prefix: [Unicode.Scalar]) -> (line: Int, column: Int) {
        let text = SourceText(scalars: prefix + ["x"], encoding: .utf8)
        return text.position(of: prefix.count)
    }

    static func hex<T: BinaryInteger>(_ value: T, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
