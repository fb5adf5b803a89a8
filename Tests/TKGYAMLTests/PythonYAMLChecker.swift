import Foundation
import TestSupport

/// Runs Tests/Support/yaml_roundtrip.py, which reads our output with PyYAML (and ruamel.yaml when present).
enum PythonYAMLChecker {
    static var skipped: Bool { PythonChecker.skipped }

    /// Nil when the checker accepts `yaml` as `expected`; otherwise a message naming every mismatch
    /// (or why the checker could not run).
    static func problems(yaml: String, expected: [String]) -> String? {
        let expectedFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("tkgyaml-expected-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: expectedFile) }
        do {
            try JSONEncoder().encode(expected).write(to: expectedFile)
        } catch {
            return "cannot write \(expectedFile.path): \(error)"
        }
        return PythonChecker.problems(script: "yaml_roundtrip.py", arguments: [expectedFile.path], input: yaml)
            .map { "\($0)\n--- YAML:\n\(yaml)" }
    }
}
