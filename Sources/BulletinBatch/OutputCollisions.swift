/// Two inputs that would write the same output (`033.json` and `033.txt` side by side, or the same
/// relative path under two archive roots) are refused, both named; the other inputs go on.
public enum OutputCollisions {
    /// The items whose output is theirs alone, and one error per contested output.
    public static func separate(_ items: [ArchiveItem]) -> (unique: [ArchiveItem], collisions: [BatchError]) {
        var byOutput: [String: [ArchiveItem]] = [:]
        for item in items { byOutput[item.outputPath, default: []].append(item) }
        var unique: [ArchiveItem] = []
        var collisions: [BatchError] = []
        var reported: Set<String> = []
        for item in items {
            let claimants = byOutput[item.outputPath]!
            if claimants.count == 1 {
                unique.append(item)
            } else if reported.insert(item.outputPath).inserted {
                collisions.append(.outputCollision(output: item.outputPath, inputs: claimants.map(\.path)))
            }
        }
        return (unique, collisions)
    }
}
