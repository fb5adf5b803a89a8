import Testing
import TestSupport
import TKGAuthKit

/// Random edits of a good site file never crash the loader, and every rejection names a place.
@Suite struct LoaderFuzzTests {

    static let pieces: [[UInt8]] = [":", " ", "\n", "\t", "-", "[", "]", "{", "}", "'", "\"", "#", "&a", "*a", "<<",
                                    "~", "!!int", "\u{0}", "\u{FF}", "é", "\r\n", ",", "|", ">", "?"].map { Array($0.utf8) }

    @Test(arguments: Fixtures.examples + ["minimal"])
    func randomEditsNeverCrash(example: String) {
        let original = example == "minimal" ? Array(Fixtures.minimalSite.utf8) : Fixtures.source(example).bytes
        var random = SeededGenerator(seed: UInt64(original.count))
        for round in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: Self.pieces.randomElement(using: &random)!, at: at)
                case 2: bytes[at] = UInt8.random(in: 0...255, using: &random)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...40, using: &random))
                    bytes.removeSubrange(at..<end)
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            let result = SiteLoader.load([SiteSource(path: "fuzz.yaml", bytes: bytes)], secrets: Fixtures.secretLookup)
            if result.hasErrors {
                #expect(result.sites.isEmpty, "round \(round)")
                #expect(result.diagnostics.allSatisfy { $0.severity == .warning || $0.mark.line >= 1 },
                        "round \(round): every error has a line")
            } else {
                // Whatever still loads also generates.
                let generated = Generator.generate(result.sites, options: GenerationOptions())
                #expect(!generated.files.isEmpty || generated.hasErrors, "round \(round)")
            }
        }
    }
}
