/// Kubernetes and DNS naming rules, each returning what is wrong or nil.
public enum NameRules {
    /// An RFC 1123 label: namespaces, site names (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63).
    public static func label(_ text: String, what: String, maxLength: Int = 63) -> Problem? {
        if text.isEmpty { return Problem("\(what) is empty") }
        if text.count > maxLength {
            return Problem("\(what) '\(text)' is \(text.count) characters long; the limit is \(maxLength)")
        }
        if let problem = characterProblem(text, what: what, allowDots: false) { return problem }
        return nil
    }

    /// An RFC 1123 subdomain: object names (labels joined by dots, at most 253).
    public static func subdomain(_ text: String, what: String) -> Problem? {
        if text.isEmpty { return Problem("\(what) is empty") }
        if text.count > 253 {
            return Problem("\(what) is \(text.count) characters long; the limit is 253")
        }
        if let problem = characterProblem(text, what: what, allowDots: true) { return problem }
        for part in text.split(separator: ".", omittingEmptySubsequences: false) where part.isEmpty {
            return Problem("\(what) '\(text)' has an empty part between dots")
        }
        return nil
    }

    /// A DNS host name for an ingress and an issuer: lowercase labels joined by dots, no scheme, port or path.
    public static func host(_ text: String, what: String) -> Problem? {
        if text.isEmpty { return Problem("\(what) is empty") }
        if let schemeEnd = text.firstRange(of: "://") {
            let rest = text[schemeEnd.upperBound...]
            let bare = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            return Problem("\(what) '\(text)' is a URL, not a host name",
                           hint: "drop the scheme: write '\(bare.isEmpty ? "HOST" : bare)'")
        }
        if text.contains("/") {
            return Problem("\(what) '\(text)' has a path", hint: "write the host name alone")
        }
        if text.contains(":") {
            return Problem("\(what) '\(text)' has a port", hint: "write the host name alone; ingresses serve 443")
        }
        if text.contains("_") {
            return Problem("\(what) '\(text)' has an underscore, which DNS host names cannot contain",
                           hint: "use '-' instead of '_'")
        }
        if text != text.lowercased() {
            return Problem("\(what) '\(text)' has uppercase letters",
                           hint: "write it in lowercase: '\(text.lowercased())'; issuers must match byte for byte")
        }
        if text.hasSuffix(".") {
            return Problem("\(what) '\(text)' ends with a dot", hint: "remove the trailing dot")
        }
        if text.count > 253 { return Problem("\(what) is longer than 253 characters") }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            if label.isEmpty { return Problem("\(what) '\(text)' has an empty label between dots") }
            if label.count > 63 {
                return Problem("\(what) '\(text)' has a label of \(label.count) characters; the limit is 63")
            }
            if let bad = label.unicodeScalars.first(where: { !(isLowerLetter($0) || isDigit($0) || $0 == "-") }) {
                return Problem("\(what) '\(text)' contains '\(Character(bad))'",
                               hint: "a host name has lowercase letters, digits, '-' and '.'")
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return Problem("\(what) '\(text)' has the label '\(label)', which starts or ends with '-'")
            }
        }
        if let last = labels.last, last.unicodeScalars.allSatisfy(isDigit) {
            return Problem("\(what) '\(text)' is an IP address, not a DNS name",
                           hint: "ingresses, certificates and issuers need a DNS name")
        }
        return nil
    }

    /// A ClusterRole name as RBAC accepts it: any non-empty path segment (`system:aggregate-to-edit` is fine).
    public static func clusterRole(_ text: String, what: String) -> Problem? {
        if text.trimmingWhitespace.isEmpty { return Problem("\(what) is empty") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == " " }) {
            return Problem("\(what) '\(text)' contains white space or a control character, which no role name has")
        }
        if text == "." || text == ".." { return Problem("\(what) cannot be '\(text)'") }
        if text.contains("/") || text.contains("%") {
            return Problem("\(what) '\(text)' contains '\(text.contains("/") ? "/" : "%")', which no object name can")
        }
        return nil
    }

    /// A POSIX environment variable name.
    public static func environmentVariable(_ text: String) -> Problem? {
        let valid = !text.isEmpty
            && text.unicodeScalars.allSatisfy { isASCIILetter($0) || isDigit($0) || $0 == "_" }
            && !isDigit(text.unicodeScalars.first!)
        return valid ? nil : Problem("'\(text)' is not a valid environment variable name",
                                     hint: "use letters, digits and '_', not starting with a digit")
    }

    private static func characterProblem(_ text: String, what: String, allowDots: Bool) -> Problem? {
        if text.contains("_") {
            return Problem("\(what) '\(text)' contains '_'", hint: "use '-' instead of '_'")
        }
        if text != text.lowercased() {
            return Problem("\(what) '\(text)' has uppercase letters", hint: "write '\(text.lowercased())'")
        }
        for scalar in text.unicodeScalars {
            let ok = isLowerLetter(scalar) || isDigit(scalar) || scalar == "-" || (allowDots && scalar == ".")
            if !ok {
                return Problem("\(what) '\(text)' contains '\(Character(scalar))'",
                               hint: "use lowercase letters, digits and '-'\(allowDots ? " or '.'" : "")")
            }
        }
        let parts = allowDots ? text.split(separator: ".").map(String.init) : [text]
        for part in parts where part.hasPrefix("-") || part.hasSuffix("-") {
            return Problem("\(what) '\(text)' must start and end with a letter or digit")
        }
        return nil
    }

    static func isLowerLetter(_ s: Unicode.Scalar) -> Bool { s >= "a" && s <= "z" }
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { isLowerLetter(s) || (s >= "A" && s <= "Z") }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
}
