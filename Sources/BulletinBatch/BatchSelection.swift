import BulletinModel

/// Steps 1–2 together: what a run will typeset. The archive is discovered, inputs that would
/// collide are refused (as failed outcomes naming each other), and this shard's part is kept.
/// Collisions are found over the whole archive before sharding, and colliding inputs share their
/// output path and so their shard: whichever shard owns them reports them.
struct BatchSelection {
    /// The inputs to typeset, in archive order.
    var items: [ArchiveItem]
    /// Inputs refused before typesetting (output collisions), already failed.
    var refused: [IssueOutcome]
    /// Problems that are not one input's (unreadable directories, loops, missing inputs).
    var problems: [BatchError]

    /// Selects from `inputs`; `excluding` are paths never read as inputs (the output directory,
    /// the report and index files, wherever they are).
    init(inputs: [String], excluding: [String], shard: Shard?) {
        let discovery = ArchiveDiscovery.discover(inputs, excluding: excluding)
        let (unique, collisions) = OutputCollisions.separate(discovery.items)
        let inShard = { (item: ArchiveItem) in shard?.contains(item) ?? true }
        items = unique.filter(inShard)
        problems = discovery.problems
        refused = []
        for case .outputCollision(let output, let inputs) in collisions {
            for item in discovery.items where item.outputPath == output && inShard(item) {
                var outcome = IssueOutcome(item: item, status: .failed)
                outcome.failure = .input
                let others = inputs.filter { $0 != item.path }.joined(separator: " and ")
                outcome.errors = [Diagnostic(.error, file: item.path, message: "would be written to \(output), as would "
                                             + "\(others); neither is typeset (rename one)")]
                refused.append(outcome)
            }
        }
    }
}
