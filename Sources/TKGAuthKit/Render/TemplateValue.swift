import TKGYAML

/// What a placeholder stands for.
public enum TemplateValue: Sendable, Hashable {
    /// A string; it reaches YAML through the one quoting decision.
    case string(String)
    /// A whole node (a list or map built from the site).
    case node(YAMLNode)
    /// Nothing: the pair or list item holding the placeholder is left out.
    case absent
}

/// The placeholders one template may use, by name.
public struct TemplateContext: Sendable {
    public var values: [String: TemplateValue]
    /// Placeholders whose value is a secret (only with inline secrets): a file using one is written owner-only.
    public var secretNames: Set<String> = []

    public init(_ values: [String: TemplateValue] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> TemplateValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Sets `name` to the string, or to absent when nil.
    public mutating func set(_ name: String, _ text: String?) {
        values[name] = text.map(TemplateValue.string) ?? .absent
    }
}
