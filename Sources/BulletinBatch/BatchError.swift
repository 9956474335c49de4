import BulletinModel
import BulletinRender

/// What can go wrong in a batch outside one issue's own content, each case saying where.
public enum BatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input named on the command line does not exist.
    case noSuchInput(path: String)
    /// A file named on the command line is neither an issue (`.json`) nor a bulletin (`.txt`).
    case unsupportedInput(path: String)
    /// A directory (or a file inside it) could not be read.
    case unreadable(path: String, reason: String)
    /// A symbolic link leads back to a directory that contains it; the walk does not follow it.
    case symlinkLoop(path: String, target: String)
    /// Two inputs would be written to the same output; neither is typeset.
    case outputCollision(output: String, inputs: [String])
    /// An output file could not be written (permissions, a full disk); nothing half-written remains.
    case write(AtomicFile.WriteError)
    /// The output directory cannot be used.
    case outputDirectory(path: String, reason: String)
    /// Another batch is writing the same manifest.
    case locked(path: String)
    /// The layout, fonts or tool could not be fingerprinted.
    case settings(path: String, reason: String)

    /// The file or directory the error is about.
    public var path: String {
        switch self {
        case .noSuchInput(let path), .unsupportedInput(let path), .unreadable(let path, _),
             .symlinkLoop(let path, _), .outputDirectory(let path, _), .locked(let path), .settings(let path, _):
            return path
        case .outputCollision(let output, _): return output
        case .write(let error): return error.path
        }
    }

    /// What is wrong, without the path.
    public var message: String {
        switch self {
        case .noSuchInput: return "no such file or directory"
        case .unsupportedInput: return "not an issue (.json) or plain-text bulletin (.txt)"
        case .unreadable(_, let reason): return "cannot read: \(reason)"
        case .symlinkLoop(_, let target):
            return "symbolic link loop (points to \(target), which contains it); not followed"
        case .outputCollision(_, let inputs):
            return "\(inputs.joined(separator: " and ")) would both be written here; neither is typeset (rename one)"
        case .write(let error): return "cannot write: \(error.reason)"
        case .outputDirectory(_, let reason): return "cannot use as the output directory: \(reason)"
        case .locked:
            return "another batch is writing this manifest (its lock is held); wait for it, or give each "
                + "concurrent run its own --shard"
        case .settings(_, let reason): return reason
        }
    }

    public var description: String { "\(path): \(message)" }

    /// The error as a diagnostic located at `path`.
    public var diagnostic: Diagnostic { Diagnostic(.error, file: path, message: message) }
}
