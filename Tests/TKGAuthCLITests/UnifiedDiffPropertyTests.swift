import Testing
import TestSupport
import TKGAuthCLI

/// Properties of `UnifiedDiff` on many inputs, without asking for any one tool's exact output:
/// the diff is well formed and consistent with both texts, `patch` turns the old text into the
/// new one with it, and it changes as few lines as `diff --minimal` (a black box, for the count).
@Suite("Unified diff: properties")
struct UnifiedDiffPropertyTests {
    private static let labels = (old: "a/file", new: "b/file")

    /// Checks one pair of texts; `patch` and `diff` are run when `external` is set.
    private func check(_ old: String, _ new: String, context: Int, external: Bool, comment: String = "",
                       sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let oldBytes = Array(old.utf8), newBytes = Array(new.utf8)
        let output = UnifiedDiff.diff(old: oldBytes, new: newBytes, oldLabel: Self.labels.old,
                                      newLabel: Self.labels.new, context: context)
        let described = """
            \(comment) (context \(context))
            old: \(String(reflecting: old))
            new: \(String(reflecting: new))
            diff:
            \(String(decoding: output, as: UTF8.self))
            """
        // The String form is the same bytes.
        let viaString = UnifiedDiff.diff(old: old, new: new, oldLabel: Self.labels.old, newLabel: Self.labels.new,
                                         context: context)
        #expect(Array(viaString.utf8) == output, "\(described)", sourceLocation: sourceLocation)

        if oldBytes == newBytes {
            #expect(output.isEmpty, "\(described)", sourceLocation: sourceLocation)
            return
        }
        let problems = UnifiedDiffReference.structuralProblems(output, old: oldBytes, new: newBytes,
                                                                oldLabel: Self.labels.old,
                                                                newLabel: Self.labels.new, context: context)
        #expect(problems.isEmpty, "\(problems)\n\(described)", sourceLocation: sourceLocation)

        let changed = UnifiedDiffReference.changedLineCount(output)
        if !external {
            let shortest = UnifiedDiffReference.shortestEditLength(UnifiedDiffReference.lines(oldBytes),
                                                                   UnifiedDiffReference.lines(newBytes))
            #expect(changed == shortest, "\(described)", sourceLocation: sourceLocation)
            return
        }
        let patched = try UnifiedDiffReference.patched(oldBytes, with: output)
        #expect(patched == newBytes, "\(described)", sourceLocation: sourceLocation)
        let minimal = try UnifiedDiffReference.minimalChangeCount(oldBytes, newBytes)
        #expect(changed == minimal, "diff --minimal changes \(minimal) lines\n\(described)",
                sourceLocation: sourceLocation)
    }

    private static var haveTools: Bool { UnifiedDiffReference.canPatch && UnifiedDiffReference.canDiff }

    // MARK: With patch and diff

    @Test(.enabled(if: haveTools), arguments: UnifiedDiffCases.table)
    func namedCases(_ example: UnifiedDiffCases.Example) throws {
        try check(example.old, example.new, context: example.context, external: true)
    }

    /// 200 seeded random edits, in 8 groups that can run side by side.
    @Test(.enabled(if: haveTools), arguments: 0..<8)
    func randomSmallEdits(group: Int) throws {
        var generator = SeededGenerator(seed: 0x746B_6761_7574_68 &+ UInt64(group))
        for index in 0..<25 {
            let (old, new, context) = UnifiedDiffCases.randomSmallEdit(&generator)
            try check(old, new, context: context, external: true, comment: "group \(group), case \(index)")
        }
    }

    @Test(.enabled(if: haveTools), arguments: 0..<4)
    func randomLargeEdits(seed: Int) throws {
        var generator = SeededGenerator(seed: 2_000 &+ UInt64(seed))
        let (old, new) = UnifiedDiffCases.randomLargeEdit(&generator, lines: 2_000)
        try check(old, new, context: [3, 0, 1, 5][seed], external: true, comment: "large case \(seed)")
    }

    @Test(.enabled(if: haveTools), arguments: UnifiedDiffCases.large)
    func hardLargeFiles(_ example: UnifiedDiffCases.Example) throws {
        try check(example.old, example.new, context: example.context, external: true)
    }

    // MARK: Without external tools

    /// Many more random edits, checked for form and against the textbook shortest edit length.
    @Test func minimalOnManyRandomEdits() throws {
        var generator = SeededGenerator(seed: 99)
        for index in 0..<2_000 {
            let (old, new, context) = UnifiedDiffCases.randomSmallEdit(&generator)
            try check(old, new, context: context, external: false, comment: "case \(index)")
        }
    }

    // MARK: Speed

    /// The best of three runs, so that a busy machine does not fail the test.
    private func fastest(_ example: UnifiedDiffCases.Example) -> Duration {
        let clock = ContinuousClock()
        return (0..<3).map { _ in
            clock.measure {
                _ = UnifiedDiff.diff(old: example.old, new: example.new, oldLabel: "a", newLabel: "b")
            }
        }.min()!
    }

    /// Bounds for a debug build; a release build is many times faster.
    @Test(arguments: UnifiedDiffCases.large)
    func largeFilesAreFast(_ example: UnifiedDiffCases.Example) {
        let limit: Duration = example.name.contains("reversed") || example.name.contains("swapped")
            ? .seconds(1) : .milliseconds(250)
        let elapsed = fastest(example)
        #expect(elapsed < limit, "\(example.name): \(elapsed)")
    }
}
