import BulletinRender
import BulletinVisualDiff

/// Opens the render session on first use (only issues need one), as a DiffError when it cannot.
final class SessionProvider: @unchecked Sendable {
    private let fonts: String?
    private let systemFallback: Bool
    private var session: RenderSession?

    init(fonts: String?, systemFallback: Bool) {
        self.fonts = fonts
        self.systemFallback = systemFallback
    }

    func get() throws(DiffError) -> RenderSession {
        if let session { return session }
        guard let home = ResourceLocator.home() else {
            throw .issue(path: "", messages: ["cannot find the Fonts/ and Layouts/ directories; set BULLETIN_PDF_HOME"])
        }
        do {
            let session = try RenderSession(home: home, fontDirectory: fonts, systemFallback: systemFallback)
            self.session = session
            return session
        } catch {
            throw .issue(path: home, messages: error.diagnostics.map(\.description))
        }
    }
}
