import TKGYAML

/// Reads the keys of one mapping of the site file, recording marks and reporting type errors,
/// missing keys, and (on `finish`) every key it was never asked for, with "did you mean".
final class MappingReader {
    let path: String
    let mark: Mark
    private let pairs: [YAMLPair]
    private let sink: DiagnosticSink
    private let marks: MarkTable
    private var known: [String] = []

    init(_ pairs: [YAMLPair], path: String, mark: Mark, sink: DiagnosticSink, marks: MarkTable) {
        self.pairs = pairs
        self.path = path
        self.mark = mark
        self.sink = sink
        self.marks = marks
    }

    /// A reader for `node` when it is a mapping; reports the wrong type otherwise.
    static func make(_ node: YAMLNode, path: String, sink: DiagnosticSink, marks: MarkTable) -> MappingReader? {
        guard let pairs = node.pairs else {
            sink.error("'\(path)' must be a map, found \(node.kindName)", at: node.mark)
            return nil
        }
        return MappingReader(pairs, path: path, mark: node.mark, sink: sink, marks: marks)
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value node of `key`, noting the key as known. Reports it when required and absent.
    func node(_ key: String, required: Bool = false) -> YAMLNode? {
        known.append(key)
        guard let pair = pairs.first(where: { $0.key.scalar?.text == key }) else {
            if required {
                let place = path.isEmpty ? "the site" : "'\(path)'"
                sink.error("missing required key '\(keyPath(key))'", at: mark, hint: "add '\(key):' to \(place)")
            }
            return nil
        }
        marks.record(keyPath(key), pair.value.mark)
        return pair.value
    }

    /// A string value: any scalar, taken as the text written. Null (`key:` or `~`) counts as absent.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key, required: required) else { return nil }
        return Self.text(of: value, keyPath: keyPath(key), required: required, sink: sink)
    }

    /// The text of a scalar node, or nil with a diagnostic for a collection or a null.
    static func text(of value: YAMLNode, keyPath: String, required: Bool, sink: DiagnosticSink) -> String? {
        guard let scalar = value.scalar else {
            sink.error("'\(keyPath)' must be a string, found \(value.kindName)", at: value.mark)
            return nil
        }
        if let tag = scalar.tag, tag != "tag:yaml.org,2002:str", tag != "!" {
            sink.error("'\(keyPath)' has the tag \(tag); every value in a site is a string", at: scalar.mark,
                       hint: "remove the tag")
            return nil
        }
        if scalar.style.isPlain, ["", "~", "null", "Null", "NULL"].contains(scalar.text) {
            if required {
                sink.error("'\(keyPath)' has no value", at: scalar.mark)
            }
            return nil
        }
        return scalar.text
    }

    /// A list of strings.
    func stringList(_ key: String) -> [(text: String, mark: Mark)]? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar, scalar.style.isPlain, scalar.text.isEmpty || scalar.text == "~" {
            return nil
        }
        guard let items = value.items else {
            sink.error("'\(keyPath(key))' must be a list of strings, found \(value.kindName)", at: value.mark)
            return nil
        }
        var result: [(text: String, mark: Mark)] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(keyPath(key))[\(index)]"
            marks.record(itemPath, item.mark)
            if let text = Self.text(of: item, keyPath: itemPath, required: true, sink: sink) {
                result.append((text, item.mark))
            }
        }
        return result
    }

    /// A map of strings to strings, in the order written.
    func stringMap(_ key: String) -> [KeyValue]? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar, scalar.style.isPlain, scalar.text.isEmpty || scalar.text == "~" {
            return nil
        }
        guard let pairs = value.pairs else {
            sink.error("'\(keyPath(key))' must be a map of strings, found \(value.kindName)", at: value.mark)
            return nil
        }
        var result: [KeyValue] = []
        for pair in pairs {
            guard let name = Self.text(of: pair.key, keyPath: "\(keyPath(key)) key", required: true, sink: sink)
            else { continue }
            let entryPath = "\(keyPath(key)).\(name)"
            marks.record(entryPath, pair.value.mark)
            if let text = Self.text(of: pair.value, keyPath: entryPath, required: true, sink: sink) {
                result.append(KeyValue(name, text))
            }
        }
        return result
    }

    /// A nested section.
    func section(_ key: String, required: Bool = false) -> MappingReader? {
        guard let value = node(key, required: required) else { return nil }
        if let scalar = value.scalar, scalar.style.isPlain, scalar.text.isEmpty || scalar.text == "~" {
            if required { sink.error("'\(keyPath(key))' has no value", at: value.mark) }
            return nil
        }
        return Self.make(value, path: keyPath(key), sink: sink, marks: marks)
    }

    /// Reports every key that no one asked for.
    func finish() {
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                sink.error("keys in '\(path.isEmpty ? "the site" : path)' must be strings, found \(pair.key.kindName)",
                           at: pair.key.mark)
                continue
            }
            if known.contains(key) { continue }
            let hint = Suggestion.closest(to: key, among: known).map { "did you mean '\($0)'?" }
            sink.error("unknown key '\(keyPath(key))'", at: pair.key.mark, hint: hint)
        }
    }
}

/// Marks by key path, shared by the readers of one file.
final class MarkTable {
    private(set) var marks: [String: Mark] = [:]

    func record(_ keyPath: String, _ mark: Mark) {
        marks[keyPath] = mark
    }
}
