import BulletinModel
import Foundation

/// Writes diagnostics to standard error, one per line, in the `file:line:col: path: message` form.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let prefix = diagnostic.severity == .error ? "error: " : ""
            FileHandle.standardError.write(Data((prefix + diagnostic.description + "\n").utf8))
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }
}
