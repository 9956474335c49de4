import BulletinModel
import Foundation

/// `manifest.json` of a goldens directory: how the goldens were made (resolution, layout), on what
/// (`RenderEnvironment`), and which documents with how many pages. Beside it, per document NAME:
/// `NAME-1.png` … `NAME-N.png` (our Cairo PNG path) and `NAME.trace` (the display-list trace,
/// from which the text lines are read back for change summaries).
public struct GoldenManifest: Equatable, Sendable, Codable {
    public static let fileName = "manifest.json"
    public static let currentFormat = "bulletin-pdf-goldens/1"

    public var format = GoldenManifest.currentFormat
    public var dpi: Double
    public var layout: String
    public var environment: RenderEnvironment
    public var documents: [Document]

    public struct Document: Equatable, Sendable, Codable {
        public var name: String
        public var pages: Int

        public init(name: String, pages: Int) {
            self.name = name
            self.pages = pages
        }
    }

    public init(dpi: Double, layout: String, environment: RenderEnvironment, documents: [Document]) {
        self.dpi = dpi
        self.layout = layout
        self.environment = environment
        self.documents = documents
    }

    /// File names of a document's goldens.
    public static func pageFile(_ name: String, _ page: Int) -> String { "\(name)-\(page).png" }
    public static func traceFile(_ name: String) -> String { "\(name).trace" }

    /// The manifest as written: pretty, keys sorted, so a re-record shows as a small git diff.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self)) + [0x0A]
    }

    /// Reads `DIR/manifest.json`; errors carry line:column (our JSON parser locates them).
    public static func read(directory: String) throws(DiffError) -> GoldenManifest {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .manifest(path: path, location: nil, message: FileManager.default.fileExists(atPath: path)
                            ? "cannot read the file" : "no such file: not a goldens directory (record one with `bulletin-pdf snapshot`)")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(Array(data)) } catch {
            throw .manifest(path: path, location: error.location.description, message: error.message)
        }
        func fail(_ value: JSONValue?, _ message: String) -> DiffError {
            .manifest(path: path, location: (value ?? root).location.description, message: message)
        }
        guard root["format"]?.stringValue == currentFormat else {
            throw fail(root["format"], "expected \"format\": \"\(currentFormat)\"")
        }
        guard let dpi = root["dpi"]?.doubleValue, dpi > 0 else { throw fail(root["dpi"], "expected \"dpi\": a positive number") }
        guard let layout = root["layout"]?.stringValue else { throw fail(root["layout"], "expected \"layout\": a string") }
        let env = root["environment"]
        guard let cairo = env?["cairo"]?.stringValue, let harfBuzz = env?["harfBuzz"]?.stringValue,
              let freeType = env?["freeType"]?.stringValue, let fontMembers = env?["fonts"]?.objectMembers else {
            throw fail(env, "expected \"environment\" with cairo, harfBuzz, freeType (strings) and fonts (an object)")
        }
        var fonts: [String: String] = [:]
        for member in fontMembers {
            guard let hash = member.value.stringValue else { throw fail(member.value, "expected a SHA-256 hex string") }
            fonts[member.key] = hash
        }
        guard let list = root["documents"]?.arrayValue else { throw fail(root["documents"], "expected \"documents\": an array") }
        var documents: [Document] = []
        for entry in list {
            guard let name = entry["name"]?.stringValue, let pages = entry["pages"]?.intValue, pages >= 0 else {
                throw fail(entry, "expected a document {\"name\": string, \"pages\": integer}")
            }
            documents.append(Document(name: name, pages: pages))
        }
        return GoldenManifest(dpi: dpi, layout: layout,
                              environment: RenderEnvironment(cairo: cairo, harfBuzz: harfBuzz, freeType: freeType, fonts: fonts),
                              documents: documents)
    }
}

/// What our pages depend on besides our code: the versions of Cairo, HarfBuzz and FreeType, and
/// the SHA-256 of every font file used (by file name).
public struct RenderEnvironment: Equatable, Sendable, Codable {
    public var cairo: String
    public var harfBuzz: String
    public var freeType: String
    public var fonts: [String: String]

    public init(cairo: String, harfBuzz: String, freeType: String, fonts: [String: String]) {
        self.cairo = cairo
        self.harfBuzz = harfBuzz
        self.freeType = freeType
        self.fonts = fonts
    }

    /// This machine, with the hashes of `fontFiles`.
    public static func current(fontFiles: [String]) -> RenderEnvironment {
        var fonts: [String: String] = [:]
        for file in Set(fontFiles) { fonts[(file as NSString).lastPathComponent] = FontHashes.shared.hash(of: file) }
        return RenderEnvironment(cairo: LibraryVersions.cairo, harfBuzz: LibraryVersions.harfBuzz,
                                 freeType: LibraryVersions.freeType, fonts: fonts)
    }

    /// How `self` (this machine) differs from `recorded`, one sentence each; fonts only one side
    /// used are not counted (content decides which fonts are used).
    public func differences(from recorded: RenderEnvironment) -> [String] {
        var result: [String] = []
        for (library, here, there) in [("Cairo", cairo, recorded.cairo), ("HarfBuzz", harfBuzz, recorded.harfBuzz),
                                       ("FreeType", freeType, recorded.freeType)] where here != there {
            result.append("\(library) \(here) here, \(there) when the goldens were recorded")
        }
        for name in fonts.keys.sorted() {
            if let there = recorded.fonts[name], there != fonts[name] {
                result.append("font \(name) differs (SHA-256 \(fonts[name]!.prefix(12))… here, \(there.prefix(12))… recorded)")
            }
        }
        return result
    }
}

/// Font hashes already computed in this process, by path, size and modification time: hashing the
/// shipped fonts (34 MB) once per process is enough, whatever the number of checks.
final class FontHashes: @unchecked Sendable {
    static let shared = FontHashes()
    private var hashes: [String: String] = [:]
    private let lock = NSLock()

    func hash(of file: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let key = "\(file)\u{0}\(size)\u{0}\(modified)"
        if let known = lock.withLock({ hashes[key] }) { return known }
        let hash = SHA256.hex(ofFile: file) ?? "unreadable"
        lock.withLock { hashes[key] = hash }
        return hash
    }
}
