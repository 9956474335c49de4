import Glibc

/// The predefined CMaps a Type0 font may name instead of embedding one (§9.7.5.2, Table 118), for
/// the ones CJK documents use: Identity-H/V, the Unicode CMaps (UniGB-UCS2-H, UniGB-UTF16-H, -UTF8-,
/// -UTF32- and their Japanese/Korean/Traditional siblings), and the legacy multi-byte ones (GBK-EUC-H,
/// GB-EUC-H, GBpc-EUC-H, GBK2K-H = GB18030; B5pc-H/ETen-B5-H = Big5; CNS-EUC-H = EUC-TW; 90ms-RKSJ-H =
/// Shift-JIS; EUC-H = EUC-JP; H = JIS X 0208 in 7 bits; KSC-EUC-H = EUC-KR) whose codes are text in
/// that encoding, decoded with glibc's iconv.
///
/// What is approximated: the CID of a code (needed only for its width from /W) is known for Identity
/// and for the ASCII range of the GB CMaps (Adobe-GB1 CIDs 1–95 for UniGB-*, 814–907 for GBK-EUC-H);
/// other codes take the font's /DW, which for CJK fonts is the full-width advance they nearly all have.
final class PredefinedCMap {
    enum Kind {
        case identity
        case ucs2
        case utf16
        case utf8
        case utf32
        /// Legacy multi-byte encodings: iconv name and the lead-byte rule.
        case multiByte(iconv: String, scheme: LeadByteScheme)
    }

    enum LeadByteScheme {
        /// GBK/GB2312/Big5/EUC-KR: 0x81–0xFE lead a two-byte code.
        case euc
        /// GB18030: as EUC, plus four-byte codes (second byte 0x30–0x39).
        case gb18030
        /// Shift-JIS: 0x81–0x9F and 0xE0–0xFC lead a two-byte code.
        case shiftJIS
        /// JIS X 0208 in 7 bits (the CMaps `H`, `V`): two bytes 0x21–0x7E per character, which
        /// are EUC-JP with the high bits cleared.
        case jis7
    }

    let name: String
    let kind: Kind
    let isVertical: Bool
    /// Adobe-GB1 fonts: the GB ASCII CID rules apply.
    let isGB: Bool
    private var converter: iconv_t?

    init?(name: String) {
        self.name = name
        isVertical = name.hasSuffix("-V") || name == "V"
        let base = name == "H" || name == "V" ? "" : name.hasSuffix("-H") || name.hasSuffix("-V") ? String(name.dropLast(2)) : name
        isGB = base.hasPrefix("UniGB") || base.hasPrefix("GB")
        switch base {
        case "Identity": kind = .identity
        case "UniGB-UCS2", "UniCNS-UCS2", "UniJIS-UCS2", "UniKS-UCS2", "UniJIS-UCS2-HW": kind = .ucs2
        case "UniGB-UTF16", "UniCNS-UTF16", "UniJIS-UTF16", "UniKS-UTF16", "UniJIS2004-UTF16", "UniJISX0213-UTF16",
             "UniJISX02132004-UTF16", "UniHojo-UTF16": kind = .utf16
        case "UniGB-UTF8", "UniCNS-UTF8", "UniJIS-UTF8", "UniKS-UTF8", "UniJIS2004-UTF8", "UniHojo-UTF8", "UniAKR-UTF8": kind = .utf8
        case "UniGB-UTF32", "UniCNS-UTF32", "UniJIS-UTF32", "UniKS-UTF32", "UniJIS2004-UTF32", "UniJISX0213-UTF32",
             "UniJISX02132004-UTF32", "UniHojo-UTF32", "UniAKR-UTF32": kind = .utf32
        case "CNS-EUC", "CNS1", "CNS2": kind = .multiByte(iconv: "EUC-TW", scheme: .euc)
        case "EUC", "78-EUC", "Hojo-EUC": kind = .multiByte(iconv: "EUC-JP", scheme: .euc)
        case "", "78", "Add", "Ext", "NWP": kind = .multiByte(iconv: "EUC-JP", scheme: .jis7)
        case "RKSJ", "78-RKSJ", "78ms-RKSJ", "Add-RKSJ", "Ext-RKSJ": kind = .multiByte(iconv: "CP932", scheme: .shiftJIS)
        case "GBK-EUC", "GB-EUC", "GBpc-EUC", "GBT-EUC", "GBTpc-EUC", "GBKp-EUC": kind = .multiByte(iconv: "GBK", scheme: .euc)
        case "GBK2K": kind = .multiByte(iconv: "GB18030", scheme: .gb18030)
        case "B5pc", "ETen-B5", "HKscs-B5", "ETenms-B5": kind = .multiByte(iconv: "BIG5-HKSCS", scheme: .euc)
        case "90ms-RKSJ", "90msp-RKSJ", "83pv-RKSJ", "90pv-RKSJ": kind = .multiByte(iconv: "CP932", scheme: .shiftJIS)
        case "KSC-EUC", "KSCms-UHC", "KSCpc-EUC": kind = .multiByte(iconv: "CP949", scheme: .euc)
        default: return nil
        }
    }

