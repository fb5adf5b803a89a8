import Foundation
import Testing
import TKGAuthCLI

@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test func equalTextsGiveNothing() {
        #expect(UnifiedDiff.diff(old: "", new: "", oldLabel: "a", newLabel: "b") == "")
        #expect(UnifiedDiff.diff(old: "x\ny\n", new: "x\ny\n", oldLabel: "a", newLabel: "b") == "")
        #expect(UnifiedDiff.diff(old: "x\ny", new: "x\ny", oldLabel: "a", newLabel: "b") == "")
    }

    @Test func missingFileAgainstNewContents() {
        #expect(UnifiedDiff.diff(old: "", new: "a\nb\n", oldLabel: "/dev/null", newLabel: "out/x.yaml") == """
            --- /dev/null
            +++ out/x.yaml
            @@ -0,0 +1,2 @@
            +a
            +b

            """)
        #expect(UnifiedDiff.diff(old: "a\n", new: "", oldLabel: "x", newLabel: "y") == """
            --- x
            +++ y
            @@ -1 +0,0 @@
            -a

            """)
    }

    @Test func oneChangeWithContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.diff(old: old, new: new, oldLabel: "a/f", newLabel: "b/f") == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func missingNewlineMarkers() {
        #expect(UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldLabel: "x", newLabel: "y") == """
            --- x
            +++ y
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +b

            """)
        // An unchanged last line without a newline still gets its marker as context.
        #expect(UnifiedDiff.diff(old: "a\nz", new: "b\nz", oldLabel: "x", newLabel: "y") == """
            --- x
            +++ y
            @@ -1,2 +1,2 @@
            -a
            +b
             z
            \\ No newline at end of file

            """)
    }

    /// Text that is equal as a `String` (canonically equivalent) but not as bytes is a change.
    @Test func comparesBytesNotCharacters() {
        let composed = "caf\u{E9}\n", decomposed = "cafe\u{301}\n"
        #expect(composed == decomposed)
        #expect(UnifiedDiff.diff(old: composed, new: decomposed, oldLabel: "x", newLabel: "y") == """
            --- x
            +++ y
            @@ -1 +1 @@
            -\(composed)+\(decomposed)
            """)
    }

    @Test(.enabled(if: UnifiedDiffReference.isAvailable), arguments: UnifiedDiffCases.table)
    func matchesGNUDiff(_ example: UnifiedDiffCases.Example) throws {
        try expectSameAsReference(Array(example.old.utf8), Array(example.new.utf8), context: example.context)
    }

    @Test(.enabled(if: UnifiedDiffReference.isAvailable))
    func matchesGNUDiffOnRandomEdits() throws {
        var generator = UnifiedDiffRandom(seed: 0x746B_6761_7574_68)
        for index in 0..<200 {
            let (old, new, context) = UnifiedDiffCases.randomSmallEdit(&generator)
            try expectSameAsReference(Array(old.utf8), Array(new.utf8), context: context,
                                      comment: "random case \(index)")
        }
    }

    @Test(.enabled(if: UnifiedDiffReference.isAvailable))
    func matchesGNUDiffOnLargerRandomFiles() throws {
        var generator = UnifiedDiffRandom(seed: 2_000)
        for index in 0..<8 {
            let (old, new) = UnifiedDiffCases.randomLargeEdit(&generator, lines: 250 + index * 250)
            try expectSameAsReference(Array(old.utf8), Array(new.utf8), context: 3,
                                      comment: "large random case \(index)")
        }
    }

    @Test(.enabled(if: UnifiedDiffReference.isAvailable))
    func matchesGNUDiffOnRawBytes() throws {
        let old: [UInt8] = [0x61, 0x0A, 0xFF, 0xFE, 0x0A, 0x62, 0x0A]
        let new: [UInt8] = [0x61, 0x0A, 0xFF, 0x0A, 0x62]
        let reference = try UnifiedDiffReference.run(old: old, new: new)
        let ours = UnifiedDiff.diff(old: old, new: new, oldLabel: reference.oldPath, newLabel: reference.newPath)
        #expect(ours == reference.output)
    }

    /// 2,000-line files: entirely different, scattered edits, and reversed (many equal lines
    /// in the wrong order, the search's worst case).
    @Test func largeFilesAreFast() {
        let old = (0..<2_000).map { "old line \($0 % 700)\n" }.joined()
        let new = (0..<2_000).map { "new line \($0 % 650)\n" }.joined()
        let clock = ContinuousClock()
        var output = ""
        let elapsed = clock.measure {
            output = UnifiedDiff.diff(old: old, new: new, oldLabel: "a", newLabel: "b")
        }
        #expect(output.hasPrefix("--- a\n+++ b\n@@ -1,2000 +1,2000 @@\n"))
        #expect(elapsed < .seconds(2))

        var shuffled = (0..<2_000).map { "key\($0): value \($0 % 97)\n" }
        var generator = UnifiedDiffRandom(seed: 7)
        for _ in 0..<150 {
            let at = Int.random(in: 0..<shuffled.count, using: &generator)
            shuffled[at] = "changed \(Int.random(in: 0..<50, using: &generator))\n"
        }
        let scattered = clock.measure {
            output = UnifiedDiff.diff(old: old, new: shuffled.joined(), oldLabel: "a", newLabel: "b")
        }
        #expect(!output.isEmpty)
        #expect(scattered < .seconds(2))

        let reversed = (0..<2_000).reversed().map { "old line \($0 % 700)\n" }.joined()
        let worst = clock.measure {
            output = UnifiedDiff.diff(old: old, new: reversed, oldLabel: "a", newLabel: "b")
        }
        #expect(output.hasPrefix("--- a\n+++ b\n@@ -1,2000 +1,2000 @@\n"))
        #expect(worst < .seconds(3))
    }

    @Test(.enabled(if: UnifiedDiffReference.isAvailable))
    func matchesGNUDiffOnReversedFile() throws {
        let old = (0..<2_000).map { "line \($0 % 700)\n" }.joined()
        let new = (0..<2_000).reversed().map { "line \($0 % 700)\n" }.joined()
        try expectSameAsReference(Array(old.utf8), Array(new.utf8), context: 3)
    }

    private func expectSameAsReference(_ old: [UInt8], _ new: [UInt8], context: Int, comment: String = "",
                                       sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let reference = try UnifiedDiffReference.run(old: old, new: new, context: context)
        let ours = UnifiedDiff.diff(old: String(decoding: old, as: UTF8.self),
                                    new: String(decoding: new, as: UTF8.self),
                                    oldLabel: reference.oldPath, newLabel: reference.newPath, context: context)
        let expected = String(decoding: reference.output, as: UTF8.self)
        #expect(ours.utf8.elementsEqual(expected.utf8),
                """
                \(comment) (context \(context))
                old: \(String(reflecting: String(decoding: old, as: UTF8.self)))
                new: \(String(reflecting: String(decoding: new, as: UTF8.self)))
                ours:
                \(ours)
                diff -u:
                \(expected)
                """,
                sourceLocation: sourceLocation)
    }
}
