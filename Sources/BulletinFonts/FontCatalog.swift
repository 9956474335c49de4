import Foundation

/// Opens fonts by file name from one font directory, each file once per process, and shares the
/// faces read-only (a batch parses each font once, whatever the number of issues).
public final class FontCatalog: @unchecked Sendable {
    /// The directory font names are resolved against (the repo's `Fonts/` by default).
    public let directory: String
    /// Whether characters missing from every font of a chain may come from system fonts.
    public let allowsSystemFallback: Bool

    private let library: FreeTypeLibrary
    private var faces: [String: FontFace] = [:]
    private var systemFaces: [String: FontFace] = [:]
    private var systemLookups: [UInt32: String?] = [:]
    private let lock = NSLock()

    public init(directory: String, allowsSystemFallback: Bool = true) throws(FontError) {
        self.directory = directory
        self.allowsSystemFallback = allowsSystemFallback
        library = try FreeTypeLibrary()
    }

    /// The face of `name` (a file name inside `directory`, or an absolute path), loaded on first use.
    public func face(named name: String) throws(FontError) -> FontFace {
        let path = name.hasPrefix("/") ? name : (directory as NSString).appendingPathComponent(name)
        lock.lock()
        defer { lock.unlock() }
        if let face = faces[path] { return face }
        let face = try FontFace(path: path, library: library)
        faces[path] = face
        return face
    }

    /// A system font (through fontconfig) that covers `character`, or nil.
    public func systemFace(covering character: Character) -> FontFace? {
        guard allowsSystemFallback, let first = character.unicodeScalars.first else { return nil }
        lock.lock()
        let known = systemLookups[first.value]
        lock.unlock()
        let path: String?
        if let known {
            path = known
        } else {
            path = SystemFontFinder.path(covering: first)
            lock.lock()
            systemLookups[first.value] = .some(path)
            lock.unlock()
        }
        guard let path else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let face = systemFaces[path] { return face.covers(character) ? face : nil }
        guard let face = try? FontFace(path: path, library: library) else { return nil }
        systemFaces[path] = face
        return face.covers(character) ? face : nil
    }

    /// Every face opened so far, sorted by path (for reports and golden metadata).
    public var loadedFaces: [FontFace] {
        lock.lock()
        defer { lock.unlock() }
        return (Array(faces.values) + Array(systemFaces.values)).sorted { $0.path < $1.path }
    }
}

/// A role's fonts in fallback order: the first that has a character draws it.
public struct FontChain: Sendable {
    public let faces: [FontFace]
    private let catalog: FontCatalog

    public init(faces: [FontFace], catalog: FontCatalog) {
        precondition(!faces.isEmpty, "a font chain needs at least one face")
        self.faces = faces
        self.catalog = catalog
    }

    /// The font that draws the chain's text by default.
    public var primary: FontFace { faces[0] }

    /// The face for `character`: the first of the chain that covers it, else a system font, else
    /// nil (the caller reports the character as missing and draws it with the primary font).
    public func face(for character: Character) -> FontFace? {
        for face in faces where face.covers(character) { return face }
        return catalog.systemFace(covering: character)
    }
}
