import Foundation

/// Runs qpdf, a second independent oracle beside poppler: `--check` validates the file's
/// structure (cross-reference table, object syntax, every stream's compression), `--json` reports
/// outlines and page labels as a PDF library reads them, `--qdf` uncompresses content streams.
/// The README's test command installs it (scripts/ensure-deps.sh).
public enum QPDF {
    /// `qpdf --check`: whether it found no error and no warning, and what it said.
    public static func check(_ pdf: String) throws -> (clean: Bool, output: String) {
        let result = try Shell.run("/usr/bin/qpdf", ["--check", pdf])
        let output = result.stdout + result.stderr
        return (result.status == 0 && output.contains("No syntax or stream encoding errors found"), output)
    }

    /// `qpdf --json` limited to `keys` (e.g. `outlines`, `pagelabels`, `pages`), parsed.
    public static func json(_ pdf: String, keys: [String]) throws -> [String: Any] {
        let result = try Shell.run("/usr/bin/qpdf", ["--json"] + keys.map { "--json-key=\($0)" } + [pdf])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw NSError(domain: "qpdf", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return object
    }

    /// The file with every stream uncompressed (`--qdf`), as text, to read content streams.
    public static func uncompressed(_ pdf: String) throws -> String {
        let out = pdf + ".qdf"
        let result = try Shell.run("/usr/bin/qpdf", ["--qdf", "--object-streams=disable", pdf, out])
        guard result.status == 0 || result.status == 3 else {
            throw NSError(domain: "qpdf", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
    }
}
