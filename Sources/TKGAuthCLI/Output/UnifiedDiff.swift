/// `diff -u` output for two texts, byte for byte what GNU diffutils prints except that the
/// `---`/`+++` lines carry the given labels and no timestamps.
///
/// Matching GNU diff exactly (not just producing *a* valid diff) matters because users compare
/// `tkgauth generate --check` with `diff -u` on the same files. Where several minimal diffs
/// exist, GNU's choice depends on its algorithm, so `UnifiedDiffEngine` follows the same steps:
/// identical ends trimmed up to a horizon of `context` lines, lines without a match discarded up
/// front, Myers' divide-and-conquer O((N+M)·D) search with the same tie-breaks, and the same
/// sliding of changed runs afterwards.
///
/// Lines are compared as bytes (a `String` compares canonically equivalent text as equal, but a
/// file is bytes). A last line without a newline never equals one with it, and is printed with
/// `\ No newline at end of file` after it. For a file that does not exist, pass `""` and a label
/// such as `/dev/null`: the hunk then reads `@@ -0,0 +1,N @@`.
package enum UnifiedDiff {
    /// The unified diff from `old` to `new`, or `""` when the two are byte-for-byte equal.
    /// `context` is the number of unchanged lines shown around each change (`diff -U`).
    package static func diff(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3)
        -> String
    {
        let bytes = diff(old: Array(old.utf8), new: Array(new.utf8), oldLabel: oldLabel, newLabel: newLabel,
                         context: context)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same for raw file contents; the result is empty when the two are equal.
    package static func diff(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3)
        -> [UInt8]
    {
        if old == new { return [] }
        // Clamped so that the arithmetic on line numbers below cannot overflow.
        let context = min(max(context, 0), 1 << 40)
        let oldLines = UnifiedDiffLines(old)
        let newLines = UnifiedDiffLines(new)
        let script = UnifiedDiffEngine.changes(oldLines, newLines, horizon: context)
        if script.isEmpty { return [] }

        var out: [UInt8] = []
        out.reserveCapacity(256 + (old.count + new.count) / 4)
        out.append(contentsOf: "--- \(oldLabel)\n+++ \(newLabel)\n".utf8)
        var start = 0
        while start < script.count {
            let end = hunkEnd(script, from: start, context: context)
            appendHunk(script[start...end], oldLines, newLines, context: context, to: &out)
            start = end + 1
        }
        return out
    }

    /// The index of the last change in the hunk that starts at `start`: changes stay together
    /// while at most `2 * context` unchanged lines separate them.
    private static func hunkEnd(_ script: [UnifiedDiffChange], from start: Int, context: Int) -> Int {
        var index = start
        while index + 1 < script.count {
            let gap = script[index + 1].oldStart - (script[index].oldStart + script[index].deleted)
            if gap > 2 * context { break }
            index += 1
        }
        return index
    }

    private static func appendHunk(_ hunk: ArraySlice<UnifiedDiffChange>, _ old: UnifiedDiffLines,
                                   _ new: UnifiedDiffLines, context: Int, to out: inout [UInt8])
    {
        let first = hunk[hunk.startIndex], last = hunk[hunk.endIndex - 1]
        // Lines shown, 0-based and inclusive; a `last` below `first` is an empty range.
        let oldFirst = max(first.oldStart - context, 0)
        let newFirst = max(first.newStart - context, 0)
        let oldEnd = last.oldStart + last.deleted - 1
        let newEnd = last.newStart + last.inserted - 1
        let oldLast = oldEnd < old.count - context ? oldEnd + context : old.count - 1
        let newLast = newEnd < new.count - context ? newEnd + context : new.count - 1

        out.append(contentsOf: "@@ -".utf8)
        appendRange(first: oldFirst, last: oldLast, to: &out)
        out.append(contentsOf: " +".utf8)
        appendRange(first: newFirst, last: newLast, to: &out)
        out.append(contentsOf: " @@\n".utf8)

        var i = oldFirst, j = newFirst
        var next = hunk.startIndex
        while i <= oldLast || j <= newLast {
            if next == hunk.endIndex || i < hunk[next].oldStart {
                appendLine(UInt8(ascii: " "), old, i, to: &out)
                i += 1
                j += 1
            } else {
                let change = hunk[next]
                for _ in 0..<change.deleted {
                    appendLine(UInt8(ascii: "-"), old, i, to: &out)
                    i += 1
                }
                for _ in 0..<change.inserted {
                    appendLine(UInt8(ascii: "+"), new, j, to: &out)
                    j += 1
                }
                next += 1
            }
        }
    }

    /// `N` for one line, `N,COUNT` for several, and `N,0` for none, where N is then the line before.
    private static func appendRange(first: Int, last: Int, to out: inout [UInt8]) {
        let from = first + 1, through = last + 1
        if through < from {
            out.append(contentsOf: "\(through),0".utf8)
        } else if through == from {
            out.append(contentsOf: "\(through)".utf8)
        } else {
            out.append(contentsOf: "\(from),\(through - from + 1)".utf8)
        }
    }

    private static func appendLine(_ marker: UInt8, _ lines: UnifiedDiffLines, _ index: Int, to out: inout [UInt8]) {
        out.append(marker)
        out.append(contentsOf: lines.bytes[lines.range(of: index)])
        if index == lines.count - 1 && lines.missingNewline {
            out.append(contentsOf: "\n\\ No newline at end of file\n".utf8)
        }
    }
}

/// One file's bytes cut into lines. A line's bytes include its newline, so a last line without
/// one never equals a line with one.
struct UnifiedDiffLines {
    let bytes: [UInt8]
    /// Where each line starts, followed by `bytes.count`.
    private let starts: [Int]
    /// True when the text is not empty and does not end in a newline.
    let missingNewline: Bool

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 2)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        missingNewline = bytes.last.map { $0 != UInt8(ascii: "\n") } ?? false
        if missingNewline { starts.append(bytes.count) }
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The line's bytes with its newline, if it has one.
    func range(of index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

    func line(_ index: Int) -> ArraySlice<UInt8> { bytes[range(of: index)] }
}

/// A run of changed lines: `deleted` lines from `oldStart` in the old file became `inserted`
/// lines from `newStart` in the new one (0-based; a start with a zero count is the line before
/// which the change happens).
struct UnifiedDiffChange: Equatable {
    var oldStart: Int
    var newStart: Int
    var deleted: Int
    var inserted: Int
}
