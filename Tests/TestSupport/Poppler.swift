import Foundation

/// Runs poppler's command-line tools — an independent oracle that reads our PDFs as a third party
/// would. The README's test command installs `poppler-utils`.
public enum Poppler {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `/usr/bin/<tool>` with arguments.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        try Shell.run("/usr/bin/" + tool, arguments, stdin: stdin)
    }

    /// `pdftotext -enc UTF-8 file -` (reading order, no layout mode).
    public static func text(_ pdf: String) throws -> String {
        try run("pdftotext", ["-enc", "UTF-8", pdf, "-"]).stdout
    }

    /// Rows of `pdffonts`: name, type, embedded, subset, has ToUnicode.
    public static func fonts(_ pdf: String) throws -> [(name: String, type: String, embedded: Bool, subset: Bool, unicode: Bool)] {
        let lines = try run("pdffonts", [pdf]).stdout.split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            // name type [type…] encoding emb sub uni object ID
            let n = fields.count
            return (fields[0], fields[1...max(1, n - 7)].joined(separator: " "), fields[n - 5] == "yes",
                    fields[n - 4] == "yes", fields[n - 3] == "yes")
        }
    }

    /// `pdfinfo` as key → value.
    public static func info(_ pdf: String) throws -> [String: String] {
        var info: [String: String] = [:]
        for line in try run("pdfinfo", [pdf]).stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            info[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return info
    }
}

/// Runs a program and collects its output.
public enum Shell {
    public static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String]? = nil) throws -> Poppler.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full stderr pipe cannot block the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Poppler.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                              stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Holds what a background read produced; written once before `group.leave()`, read after `wait()`.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
