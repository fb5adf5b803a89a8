/// The pure core of `tkgauth generate`: valid sites in, files and findings out. No I/O.
public enum Generator {
    public struct Result: Sendable {
        /// Every file of every site, sites in the order given, files in a fixed order. Empty on any error.
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Renders every site; any error anywhere means no file at all.
    public static func generate(_ sites: [Site], options: GenerationOptions) -> Result {
        var diagnostics: [Diagnostic] = []
        for site in sites {
            diagnostics += GenerationRules.check(site, inlineSecrets: options.inlineSecrets)
        }
        guard !diagnostics.hasErrors else { return Result(files: [], diagnostics: diagnostics.sorted()) }
        var files: [GeneratedFile] = []
        for site in sites {
            switch SiteRenderer(site: site, options: options).render() {
            case .success(let rendered): files += rendered
            case .failure(let problems): diagnostics += problems.diagnostics
            }
        }
        diagnostics.sort()
        return Result(files: diagnostics.hasErrors ? [] : files, diagnostics: diagnostics)
    }

    /// The mode-dependent checks alone, for commands that need valid sites but write no files (`plan`).
    public static func check(_ sites: [Site], inlineSecrets: Bool) -> [Diagnostic] {
        sites.flatMap { GenerationRules.check($0, inlineSecrets: inlineSecrets) }.sorted()
    }

    /// Every placeholder a template may use.
    public static var placeholderNames: [String] { RenderContext.placeholderNames }
}
