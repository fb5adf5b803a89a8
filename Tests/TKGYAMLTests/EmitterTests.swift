import Testing
import TKGYAML

@Suite struct EmitterTests {
    @Test func nestedDocument() throws {
        let document = YAMLNode.map([
            ("apiVersion", .string("rbac.authorization.k8s.io/v1")),
            ("kind", .string("ClusterRoleBinding")),
            ("metadata", .map([
                ("name", .string("platform-admins")),
                ("labels", .map([("app.kubernetes.io/managed-by", .string("tkgauth"))])),
            ])),
            ("subjects", .list([
                .map([("kind", .string("Group")), ("name", .string("platform-admins"))]),
                .map([("kind", .string("User")), ("name", .string("alice@example.com"))]),
            ])),
            ("roleRef", .map([("kind", .string("ClusterRole")), ("name", .string("cluster-admin"))])),
            ("replicas", .plain("3")),
            ("enabled", .plain("true")),
            ("version", .string("1.30")),
            ("matrix", .list([.list([.string("a"), .string("b")]), .list([])])),
        ])
        #expect(try YAMLEmitter.emit(document) == """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: platform-admins
              labels:
                app.kubernetes.io/managed-by: tkgauth
            subjects:
            - kind: Group
              name: platform-admins
            - kind: User
              name: alice@example.com
            roleRef:
              kind: ClusterRole
              name: cluster-admin
            replicas: 3
            enabled: true
            version: "1.30"
            matrix:
            - - a
              - b
            - []

            """)
    }

    @Test func emptyCollections() throws {
        #expect(try YAMLEmitter.emit(.map([])) == "{}\n")
        #expect(try YAMLEmitter.emit(.list([])) == "[]\n")
        #expect(try YAMLEmitter.emit(.map([("data", .map([])), ("items", .list([]))])) == "data: {}\nitems: []\n")
    }

    @Test func stream() throws {
        let yaml = try YAMLEmitter.emitStream([
            .map([("a", .plain("1"))]),
            .list([.string("x")]),
            .string("s"),
            .map([("b", .string("2"))]),
        ])
        #expect(yaml == "a: 1\n---\n- x\n--- s\n---\nb: \"2\"\n")
        #expect(try YAMLParser.parseStream(yaml).count == 4)
        #expect(try YAMLEmitter.emitStream([]) == "")
    }

    @Test func multiLineLiteralBlocks() throws {
        let yaml = try YAMLEmitter.emit(.map([
            ("script", .string("echo one\necho two\n")),
            ("stripped", .string("first\nsecond")),
            ("indented", .string("  code\nmore\n")),
        ]))
        #expect(yaml == """
            script: |
              echo one
              echo two
            stripped: |-
              first
              second
            indented: |2
                code
              more

            """)
        let back = try #require(try YAMLParser.parseDocument(yaml))
        #expect(back["script"]?.scalar?.text == "echo one\necho two\n")
        #expect(back["stripped"]?.scalar?.style == .literal)
        #expect(back["indented"]?.scalar?.text == "  code\nmore\n")
    }

    @Test func outputEndsWithOneNewline() throws {
        for node in [YAMLNode.string("x"), .plain("x"), .string("a\nb\n"), .string("a\n\n\n"),
                     .map([("k", .string("v\n\n"))]), .list([.string("last\n")])] {
            let yaml = try YAMLEmitter.emit(node)
            #expect(yaml.hasSuffix("\n") && !yaml.hasSuffix("\n\n"), "\(yaml.debugDescription)")
            #expect(!yaml.contains("..."), "\(yaml.debugDescription)")
            #expect(!yaml.hasPrefix("---"), "\(yaml.debugDescription)")
        }
    }

    @Test func tagsAndPlainValues() throws {
        let yaml = try YAMLEmitter.emit(.map([
            ("typed", .plain("true")),
            ("string", .string("true")),
            ("tagged", .scalar(YAMLScalar(text: "3", style: .doubleQuoted, tag: "tag:yaml.org,2002:str"))),
        ]))
        #expect(yaml == "typed: true\nstring: \"true\"\ntagged: !!str 3\n")
        let back = try #require(try YAMLParser.parseDocument(yaml))
        #expect(back["tagged"]?.scalar?.tag == "tag:yaml.org,2002:str")
    }

    @Test func parsedDocumentsRoundTrip() throws {
        let text = """
            name: demo # comment dropped
            flags: {a: 'yes', b: no}
            list: [1, "two", 'three']
            text: >
              folded
              lines

            """
        let first = try #require(try YAMLParser.parseDocument(text))
        let yaml = try YAMLEmitter.emit(first)
        #expect(yaml == """
            name: demo
            flags:
              a: "yes"
              b: no
            list:
            - 1
            - two
            - three
            text: |
              folded lines

            """)
        let second = try #require(try YAMLParser.parseDocument(yaml))
        #expect(try YAMLEmitter.emit(second) == yaml)
    }

    @Test func absurdNestingIsAnErrorNotACrash() {
        var node = YAMLNode.string("leaf")
        for _ in 0..<2_000 { node = .list([node]) }
        #expect(throws: YAMLError.self) { try YAMLEmitter.emit(node) }
    }
}
