import Foundation

/// Finds the directory that holds `Fonts/` and `Layouts/` (the project's shipped resources):
/// `$BULLETIN_PDF_HOME` if set, else the first ancestor of the executable, then of the current
/// directory, that has both. A fresh clone renders without any configuration this way.
public enum ResourceLocator {
    public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let home = environment["BULLETIN_PDF_HOME"], !home.isEmpty { return home }
        var starts: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append((executable as NSString).deletingLastPathComponent)
        }
        starts.append(FileManager.default.currentDirectoryPath)
        for start in starts {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                if isHome(directory.path) { return directory.path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    static func isHome(_ path: String) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: path + "/Fonts") && fm.fileExists(atPath: path + "/Layouts/jianbao.json")
    }
}
