/// How `generate` writes a site's files.
public struct GenerationOptions: Sendable {
    /// Write secret values into the files (as the original hand-written setup did) instead of referring to
    /// Kubernetes Secrets that the plan creates.
    public var inlineSecrets: Bool
    /// Templates by file name that replace the embedded ones (`--templates DIR`).
    public var templateOverrides: [String: TemplateText]

    public init(inlineSecrets: Bool = false, templateOverrides: [String: TemplateText] = [:]) {
        self.inlineSecrets = inlineSecrets
        self.templateOverrides = templateOverrides
    }
}

/// A template's text and where it came from.
public struct TemplateText: Sendable, Hashable {
    /// A path for messages: the file in `--templates DIR`, or `<embedded>/NAME`.
    public var origin: String
    public var text: String

    public init(origin: String, text: String) {
        self.origin = origin
        self.text = text
    }

    public static func embedded(_ id: TemplateID) -> TemplateText {
        TemplateText(origin: "<embedded>/\(id.fileName)", text: id.embeddedText)
    }
}
