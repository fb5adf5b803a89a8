/// A unified diff (the format `diff -u` prints) between two texts, with the given labels on the
/// `---`/`+++` lines and no timestamps. `tkgauth generate --check` prints it for each file that
/// differs from what would be written.
///
/// The changes are a shortest edit script (`UnifiedDiffEngine`): as few `-` and `+` lines as
/// possible. When several scripts are equally short, which one is shown is not specified, so the
/// output can differ from another tool's while meaning the same; `patch` applies either.
///
/// Layout:
/// - each hunk shows up to `context` unchanged lines before and after its changes; changes whose
///   unchanged lines between them number at most `2 * context` share a hunk;
/// - a hunk header is `@@ -START,COUNT +START,COUNT @@`, where `,COUNT` is left out when it is 1,
///   and a side with no lines in the hunk gives the number of the line before it and `,0`
///   (so `-0,0` for an empty old text);
/// - within a run of changes, the `-` lines come before the `+` lines;
/// - a last line without a newline is followed by `\ No newline at end of file`.
///
/// Lines are compared as bytes: a `String` compares canonically equivalent text as equal, but a
/// file is bytes. A line's newline is part of it, so a last line lacking one differs from the same
/// text with one. For a file that does not exist, pass `""` and a label such as `/dev/null`.
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
        let before = SplitText(old), after = SplitText(new)
        // More context than either text has lines shows the same as that many.
        let context = min(max(context, 0), max(before.lineCount, after.lineCount))

        var numbering = LineNumbering()
        let script = UnifiedDiffEngine.script(old: numbering.ids(before), new: numbering.ids(after))
        let edits = Edit.runs(script)
        if edits.isEmpty { return [] }

        var writer = HunkWriter(before: before, after: after)
        writer.text.append(contentsOf: "--- \(oldLabel)\n+++ \(newLabel)\n".utf8)
        var first = 0
        while first < edits.count {
            var last = first
            while last + 1 < edits.count && edits[last + 1].oldStart - edits[last].oldEnd <= 2 * context {
                last += 1
            }
            writer.hunk(edits[first...last], context: context)
            first = last + 1
        }
        return writer.text
    }

    /// One run of adjacent changed lines: old lines `oldStart..<oldEnd` replaced by new lines
    /// `newStart..<newEnd` (either range may be empty, not both).
    private struct Edit {
        var oldStart: Int, oldEnd: Int, newStart: Int, newEnd: Int

        static func runs(_ script: UnifiedDiffEngine.Script) -> [Edit] {
            var edits: [Edit] = []
            var i = 0, j = 0
            let oldCount = script.deleted.count, newCount = script.inserted.count
            while i < oldCount || j < newCount {
                let startI = i, startJ = j
                while i < oldCount && script.deleted[i] { i += 1 }
                while j < newCount && script.inserted[j] { j += 1 }
                if i > startI || j > startJ {
                    edits.append(Edit(oldStart: startI, oldEnd: i, newStart: startJ, newEnd: j))
                } else {
                    // A kept line, present on both sides.
                    i += 1
                    j += 1
                }
            }
            return edits
        }
    }

    private struct HunkWriter {
        let before: SplitText
        let after: SplitText
        var text: [UInt8] = []

        init(before: SplitText, after: SplitText) {
            self.before = before
            self.after = after
            text.reserveCapacity(256 + (before.bytes.count + after.bytes.count) / 8)
        }

        mutating func hunk(_ edits: ArraySlice<Edit>, context: Int) {
            let first = edits[edits.startIndex], last = edits[edits.endIndex - 1]
            // Lines between two hunks' changes are more than 2 * context, and before the first
            // change the two sides have the same lines, so the same count of context lines is
            // available on both sides, at either end.
            let leading = min(context, first.oldStart)
            let trailing = min(context, before.lineCount - last.oldEnd)
            let oldFrom = first.oldStart - leading, oldTo = last.oldEnd + trailing
            let newFrom = first.newStart - leading, newTo = last.newEnd + trailing

            text.append(contentsOf: "@@ -\(Self.range(oldFrom, oldTo)) +\(Self.range(newFrom, newTo)) @@\n".utf8)
            var i = oldFrom
            for edit in edits {
                while i < edit.oldStart {
                    line(" ", i, of: before)
                    i += 1
                }
                for index in edit.oldStart..<edit.oldEnd { line("-", index, of: before) }
                for index in edit.newStart..<edit.newEnd { line("+", index, of: after) }
                i = edit.oldEnd
            }
            while i < oldTo {
                line(" ", i, of: before)
                i += 1
            }
        }

        /// Lines `from..<to` (0-based) as the header gives them: 1-based first line and count.
        private static func range(_ from: Int, _ to: Int) -> String {
            switch to - from {
            case 0: "\(from),0"
            case 1: "\(from + 1)"
            case let count: "\(from + 1),\(count)"
            }
        }

        private mutating func line(_ marker: Unicode.Scalar, _ index: Int, of side: SplitText) {
            text.append(UInt8(ascii: marker))
            text.append(contentsOf: side.bytes[side.lineRange(index)])
            if index == side.lineCount - 1 && side.lacksFinalNewline {
                text.append(contentsOf: "\n\\ No newline at end of file\n".utf8)
            }
        }
    }
}

/// A text's bytes and where its lines are. Each line's bytes include its newline, if any.
private struct SplitText {
    let bytes: [UInt8]
    /// Start offset of each line, then `bytes.count`.
    private let bounds: [Int]
    /// The text is not empty and its last byte is not a newline.
    let lacksFinalNewline: Bool

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var bounds = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            bounds.append(index + 1)
        }
        lacksFinalNewline = bounds.last! != bytes.count
        if lacksFinalNewline { bounds.append(bytes.count) }
        self.bounds = bounds
    }

    var lineCount: Int { bounds.count - 1 }

    func lineRange(_ index: Int) -> Range<Int> { bounds[index]..<bounds[index + 1] }
}

/// Gives every distinct line (as bytes) a small number, the same on both sides, so the search
/// compares numbers instead of bytes.
private struct LineNumbering {
    private var known: [ArraySlice<UInt8>: Int] = [:]

    mutating func ids(_ text: SplitText) -> [Int] {
        (0..<text.lineCount).map { index in
            let line = text.bytes[text.lineRange(index)]
            if let id = known[line] { return id }
            let id = known.count
            known[line] = id
            return id
        }
    }
}
