/// Reading arrays and objects: the document loop, nesting, keys and their duplicates.
extension JSONParser.Cursor {
    /// Reads the whole input as one value.
    ///
    /// Open arrays and objects are kept on an explicit stack (`open`) rather than the call
    /// stack, so no input can overflow the stack however deep it nests: a recursive parser
    /// needs about 1 KB of stack per level in release and 2 KB in debug, too much for 512
    /// levels on a 512 KB secondary thread.
    mutating func parseDocument(maxDepth: Int) throws(JSONSyntaxError) -> JSONValue {
        var open: [OpenContainer] = []
        do {
            return try parseValues(maxDepth: maxDepth, open: &open)
        } catch {
            // Say where in the document's structure the error is, as the decoders do.
            var located = error
            located.path = Self.path(of: open)
            throw located
        }
    }

    /// The JSON path of the value being read inside the open containers: the current key of each
    /// object, the index of the element being read in each array.
    private static func path(of open: [OpenContainer]) -> String? {
        var parts: [String] = []   // ".key" or "[3]"
        for container in open {
            if container.isObject {
                guard !container.key.isEmpty else { break }
                parts.append("." + container.key)
            } else {
                parts.append("[\(container.items.count)]")
            }
        }
        // A hostile document nests hundreds of levels: keep the two ends readable.
        if parts.count > 10 { parts = Array(parts.prefix(4)) + ["…"] + Array(parts.suffix(4)) }
        var path = parts.joined()
        if path.hasPrefix(".") { path.removeFirst() }
        return path.isEmpty ? nil : path
    }

    private mutating func parseValues(maxDepth: Int, open: inout [OpenContainer]) throws(JSONSyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {  // UTF-8 byte order mark: skip it; not a column
            position = 3
            lineStart = 3
            columnCacheOffset = 3
        }
        reading: while true {
            // 1. Read a value. A non-empty array or object is opened, and we go on to read
            //    its first element.
            skipWhitespace()
            guard let byte = peek else { throw expected("a value") }
            let start = location(at: position)
            var value: JSONValue
            switch byte {
            case JSONByte.openBrace, JSONByte.openBracket:
                if open.count == maxDepth {
                    throw JSONSyntaxError("nesting too deep: more than \(maxDepth) levels of arrays and objects",
                                          at: start)
                }
                let isObject = byte == JSONByte.openBrace
                position += 1
                skipWhitespace()
                if peek == (isObject ? JSONByte.closeBrace : JSONByte.closeBracket) {
                    position += 1
                    value = JSONValue(isObject ? .object([]) : .array([]), at: start)
                } else {
                    open.append(OpenContainer(location: start, isObject: isObject))
                    if isObject { try readKey(into: &open[open.count - 1], afterComma: false) }
                    continue reading
                }
            case JSONByte.quote: value = JSONValue(.string(try parseString()), at: start)
            case JSONByte.minus, JSONByte.digits: value = JSONValue(.number(try parseNumber()), at: start)
            case UInt8(ascii: "t"): try parseLiteral("true"); value = JSONValue(.bool(true), at: start)
            case UInt8(ascii: "f"): try parseLiteral("false"); value = JSONValue(.bool(false), at: start)
            case UInt8(ascii: "n"): try parseLiteral("null"); value = JSONValue(.null, at: start)
            default: throw expected("a value")
            }

            // 2. The value is complete: add it to its container, then either go on to the
            //    container's next element or close it and add it to its own container.
            while let last = open.indices.last {
                open[last].append(value)
                skipWhitespace()
                let isObject = open[last].isObject
                if peek == JSONByte.comma {
                    position += 1
                    if isObject {
                        try readKey(into: &open[last], afterComma: true)
                    } else {
                        skipWhitespace()
                        if peek == JSONByte.closeBracket {
                            throw expected("a value after ',' (trailing commas are not allowed)")
                        }
                    }
                    continue reading
                }
                guard peek == (isObject ? JSONByte.closeBrace : JSONByte.closeBracket) else {
                    throw expected(isObject ? "',' or '}' after object member" : "',' or ']' after array element")
                }
                position += 1
                value = open.removeLast().value
            }

            // 3. Nothing is open any more: that was the whole document.
            skipWhitespace()
            if position < bytes.count { throw expected("end of input after the JSON value") }
            return value
        }
    }

    /// Reads `"key":` for the next member of `object`, rejecting a key used before.
    fileprivate mutating func readKey(into object: inout OpenContainer,
                                      afterComma: Bool) throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek == JSONByte.quote else {
            throw expected(afterComma ? "a string key after ',' (trailing commas are not allowed)" : "a string key")
        }
        let keyLocation = location(at: position)
        let key = try parseString()
        if let first = object.firstUse(of: key) {
            throw JSONSyntaxError("duplicate key \"\(key)\" (first used at \(first))", at: keyLocation)
        }
        skipWhitespace()
        guard peek == JSONByte.colon else { throw expected("':' after object key") }
        position += 1
        object.key = key
        object.keyLocation = keyLocation
    }
}

/// An array or object whose elements are still being read.
private struct OpenContainer {
    let location: SourceLocation
    let isObject: Bool
    var items: [JSONValue] = []
    var members: [JSONValue.Member] = []
    /// The key of the member whose value is read next (objects only).
    var key = ""
    var keyLocation = SourceLocation(line: 0, column: 0, offset: 0)
    /// Key → location, built only for large objects (see `firstUse(of:)`).
    var keyIndex: [String: SourceLocation] = [:]

    mutating func append(_ value: JSONValue) {
        if isObject {
            members.append(JSONValue.Member(key: key, keyLocation: keyLocation, value: value))
        } else {
            items.append(value)
        }
    }

    /// Where `key` was used before in this object, if it was. Small objects (nearly all) are
    /// searched directly, which is faster than hashing; large ones get an index, so that even a
    /// hostile object with a million keys is read in linear time.
    mutating func firstUse(of key: String) -> SourceLocation? {
        if members.count < 32 { return members.first { $0.key == key }?.keyLocation }
        for member in members[keyIndex.count...] { keyIndex[member.key] = member.keyLocation }
        return keyIndex[key]
    }

    var value: JSONValue { JSONValue(isObject ? .object(members) : .array(items), at: location) }
}
