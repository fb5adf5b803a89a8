import Testing
import TKGYAML

@Suite struct ParserTests {
    /// Parses `text`, expecting a YAMLError, and returns it.
    private func parseError(_ text: String, limits: YAMLLimits = .default,
                            sourceLocation: SourceLocation = #_sourceLocation) -> YAMLError? {
        parseError(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }

    private func parseError(_ bytes: [UInt8], limits: YAMLLimits = .default,
                            sourceLocation: SourceLocation = #_sourceLocation) -> YAMLError? {
        do {
            let documents = try YAMLParser.parseStream(bytes, limits: limits)
            Issue.record("expected an error, parsed \(documents.count) document(s)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    private func at(_ line: Int, _ column: Int) -> Mark {
        Mark(line: line, column: column)
    }

    @Test func marksAndStyles() throws {
        let text = """
            apiVersion: v1
            metadata:
              name: "x"
              labels:
                a: 'b'
            items:
            - one
            - key: value
              other: |
                text
              folded: >-
                a
                b

            """
        let root = try #require(try YAMLParser.parseDocument(text))
        #expect(root.mark == at(1, 1))
        let pairs = try #require(root.pairs)
        #expect(pairs.map(\.key.mark) == [at(1, 1), at(2, 1), at(6, 1)])
        #expect(pairs[0].value.scalar == YAMLScalar(text: "v1", style: .plain, mark: at(1, 13)))

        let metadata = try #require(root["metadata"])
        #expect(metadata.mark == at(3, 3))
        #expect(metadata["name"]?.scalar == YAMLScalar(text: "x", style: .doubleQuoted, mark: at(3, 9)))
        #expect(metadata["labels"]?.mark == at(5, 5))
        #expect(metadata["labels"]?["a"]?.scalar == YAMLScalar(text: "b", style: .singleQuoted, mark: at(5, 8)))

        let items = try #require(root["items"]?.items)
        #expect(root["items"]?.mark == at(7, 1))
        #expect(items.map(\.mark) == [at(7, 3), at(8, 3)])
        #expect(items[1].pairs?.map(\.key.mark) == [at(8, 3), at(9, 3), at(11, 3)])
        #expect(items[1]["key"]?.mark == at(8, 8))
        #expect(items[1]["other"]?.scalar == YAMLScalar(text: "text\n", style: .literal, mark: at(9, 10)))
        #expect(items[1]["folded"]?.scalar == YAMLScalar(text: "a b", style: .folded, mark: at(11, 11)))
    }

    @Test func plainScalarsAreNotTyped() throws {
        let root = try #require(try YAMLParser.parseDocument("a: true\nb: 3\nc: ~\nd:\n"))
        #expect(root.pairs?.map { $0.value.scalar?.text } == ["true", "3", "~", ""])
        #expect(root.pairs?.allSatisfy { $0.value.scalar?.style == .plain } == true)
    }

    @Test func explicitTagsAreKept() throws {
        let root = try #require(try YAMLParser.parseDocument(
            "a: !!str 3\nb: !custom x\nc: !<tag:example.com,2000:t> y\nd: plain\n"))
        #expect(root["a"]?.scalar?.tag == "tag:yaml.org,2002:str")
        #expect(root["a"]?.scalar?.text == "3")
        #expect(root["b"]?.scalar?.tag == "!custom")
        #expect(root["c"]?.scalar?.tag == "tag:example.com,2000:t")
        #expect(root["d"]?.scalar?.tag == nil)
    }

    @Test func duplicateKeys() throws {
        let error = try #require(parseError("a: 1\nb: 2\na: 3\n"))
        #expect(error.message == "duplicate key 'a'")
        #expect(error.mark == at(3, 1))
        #expect(error.hint == "first defined at line 1, column 1")

        let nested = try #require(parseError("top:\n  x: 1\n  'x': 2\n"))
        #expect(nested.message == "duplicate key 'x'")
        #expect(nested.mark == at(3, 3))
        #expect(nested.hint == "first defined at line 2, column 3")

        // The same key in different mappings is fine.
        #expect(try YAMLParser.parseDocument("a: {x: 1}\nb: {x: 2}\n") != nil)
    }

    @Test func aliasesExpandWithinBound() throws {
        let root = try #require(try YAMLParser.parseDocument("base: &b {x: 1, y: [1, 2]}\ncopy: *b\n"))
        #expect(root["copy"] == root["base"])
        #expect(root["copy"]?.mark == at(1, 7))  // the anchored node's mark
        #expect(root["copy"]?["y"]?.items?.count == 2)

        // Exactly at the limit: 5 nodes from two aliases of a 2-item list (3 nodes) is over 5, one is not.
        let small = YAMLLimits(maxAliasNodes: 5)
        #expect(try YAMLParser.parseDocument("a: &a [1, 2]\nb: *a\n", limits: small) != nil)
        let error = try #require(parseError("a: &a [1, 2]\nb: *a\nc: *a\n", limits: small))
        #expect(error.message == "too many nodes from aliases (limit 5)")
        #expect(error.mark == at(3, 4))

        // The budget is per document.
        #expect(try YAMLParser.parseStream("a: &a [1, 2]\nb: *a\n---\na: &a [1, 2]\nb: *a\n", limits: small).count == 2)
    }

    @Test func aliasBombFailsFast() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let clock = ContinuousClock()
        var caught: YAMLError?
        let elapsed = clock.measure { caught = parseError(text) }
        let error = try #require(caught)
        #expect(error.message == "too many nodes from aliases (limit 1000)")
        #expect(error.mark.line == 4)  // a: 10 nodes, b: 9 x 10, c: 9 x 91, d: the first *c is over 1000
        #expect(elapsed < .milliseconds(100))
    }

