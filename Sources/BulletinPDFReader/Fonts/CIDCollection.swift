/// Adobe's CJK character collections (§9.7.3 /CIDSystemInfo; Adobe Technical Notes #5079 GB1, #5080
/// CNS1, #5078 Japan1, #5093 Korea1). In a font of one of them a CID means the same character in
/// every font, so when nothing else gives a code's text (no ToUnicode, a font not embedded or a bare
/// CID-keyed CFF), Adobe's CID → Unicode table of the collection does.
enum CIDCollection: Sendable {
    case gb1, cns1, japan1, korea1

    /// The collection /CIDSystemInfo names (registry Adobe, ordering GB1/CNS1/Japan1/Korea1).
    init?(registry: String?, ordering: String?) {
        guard registry == "Adobe" else { return nil }
        switch ordering {
        case "GB1": self = .gb1
        case "CNS1": self = .cns1
        case "Japan1": self = .japan1
        case "Korea1": self = .korea1
        default: return nil
        }
    }

    /// The scalar of `cid`, or nil (CID 0 is .notdef; a few CIDs have no Unicode).
    func scalar(_ cid: UInt32) -> Unicode.Scalar? {
        let table: [UInt32]
        switch self {
        case .gb1: table = CIDCollection.gb1Table
        case .cns1: table = CIDCollection.cns1Table
        case .japan1: table = CIDCollection.japan1Table
        case .korea1: table = CIDCollection.korea1Table
        }
        guard cid > 0, cid < table.count else { return nil }
        let value = table[Int(cid)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    // Decoded on first use, each on its own: a document meets one collection, if any.
    private static let gb1Table = decode(CIDCollectionData.gb1, count: CIDCollectionData.gb1Count)
    private static let cns1Table = decode(CIDCollectionData.cns1, count: CIDCollectionData.cns1Count)
    private static let japan1Table = decode(CIDCollectionData.japan1, count: CIDCollectionData.japan1Count)
    private static let korea1Table = decode(CIDCollectionData.korea1, count: CIDCollectionData.korea1Count)

    /// 5 hexadecimal digits per CID (scripts/make-cid-collection-tables.py).
    private static func decode(_ hex: String, count: Int) -> [UInt32] {
        var values = [UInt32](repeating: 0, count: count)
        var index = 0, value: UInt32 = 0, digits = 0
        for byte in hex.utf8 {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            default: continue
            }
            value = value << 4 | digit
            digits += 1
            if digits == 5 {
                guard index < count else { break }
                values[index] = value
                index += 1
                value = 0
                digits = 0
            }
        }
        return values
    }
}

/// The generated tables (CIDCollectionData+GB1.swift, …).
enum CIDCollectionData {}
