import BulletinModel
import XCTest

final class IssueSchemaTests: XCTestCase {
    private var schema: JSONValue { get throws { try JSONParser.parse(IssueSchema.json) } }

    func testSchemaIsValidJSONForDraft2020_12() throws {
        let schema = try self.schema
        XCTAssertEqual(schema["$schema"]?.stringValue, "https://json-schema.org/draft/2020-12/schema")
        XCTAssertEqual(schema["additionalProperties"]?.boolValue, false)
    }

    /// Every `$ref` points at a definition that exists, and every definition is used.
    func testReferencesResolve() throws {
        let schema = try self.schema
        let definitions = Set(try XCTUnwrap(schema["$defs"]?.objectMembers).map(\.key))
        var referenced: Set<String> = []
        func collect(_ value: JSONValue) {
            if let ref = value["$ref"]?.stringValue {
                XCTAssertTrue(ref.hasPrefix("#/$defs/"), ref)
                referenced.insert(String(ref.dropFirst("#/$defs/".count)))
            }
            value.objectMembers?.forEach { collect($0.value) }
            value.arrayValue?.forEach(collect)
        }
        collect(schema)
        XCTAssertEqual(referenced, definitions)
    }

    /// Where each object kind of the schema occurs in `Fixtures.fullIssueJSON` ("" is the root).
    private let instances: [String: String] = [
        "": "",
        "masthead": "masthead",
        "section": "sections[0]",
        "article": "sections[0].articles[0]",
        "headingBlock": "sections[0].articles[0].blocks[2]",
        "paragraphBlock": "sections[0].articles[0].blocks[4]",
        "noteBlock": "sections[0].articles[0].blocks[6]",
        "boldRun": "sections[0].articles[0].editorsNote[0]",
        "titleRun": "sections[0].articles[0].blocks[4].paragraph[0]",
        "leadRun": "sections[0].articles[0].blocks[4].paragraph[2]",
        "footerField": "footer[0]",
        "distribution": "distribution",
        "distributionLine": "distribution.lines[0]",
    ]

    /// The schema and the decoder agree on each object kind's keys: the decoder accepts an
    /// object with every property the schema lists, rejects any other key, and rejects the
    /// object without a key exactly when the schema lists that key as required.
    func testSchemaAgreesWithDecoderOnKeys() throws {
        let schema = try self.schema
        let document = try JSONParser.parse(Fixtures.fullIssueJSON)
        XCTAssertNoThrow(try decode(document))

        var objectKinds: [(name: String, definition: JSONValue)] = [("", schema)]
        for member in try XCTUnwrap(schema["$defs"]?.objectMembers) where member.value["type"]?.stringValue == "object" {
            objectKinds.append((member.key, member.value))
        }
        XCTAssertEqual(Set(objectKinds.map(\.name)), Set(instances.keys), "every object kind needs an instance")

        for (name, definition) in objectKinds {
            let path = try XCTUnwrap(instances[name])
            let properties = try XCTUnwrap(definition["properties"]?.objectMembers).map(\.key)
            let required = Set(try XCTUnwrap(definition["required"]?.arrayValue).compactMap(\.stringValue))
            XCTAssertEqual(definition["additionalProperties"]?.boolValue, false, name)
            XCTAssertTrue(required.isSubset(of: properties), name)
            let instance = try XCTUnwrap(value(in: document, at: path), path)
            XCTAssertEqual(Set(try XCTUnwrap(instance.objectMembers).map(\.key)), Set(properties),
                           "the fixture's \(path) uses every property of \(name)")

            for key in properties {
                let without = replacing(document, at: path) { $0.removeAll { $0.key == key } }
                if required.contains(key) {
                    XCTAssertThrowsError(try decode(without), "\(name) without required \"\(key)\"")
                } else {
                    XCTAssertNoThrow(try decode(without), "\(name) without optional \"\(key)\"")
                }
            }
            let extra = replacing(document, at: path) {
                $0.append(JSONValue.Member(key: "notInSchema", keyLocation: instance.location,
                                           value: JSONValue(.string("x"), at: instance.location)))
            }
            XCTAssertThrowsError(try decode(extra), "\(name) with an unknown key") { error in
                let messages = (error as? DiagnosticsError)?.diagnostics.map(\.message) ?? []
                XCTAssertTrue(messages.contains { $0.contains("\"notInSchema\"") }, "\(name): \(messages)")
            }
        }
    }

    // MARK: Helpers: edit a parsed document and decode it again

    private func decode(_ document: JSONValue) throws {
        _ = try IssueDecoder.decode(Array(serialize(document).utf8), file: "test.json")
    }

    /// Splits `sections[0].articles` into ["sections", 0, "articles"] (as keys and indices).
    private func components(_ path: String) -> [PathComponent] {
        guard !path.isEmpty else { return [] }
        var result: [PathComponent] = []
        for part in path.split(separator: ".") {
            let pieces = part.split(separator: "[")
            result.append(.key(String(pieces[0])))
            for index in pieces.dropFirst() { result.append(.index(Int(index.dropLast())!)) }
        }
        return result
    }

    private enum PathComponent { case key(String), index(Int) }

    private func value(in root: JSONValue, at path: String) -> JSONValue? {
        var value: JSONValue? = root
        for component in components(path) {
            switch component {
            case .key(let key): value = value?[key]
            case .index(let index): value = value?.arrayValue.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
        }
        return value
    }

    /// A copy of `root` with the object at `path` changed by `change`.
    private func replacing(_ root: JSONValue, at path: String, _ change: (inout [JSONValue.Member]) -> Void) -> JSONValue {
        func edit(_ value: JSONValue, _ rest: ArraySlice<PathComponent>) -> JSONValue {
            var value = value
            switch (rest.first, value.content) {
            case (nil, .object(var members)):
                change(&members)
                value.content = .object(members)
            case (.key(let key)?, .object(var members)):
                let i = members.firstIndex { $0.key == key }!
                members[i].value = edit(members[i].value, rest.dropFirst())
                value.content = .object(members)
            case (.index(let index)?, .array(var items)):
                items[index] = edit(items[index], rest.dropFirst())
                value.content = .array(items)
            default:
                XCTFail("no object at \(path)")
            }
            return value
        }
        return edit(root, components(path)[...])
    }

    /// Compact JSON text of a value.
    private func serialize(_ value: JSONValue) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\u{0}" ..< "\u{20}":
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        switch value.content {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let literal): return literal
        case .string(let s): return quoted(s)
        case .array(let items): return "[" + items.map(serialize).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { quoted($0.key) + ":" + serialize($0.value) }.joined(separator: ",") + "}"
        }
    }
}
