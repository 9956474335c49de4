import BulletinRender
import Foundation

/// Removes what an earlier run killed mid-write left behind: `AtomicFile`'s hidden temporary files
/// (`.033.pdf.4711.12345.tmp`). kill -9 or a power cut between `open` and `rename` leaves one;
/// it is never a finished PDF and never claimed by the manifest, but it would stay forever.
///
/// Only a run that holds the output directory alone (`ManifestStore.holdsDirectoryAlone`) sweeps,
/// since another batch sharing the directory (a shard) may be writing its temporary files right
/// now. The sweep looks only where this run writes: the output root and the directories of its
/// outputs — a few `readdir` calls, nothing like a walk of the whole tree.
enum StaleTemporaryFiles {
    /// Deletes the temporary files in `directories`; returns the paths removed.
    static func remove(in directories: Set<String>) -> [String] {
        var removed: [String] = []
        for directory in directories.sorted() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names where AtomicFile.isTemporaryName(name) {
                let path = (directory as NSString).appendingPathComponent(name)
                if unlink(path) == 0 { removed.append(path) }
            }
        }
        return removed
    }

    /// The directories a run over `items` writes into below `outputDirectory`.
    static func directories(of items: [ArchiveItem], in outputDirectory: String) -> Set<String> {
        var directories: Set<String> = [outputDirectory]
        for item in items {
            let parent = (item.outputPath as NSString).deletingLastPathComponent
            if !parent.isEmpty { directories.insert((outputDirectory as NSString).appendingPathComponent(parent)) }
        }
        return directories
    }
}
