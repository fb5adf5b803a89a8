import Foundation

/// Runs the system's GNU `diff -u` as the reference that `UnifiedDiff` must match.
enum UnifiedDiffReference {
    static let diffPath = "/usr/bin/diff"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: diffPath) }

    /// `diff -U context old new` on two temporary files named `old` and `new`, with the
    /// timestamps cut from the two header lines: `--- DIR/old` and `+++ DIR/new`.
    /// Returns the output and the directory used, whose `old`/`new` paths serve as labels.
    static func run(old: [UInt8], new: [UInt8], context: Int = 3) throws -> (output: [UInt8], oldPath: String,
                                                                              newPath: String)
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tkgauth-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let oldURL = directory.appendingPathComponent("old"), newURL = directory.appendingPathComponent("new")
        try Data(old).write(to: oldURL)
        try Data(new).write(to: newURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: diffPath)
        process.arguments = ["-U", String(context), oldURL.path, newURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // 0 equal, 1 different, 2 trouble.
        guard process.terminationStatus < 2 else {
            throw ReferenceFailure(status: process.terminationStatus)
        }
        return (stripTimestamps([UInt8](data)), oldURL.path, newURL.path)
    }

    /// `--- name\tTIMESTAMP` becomes `--- name` on the first two lines.
    static func stripTimestamps(_ output: [UInt8]) -> [UInt8] {
        var lines = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in 0..<min(2, lines.count) {
            if let tab = lines[index].firstIndex(of: UInt8(ascii: "\t")) { lines[index] = lines[index][..<tab] }
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    struct ReferenceFailure: Error {
        var status: Int32
    }
}

/// A small seeded generator (SplitMix64), so random cases are the same on every run.
struct UnifiedDiffRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
