import Testing
import TestSupport
import TKGYAML


@Suite struct FuzzTests {
    static let seedDocument = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: demo # comment
          labels: {app: x, tier: [1, 2, "q\\u00e9"]}
        data:
          script: |
            line one
            line two
          folded: >-
            some
            text
        list:
        - &anchor {x: 1}
        - *anchor
        - !!str 3
        - ? complex
          : value
        - 'single ''quoted'''
        ---
        second: document
        ...

        """

    /// Bytes that tend to change YAML's structure, plus invalid and multi-byte UTF-8.
    static let interesting: [UInt8] = Array("-:?[]{},&*!|>'\"%@`#\t\n\r \\.0a~".utf8)
        + [0x00, 0xFF, 0xFE, 0xC3, 0xA9, 0xE2, 0x80, 0xA8, 0xEF, 0xBB, 0xBF, 0xF0, 0x9F]

    @Test func mutatedDocumentsNeverCrash() throws {
        let original = Array(Self.seedDocument.utf8)
        #expect(try YAMLParser.parseStream(original).count == 2)
        var random = SeededGenerator(seed: 20_241_204)
        var parsed = 0
        var rejected = 0
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                mutate(&bytes, using: &random)
            }
            do {
                let documents = try YAMLParser.parseStream(bytes)
                parsed += 1
                // Whatever parses must also write and read back.
                let yaml = try YAMLEmitter.emitStream(documents)
                let again = try YAMLParser.parseStream(yaml, limits: YAMLLimits(maxBytes: 1 << 24, maxAliasNodes: 1 << 20))
                #expect(again.count == documents.count)
            } catch {
                rejected += 1
                #expect(error.mark.line >= 1 && error.mark.column >= 1, "\(error)")
                #expect(!error.message.isEmpty)
            }
        }
        // Both outcomes must be exercised, or the mutations are too weak or too strong.
        #expect(parsed > 20)
        #expect(rejected > 20)
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let count = Int.random(in: 0...200, using: &random)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random)
                    ? Self.interesting.randomElement(using: &random)!
                    : UInt8.random(in: 0...255, using: &random)
            }
            do {
                _ = try YAMLParser.parseStream(bytes)
            } catch {
                #expect(error.mark.line >= 1 && error.mark.column >= 1, "\(error)")
            }
        }
    }

    private func mutate(_ bytes: inout [UInt8], using random: inout SeededGenerator) {
        let byte = Bool.random(using: &random)
            ? Self.interesting.randomElement(using: &random)!
            : UInt8.random(in: 0...255, using: &random)
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[position] = byte
        case 1:
            bytes.insert(byte, at: position)
        case 2 where !bytes.isEmpty:
            bytes.remove(at: position)
        case 3:
            // Duplicate a short run: repeats keys, anchors and indentation.
            let end = min(bytes.count, position + Int.random(in: 1...20, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        default:
            let end = min(bytes.count, position + Int.random(in: 1...10, using: &random))
            bytes.removeSubrange(position..<end)
        }
    }
}
