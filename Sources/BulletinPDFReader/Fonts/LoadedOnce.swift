/// A table worked out from a font program on first need (fonts often show a handful of their
/// codes, and most need nothing from the program), then kept; the closure that works it out is
/// released once it has run. No closure: the table is empty.
struct LoadedOnce<Key: Hashable> {
    private var load: (() -> [Key: String])?
    /// The table, once worked out.
    private(set) var loaded: [Key: String]?

    init(_ load: (() -> [Key: String])?) {
        self.load = load
    }

    mutating func table() -> [Key: String] {
        if let loaded { return loaded }
        let table = load?() ?? [:]
        loaded = table
        load = nil
        return table
    }
}
