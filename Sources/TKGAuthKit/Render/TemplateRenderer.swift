import TKGYAML

/// Fills a parsed template with values, structurally: a placeholder is replaced by a node, never by text
/// pasted into YAML, so no value can change the shape of the document.
///
/// - A scalar that is exactly `${name}` becomes the value: a string, a node, or nothing (the pair or item
///   holding it is left out).
/// - `${name}` inside a longer scalar is replaced by the string value; the result is a string.
public struct TemplateRenderer {
    /// Where the template came from, for messages.
    public var templateFile: String
    public var context: TemplateContext

    public init(templateFile: String, context: TemplateContext) {
        self.templateFile = templateFile
        self.context = context
    }

    /// The filled document, or the problems found in the template (unknown placeholders and the like).
    public func render(_ template: YAMLNode) -> Result<YAMLNode, TemplateProblems> {
        var problems: [Diagnostic] = []
        let node = fill(template, problems: &problems) ?? .mapping([], mark: template.mark)
        return problems.isEmpty ? .success(node) : .failure(TemplateProblems(diagnostics: problems.sorted()))
    }

    /// True when the template uses a placeholder whose value is a secret, wherever it stands: the file that
    /// comes of it is then owner-only and never shown, whichever template (built-in or edited) put it there.
    public func usesSecret(_ template: YAMLNode) -> Bool {
        switch template {
        case .scalar(let scalar):
            return Self.split(scalar.text).contains { piece in
                guard case .placeholder(let name) = piece, context.secretNames.contains(name) else { return false }
                if case .string? = context[name] { return true }
                return false
            }
        case .sequence(let items, _):
            return items.contains(where: usesSecret)
        case .mapping(let pairs, _):
            return pairs.contains { usesSecret($0.key) || usesSecret($0.value) }
        }
    }

    /// nil means "leave this out".
    private func fill(_ node: YAMLNode, problems: inout [Diagnostic]) -> YAMLNode? {
        switch node {
        case .scalar(let scalar):
            return fillScalar(scalar, problems: &problems)
        case .sequence(let items, let mark):
            return .sequence(items.compactMap { fill($0, problems: &problems) }, mark: mark)
        case .mapping(let pairs, let mark):
            var filled: [YAMLPair] = []
            for pair in pairs {
                guard let key = fill(pair.key, problems: &problems) else { continue }
                guard let value = fill(pair.value, problems: &problems) else { continue }
                filled.append(YAMLPair(key: key, value: value))
            }
            return .mapping(filled, mark: mark)
        }
    }

    private func fillScalar(_ scalar: YAMLScalar, problems: inout [Diagnostic]) -> YAMLNode? {
        let pieces = Self.split(scalar.text)
        if pieces.count == 1, case .literal = pieces[0] { return .scalar(scalar) }
        if pieces.count == 1, case .placeholder(let name) = pieces[0] {
            switch lookup(name, at: scalar.mark, problems: &problems) {
            case .string(let text)?: return .scalar(YAMLScalar(text: text, style: .doubleQuoted, mark: scalar.mark))
            case .node(let node)?: return node
            case .absent?: return nil
            case nil: return .scalar(scalar)
            }
        }
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                text += literal
            case .placeholder(let name):
                switch lookup(name, at: scalar.mark, problems: &problems) {
                case .string(let value)?:
                    text += value
                case .node?, .absent?:
                    problems.append(.error("${\(name)} is not a string here; it can only stand alone as a value",
                                           file: templateFile, at: scalar.mark))
                case nil:
                    break
                }
            }
        }
        return .scalar(YAMLScalar(text: text, style: .doubleQuoted, mark: scalar.mark))
    }

    private func lookup(_ name: String, at mark: Mark, problems: inout [Diagnostic]) -> TemplateValue? {
        if let value = context[name] { return value }
        let hint = Suggestion.closest(to: name, among: context.values.keys.sorted()).map { "did you mean ${\($0)}?" }
        problems.append(.error("unknown placeholder ${\(name)}", file: templateFile, at: mark,
                               hint: hint ?? "run 'tkgauth templates list' for the placeholders"))
        return nil
    }

    enum Piece: Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// Splits `a ${x} b` into literal and placeholder pieces. `$${` is a literal `${`.
    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            if rest[..<start.lowerBound].hasSuffix("$") {
                literal += rest[..<rest.index(before: start.lowerBound)] + "${"
                rest = rest[start.upperBound...]
                continue
            }
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            literal += rest[..<start.lowerBound]
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            let name = rest[start.upperBound..<end].trimmingCharacters(in: " ")
            pieces.append(.placeholder(name))
            rest = rest[rest.index(after: end)...]
        }
        literal += rest
        if !literal.isEmpty || pieces.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}

/// Problems found while filling a template.
public struct TemplateProblems: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var text = self
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
