import Testing
import TKGAuthCLI

/// Hand-written expected output for small cases, each with only one shortest edit script, so that
/// the exact text is determined by the format alone.
@Suite("Unified diff: exact output")
struct UnifiedDiffTests {
    /// `"1\n2\n…\n<count>\n"` with the given lines (1-based) replaced by the given text, or
    /// removed when it is `nil`. A replacement may hold several lines.
    private static func lines(_ count: Int, _ replacements: [Int: String?] = [:]) -> String {
        (1...count).map { number -> String in
            guard let replacement = replacements[number] else { return "\(number)\n" }
            return replacement.map { "\($0)\n" } ?? ""
        }.joined()
    }

    private func diff(_ old: String, _ new: String, context: Int = 3) -> String {
        UnifiedDiff.diff(old: old, new: new, oldLabel: "a/f", newLabel: "b/f", context: context)
    }

    @Test func equalTextsGiveNothing() {
        #expect(diff("", "") == "")
        #expect(diff("x\ny\n", "x\ny\n") == "")
        #expect(diff("x\ny", "x\ny") == "")
        #expect(UnifiedDiff.diff(old: [0xFF, 0x0A], new: [0xFF, 0x0A], oldLabel: "a", newLabel: "b") == [])
    }

    @Test func labelsAreUsedAsGiven() {
        #expect(UnifiedDiff.diff(old: "a\n", new: "b\n", oldLabel: "/dev/null", newLabel: "out dir/x.yaml") == """
            --- /dev/null
            +++ out dir/x.yaml
            @@ -1 +1 @@
            -a
            +b

            """)
    }

    // MARK: Empty sides

    @Test func emptyOld() {
        #expect(diff("", "a\nb\n") == """
            --- a/f
            +++ b/f
            @@ -0,0 +1,2 @@
            +a
            +b

            """)
        #expect(diff("", "a\n") == """
            --- a/f
            +++ b/f
            @@ -0,0 +1 @@
            +a

            """)
    }

    @Test func emptyNew() {
        #expect(diff("a\nb\n", "") == """
            --- a/f
            +++ b/f
            @@ -1,2 +0,0 @@
            -a
            -b

            """)
        #expect(diff("a\n", "") == """
            --- a/f
            +++ b/f
            @@ -1 +0,0 @@
            -a

            """)
        // One empty line is a line.
        #expect(diff("\n", "") == """
            --- a/f
            +++ b/f
            @@ -1 +0,0 @@
            -

            """)
    }

    // MARK: Changes at the start, in the middle, at the end

    @Test func changesAtTheStart() {
        #expect(diff(Self.lines(5), "0\n" + Self.lines(5)) == """
            --- a/f
            +++ b/f
            @@ -1,3 +1,4 @@
            +0
             1
             2
             3

            """)
        #expect(diff(Self.lines(5), Self.lines(5, [1: nil])) == """
            --- a/f
            +++ b/f
            @@ -1,4 +1,3 @@
            -1
             2
             3
             4

            """)
        #expect(diff(Self.lines(5), Self.lines(5, [1: "one"])) == """
            --- a/f
            +++ b/f
            @@ -1,4 +1,4 @@
            -1
            +one
             2
             3
             4

            """)
    }

    @Test func changesInTheMiddle() {
        #expect(diff(Self.lines(9), Self.lines(9, [5: "5\nx"])) == """
            --- a/f
            +++ b/f
            @@ -3,6 +3,7 @@
             3
             4
             5
            +x
             6
             7
             8

            """)
        #expect(diff(Self.lines(9), Self.lines(9, [5: nil])) == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,6 @@
             2
             3
             4
            -5
             6
             7
             8

            """)
        // A run of changes: its `-` lines first, then its `+` lines.
        #expect(diff(Self.lines(9), Self.lines(9, [5: "five", 6: "six"])) == """
            --- a/f
            +++ b/f
            @@ -2,8 +2,8 @@
             2
             3
             4
            -5
            -6
            +five
            +six
             7
             8
             9

            """)
    }

    @Test func changesAtTheEnd() {
        #expect(diff(Self.lines(5), Self.lines(5) + "6\n") == """
            --- a/f
            +++ b/f
            @@ -3,3 +3,4 @@
             3
             4
             5
            +6

            """)
        #expect(diff(Self.lines(5), Self.lines(4)) == """
            --- a/f
            +++ b/f
            @@ -2,4 +2,3 @@
             2
             3
             4
            -5

            """)
        #expect(diff(Self.lines(5), Self.lines(5, [5: "five"])) == """
            --- a/f
            +++ b/f
            @@ -2,4 +2,4 @@
             2
             3
             4
            -5
            +five

            """)
    }

    // MARK: Missing newline at the end

    @Test func oldLacksFinalNewline() {
        #expect(diff("a\nb", "a\nb\n") == """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +b

            """)
        #expect(diff("a", "") == """
            --- a/f
            +++ b/f
            @@ -1 +0,0 @@
            -a
            \\ No newline at end of file

            """)
    }

    @Test func newLacksFinalNewline() {
        #expect(diff("a\nb\n", "a\nb") == """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            +b
            \\ No newline at end of file

            """)
        #expect(diff("", "a") == """
            --- a/f
            +++ b/f
            @@ -0,0 +1 @@
            +a
            \\ No newline at end of file

            """)
    }

    @Test func bothLackFinalNewline() {
        #expect(diff("a\nb", "a\nc") == """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file

            """)
        // An unchanged last line without a newline gets the marker as context too.
        #expect(diff("a\nz", "b\nz") == """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
            -a
            +b
             z
            \\ No newline at end of file

