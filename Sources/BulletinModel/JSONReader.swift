/// The keys an object kind accepts (in format order) and which of them are required.
package struct ObjectKeys {
    package let allowed: [String]
    package let required: Set<String>

    /// `required` defaults to all keys.
    package init(_ allowed: [String], required: Set<String>? = nil) {
        self.allowed = allowed
        self.required = required ?? Set(allowed)
    }
}

/// A value inside the document together with its JSON path.
package struct Field {
    package let value: JSONValue
    package let path: String

    package init(value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }
}

/// An object whose keys have been checked: unknown keys and missing required keys are already
/// reported, so the walk can simply look up the keys it knows.
package struct CheckedObject {
    package let path: String
    package var members: [String: JSONValue] = [:]

    package subscript(key: String) -> Field? {
        members[key].map { Field(value: $0, path: path.isEmpty ? key : "\(path).\(key)") }
    }
}

/// Reads a parsed JSON tree with located diagnostics: the generic checks (types, keys, text,
/// numbers) that the issue decoder and the layout decoder share. Each check records what it
/// finds and returns something usable, so that one mistake never hides the next.
package struct JSONReader {
    package let file: String
    package var diagnostics: [(offset: Int, diagnostic: Diagnostic)] = []
    /// JSON path → location of every value read.
    package var locations: [String: SourceLocation] = [:]

    package init(file: String) { self.file = file }
}

extension JSONReader {
    // MARK: Recording

    /// Remembers where the value at `path` is, for `DecodedIssue.locations`.
    package mutating func note(_ value: JSONValue, path: String) {
        locations[path] = value.location
    }

    package mutating func error(_ message: String, at location: SourceLocation, path: String, hint: String? = nil) {
        record(.error, message, at: location, path: path, hint: hint)
    }

    package mutating func warning(_ message: String, at location: SourceLocation, path: String, hint: String? = nil) {
        record(.warning, message, at: location, path: path, hint: hint)
    }

    private mutating func record(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation,
                                 path: String, hint: String?) {
        let diagnostic = Diagnostic(severity, file: file, line: location.line, column: location.column,
                                    path: path.isEmpty ? nil : path, message: message, hint: hint)
        diagnostics.append((location.offset, diagnostic))
    }

    /// In file order (the walk visits keys in format order, not file order); ties keep the
    /// order they were found in.
    package func sortedDiagnostics() -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            .map(\.element.diagnostic)
    }

    // MARK: Objects and arrays

    /// Checks that `value` is an object with only `keys.allowed` and every `keys.required`.
    /// Unknown keys are reported at the key, with a "did you mean" hint; missing ones at the object.
    package mutating func object(_ value: JSONValue, path: String, expected: String, keys: ObjectKeys) -> CheckedObject {
        note(value, path: path)
        var object = CheckedObject(path: path)
        guard let members = value.objectMembers else {
            error("expected \(expected), found \(value.kindDescription)", at: value.location, path: path)
            return object
        }
        for member in members {
            if keys.allowed.contains(member.key) {
                object.members[member.key] = member.value
            } else {
                error("unknown key \"\(member.key)\"", at: member.keyLocation, path: path,
                      hint: hint(forUnknownKey: member.key, allowed: keys.allowed))
            }
        }
        for key in keys.allowed where keys.required.contains(key) && object.members[key] == nil {
            error("missing required key \"\(key)\"", at: value.location, path: path)
        }
        return object
    }

    /// For blocks and runs, which are objects told apart by one key: returns that key, or
    /// reports why there is not exactly one (nil).
    package mutating func kindKey(_ value: JSONValue, path: String, expected: String, kinds: [String]) -> String? {
        guard let members = value.objectMembers else {
            note(value, path: path)
            error("expected \(expected), found \(value.kindDescription)", at: value.location, path: path)
            return nil
        }
        let present = members.map(\.key).filter(kinds.contains)
        if present.count == 1 { return present[0] }
        note(value, path: path)
        if present.isEmpty {
            let found = members.isEmpty ? "an empty object"
                : "an object with " + quotedList(members.map(\.key), conjunction: "and")
            let guess = members.lazy.compactMap { closestKey(to: $0.key, among: kinds) }.first
            error("expected \(expected), found \(found)", at: value.location, path: path,
                  hint: guess.map { "did you mean \"\($0)\"?" })
        } else {
            error("expected \(expected), found an object with " + quotedList(present, conjunction: "and"),
                  at: value.location, path: path, hint: "use one object for each")
        }
        return nil
    }

    /// The items of an array with their paths (none after reporting a non-array).
    package mutating func array(_ value: JSONValue, path: String, expected: String, nonEmpty: Bool = false) -> [Field] {
        note(value, path: path)
        guard let items = value.arrayValue, !(nonEmpty && items.isEmpty) else {
            error("expected \(expected), found \(value.kindDescription)", at: value.location, path: path)
            return []
        }
        return items.enumerated().map { Field(value: $1, path: "\(path)[\($0)]") }
    }

    /// The items of an optional array field (none when absent).
    package mutating func items(_ field: Field?, expected: String, nonEmpty: Bool = false) -> [Field] {
        guard let field else { return [] }
        return array(field.value, path: field.path, expected: expected, nonEmpty: nonEmpty)
    }

    // MARK: Text

    /// An optional text field: nil when absent or wrong.
    package mutating func text(_ field: Field?) -> String? {
        field.flatMap { text($0.value, path: $0.path) }
    }

    /// An optional array of texts: empty when absent.
    package mutating func texts(_ field: Field?) -> [String] {
        var texts: [String] = []
        for item in items(field, expected: "an array of strings") { texts.append(text(item.value, path: item.path) ?? "") }
        return texts
    }

    /// Checks a text: a string, not blank, without control characters. Surrounding whitespace
    /// is trimmed with a warning (a stray space from copy-paste would otherwise be printed);
    /// `trimStart`/`trimEnd` are false for the inner ends of a paragraph's runs.
    package mutating func text(_ value: JSONValue, path: String, trimStart: Bool = true, trimEnd: Bool = true) -> String? {
        note(value, path: path)
        guard let string = value.stringValue else {
            error("expected a string, found \(value.kindDescription)", at: value.location, path: path)
            return nil
        }
        if let (index, scalar) = string.unicodeScalars.enumerated().first(where: { isControl($0.element) }) {
            let lineBreakOrTab = [0x09, 0x0A, 0x0D].contains(scalar.value)
            error("text contains control character \(codePoint(scalar)) at character \(index + 1)",
                  at: value.location, path: path,
                  hint: lineBreakOrTab ? "line breaks and tabs are not allowed in text; start a new block for a new paragraph"
                                       : "remove it; it is invisible and cannot be printed")
            return nil
        }
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else {
            error("expected text, found \(string.isEmpty ? "an empty string" : "only whitespace")",
                  at: value.location, path: path)
            return nil
        }
        let start = trimStart ? first : scalars.startIndex
        let end = trimEnd ? scalars.index(after: last) : scalars.endIndex
        let trimmedStart = start != scalars.startIndex, trimmedEnd = end != scalars.endIndex
        guard trimmedStart || trimmedEnd else { return string }
        let which = trimmedStart && trimmedEnd ? "leading and trailing" : trimmedStart ? "leading" : "trailing"
        warning("\(which) whitespace removed from text", at: value.location, path: path)
        return String(scalars[start ..< end])
    }

    // MARK: Helpers

    /// C0 controls, DEL and C1 controls: invisible, unprintable, and in pasted text a sign of
    /// damage (a tab or line break that belongs in the structure, not the text).
    private func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
    }

    private func codePoint(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func quotedList(_ items: [String], conjunction: String) -> String {
        let quoted = items.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
    }

    private func hint(forUnknownKey key: String, allowed: [String]) -> String {
        if let guess = closestKey(to: key, among: allowed) { return "did you mean \"\(guess)\"?" }
        return "allowed keys: " + quotedList(allowed, conjunction: "and")
    }
}

