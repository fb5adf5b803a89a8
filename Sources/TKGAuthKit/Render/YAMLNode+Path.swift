import TKGYAML

extension YAMLNode {
    /// The node at a path of map keys and list indexes (`["config", "connectors", 0, "config"]`).
    func at(_ path: [any PathComponent]) -> YAMLNode? {
        var node: YAMLNode? = self
        for component in path {
            node = node.flatMap { component.step(into: $0) }
        }
        return node
    }

    /// The mark of the node at `path`, or of its deepest ancestor that exists: where to point a message about it.
    func mark(nearest path: [any PathComponent]) -> Mark {
        var node = self
        for component in path {
            guard let next = component.step(into: node) else { break }
            node = next
        }
        return node.mark == .none ? Mark(line: 1, column: 1) : node.mark
    }

    /// The text of the scalar at `path`.
    func text(_ path: any PathComponent...) -> String? { at(path)?.scalar?.text }

    /// The texts of the scalars in the list at `path`.
    func texts(_ path: any PathComponent...) -> [String] {
        at(path)?.items?.compactMap { $0.scalar?.text } ?? []
    }
}

protocol PathComponent {
    func step(into node: YAMLNode) -> YAMLNode?
}

extension String: PathComponent {
    func step(into node: YAMLNode) -> YAMLNode? { node[self] }
}

extension Int: PathComponent {
    func step(into node: YAMLNode) -> YAMLNode? {
        guard let items = node.items, indices(items) else { return nil }
        return items[self]
    }

    private func indices(_ items: [YAMLNode]) -> Bool { self >= 0 && self < items.count }
}
