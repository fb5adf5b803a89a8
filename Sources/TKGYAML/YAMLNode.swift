/// How a scalar was written. Only `.plain` scalars may be typed by a reader (`true`, `1`, `null`);
/// every other style is a string, whatever its text.
public enum ScalarStyle: Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded

    public var isPlain: Bool { self == .plain }
}

/// A scalar with its text, how it was written and where.
public struct YAMLScalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle
    public var tag: String?
    public var mark: Mark

    public init(text: String, style: ScalarStyle, tag: String? = nil, mark: Mark = .none) {
        self.text = text
        self.style = style
        self.tag = tag
        self.mark = mark
    }
}

/// One key/value pair of a mapping, in document order.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// An ordered YAML node tree. The parser never types plain scalars: the caller decides what a value means.
public indirect enum YAMLNode: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], mark: Mark)
    case mapping([YAMLPair], mark: Mark)

    /// Where the node starts.
    public var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark): return mark
        }
    }

    /// A string value for output: the emitter quotes it whenever a YAML 1.1 or 1.2 reader could take it
    /// for anything but this string.
    public static func string(_ text: String) -> YAMLNode {
        .scalar(YAMLScalar(text: text, style: .doubleQuoted))
    }

    /// A plain scalar written as-is, for typed values in output (`true`, `3`).
    public static func plain(_ text: String) -> YAMLNode {
        .scalar(YAMLScalar(text: text, style: .plain))
    }

    /// A mapping built in code, keys in the given order.
    public static func map(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
        .mapping(pairs.map { YAMLPair(key: .string($0.0), value: $0.1) }, mark: .none)
    }

    /// A sequence built in code.
    public static func list(_ items: [YAMLNode]) -> YAMLNode {
        .sequence(items, mark: .none)
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The value of the first pair whose key is the scalar `key`.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar?.text == key }?.value
    }

    /// A word for the kind of node, for messages ("expected a string, found a list").
    public var kindName: String {
        switch self {
        case .scalar: return "a string"
        case .sequence: return "a list"
        case .mapping: return "a map"
        }
    }
}
