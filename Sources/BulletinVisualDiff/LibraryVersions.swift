import CCairo
import CFreeType
import CHarfBuzz

/// The versions of the C libraries that draw our pages, asked of the libraries themselves at run
/// time (not the headers we compiled against): a golden recorded with other versions may differ
/// for that reason alone.
public enum LibraryVersions {
    public static var cairo: String { String(cString: cairo_version_string()) }
    public static var harfBuzz: String { String(cString: hb_version_string()) }
    public static var freeType: String { FreeTypeHandle()?.version ?? "unknown" }

    /// A FreeType library opened only to ask its version, closed on deinit.
    private final class FreeTypeHandle {
        let library: FT_Library

        init?() {
            var library: FT_Library?
            guard FT_Init_FreeType(&library) == 0, let library else { return nil }
            self.library = library
        }

        deinit { FT_Done_FreeType(library) }

        var version: String {
            var major: FT_Int = 0, minor: FT_Int = 0, patch: FT_Int = 0
            FT_Library_Version(library, &major, &minor, &patch)
            return "\(major).\(minor).\(patch)"
        }
    }
}
