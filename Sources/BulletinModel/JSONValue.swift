/// Where something starts in a source text.
///
/// Every JSON value the parser produces carries one, so that a problem found much later (an
/// unknown key, a heading level out of range, text that overflows a page) can still be reported
/// as `file:line:column`, the form editors jump to.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number. A line ends at LF, CR LF or a lone CR.
    public var line: Int
    /// 1-based column counted in Unicode scalars (not bytes, not grapheme clusters), so that a
    /// line of Chinese text gives the column an editor shows.
    public var column: Int
    /// 0-based byte offset from the start of the input (a UTF-8 byte order mark counts).
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A JSON value (RFC 8259) together with the location of its first character.
///
/// Built by `JSONParser`. Objects keep their members in source order (a `Dictionary` would lose
/// it, and the order matters for messages and for faithful round trips); the parser has already
/// rejected duplicate keys, so looking a key up by name is unambiguous.
public struct JSONValue: Equatable, Sendable {
    /// What the value is.
    public enum Content: Equatable, Sendable {
        case null
        case bool(Bool)
        /// A number exactly as written (e.g. `-0.5e3`), so that no precision is lost before the
        /// caller decides what it needs; see `doubleValue` and `intValue`.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([Member])
    }

    /// One `"key": value` pair of an object.
    public struct Member: Equatable, Sendable {
        public var key: String
        /// Where the key's opening quote is (unknown keys are reported here).
        public var keyLocation: SourceLocation
        public var value: JSONValue

        public init(key: String, keyLocation: SourceLocation, value: JSONValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var content: Content
    /// Where the value starts: its `{`, `[`, opening quote, first digit or `-`, or literal.
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    // MARK: Convenience accessors (nil when the value is of another kind)

    public var stringValue: String? {
        if case .string(let s) = content { return s }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = content { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = content { return items }
        return nil
    }

    public var objectMembers: [Member]? {
        if case .object(let members) = content { return members }
        return nil
    }

    public var isNull: Bool { content == .null }

    /// The number as a `Double` (may round, or be infinite for huge exponents).
    public var doubleValue: Double? {
        if case .number(let literal) = content { return Double(literal) }
        return nil
    }

    /// The number as an `Int` when its value is a whole number in range. `2`, `2.0` and `2e0`
    /// all give 2, as JSON Schema's "integer" type does.
    public var intValue: Int? {
        if case .number(let literal) = content {
            if let exact = Int(literal) { return exact }
            if let d = Double(literal), d.rounded() == d, abs(d) < 9.0e15 { return Int(d) }
        }
        return nil
    }

    /// The value of the member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        objectMembers?.first(where: { $0.key == key })?.value
    }

    /// How messages name this kind of value: "a string", "an empty array", "null" …
    public var kindDescription: String {
        switch content {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number: return "a number"
        case .string(let s): return s.isEmpty ? "an empty string" : "a string"
        case .array(let items): return items.isEmpty ? "an empty array" : "an array"
        case .object(let members): return members.isEmpty ? "an empty object" : "an object"
        }
    }
}
