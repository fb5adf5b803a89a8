import Foundation

/// Independent checks of a unified diff: the real `patch` program applies it, a parser checks its
/// hunk headers against its bodies and both texts, and `diff --minimal` (run only for the number
/// of lines it changes) confirms that the script is as short as possible.
enum UnifiedDiffReference {
    static let patchPath = "/usr/bin/patch"
    static let diffPath = "/usr/bin/diff"

    static var canPatch: Bool { FileManager.default.isExecutableFile(atPath: patchPath) }
    static var canDiff: Bool { FileManager.default.isExecutableFile(atPath: diffPath) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `old` with `diff` applied by `patch`, which must apply every hunk exactly where its header
    /// says: no fuzz, no offset.
    static func patched(_ old: [UInt8], with diff: [UInt8]) throws -> [UInt8] {
        try inTemporaryDirectory { directory in
            let oldURL = directory.appendingPathComponent("old")
            let diffURL = directory.appendingPathComponent("change.diff")
            let resultURL = directory.appendingPathComponent("result")
            try Data(old).write(to: oldURL)
            try Data(diff).write(to: diffURL)
            let run = try execute(patchPath, ["--batch", "--unified", "--fuzz=0", "--no-backup-if-mismatch",
                                              "--output=\(resultURL.path)", oldURL.path, diffURL.path])
            let report = String(decoding: run.output, as: UTF8.self)
            guard run.status == 0, !report.contains("offset"), !report.contains("fuzz") else {
                throw Failure(description: "patch exited \(run.status): \(report)")
            }
            return [UInt8](try Data(contentsOf: resultURL))
        }
    }

    /// How many `-` and `+` lines `diff --minimal -U0` prints for the two texts.
    static func minimalChangeCount(_ old: [UInt8], _ new: [UInt8]) throws -> Int {
        try inTemporaryDirectory { directory in
            let oldURL = directory.appendingPathComponent("old"), newURL = directory.appendingPathComponent("new")
            try Data(old).write(to: oldURL)
            try Data(new).write(to: newURL)
            let run = try execute(diffPath, ["--minimal", "-U0", oldURL.path, newURL.path])
            // 0 equal, 1 different, 2 trouble.
            guard run.status < 2 else { throw Failure(description: "diff exited \(run.status)") }
            return changedLineCount(run.output)
        }
    }

    /// The `-` and `+` lines of a unified diff, not counting its `---`/`+++` header.
    static func changedLineCount(_ diff: [UInt8]) -> Int {
        diff.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropFirst(2).count {
            $0.first == UInt8(ascii: "-") || $0.first == UInt8(ascii: "+")
        }
    }

    /// The fewest changed lines between two sequences: both lengths less twice their longest
    /// common subsequence, from the textbook O(N·M) table.
    static func shortestEditLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var previous = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var row = [0]
            row.reserveCapacity(b.count + 1)
            for (j, y) in b.enumerated() {
                row.append(x == y ? previous[j] + 1 : max(previous[j + 1], row[j]))
            }
            previous = row
        }
        return a.count + b.count - 2 * previous[b.count]
    }

    // MARK: Structure

    /// Checks `diff` line by line against the texts it claims to turn into each other: the
    /// `---`/`+++` labels; each header's start and count against its body; every context and `-`
    /// line against `old` at that position and every context and `+` line against `new`; hunks in
    /// order with equal gaps on both sides; `context` lines of context at either end of a hunk
    /// (fewer only at the ends of the file), at most `2 * context` inside one and more than that
    /// between two. Returns the problems found.
    static func structuralProblems(_ diff: [UInt8], old: [UInt8], new: [UInt8], oldLabel: String,
                                   newLabel: String, context: Int) -> [String]
    {
        let oldLines = lines(old), newLines = lines(new)
        var rows = diff.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        guard rows.count >= 3, rows.removeLast().isEmpty else { return ["no final newline or too short"] }
        var problems: [String] = []
        if rows[0] != Array("--- \(oldLabel)".utf8) { problems.append("bad old label line") }
        if rows[1] != Array("+++ \(newLabel)".utf8) { problems.append("bad new label line") }

        var index = 2
        var oldDone = 0, newDone = 0  // lines of each text accounted for by earlier hunks and gaps
        var lastChangeEnd: Int?  // where the previous hunk's last change ended, in old lines
        var hunkNumber = 0
        while index < rows.count {
            hunkNumber += 1
            func problem(_ text: String) { problems.append("hunk \(hunkNumber): \(text)") }
            guard let header = parseHeader(rows[index]) else {
                problem("bad header \(String(decoding: rows[index], as: UTF8.self))")
                return problems
            }
            index += 1
            // 0-based first line of each side; a count of 0 names the line before.
            let oldStart = header.oldCount == 0 ? header.oldFirst : header.oldFirst - 1
            let newStart = header.newCount == 0 ? header.newFirst : header.newFirst - 1
            if oldStart < oldDone || oldStart - oldDone != newStart - newDone {
                problem("starts at -\(oldStart) +\(newStart) after -\(oldDone) +\(newDone)")
            }

            var i = oldStart, j = newStart
            var firstChange: Int?, changeEnd = oldStart, contextRun = 0, longestInnerRun = 0
            while index < rows.count, let marker = rows[index].first, marker != UInt8(ascii: "@") {
                var line = Array(rows[index].dropFirst()) + [UInt8(ascii: "\n")]
                index += 1
                if index < rows.count && rows[index] == Array("\\ No newline at end of file".utf8) {
                    line.removeLast()
                    index += 1
                }
                switch marker {
                case UInt8(ascii: " "):
                    if i >= oldLines.count || oldLines[i] != line { problem("context line \(i + 1) differs from old") }
                    if j >= newLines.count || newLines[j] != line { problem("context line \(j + 1) differs from new") }
                    i += 1
                    j += 1
                    contextRun += 1
                case UInt8(ascii: "-"), UInt8(ascii: "+"):
                    if firstChange == nil { firstChange = i } else { longestInnerRun = max(longestInnerRun, contextRun) }
                    if marker == UInt8(ascii: "-") {
                        if i >= oldLines.count || oldLines[i] != line { problem("- line \(i + 1) differs from old") }
                        i += 1
                    } else {
                        if j >= newLines.count || newLines[j] != line { problem("+ line \(j + 1) differs from new") }
                        j += 1
                    }
                    changeEnd = i
                    contextRun = 0
                default:
                    problem("bad line \(String(decoding: rows[index - 1], as: UTF8.self))")
                    return problems
                }
            }
            if i - oldStart != header.oldCount || j - newStart != header.newCount {
                problem("header counts \(header.oldCount),\(header.newCount); body \(i - oldStart),\(j - newStart)")
            }
            guard let firstChange else {
                problem("no changes")
                continue
            }
            if firstChange - oldStart != min(context, firstChange) {
                problem("\(firstChange - oldStart) lines of leading context")
            }
            if i - changeEnd != min(context, oldLines.count - changeEnd) {
                problem("\(i - changeEnd) lines of trailing context")
            }
            if longestInnerRun > 2 * context { problem("\(longestInnerRun) unchanged lines inside") }
            if let lastChangeEnd, firstChange - lastChangeEnd <= 2 * context {
                problem("only \(firstChange - lastChangeEnd) unchanged lines since the last hunk")
            }
            lastChangeEnd = changeEnd
            oldDone = i
            newDone = j
        }
        if oldLines.count - oldDone != newLines.count - newDone {
            problems.append("unequal tails: -\(oldLines.count - oldDone) +\(newLines.count - newDone)")
        }
        return problems
    }

    /// A text's lines, each with its newline if it has one.
    static func lines(_ text: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(Array(text[start...offset]))
            start = offset + 1
        }
        if start < text.count { result.append(Array(text[start...])) }
        return result
    }

    private struct Header {
        var oldFirst: Int, oldCount: Int, newFirst: Int, newCount: Int
    }

    /// `@@ -A[,B] +C[,D] @@`, where a missing count is 1.
    private static func parseHeader(_ row: [UInt8]) -> Header? {
        let text = String(decoding: row, as: UTF8.self)
        let parts = text.split(separator: " ")
        guard parts.count == 4, parts[0] == "@@", parts[3] == "@@",
              parts[1].hasPrefix("-"), parts[2].hasPrefix("+"),
              let old = range(parts[1].dropFirst()), let new = range(parts[2].dropFirst())
        else { return nil }
        return Header(oldFirst: old.first, oldCount: old.count, newFirst: new.first, newCount: new.count)
    }

    private static func range(_ text: Substring) -> (first: Int, count: Int)? {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        switch numbers.count {
        case 1: return numbers[0].map { ($0, 1) }
        case 2:
            guard let first = numbers[0], let count = numbers[1], count != 1 else { return nil }
            return (first, count)
        default: return nil
        }
    }

    // MARK: Processes

    private static func inTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tkgauth-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// Runs a program to completion and returns its status and standard output and error.
    private static func execute(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](data))
    }
}

