/// Reads YAML text into `YAMLNode` trees with marks, using libyaml's event API.
/// Plain scalars stay untyped; what a value means is the caller's decision.
public enum YAMLParser {
    /// All documents of a stream, in order. Empty or comment-only input gives no documents.
    public static func parseStream(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLNode] {
        try parse(bytes, limits: limits, single: false)
    }

    /// The only document of the input, or nil when the input holds none (empty or comments only).
    public static func parseDocument(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try parse(bytes, limits: limits, single: true).first
    }

    public static func parseStream(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLNode] {
        try parseStream(Array(text.utf8), limits: limits)
    }

    public static func parseDocument(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try parseDocument(Array(text.utf8), limits: limits)
    }

    private static func parse(_ bytes: [UInt8], limits: YAMLLimits, single: Bool) throws(YAMLError) -> [YAMLNode] {
        // Checked before libyaml sees anything, so a huge input costs nothing.
        guard bytes.count <= limits.maxBytes else {
            throw YAMLError("input is larger than \(limits.maxBytes) bytes", at: Mark(line: 1, column: 1))
        }
        let reader = try EventReader(bytes)
        var builder = TreeBuilder(limits: limits)
        var documents: [YAMLNode] = []
        while true {
            switch try reader.next() {
            case .streamStart:
                continue
            case .streamEnd:
                return documents
            case .documentStart(let mark):
                // Stop at the second document's start, before reading (or choking on) its content.
                if single && !documents.isEmpty {
                    throw YAMLError("expected one document, found several", at: mark,
                                    hint: "remove the '---' separator or split the file")
                }
                builder.startDocument()
            case .documentEnd:
                if let root = builder.endDocument() { documents.append(root) }
            case .alias(let anchor, let mark):
                try builder.alias(anchor, at: mark)
            case .scalar(let scalar, let anchor):
                try builder.scalar(scalar, anchor: anchor)
            case .sequenceStart(let anchor, let mark):
                try builder.startCollection(mapping: false, anchor: anchor, at: mark)
            case .mappingStart(let anchor, let mark):
                try builder.startCollection(mapping: true, anchor: anchor, at: mark)
            case .sequenceEnd, .mappingEnd:
                try builder.endCollection()
            }
        }
    }
}
