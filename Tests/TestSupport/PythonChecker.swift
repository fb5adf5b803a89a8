import Foundation

/// Runs an independent checker script from Tests/Support with the test python.
/// Which python: env TKGAUTH_PYTHON, else the repo's .build/venv, else python3 on PATH.
/// A checker that cannot run is a test failure, not a skip; only TKGAUTH_SKIP_PYTHON=1 skips.
public enum PythonChecker {
    public static var skipped: Bool {
        ProcessInfo.processInfo.environment["TKGAUTH_SKIP_PYTHON"] == "1"
    }

    /// The repository root, found from this file so the suite runs from any checkout folder.
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    public static var python: String {
        if let configured = ProcessInfo.processInfo.environment["TKGAUTH_PYTHON"], !configured.isEmpty {
            return configured
        }
        let venv = repoRoot.appendingPathComponent(".build/venv/bin/python3").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return "python3"
    }

    /// Nil when `Tests/Support/<script>` exits 0; otherwise what it printed, or why it could not run.
    public static func problems(script: String, arguments: [String], input: String = "") -> String? {
        let path = repoRoot.appendingPathComponent("Tests/Support/\(script)").path
        let process = Process()
        // /usr/bin/env accepts both a bare name (looked up on PATH) and a path.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, path] + arguments
        let stdin = Pipe()
        let output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output  // one pipe: no deadlock between two full buffers
        do {
            try process.run()
        } catch {
            return "cannot run \(python) \(path): \(error)"
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            return nil
        case 126, 127:
            return "cannot find or run python '\(python)' (set TKGAUTH_PYTHON): \(report)"
        case 2:
            return "the checker could not run with \(python) (run scripts/deps, set TKGAUTH_PYTHON, "
                + "or TKGAUTH_SKIP_PYTHON=1 to skip): \(report)"
        default:
            return "\(script) exited \(process.terminationStatus):\n\(report)"
        }
    }
}
