/// Turns parser events into `YAMLNode` documents, enforcing the limits and the rules libyaml leaves
/// to its callers: duplicate keys, merge keys, alias expansion.
struct TreeBuilder {
    /// A node plus what alias accounting needs to know about it without walking it again.
    struct Built {
        var node: YAMLNode
        /// Number of nodes in the subtree, the node itself included.
        var size: Int
        /// Collection levels in the subtree (0 for a scalar).
        var height: Int
    }

    /// A collection still being read.
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Where each scalar key was first written, for the duplicate-key message.
        var keyMarks: [String: Mark] = [:]
        var size = 1
        var height = 1
    }

    let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Built] = [:]
    /// Anchors on collections not yet closed: an alias to one of them would be recursive.
    private var openAnchors: Set<String> = []
    private var aliasNodes = 0
    private var root: YAMLNode?

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Anchors and the alias budget belong to one document.
    mutating func startDocument() {
        stack.removeAll()
        anchors.removeAll()
        openAnchors.removeAll()
        aliasNodes = 0
        root = nil
    }

    /// The finished document's root; nil only if no node was seen (libyaml always sends one).
    mutating func endDocument() -> YAMLNode? {
        defer { root = nil }
        return root
    }

    mutating func scalar(_ scalar: YAMLScalar, anchor: String?) throws(YAMLError) {
        let built = Built(node: .scalar(scalar), size: 1, height: 0)
        if let anchor { anchors[anchor] = built }
        try add(built, at: scalar.mark)
    }

    mutating func alias(_ name: String, at mark: Mark) throws(YAMLError) {
        guard let target = anchors[name] else {
            if openAnchors.contains(name) {
                throw YAMLError("alias '*\(name)' refers to a node that contains it", at: mark,
                                hint: "recursive aliases are not supported")
            }
            throw YAMLError("unknown alias '*\(name)'", at: mark,
                            hint: "define the anchor '&\(name)' before using it in the same document")
        }
        // Count before copying: a billion-laughs input stops at the first alias over budget.
        let (total, overflow) = aliasNodes.addingReportingOverflow(target.size)
        guard !overflow, total <= limits.maxAliasNodes else {
            throw YAMLError("too many nodes from aliases (limit \(limits.maxAliasNodes))", at: mark,
                            hint: "write the repeated part out instead of using anchors and aliases")
        }
        aliasNodes = total
        if stack.count + target.height > limits.maxDepth {
            throw depthError(at: mark)
        }
        // The copy keeps the anchored node's marks, so messages point at where the content is written.
        try add(target, at: mark)
    }

    mutating func startCollection(mapping: Bool, anchor: String?, at mark: Mark) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw depthError(at: mark)
        }
        if let anchor { openAnchors.insert(anchor) }
        stack.append(Frame(isMapping: mapping, mark: mark, anchor: anchor))
    }

    mutating func endCollection() throws(YAMLError) {
        guard let frame = stack.popLast() else {
            throw YAMLError("unbalanced collection end", at: Mark(line: 1, column: 1))
        }
        let node: YAMLNode = frame.isMapping
            ? .mapping(frame.pairs, mark: frame.mark)
            : .sequence(frame.items, mark: frame.mark)
        let built = Built(node: node, size: frame.size, height: frame.height)
        if let anchor = frame.anchor {
            openAnchors.remove(anchor)
            anchors[anchor] = built
        }
        try add(built, at: frame.mark)
    }

    /// Attaches a finished node to the open collection, or makes it the document root.
    /// `mark` is where it occurs in the text (the alias for an alias), for key messages.
    private mutating func add(_ built: Built, at mark: Mark) throws(YAMLError) {
        guard !stack.isEmpty else {
            root = built.node
            return
        }
        let top = stack.count - 1
        stack[top].size = stack[top].size &+ built.size
        stack[top].height = max(stack[top].height, built.height + 1)
        guard stack[top].isMapping else {
            stack[top].items.append(built.node)
            return
        }
        guard let key = stack[top].pendingKey else {
            try checkKey(built.node, at: mark)
            stack[top].pendingKey = built.node
            return
        }
        stack[top].pairs.append(YAMLPair(key: key, value: built.node))
        stack[top].pendingKey = nil
    }

    private mutating func checkKey(_ key: YAMLNode, at mark: Mark) throws(YAMLError) {
        guard let scalar = key.scalar else { return }
        if scalar.style == .plain && scalar.tag == nil && scalar.text == "<<" {
            throw YAMLError("merge keys (<<) are not supported", at: mark,
                            hint: "write the keys out in this mapping instead of merging them in")
        }
        let top = stack.count - 1
        if let first = stack[top].keyMarks[scalar.text] {
            throw YAMLError("duplicate key '\(scalar.text)'", at: mark,
                            hint: "first defined at line \(first.line), column \(first.column)")
        }
        stack[top].keyMarks[scalar.text] = mark
    }

    private func depthError(at mark: Mark) -> YAMLError {
        YAMLError("nesting is deeper than \(limits.maxDepth) levels", at: mark,
                  hint: "flatten the structure; deep nesting is not needed in these files")
    }
}
