import Foundation
import Testing
import TKGAuthKit

/// The generated files of every example, compared byte for byte with Tests/TKGAuthKitTests/Golden/.
/// Re-record after an intended change: `UPDATE_GOLDEN=1 scripts/test`, then review `git diff`.
@Suite struct GoldenTests {
    static let goldenRoot = Fixtures.repoRoot.appendingPathComponent("Tests/TKGAuthKitTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    @Test(arguments: Fixtures.examples)
    func generatedFilesMatchGolden(example: String) throws {
        let site = try Fixtures.site(Fixtures.source(example))
        let result = Generator.generate([site], options: GenerationOptions())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let dir = Self.goldenRoot.appendingPathComponent(site.name)
        try Self.compare(files: result.files.map { ($0.name, $0.contents) }, in: dir, label: site.name)
    }

    /// The install plan of every example in the three formats, for files generated into `out`.
    @Test(arguments: Fixtures.examples)
    func plansMatchGolden(example: String) throws {
        let site = try Fixtures.site(Fixtures.source(example))
        let plans = [PlanBuilder.build(site: site, options: PlanOptions(outputDir: "out"))]
        let files = [("plan.txt", PlanFormatter.text(plans)), ("plan.sh", PlanFormatter.shell(plans)),
                     ("plan.json", PlanFormatter.json(plans))]
        try Self.compare(files: files, in: Self.goldenRoot.appendingPathComponent("\(site.name)-plan"),
                         label: "\(site.name)-plan")
    }

    /// Compares (or records) a set of files; a file in the folder that was not produced fails the test too.
    static func compare(files: [(name: String, contents: String)], in dir: URL, label: String) throws {
        if recording {
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for file in files {
                try file.contents.write(to: dir.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
            Issue.record("recorded golden files in \(dir.path); run again without UPDATE_GOLDEN")
            return
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.sorted() ?? []
        #expect(existing == files.map(\.name).sorted(), "golden files in \(label)")
        for file in files {
            let expected = try? String(contentsOf: dir.appendingPathComponent(file.name), encoding: .utf8)
            if let expected, expected == file.contents { continue }
            Issue.record("\(label)/\(file.name) differs from its golden file:\n\(firstDifference(expected ?? "", file.contents))")
        }
    }

    /// The first line that differs, with a little context.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end>"
            let right = index < b.count ? String(b[index]) : "<end>"
            if left != right {
                return "line \(index + 1):\n  golden:    \(left)\n  generated: \(right)"
            }
        }
        return "(no line differs)"
    }
}
