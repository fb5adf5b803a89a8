import Testing

/// Inputs for comparing `UnifiedDiff` with GNU `diff -u`.
enum UnifiedDiffCases {
    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        var context = 3

        var testDescription: String { name }
    }

    private static func numbered(_ range: ClosedRange<Int>, _ prefix: String = "line ") -> String {
        range.map { "\(prefix)\($0)\n" }.joined()
    }

    /// `numbered(1...count)` with the given lines replaced.
    private static func edited(_ count: Int, _ replacements: [Int: String]) -> String {
        (1...count).map { replacements[$0].map { "\($0)\n" } ?? "line \($0)\n" }.joined()
    }

    static let table: [Example] = [
        Example(name: "empty old", old: "", new: "a\nb\n"),
        Example(name: "empty new", old: "a\nb\n", new: ""),
        Example(name: "empty old, new without newline", old: "", new: "a"),
        Example(name: "old without newline, new empty", old: "a", new: ""),
        Example(name: "only a newline added", old: "a", new: "a\n"),
        Example(name: "only a newline removed", old: "a\nb\nc\n", new: "a\nb\nc"),
        Example(name: "last line changed, neither has a newline", old: "a\nb", new: "a\nc"),
        Example(name: "shared last line without newline", old: "x\n1\n2\n3\nz", new: "y\n1\n2\n3\nz"),
        Example(name: "shared last line without newline, near", old: "x\nz", new: "y\nz"),
        Example(name: "newline-less line moves", old: "a\nb", new: "b\na"),
        Example(name: "insert at start", old: numbered(1...10), new: "new\n" + numbered(1...10)),
        Example(name: "insert at end", old: numbered(1...10), new: numbered(1...10) + "new\n"),
        Example(name: "delete at start", old: numbered(1...10), new: numbered(2...10)),
        Example(name: "delete at end", old: numbered(1...10), new: numbered(1...9)),
        Example(name: "replace in the middle", old: numbered(1...20), new: edited(20, [10: "ten", 11: "eleven"])),
        Example(name: "two hunks", old: numbered(1...30), new: edited(30, [5: "five", 25: "twenty-five"])),
        Example(name: "gap of 6 merges", old: numbered(1...30), new: edited(30, [10: "x", 17: "y"])),
        Example(name: "gap of 7 splits", old: numbered(1...30), new: edited(30, [10: "x", 18: "y"])),
        Example(name: "gap of 2 with context 1", old: numbered(1...30), new: edited(30, [10: "x", 13: "y"]),
                context: 1),
        Example(name: "gap of 3 with context 1", old: numbered(1...30), new: edited(30, [10: "x", 14: "y"]),
                context: 1),
        Example(name: "context 0", old: numbered(1...30), new: edited(30, [10: "x", 12: "y", 20: "z"]), context: 0),
        Example(name: "context 0, pure insert", old: numbered(1...5), new: edited(5, [3: "line 3\nnew"]),
                context: 0),
        Example(name: "context 0, pure delete", old: numbered(1...5), new: numbered(1...2) + numbered(4...5),
                context: 0),
        Example(name: "context 5", old: numbered(1...40), new: edited(40, [3: "c", 20: "t", 31: "u"]), context: 5),
        Example(name: "changes near both ends", old: numbered(1...8), new: edited(8, [1: "first", 8: "last"])),
        Example(name: "swap", old: "x\ny\n", new: "y\nx\n"),
        Example(name: "duplicate line appended", old: "a\n", new: "a\na\n"),
        Example(name: "duplicate block", old: "a\nb\nc\n", new: "a\nb\na\nb\nc\n"),
        Example(name: "blank line inserted among blanks", old: "a\n\n\nb\n\nc\n", new: "a\n\n\n\nb\n\nc\n"),
        Example(name: "function added between braces",
                old: "func a() {\n  one\n}\n\nfunc c() {\n  three\n}\n",
                new: "func a() {\n  one\n}\n\nfunc b() {\n  two\n}\n\nfunc c() {\n  three\n}\n"),
        Example(name: "yaml list entry added",
                old: "items:\n  - name: a\n    value: 1\n  - name: c\n    value: 3\n",
                new: "items:\n  - name: a\n    value: 1\n  - name: b\n    value: 2\n  - name: c\n    value: 3\n"),
        Example(name: "repeated lines everywhere", old: "a\nb\na\nb\na\nb\n", new: "b\na\nb\nb\na\na\n"),
        Example(name: "many equal lines", old: String(repeating: "x\n", count: 12),
                new: String(repeating: "x\n", count: 9) + "y\n" + String(repeating: "x\n", count: 4)),
        Example(name: "every line different", old: numbered(1...12, "old "), new: numbered(1...9, "new ")),
        Example(name: "CRLF line endings", old: "a\r\nb\r\nc\r\n", new: "a\r\nB\r\nc\r\n"),
        Example(name: "CR only change", old: "a\nb\nc\n", new: "a\nb\r\nc\n"),
        Example(name: "tabs and trailing spaces", old: "\tkey: v \n", new: "\tkey: v\n"),
        Example(name: "unicode", old: "name: caf\u{E9}\nx: \u{1F600}\n", new: "name: cafe\u{301}\nx: \u{1F600}\n"),
        Example(name: "lines looking like markers", old: "--- a\n+++ b\n@@ x\n", new: "--- a\n+++ c\n@@ x\n"),
        Example(name: "empty lines only", old: "\n\n", new: "\n\n\n"),
        Example(name: "one empty line vs nothing", old: "\n", new: ""),
        Example(name: "moved block",
                old: numbered(1...15), new: numbered(1...3) + numbered(9...12) + numbered(4...8) + numbered(13...15)),
        Example(name: "prefix longer than context", old: numbered(1...20) + "a\nb\n",
                new: numbered(1...20) + "b\na\n"),
        Example(name: "shift into the horizon", old: numbered(1...10) + "x\nx\n" + numbered(11...20),
                new: numbered(1...10) + "x\nx\nx\n" + numbered(11...20)),
        Example(name: "shift with context 1", old: numbered(1...10) + "x\nx\n" + numbered(11...20),
                new: numbered(1...10) + "x\nx\nx\n" + numbered(11...20), context: 1),
    ]

    private static let vocabulary = ["a", "b", "c", "d", "", "", "}", "  - name: a", "x y", "a"]

    private static func randomLine(_ generator: inout UnifiedDiffRandom) -> String {
        if Int.random(in: 0..<10, using: &generator) < 7 {
            return vocabulary.randomElement(using: &generator)!
        }
        return "line \(Int.random(in: 0..<30, using: &generator))"
    }

    private static func text(_ lines: [String], newline: Bool) -> String {
        guard !lines.isEmpty else { return "" }
        return lines.joined(separator: "\n") + (newline ? "\n" : "")
    }

    /// A short text of mostly repeated lines and a few random edits of it: where diffs are
    /// most often ambiguous, so where matching GNU's choices is tested hardest.
    static func randomSmallEdit(_ generator: inout UnifiedDiffRandom) -> (String, String, Int) {
        var old: [String] = []
        for _ in 0..<Int.random(in: 0...12, using: &generator) { old.append(randomLine(&generator)) }
        var new = old
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = Int.random(in: 0...new.count, using: &generator)
            let length = Int.random(in: 1...3, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                new.insert(contentsOf: (0..<length).map { _ in randomLine(&generator) }, at: at)
            case 1:
                new.removeSubrange(at..<min(at + length, new.count))
            case 2:
                new.replaceSubrange(at..<min(at + length, new.count),
                                    with: (0..<length).map { _ in randomLine(&generator) })
            default:
                let block = Array(new[at..<min(at + length, new.count)])
                new.removeSubrange(at..<min(at + length, new.count))
                new.insert(contentsOf: block, at: Int.random(in: 0...new.count, using: &generator))
            }
        }
        let oldNewline = Int.random(in: 0..<10, using: &generator) < 8
        let newNewline = Int.random(in: 0..<10, using: &generator) < 8 ? oldNewline : !oldNewline
        let context = Int.random(in: 0..<10, using: &generator) < 7
            ? 3 : [0, 1, 2, 5].randomElement(using: &generator)!
        return (text(old, newline: oldNewline), text(new, newline: newNewline), context)
    }

    /// A longer file of partly repeated lines (so that the many-matches thresholds apply) and
    /// scattered edits of it.
    static func randomLargeEdit(_ generator: inout UnifiedDiffRandom, lines count: Int) -> (String, String) {
        func line(_ generator: inout UnifiedDiffRandom) -> String {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4: vocabulary.randomElement(using: &generator)!
            case 4..<7: "key \(Int.random(in: 0..<(count / 4), using: &generator))"
            default: "unique \(Int.random(in: 0..<1_000_000, using: &generator))"
            }
        }
        let old = (0..<count).map { _ in line(&generator) }
        var new = old
        for _ in 0..<Int.random(in: 5...40, using: &generator) {
            let at = Int.random(in: 0...new.count, using: &generator)
            let length = Int.random(in: 1...6, using: &generator)
            let end = min(at + length, new.count)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: new.insert(contentsOf: (0..<length).map { _ in line(&generator) }, at: at)
            case 1: new.removeSubrange(at..<end)
            default: new.replaceSubrange(at..<end, with: (0..<length).map { _ in line(&generator) })
            }
        }
        return (text(old, newline: true), text(new, newline: true))
    }
}
