import TKGYAML

/// The first stage of the pipeline: site files in, validated sites and every finding out.
public enum SiteLoader {
    public struct Result: Sendable {
        /// The valid sites, in the order given. Empty when any site has an error.
        public var sites: [Site]
        /// Every finding of every file, sorted.
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Loads and checks each site, then the set of them (two sites may not share a name).
    public static func load(_ sources: [SiteSource], secrets: SecretLookup, strict: Bool = false) -> Result {
        var sites: [Site] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            let (site, found) = loadOne(source, secrets: secrets)
            diagnostics += found
            if let site { sites.append(site) }
        }
        diagnostics += checkNamesAreUnique(sites)
        if strict { diagnostics = diagnostics.promotingWarnings() }
        diagnostics.sort()
        return Result(sites: diagnostics.hasErrors ? [] : sites, diagnostics: diagnostics)
    }

    /// One site file: parse, decode, check.
    public static func loadOne(_ source: SiteSource, secrets: SecretLookup) -> (Site?, [Diagnostic]) {
        let sink = DiagnosticSink(file: source.path)
        let root: YAMLNode
        do {
            // A lone `---` (or `~`) is a document holding nothing: as empty as no document at all.
            guard let document = try YAMLParser.parseDocument(source.bytes), !Self.isNull(document) else {
                sink.error("the site file is empty", at: Mark(line: 1, column: 1),
                           hint: "start from examples/whiteharbor.yaml")
                return (nil, sink.diagnostics)
            }
            root = document
        } catch {
            sink.error(error.message, at: error.mark, hint: error.hint)
            return (nil, sink.diagnostics)
        }
        if root.pairs == nil {
            sink.error("a site file must be a map of keys (apiVersion, kind, name, ...), found \(root.kindName)",
                       at: root.mark)
            return (nil, sink.diagnostics)
        }
        let decoder = SiteDecoder(source: source, lookup: secrets, sink: sink)
        guard let site = decoder.decode(root) else {
            if !sink.hasErrors {
                sink.error("the site could not be read", at: root.mark)  // never silent
            }
            return (nil, sink.diagnostics)
        }
        SiteRules.check(site, sink: sink)
        return (sink.hasErrors ? nil : site, sink.diagnostics)
    }

    private static func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.style.isPlain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.text)
    }

    private static func checkNamesAreUnique(_ sites: [Site]) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var found: [Diagnostic] = []
        for site in sites {
            if let first = firstFile[site.name] {
                found.append(.error("site name '\(site.name)' is also used by \(first); their output folders would collide",
                                    file: site.file, at: site.mark("name"), hint: "give each site its own 'name'"))
            } else {
                firstFile[site.name] = site.file
            }
        }
        return found
    }
}
