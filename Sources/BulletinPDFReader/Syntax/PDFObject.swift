/// An object number and generation: the address of an indirect object (PDF 32000-1 §7.3.10).
struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    var number: Int
    var generation: Int

    var description: String { "object \(number) \(generation)" }
}

/// A PDF object (PDF 32000-1 §7.3). Strings are raw bytes (their meaning depends on where they are
/// used); names are decoded (`#xx` escapes) into Swift strings, read as UTF-8 or else Latin-1.
enum PDFObject: Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(ObjectID)
    /// Boxed: inline, its byte range and object number would make every object 56 bytes, not 24.
    indirect case stream(PDFStream)

    var integer: Int? {
        switch self {
        case .integer(let value): return value
        case .real(let value) where value.isFinite && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value.isFinite ? value : nil
        default: return nil
        }
    }

    var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }

    var string: [UInt8]? {
        if case .string(let value) = self { return value }
        return nil
    }

    var array: [PDFObject]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The dictionary of a dictionary or of a stream.
    var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let value): return value
        case .stream(let stream): return stream.dictionary
        default: return nil
        }
    }

    var stream: PDFStream? {
        if case .stream(let value) = self { return value }
        return nil
    }

    var reference: ObjectID? {
        if case .reference(let value) = self { return value }
        return nil
    }

    var boolean: Bool? {
        if case .boolean(let value) = self { return value }
        return nil
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short name of the object's type for messages ("expected a dictionary, found an array").
    var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "a boolean"
        case .integer, .real: return "a number"
        case .string: return "a string"
        case .name: return "a name"
        case .array: return "an array"
        case .dictionary: return "a dictionary"
        case .reference: return "a reference"
        case .stream: return "a stream"
        }
    }
}

/// A PDF dictionary: name keys (without the slash) to objects. Stored as a list of pairs searched
/// from the end (a repeated key: the last one wins): PDF dictionaries are small, and this avoids
/// hashing every key of every dictionary parsed — the reader's main cost on files with many fonts.
struct PDFDictionary: Sendable {
    private(set) var pairs: [(key: String, value: PDFObject)]
    /// Key → position of its last occurrence, only for large dictionaries (a page's /Font resources
    /// with a hundred fonts, looked up at every `Tf`).
    private var index: [String: Int]?
    static let indexThreshold = 16

    init() {
        pairs = []
    }

    init(pairs: [(key: String, value: PDFObject)]) {
        self.pairs = pairs
        buildIndex()
    }

    init(_ entries: [String: PDFObject]) {
        pairs = entries.map { ($0.key, $0.value) }
        buildIndex()
    }

    private mutating func buildIndex() {
        guard pairs.count > PDFDictionary.indexThreshold else { index = nil; return }
        var built: [String: Int] = [:]
        built.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() { built[pair.key] = position }
        index = built
    }

    subscript(key: String) -> PDFObject? {
        get {
            if let index { return index[key].map { pairs[$0].value } }
            var position = pairs.count - 1
            while position >= 0 {
                if pairs[position].key == key { return pairs[position].value }
                position -= 1
            }
            return nil
        }
        set {
            pairs.removeAll { $0.key == key }
            if let newValue { pairs.append((key, newValue)) }
            buildIndex()
        }
    }

    /// Keys and values, each key once (the last occurrence).
    var entries: [String: PDFObject] {
        var result: [String: PDFObject] = [:]
        for (key, value) in pairs { result[key] = value }
        return result
    }

    /// Adds `other`'s keys that this dictionary lacks (this one's values win).
    mutating func addMissing(from other: PDFDictionary) {
        for (key, value) in other.pairs where self[key] == nil { pairs.append((key, value)) }
        buildIndex()
    }

    /// `/Type` (or another name-valued key) as a Swift string.
    func name(_ key: String) -> String? { self[key]?.name }
}

/// A stream object: its dictionary and where its raw (still encoded, maybe encrypted) data lies in
/// the file. Data is read only when someone needs it.
struct PDFStream: Sendable {
    var dictionary: PDFDictionary
    /// Byte range of the raw data in the file.
    var dataRange: Range<Int>
    /// The object this stream is (its key for decryption); nil when not known.
    var objectID: ObjectID?
}