            """)
    }

    // MARK: Hunks

    @Test func twoHunksFarApart() {
        #expect(diff(Self.lines(20), Self.lines(20, [3: "three", 17: "seventeen"])) == """
            --- a/f
            +++ b/f
            @@ -1,6 +1,6 @@
             1
             2
            -3
            +three
             4
             5
             6
            @@ -14,7 +14,7 @@
             14
             15
             16
            -17
            +seventeen
             18
             19
             20

            """)
    }

    /// Hunk line numbers on the new side follow the lines added and removed before them.
    @Test func laterHunksCountEarlierChanges() {
        #expect(diff(Self.lines(20), Self.lines(20, [2: "2\nx\ny", 18: nil])) == """
            --- a/f
            +++ b/f
            @@ -1,5 +1,7 @@
             1
             2
            +x
            +y
             3
             4
             5
            @@ -15,6 +17,5 @@
             15
             16
             17
            -18
             19
             20

            """)
    }

    /// Six unchanged lines between two changes: the contexts of 3 meet, so one hunk.
    @Test func hunksMergeWhenContextsMeet() {
        #expect(diff(Self.lines(20), Self.lines(20, [5: "five", 12: "twelve"])) == """
            --- a/f
            +++ b/f
            @@ -2,14 +2,14 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
             9
             10
             11
            -12
            +twelve
             13
             14
             15

            """)
        // Four unchanged lines, overlapping contexts.
        #expect(diff(Self.lines(20), Self.lines(20, [5: "five", 10: "ten"])) == """
            --- a/f
            +++ b/f
            @@ -2,12 +2,12 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
             9
            -10
            +ten
             11
             12
             13

            """)
    }

    /// Seven unchanged lines between two changes: two hunks.
    @Test func hunksSplitWhenContextsDoNotMeet() {
        #expect(diff(Self.lines(20), Self.lines(20, [5: "five", 13: "thirteen"])) == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8
            @@ -10,7 +10,7 @@
             10
             11
             12
            -13
            +thirteen
             14
             15
             16

            """)
    }

    @Test func contextZero() {
        let new = Self.lines(10, [3: "three", 6: "6\nx", 9: nil])
        #expect(diff(Self.lines(10), new, context: 0) == """
            --- a/f
            +++ b/f
            @@ -3 +3 @@
            -3
            +three
            @@ -6,0 +7 @@
            +x
            @@ -9 +9,0 @@
            -9

            """)
        // Adjacent changes still share a hunk with no context.
        #expect(diff(Self.lines(6), Self.lines(6, [3: "three", 4: nil]), context: 0) == """
            --- a/f
            +++ b/f
            @@ -3,2 +3 @@
            -3
            -4
            +three

            """)
        // A negative context counts as none.
        #expect(diff(Self.lines(6), Self.lines(6, [3: "three"]), context: -2) == """
            --- a/f
            +++ b/f
            @@ -3 +3 @@
            -3
            +three

            """)
    }

    @Test func otherContextSizes() {
        // Three unchanged lines between the changes: more than twice 1, so two hunks.
        #expect(diff(Self.lines(10), Self.lines(10, [3: "three", 7: "seven"]), context: 1) == """
            --- a/f
            +++ b/f
            @@ -2,3 +2,3 @@
             2
            -3
            +three
             4
            @@ -6,3 +6,3 @@
             6
            -7
            +seven
             8

            """)
        // Two unchanged lines between the changes: the contexts of 1 meet.
        #expect(diff(Self.lines(10), Self.lines(10, [3: "three", 6: "six"]), context: 1) == """
            --- a/f
            +++ b/f
            @@ -2,6 +2,6 @@
             2
            -3
            +three
             4
             5
            -6
            +six
             7

            """)
        #expect(diff(Self.lines(10), Self.lines(10, [3: "three", 6: "six"]), context: 2) == """
            --- a/f
            +++ b/f
            @@ -1,8 +1,8 @@
             1
             2
            -3
            +three
             4
             5
            -6
            +six
             7
             8

            """)
        // More context than there are lines shows the whole file.
        #expect(diff("a\nb\nc\n", "a\nB\nc\n", context: Int.max) == """
            --- a/f
            +++ b/f
            @@ -1,3 +1,3 @@
             a
            -b
            +B
             c

            """)
    }

    // MARK: Bytes

    /// Text that is equal as a `String` (canonically equivalent) but not as bytes is a change.
    @Test func comparesBytesNotCharacters() {
        let composed = "caf\u{E9}\n", decomposed = "cafe\u{301}\n"
        #expect(composed == decomposed)
        let expected = "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-\(composed)+\(decomposed)"
        // Compared as bytes: as `String`s, the two orders would be equal too.
        #expect(Array(diff(composed, decomposed).utf8) == Array(expected.utf8))
        #expect(Array(diff(decomposed, composed).utf8) != Array(expected.utf8))
    }

    @Test func lineEndingsAreBytes() {
        #expect(diff("a\r\nb\r\nc\r\n", "a\r\nb\nc\r\n") == """
            --- a/f
            +++ b/f
            @@ -1,3 +1,3 @@
             a\r
            -b\r
            +b
             c\r

            """)
    }

    @Test func rawBytesThatAreNotUTF8() {
        let old: [UInt8] = [0x61, 0x0A, 0xFF, 0xFE, 0x0A, 0x62, 0x0A]
        let new: [UInt8] = [0x61, 0x0A, 0xFF, 0x0A, 0x62]
        let expected: [UInt8] = Array("--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-".utf8) + [0xFF, 0xFE, 0x0A]
            + Array("-b\n+".utf8) + [0xFF, 0x0A] + Array("+b\n\\ No newline at end of file\n".utf8)
        #expect(UnifiedDiff.diff(old: old, new: new, oldLabel: "x", newLabel: "y") == expected)
    }
}