    @Test func badAliases() throws {
        let unknown = try #require(parseError("a: *nope\n"))
        #expect(unknown.message == "unknown alias '*nope'")
        #expect(unknown.mark == at(1, 4))

        let recursive = try #require(parseError("a: &x [1, *x]\n"))
        #expect(recursive.message.contains("refers to a node that contains it"))
        #expect(recursive.mark == at(1, 11))

        // Anchors do not carry over to the next document.
        let crossDocument = try #require(parseError("a: &x 1\n---\nb: *x\n"))
        #expect(crossDocument.message == "unknown alias '*x'")
    }

    @Test func mergeKeysAreRejected() throws {
        let error = try #require(parseError("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n"))
        #expect(error.message == "merge keys (<<) are not supported")
        #expect(error.mark == at(3, 3))
        #expect(error.hint?.contains("write the keys out") == true)
        // A quoted "<<" is an ordinary key.
        #expect(try YAMLParser.parseDocument("'<<': x\n")?["<<"]?.scalar?.text == "x")
    }

    @Test func tabIndentation() throws {
        let error = try #require(parseError("a:\n\tb: 1\n"))
        #expect(error.mark == at(2, 1))
        #expect(!error.message.isEmpty)
        #expect(error.hint == "indent with spaces; YAML does not allow tabs for indentation")

        let inBlock = try #require(parseError("key:\n  - x\n\t- y\n"))
        #expect(inBlock.mark == at(3, 1))
        #expect(inBlock.message.contains("tab"))
        #expect(inBlock.hint != nil)
    }

    @Test func syntaxErrorsCarryContextAndMark() throws {
        let error = try #require(parseError("a: [1, 2\nb: 3\n"))
        #expect(error.message.hasPrefix("while parsing a flow sequence"))
        #expect(error.mark.line >= 2)
        #expect(error.hint == nil)
    }

    @Test func invalidUTF8AndBinary() throws {
        let bom16 = try #require(parseError([0xFF, 0xFE]))
        #expect(bom16.mark == at(1, 1))
        #expect(bom16.message.contains("UTF-8"))

        let inValue = try #require(parseError([0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]))
        #expect(inValue.mark == at(1, 4))
        #expect(inValue.message == "invalid leading UTF-8 octet 0xFF")

        let secondLine = try #require(parseError(Array("a: 1\nbé: ".utf8) + [0xC3, 0x28]))
        #expect(secondLine.mark == at(2, 5))  // the broken character's first byte
        #expect(secondLine.message == "invalid trailing UTF-8 octet 0x28")

        let nul = try #require(parseError(Array("a: b\u{0}c\n".utf8)))
        #expect(nul.mark == at(1, 5))
        #expect(nul.hint?.contains("binary") == true)

        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let binary = try #require(parseError(png))
        #expect(binary.mark.line >= 1 && binary.mark.column >= 1)
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let root = try #require(try YAMLParser.parseDocument([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)))
        #expect(root.pairs?.first?.key.mark == at(1, 1))
    }

    @Test func emptyInputs() throws {
        #expect(try YAMLParser.parseDocument([UInt8]()) == nil)
        #expect(try YAMLParser.parseStream([UInt8]()).isEmpty)
        #expect(try YAMLParser.parseDocument("") == nil)
        #expect(try YAMLParser.parseDocument("# only a comment\n\n   # another\n") == nil)
        #expect(try YAMLParser.parseDocument("\n  \n") == nil)
    }

    @Test func severalDocuments() throws {
        let text = "a: 1\n---\nb: 2\n"
        #expect(try YAMLParser.parseStream(text).map { $0.pairs?.first?.key.scalar?.text } == ["a", "b"])
        do {
            _ = try YAMLParser.parseDocument(text)
            Issue.record("parseDocument accepted two documents")
        } catch {
            #expect(error.message == "expected one document, found several")
            #expect(error.mark == at(2, 1))
        }
        // A leading `---` and a trailing `...` still make one document.
        #expect(try YAMLParser.parseDocument("---\na: 1\n...\n")?["a"] != nil)
    }

    @Test func depthLimit() throws {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(try YAMLParser.parseDocument("a:\n  b:\n    c: 1\n", limits: limits) != nil)
        let error = try #require(parseError("a:\n  b:\n    c:\n      d: 1\n", limits: limits))
        #expect(error.message == "nesting is deeper than 3 levels")
        #expect(error.mark == at(4, 7))

        // Aliases cannot sneak past the limit.
        let viaAlias = try #require(parseError("x: &x [[1]]\ny: [*x]\n", limits: limits))
        #expect(viaAlias.mark == at(2, 5))

        // A hostile flow nesting stops at the default limit.
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let deepError = try #require(parseError(deep))
        #expect(deepError.mark == at(1, 65))
    }

    @Test func sizeLimit() throws {
        let limits = YAMLLimits(maxBytes: 10)
        #expect(try YAMLParser.parseDocument("a: 1234567", limits: limits) != nil)
        let error = try #require(parseError("a: 12345678", limits: limits))
        #expect(error.message == "input is larger than 10 bytes")
        #expect(error.mark == at(1, 1))
    }
}
