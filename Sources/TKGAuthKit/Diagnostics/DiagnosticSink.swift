import TKGYAML

/// Collects the findings of one file while it is read and checked.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func error(_ message: String, at mark: Mark, hint: String? = nil) {
        diagnostics.append(.error(message, file: file, at: mark, hint: hint))
    }

    func warning(_ message: String, at mark: Mark, hint: String? = nil) {
        diagnostics.append(.warning(message, file: file, at: mark, hint: hint))
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}
