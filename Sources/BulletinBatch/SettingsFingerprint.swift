import BulletinDigest
import BulletinLayout
import BulletinRender
import Foundation

/// What shapes an issue's outputs besides the issue itself, as chosen on the command line.
public struct OutputSettings: Equatable, Sendable {
    /// Layout name (`jianbao`) or path.
    public var layout: String
    /// Write page PNGs at this resolution beside each PDF; nil for none.
    public var pngDPI: Double?
    /// ISO 8601 creation date for every PDF (SOURCE_DATE_EPOCH); nil takes each issue's date.
    public var creationDate: String?

    public init(layout: String = "jianbao", pngDPI: Double? = nil, creationDate: String? = nil) {
        self.layout = layout
        self.pngDPI = pngDPI
        self.creationDate = creationDate
    }
}

/// Step 3: one digest of everything besides the input that decides an output's bytes — the tool
/// (its executable's SHA-256, so any rebuild of the code counts), the layout file, every font file
/// the layout names, and the output settings. An issue is skipped only when its claim in the
/// manifest carries this digest. (Fonts found through fontconfig for characters the layout's
/// fonts lack depend on the issue: each claim lists its own, `ManifestClaim.fallbackFonts`.)
public struct SettingsFingerprint: Equatable, Sendable {
    /// SHA-256 over `parts`.
    public let digest: String
    /// What went in, one `name: value` per line (for the report).
    public let parts: [String]

    public init(parts: [String]) {
        self.parts = parts
        digest = SHA256.hex(Array(parts.joined(separator: "\n").utf8))
    }

    /// Fingerprints `settings` under `tool` (see `ToolIdentity`).
    public static func compute(tool: String, session: RenderSession, typesetter: Typesetter,
                               settings: OutputSettings, hashes: FileHashCache) throws(BatchError) -> SettingsFingerprint {
        var parts = ["format: \(BulletinBatch.formatVersion)", "tool: \(tool)"]
        let layoutPath = session.layoutPath(settings.layout)
        parts.append("layout \((layoutPath as NSString).lastPathComponent): \(try hashes.digest(of: layoutPath))")
        for (name, path) in layoutFonts(session: session, typesetter: typesetter) {
            parts.append("font \(name): \(try hashes.digest(of: path))")
        }
        parts.append("png: \(settings.pngDPI.map { "\($0) dpi" } ?? "none")")
        parts.append("creation date: \(settings.creationDate ?? "from each issue")")
        return SettingsFingerprint(parts: parts)
    }

    /// The fonts the layout names, as (name, path), sorted by name. Any other font in a display
    /// list was found through fontconfig for a character these lack (`ManifestClaim.fallbackFonts`).
    static func layoutFonts(session: RenderSession, typesetter: Typesetter) -> [(name: String, path: String)] {
        Set(typesetter.spec.fontRoles.values.joined()).sorted().map { name in
            (name, name.hasPrefix("/") ? name : (session.fonts.directory as NSString).appendingPathComponent(name))
        }
    }
}

/// The identity of the running tool: its version and the SHA-256 of its executable.
public enum ToolIdentity {
    /// A version people can read; the executable's digest is what tells builds apart.
    public static let version = "bulletin-pdf 0.1"

    /// `bulletin-pdf 0.1 sha256:<executable digest>`, or the version alone when the executable
    /// cannot be read.
    public static func current(hashes: FileHashCache) -> String {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let digest = try? hashes.digest(of: executable) else { return version }
        return "\(version) sha256:\(digest)"
    }
}
