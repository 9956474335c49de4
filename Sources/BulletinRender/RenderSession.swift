import BulletinFonts
import BulletinLayout
import BulletinModel
import Foundation

/// The whole render pipeline for one process: fonts are opened once and layouts read once, then
/// any number of issues go through decode → layout → PDF. The CLI (and batch) call this; it holds
/// no command-line concerns.
public final class RenderSession: @unchecked Sendable {
    public let home: String
    public let fonts: FontCatalog
    private var typesetters: [String: Typesetter] = [:]
    private let lock = NSLock()

    /// `home` holds `Fonts/` and `Layouts/`; `fontDirectory` overrides `home/Fonts`.
    public init(home: String, fontDirectory: String? = nil, systemFallback: Bool = true) throws(DiagnosticsError) {
        self.home = home
        let directory = fontDirectory ?? (home as NSString).appendingPathComponent("Fonts")
        do {
            fonts = try FontCatalog(directory: directory, allowsSystemFallback: systemFallback)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, file: directory, message: error.description)])
        }
    }

    /// The path of a layout given by name (`jianbao` → `home/Layouts/jianbao.json`) or path.
    public func layoutPath(_ nameOrPath: String) -> String {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".json") { return nameOrPath }
        return (home as NSString).appendingPathComponent("Layouts/\(nameOrPath).json")
    }

    /// A typesetter for a layout, read and checked on first use.
    public func typesetter(layout nameOrPath: String) throws(DiagnosticsError) -> Typesetter {
        let path = layoutPath(nameOrPath)
        lock.lock()
        defer { lock.unlock() }
        if let cached = typesetters[path] { return cached }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such layout file"
            throw DiagnosticsError([Diagnostic(.error, file: path, message: reason,
                                               hint: "give a layout name from Layouts/ or a path to a layout JSON file")])
        }
        let spec = try LayoutSpecDecoder.decode(Array(data), file: path)
        do {
            let typesetter = try Typesetter(spec: spec, fonts: fonts)
            typesetters[path] = typesetter
            return typesetter
        } catch {
            throw DiagnosticsError([fontDiagnostic(error, layoutFile: path, layoutJSON: Array(data))])
        }
    }

    /// A font failure located where the layout names the font (`fontRoles.kai[0]`, line:column),
    /// so the user sees which entry to fix; at `fontRoles` when the entry cannot be found.
    private func fontDiagnostic(_ error: LayoutError, layoutFile: String, layoutJSON: [UInt8]) -> Diagnostic {
        var diagnostic = Diagnostic(.error, file: layoutFile, path: "fontRoles", message: error.description)
        guard case .font(let role, let fontError) = error else { return diagnostic }
        let failedPath: String
        switch fontError {
        case .unreadable(let path, _), .notAFont(let path, _), .cannotEmbed(let path, _): failedPath = path
        case .freeTypeInit: return diagnostic
        }
        // Font names resolve as in `FontCatalog.face(named:)`: absolute, or inside the font directory.
        let names = (try? JSONParser.parse(layoutJSON))?["fontRoles"]?[role]?.arrayValue ?? []
        for (index, entry) in names.enumerated() {
            guard let name = entry.stringValue?.trimmingCharacters(in: .whitespaces) else { continue }
            let resolved = name.hasPrefix("/") ? name : (fonts.directory as NSString).appendingPathComponent(name)
            guard resolved == failedPath else { continue }
            diagnostic.line = entry.location.line
            diagnostic.column = entry.location.column
            diagnostic.path = "fontRoles.\(role)[\(index)]"
            if !name.hasPrefix("/") {
                diagnostic.hint = "expected an OpenType or TrueType font file; names are looked up in \(fonts.directory)"
            }
            break
        }
        return diagnostic
    }

    /// A rendered issue: its display list and PDF bytes.
    public struct Output: Sendable {
        public var displayList: DisplayList
        public var pdf: [UInt8]
    }

    /// Decodes, lays out and renders one issue. Warnings come back located in the issue file.
    public func render(issueJSON data: [UInt8], file: String, layout: String = "jianbao",
                       creationDate: String? = nil) throws(DiagnosticsError) -> Warned<Output> {
        let decoded = try IssueDecoder.decode(data, file: file)
        let typesetter = try self.typesetter(layout: layout)
        let laidOut = typesetter.layout(decoded.value.issue, creationDate: creationDate)
        let pdf: [UInt8]
        do {
            pdf = try PDFRenderer.render(laidOut.value)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, file: file, message: error.description)])
        }
        let warnings = decoded.warnings + laidOut.warnings.map { warning in
            var located = warning
            located.file = file
            if let path = warning.path, let location = decoded.value.location(nearest: path) {
                located.line = location.line
                located.column = location.column
            }
            return located
        }
        return Warned(Output(displayList: laidOut.value, pdf: pdf), warnings: warnings)
    }
}
