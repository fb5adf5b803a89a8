/// Writes `YAMLNode` trees as block-style YAML (2-space indent, no line folding, UTF-8 as is),
/// quoting scalars as `ScalarQuoting` decides.
public enum YAMLEmitter {
    /// Deepest nesting written; far beyond any real document, it only keeps a runaway tree from
    /// exhausting the stack.
    static let maxDepth = 1_000

    /// One document, without `---` or `...`, ending in exactly one newline.
    public static func emit(_ node: YAMLNode) throws(YAMLError) -> String {
        try emitStream([node])
    }

    /// Several documents; every document after the first starts with `---`. No documents give "".
    public static func emitStream(_ nodes: [YAMLNode]) throws(YAMLError) -> String {
        let writer = try EventWriter()
        try writer.streamStart()
        for node in nodes {
            try writer.documentStart()
            try write(node, to: writer, depth: 0)
            try writer.documentEnd()
        }
        try writer.streamEnd()
        return tidy(writer.text)
    }

    private static func write(_ node: YAMLNode, to writer: EventWriter, depth: Int) throws(YAMLError) {
        guard depth < maxDepth else {
            throw YAMLError("cannot write YAML nested deeper than \(maxDepth) levels", at: node.mark)
        }
        switch node {
        case .scalar(let scalar):
            try writer.scalar(scalar)
        case .sequence(let items, _):
            try writer.collectionStart(mapping: false, empty: items.isEmpty)
            for item in items {
                try write(item, to: writer, depth: depth + 1)
            }
            try writer.collectionEnd(mapping: false)
        case .mapping(let pairs, _):
            try writer.collectionStart(mapping: true, empty: pairs.isEmpty)
            for pair in pairs {
                try write(pair.key, to: writer, depth: depth + 1)
                try write(pair.value, to: writer, depth: depth + 1)
            }
            try writer.collectionEnd(mapping: true)
        }
    }

    /// libyaml ends a stream whose last document is open-ended (a root plain scalar, a `|+` block)
    /// with a `...` line; at the very end of the output it carries no meaning, so it is dropped.
    private static func tidy(_ text: String) -> String {
        var text = text
        if text == "...\n" {
            text = ""
        } else if text.hasSuffix("\n...\n") {
            text.removeLast(4)
        }
        return text
    }
}
