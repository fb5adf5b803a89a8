/// Bounds that keep a hostile or broken input from eating time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of collections.
    public var maxDepth: Int
    /// Most nodes that alias expansion may add in one document.
    public var maxAliasNodes: Int

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 64, maxAliasNodes: Int = 1_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    public static let `default` = YAMLLimits()
}