/// The allowed key a mistyped `key` most likely meant: ignoring case, at most one edit away for
/// short keys and two for longer ones (`titel`→`title`, `editorNote`→`editorsNote`); nil if none.
func closestKey(to key: String, among allowed: [String]) -> String? {
    let typed = Array(key.lowercased())
    return allowed
        .map { (key: $0, distance: editDistance(typed, Array($0.lowercased()))) }
        .filter { $0.distance <= ($0.key.count <= 4 ? 1 : 2) }
        .min { $0.distance < $1.distance }?.key
}

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
/// (optimal string alignment), so that a swapped pair of letters counts as one typo.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0 ... a.count { d[i][0] = i }
    for j in 0 ... b.count { d[0][j] = j }
    for i in 1 ... a.count {
        for j in 1 ... b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}

// MARK: Numbers, choices and flags (used by the layout decoder)

extension JSONReader {
    /// A number within `range` (nil after reporting anything else).
    package mutating func number(_ field: Field?, in range: ClosedRange<Double>) -> Double? {
        guard let field else { return nil }
        note(field.value, path: field.path)
        guard let value = field.value.doubleValue else {
            error("expected a number, found \(field.value.kindDescription)", at: field.value.location, path: field.path)
            return nil
        }
        guard range.contains(value) else {
            error("expected a number from \(format(range.lowerBound)) to \(format(range.upperBound)), found \(format(value))",
                  at: field.value.location, path: field.path)
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    package mutating func integer(_ field: Field?, in range: ClosedRange<Int>) -> Int? {
        guard let field else { return nil }
        note(field.value, path: field.path)
        guard let value = field.value.intValue, range.contains(value) else {
            error("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(field.value.kindDescription)",
                  at: field.value.location, path: field.path)
            return nil
        }
        return value
    }

    /// One of a fixed set of strings.
    package mutating func choice(_ field: Field?, among choices: [String]) -> String? {
        guard let field, let value = text(field) else { return nil }
        guard choices.contains(value) else {
            error("expected one of " + quotedList(choices, conjunction: "or") + ", found \"\(value)\"",
                  at: field.value.location, path: field.path)
            return nil
        }
        return value
    }

    /// true or false.
    package mutating func flag(_ field: Field?) -> Bool? {
        guard let field else { return nil }
        note(field.value, path: field.path)
        guard let value = field.value.boolValue else {
            error("expected true or false, found \(field.value.kindDescription)", at: field.value.location, path: field.path)
            return nil
        }
        return value
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
