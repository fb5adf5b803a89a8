import TKGYAML

/// Reads an emitted document back and checks that it holds exactly what was meant: the same shape, the same
/// texts, and every string still a string. A guard against any emitter or quoting mistake reaching a file.
enum RoundTripCheck {
    /// nil when `text` reads back as `node`; otherwise what differs.
    static func problem(_ text: String, means node: YAMLNode) -> String? {
        let parsed: YAMLNode?
        do {
            parsed = try YAMLParser.parseDocument(text)
        } catch {
            return "the output does not read back: \(error.message) at \(error.mark)"
        }
        guard let parsed else { return "the output reads back as nothing" }
        return difference(parsed, node, path: "")
    }

    private static func difference(_ actual: YAMLNode, _ intended: YAMLNode, path: String) -> String? {
        switch (actual, intended) {
        case (.scalar(let a), .scalar(let b)):
            if a.text != b.text { return "\(path): reads back as '\(a.text)', meant '\(b.text)'" }
            // A string written plain must not be one a reader would type (true, 0777, null, ...).
            if !b.style.isPlain, a.style.isPlain, ScalarQuoting.needsQuotes(a.text) {
                return "\(path): the string '\(b.text)' reads back as a typed value"
            }
            return nil
        case (.sequence(let a, _), .sequence(let b, _)):
            if a.count != b.count { return "\(path): \(a.count) items read back, \(b.count) meant" }
            for (index, pair) in zip(a, b).enumerated() {
                if let problem = difference(pair.0, pair.1, path: "\(path)[\(index)]") { return problem }
            }
            return nil
        case (.mapping(let a, _), .mapping(let b, _)):
            if a.count != b.count { return "\(path): \(a.count) keys read back, \(b.count) meant" }
            for (x, y) in zip(a, b) {
                let key = y.key.scalar?.text ?? "?"
                if let problem = difference(x.key, y.key, path: "\(path).\(key) (key)") { return problem }
                if let problem = difference(x.value, y.value, path: path.isEmpty ? key : "\(path).\(key)") {
                    return problem
                }
            }
            return nil
        default:
            return "\(path): reads back as \(actual.kindName), meant \(intended.kindName)"
        }
    }
}