    deinit {
        if let converter { iconv_close(converter) }
    }

    func nextCode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (code: UInt32, length: Int) {
        let available = bytes.count - index
        let length: Int
        switch kind {
        case .identity, .ucs2:
            length = min(2, available)
        case .utf32:
            length = min(4, available)
        case .utf8:
            let lead = bytes[index]
            length = min(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1, available)
        case .utf16:
            let first = bytes[index]
            length = min(first >= 0xD8 && first <= 0xDB ? 4 : 2, available)
        case .multiByte(_, let scheme):
            let lead = bytes[index]
            switch scheme {
            case .euc:
                length = lead >= 0x81 && lead <= 0xFE ? min(2, available) : 1
            case .gb18030:
                if lead >= 0x81, lead <= 0xFE {
                    if available >= 4, bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 { length = 4 } else { length = min(2, available) }
                } else {
                    length = 1
                }
            case .shiftJIS:
                length = (lead >= 0x81 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xFC) ? min(2, available) : 1
            case .jis7:
                length = min(2, available)
            }
        }
        return (CMap.value(bytes, index, length), length)
    }

    func cid(for code: UInt32) -> UInt32? {
        switch kind {
        case .identity: return code
        case .ucs2, .utf16, .utf8, .utf32:
            if isGB, code >= 0x20, code <= 0x7E { return code - 0x1F }  // Adobe-GB1 CIDs 1–95
            return nil
        case .multiByte:
            if isGB, code >= 0x21, code <= 0x7E { return 814 + code - 0x21 }  // GBK-EUC-H: <21>–<7e> → 814
            if isGB, code == 0x20 { return 7716 }
            return nil
        }
    }

    func unicode(for code: UInt32) -> String? {
        switch kind {
        case .identity: return nil
        case .ucs2, .utf32:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return String(Character(scalar))
        case .utf8:
            return String(validating: PredefinedCMap.bytes(of: code), as: UTF8.self)
        case .utf16:
            if code > 0xFFFF {
                let units = [UInt16(code >> 16), UInt16(code & 0xFFFF)]
                return String(decoding: units, as: UTF16.self)
            }
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return String(Character(scalar))
        case .multiByte(let encoding, let scheme):
            var bytes = PredefinedCMap.bytes(of: code)
            if case .jis7 = scheme {
                // A single byte is ASCII; a pair is a JIS X 0208 row and cell, EUC-JP with the high bits set.
                if bytes.count == 1 { return bytes[0] >= 0x20 && bytes[0] < 0x7F ? String(UnicodeScalar(bytes[0])) : nil }
                bytes = bytes.map { $0 | 0x80 }
            }
            return decode(bytes, from: encoding)
        }
    }

    /// A code's bytes, most significant first, without leading zero bytes.
    private static func bytes(of code: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        var value = code
        repeat {
            bytes.insert(UInt8(value & 0xFF), at: 0)
            value >>= 8
        } while value > 0
        return bytes
    }

    /// Converts one code's bytes with iconv (the descriptor is opened once per font).
    private func decode(_ bytes: [UInt8], from encoding: String) -> String? {
        if converter == nil {
            let descriptor = iconv_open("UTF-8", encoding)
            guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
            converter = descriptor
        }
        guard let converter else { return nil }
        var input = bytes
        var output = [UInt8](repeating: 0, count: 16)
        var produced = 0
        var ok = true
        input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { ok = false }
                produced = outBuffer.count - outLeft
            }
        }
        iconv(converter, nil, nil, nil, nil)  // reset shift state
        guard ok, produced > 0 else { return nil }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }
}
