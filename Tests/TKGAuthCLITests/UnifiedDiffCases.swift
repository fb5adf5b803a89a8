import Testing
import TestSupport

/// Inputs for the property tests of `UnifiedDiff`: named edge cases, seeded random edits of short
/// texts with many repeated lines (where many scripts are equally short), and 2,000-line files.
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

    static let table: [Example] = [
        Example(name: "empty old", old: "", new: "a\nb\n"),
        Example(name: "empty new", old: "a\nb\n", new: ""),
        Example(name: "empty old, new without newline", old: "", new: "a"),
        Example(name: "old without newline, new empty", old: "a", new: ""),
        Example(name: "only a newline added", old: "a", new: "a\n"),
        Example(name: "only a newline removed", old: "a\nb\nc\n", new: "a\nb\nc"),
        Example(name: "newline-less line moves", old: "a\nb", new: "b\na"),
        Example(name: "swap", old: "x\ny\n", new: "y\nx\n"),
        Example(name: "duplicate line appended", old: "a\n", new: "a\na\n"),
        Example(name: "duplicate block", old: "a\nb\nc\n", new: "a\nb\na\nb\nc\n"),
        Example(name: "blank line among blanks", old: "a\n\n\nb\n\nc\n", new: "a\n\n\n\nb\n\nc\n"),
        Example(name: "repeated lines everywhere", old: "a\nb\na\nb\na\nb\n", new: "b\na\nb\nb\na\na\n"),
        Example(name: "many equal lines", old: String(repeating: "x\n", count: 12),
                new: String(repeating: "x\n", count: 9) + "y\n" + String(repeating: "x\n", count: 4)),
        Example(name: "every line different", old: numbered(1...12, "old "), new: numbered(1...9, "new ")),
        Example(name: "moved block",
                old: numbered(1...15), new: numbered(1...3) + numbered(9...12) + numbered(4...8) + numbered(13...15)),
        Example(name: "lines looking like markers", old: "--- a\n+++ b\n@@ x\n \n", new: "--- a\n+++ c\n@@ x\n-\n"),
        Example(name: "marker text as a line", old: "a\n\\ No newline at end of file\n", new: "b\n"),
        Example(name: "CR only change", old: "a\nb\nc\n", new: "a\nb\r\nc\n"),
        Example(name: "empty lines only", old: "\n\n", new: "\n\n\n"),
        Example(name: "context 0, many hunks", old: numbered(1...30),
                new: numbered(1...4) + "x\n" + numbered(6...9) + numbered(11...20) + "y\nz\n" + numbered(21...30),
                context: 0),
        Example(name: "context 1, gaps of 2 and 3", old: numbered(1...20),
                new: numbered(1...4) + "x\n" + numbered(6...7) + "y\n" + numbered(9...11) + "z\n" + numbered(13...20),
                context: 1),
        Example(name: "context larger than the file", old: numbered(1...5), new: numbered(2...6), context: 100),
    ]

    private static let vocabulary = ["a", "b", "c", "d", "", "", "}", "  - name: a", "x y", "a"]

    private static func randomLine(_ generator: inout SeededGenerator) -> String {
        if Int.random(in: 0..<10, using: &generator) < 7 {
            return vocabulary.randomElement(using: &generator)!
        }
        return "line \(Int.random(in: 0..<30, using: &generator))"
    }

    private static func text(_ lines: [String], newline: Bool) -> String {
        guard !lines.isEmpty else { return "" }
        return lines.joined(separator: "\n") + (newline ? "\n" : "")
    }

    /// A short text of mostly repeated lines and a few random edits of it (inserted, removed,
    /// replaced and moved runs), with or without final newlines, and a context size.
    static func randomSmallEdit(_ generator: inout SeededGenerator) -> (old: String, new: String, context: Int) {
        var old: [String] = []
        for _ in 0..<Int.random(in: 0...14, using: &generator) { old.append(randomLine(&generator)) }
        var new = old
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = Int.random(in: 0...new.count, using: &generator)
            let length = Int.random(in: 1...3, using: &generator)
            let end = min(at + length, new.count)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                new.insert(contentsOf: (0..<length).map { _ in randomLine(&generator) }, at: at)
            case 1:
                new.removeSubrange(at..<end)
            case 2:
                new.replaceSubrange(at..<end, with: (0..<length).map { _ in randomLine(&generator) })
            default:
                let block = Array(new[at..<end])
                new.removeSubrange(at..<end)
                new.insert(contentsOf: block, at: Int.random(in: 0...new.count, using: &generator))
            }
        }
        let oldNewline = Int.random(in: 0..<10, using: &generator) < 8
        let newNewline = Int.random(in: 0..<10, using: &generator) < 8 ? oldNewline : !oldNewline
        let context = [0, 1, 2, 3, 3, 3, 5].randomElement(using: &generator)!
        return (text(old, newline: oldNewline), text(new, newline: newNewline), context)
    }

    /// A file of `count` lines, partly repeated, and scattered edits of it.
    static func randomLargeEdit(_ generator: inout SeededGenerator, lines count: Int) -> (old: String, new: String) {
        func line(_ generator: inout SeededGenerator) -> String {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<4: vocabulary.randomElement(using: &generator)!
            case 4..<7: "key \(Int.random(in: 0..<(count / 4), using: &generator))"
            default: "unique \(Int.random(in: 0..<1_000_000, using: &generator))"
            }
        }
        let old = (0..<count).map { _ in line(&generator) }
        var new = old
        for _ in 0..<Int.random(in: 5...60, using: &generator) {
            let at = Int.random(in: 0...new.count, using: &generator)
            let length = Int.random(in: 1...8, using: &generator)
            let end = min(at + length, new.count)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: new.insert(contentsOf: (0..<length).map { _ in line(&generator) }, at: at)
            case 1: new.removeSubrange(at..<end)
            case 2: new.replaceSubrange(at..<end, with: (0..<length).map { _ in line(&generator) })
            default:
                let block = Array(new[at..<end])
                new.removeSubrange(at..<end)
                new.insert(contentsOf: block, at: Int.random(in: 0...new.count, using: &generator))
            }
        }
        return (text(old, newline: true), text(new, newline: true))
    }

    /// 2,000-line files that are hard in different ways.
    static let large: [Example] = {
        let base = (0..<2_000).map { "line \($0 % 700)\n" }
        var scattered = (0..<2_000).map { "key\($0): value \($0 % 97)\n" }
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<150 {
            scattered[Int.random(in: 0..<scattered.count, using: &generator)] =
                "changed \(Int.random(in: 0..<50, using: &generator))\n"
        }
        return [
            Example(name: "2,000 lines reversed", old: base.joined(), new: base.reversed().joined()),
            Example(name: "2,000 lines, all different", old: base.joined(),
                    new: (0..<2_000).map { "new line \($0 % 650)\n" }.joined()),
            Example(name: "2,000 lines, 150 scattered changes",
                    old: (0..<2_000).map { "key\($0): value \($0 % 97)\n" }.joined(), new: scattered.joined()),
            Example(name: "2,000 lines, halves swapped", old: base.joined(),
                    new: base[1_000...].joined() + base[..<1_000].joined()),
            Example(name: "2,000 lines, every other line removed", old: base.joined(),
                    new: base.enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()),
        ]
    }()
}
