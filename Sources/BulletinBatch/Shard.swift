/// One of N parts of an archive (`--shard K/N`), so N machines typeset it together.
///
/// An item belongs to part `hash(outputPath) mod N`, with a stable 64-bit hash (FNV-1a, then the
/// SplitMix64 finalizer so that all bits, not just the last characters, decide the part): the
/// same on every machine and every run, independent of what else the archive holds (adding an
/// issue never moves another between shards), and two inputs with the same output always land in
/// the same shard, where the collision is seen. The parts are disjoint and together are everything.
public struct Shard: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// 1-based: 1…count.
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (1 ≤ K ≤ N).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the item is in this part.
    public func contains(_ item: ArchiveItem) -> Bool {
        Int(Shard.stableHash(item.outputPath) % UInt64(count)) == index - 1
    }

    /// FNV-1a 64 over the UTF-8 bytes, finished with SplitMix64's mixer.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
