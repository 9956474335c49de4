/// The operands read since the last operator of a content stream. Plain values only: strings and
/// names are byte ranges in one reused arena, so reading operands allocates nothing per token (the
/// content loop is the reader's hot path).
struct OperandStack {
    enum Kind: UInt8 {
        case number, string, name, arrayStart, arrayEnd, dictionary, other
    }

    struct Operand {
        var kind: Kind
        var number: Double
        /// Byte range in `bytes` (strings, names) or index in `dictionaries`.
        var start: Int
        var count: Int
    }

    private(set) var items: [Operand] = []
    /// Decoded string and name bytes of the current operands.
    var bytes: [UInt8] = []
    private(set) var dictionaries: [PDFDictionary] = []

    init() {
        items.reserveCapacity(32)
        bytes.reserveCapacity(4096)
    }

    var count: Int { items.count }
    /// Arrays opened and not yet closed among the operands.
    private(set) var openArrays = 0

    mutating func reset() {
        openArrays = 0
        items.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        if !dictionaries.isEmpty { dictionaries.removeAll() }
    }

    mutating func push(number: Double) {
        items.append(Operand(kind: .number, number: number, start: 0, count: 0))
    }

    mutating func push(_ kind: Kind) {
        if kind == .arrayStart { openArrays += 1 }
        if kind == .arrayEnd, openArrays > 0 { openArrays -= 1 }
        items.append(Operand(kind: kind, number: 0, start: 0, count: 0))
    }

    /// Records the bytes appended to `bytes` since `start` as a string or name operand.
    mutating func push(_ kind: Kind, from start: Int) {
        items.append(Operand(kind: kind, number: 0, start: start, count: bytes.count - start))
    }

    mutating func push(dictionary: PDFDictionary) {
        dictionaries.append(dictionary)
        items.append(Operand(kind: .dictionary, number: 0, start: dictionaries.count - 1, count: 0))
    }

    /// The number at `index` (0 when absent or not a number, as lenient readers do).
    @inline(__always) func number(_ index: Int) -> Double {
        guard index >= 0, index < items.count, items[index].kind == .number else { return 0 }
        return items[index].number
    }

    /// The last `count` operands as numbers.
    func numbers(_ count: Int) -> [Double] {
        let start = items.count - count
        return (0..<count).map { number(start + $0) }
    }

    /// Every number operand, in order (sc/scn take a variable count).
    var allNumbers: [Double] { items.filter { $0.kind == .number }.map(\.number) }

    /// The byte range of the string at `index`, if it is one.
    func string(_ index: Int) -> Range<Int>? {
        guard index >= 0, index < items.count, items[index].kind == .string else { return nil }
        return items[index].start..<(items[index].start + items[index].count)
    }

    /// The name at `index` as a String, if it is one.
    func name(_ index: Int) -> String? {
        guard index >= 0, index < items.count, items[index].kind == .name else { return nil }
        return Scanner.nameString(Array(bytes[items[index].start..<(items[index].start + items[index].count)]))
    }

    func dictionary(_ index: Int) -> PDFDictionary? {
        guard index >= 0, index < items.count, items[index].kind == .dictionary else { return nil }
        return dictionaries[items[index].start]
    }
}
