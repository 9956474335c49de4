import Foundation

/// Step 1: finds the inputs of a batch.
///
/// Directories are walked recursively in name order; `.json` and `.txt` files are inputs, other
/// files and hidden entries (names starting with `.`, such as the batch's own temporary files)
/// are passed over. Symbolic links are followed, except one that leads back to a directory on the
/// current path (a loop, found by device and inode, which no path comparison can see through
/// bind mounts or relative links): that is reported and not followed. A directory that cannot be
/// listed is reported, and the walk goes on with the rest.
public enum ArchiveDiscovery {
    /// The inputs found and the problems met.
    public struct Result: Sendable {
        public var items: [ArchiveItem]
        public var problems: [BatchError]
    }

    /// Walks `inputs` (directories and files). Paths listed in `excluding` (the output directory,
    /// report and index when they lie inside the archive) are passed over.
    public static func discover(_ inputs: [String], excluding: [String] = []) -> Result {
        var walker = Walker(excluded: Set(excluding.compactMap { FileIdentity(path: $0) }))
        for input in inputs {
            walker.visitRoot(input)
        }
        return Result(items: walker.items, problems: walker.problems)
    }
}

/// A file's device and inode: the same file whatever the path that reaches it.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of what `path` names (following links), or nil when it does not exist.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}

/// The state of one discovery walk.
private struct Walker {
    let excluded: Set<FileIdentity>
    var items: [ArchiveItem] = []
    var problems: [BatchError] = []

    init(excluded: Set<FileIdentity>) { self.excluded = excluded }

    mutating func visitRoot(_ input: String) {
        var status = stat()
        guard stat(input, &status) == 0 else {
            let reason = errno
            if reason == ENOENT && lstatExists(input) {
                problems.append(.unreadable(path: input, reason: "broken symbolic link"))
            } else if reason == ENOENT {
                problems.append(.noSuchInput(path: input))
            } else {
                problems.append(.unreadable(path: input, reason: String(cString: strerror(reason))))
            }
            return
        }
        if isDirectory(status) {
            walk(directory: input, relative: "", identity: FileIdentity(status), ancestors: [])
        } else {
            let name = (input as NSString).lastPathComponent
            guard let kind = ArchiveItem.Kind(fileName: name) else {
                problems.append(.unsupportedInput(path: input))
                return
            }
            items.append(ArchiveItem(path: input, relativePath: name, kind: kind))
        }
    }

    /// Visits a directory's entries; `ancestors` are the directories on the path to it.
    mutating func walk(directory: String, relative: String, identity: FileIdentity, ancestors: Set<FileIdentity>) {
        guard !excluded.contains(identity) else { return }
        var inside = ancestors
        inside.insert(identity)
        let names: [String]
        switch listDirectory(directory) {
        case .success(let list): names = list
        case .failure(let reason):
            problems.append(.unreadable(path: directory, reason: reason.message))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else {
                // A dangling link that would have been an input is worth a word; other noise is not.
                if ArchiveItem.Kind(fileName: name) != nil || errno != ENOENT {
                    problems.append(.unreadable(path: path, reason: errno == ENOENT ? "broken symbolic link"
                                                : String(cString: strerror(errno))))
                }
                continue
            }
            if isDirectory(status) {
                let child = FileIdentity(status)
                if inside.contains(child) {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "an ancestor"
                    problems.append(.symlinkLoop(path: path, target: target))
                    continue
                }
                walk(directory: path, relative: relativePath, identity: child, ancestors: inside)
            } else if (status.st_mode & S_IFMT) == S_IFREG, let kind = ArchiveItem.Kind(fileName: name),
                      !excluded.contains(FileIdentity(status)) {
                items.append(ArchiveItem(path: path, relativePath: relativePath, kind: kind))
            }
        }
    }

    private func isDirectory(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFDIR }

    private func lstatExists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Why a directory could not be listed.
    struct ListingError: Error {
        let message: String
    }

    /// The entry names of a directory, sorted bytewise (stable across machines and locales).
    private func listDirectory(_ path: String) -> Swift.Result<[String], ListingError> {
        guard let handle = opendir(path) else {
            return .failure(ListingError(message: String(cString: strerror(errno))))
        }
        defer { closedir(handle) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 {
            return .failure(ListingError(message: String(cString: strerror(errno))))
        }
        return .success(names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}
