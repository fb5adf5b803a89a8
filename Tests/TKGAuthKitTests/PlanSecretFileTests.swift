import Foundation
import Testing
@testable import TKGAuthKit

/// The shell plan reads a `{file: PATH}` secret exactly as tkgauth does (one trailing \n or \r\n trimmed),
/// so the Secret in the cluster holds the value that validation checked.
@Suite struct PlanSecretFileTests {
    @Test(arguments: ["value\n", "value\r\n", "value\n\n", "value", "value\r", "two\nlines\n", "0123456789abcdef\r\n"])
    func shellAndToolAgree(content: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tkgauth-secretfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secretFile = dir.appendingPathComponent("secret")
        try Data(content.utf8).write(to: secretFile)

        let tool = SecretLookup(environment: [:], readFile: { path in try? String(contentsOfFile: path, encoding: .utf8) })
            .value(of: .file("secret"), resolvedPath: secretFile.path)

        // The script's helper functions are everything before its preflight.
        let script = PlanFormatter.shell([PlanBuilder.build(site: PlanFixtures.whiteharbor(), options: PlanOptions())])
        let functions = try #require(script.components(separatedBy: "\n# Preflight").first)
        let probe = dir.appendingPathComponent("probe.sh")
        try (functions + "\ntkgauth_read_secret_file V \"$1\" test\nprintf '%s' \"$V\"\n")
            .write(to: probe, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [probe.path, secretFile.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let shell = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Array(shell.utf8) == Array((tool ?? "").utf8), "content \(Array(content.utf8))")
    }
}
