import Foundation
import TestSupport

/// Runs the built `tkgauth` binary, as a user or a pipeline would.
struct BinaryRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String {
        let root = PythonChecker.repoRoot.appendingPathComponent(".build")
        // The test bundle sits beside the executable in the build products folder.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside.appendingPathComponent("tkgauth"), root.appendingPathComponent("debug/tkgauth"),
                          root.appendingPathComponent("release/tkgauth")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        return root.appendingPathComponent("debug/tkgauth").path
    }

    /// Runs `tkgauth ARGS` in `directory` with exactly `environment` (plus PATH).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                    input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
        let out = Pipe()
        // stderr goes to a file, so a full pipe can never block the child while stdout is read.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("tkgauth-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = (try? Data(contentsOf: errFile)) ?? Data()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a bash command line in `directory` and returns its exit status (for redirections).
    static func shell(_ command: String, in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A fresh folder holding copies of the examples, removed by the caller.
    static func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tkgauth-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["whiteharbor.yaml", "bluefjord.yaml"] {
            try FileManager.default.copyItem(at: PythonChecker.repoRoot.appendingPathComponent("examples/\(name)"),
                                             to: dir.appendingPathComponent(name))
        }
        return dir
    }
}
