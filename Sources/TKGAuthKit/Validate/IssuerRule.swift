/// Checks an upstream issuer URL and normalises a trailing slash away.
public enum IssuerRule {
    public struct Outcome: Sendable, Hashable {
        /// The issuer to use downstream.
        public var issuer: String
        /// Set when the issuer was changed; the caller warns with it.
        public var normalisation: Problem?
    }

    /// The issuer as Dex should use it, or the problem that makes it unusable.
    public static func check(_ text: String, what: String) -> Result<Outcome, Problem> {
        guard text.hasPrefix("https://") else {
            if text.hasPrefix("http://") {
                return .failure(Problem("\(what) '\(text)' uses http; OIDC issuers must use https",
                                        hint: "write 'https://\(text.dropFirst("http://".count))'"))
            }
            return .failure(Problem("\(what) '\(text)' is not an https URL",
                                    hint: "write it as https://ORG.okta.com or https://ORG.okta.com/oauth2/ID"))
        }
        if text.contains("?") { return .failure(Problem("\(what) '\(text)' has a query; an issuer cannot")) }
        if text.contains("#") { return .failure(Problem("\(what) '\(text)' has a fragment; an issuer cannot")) }
        if text.unicodeScalars.contains(where: { $0 == " " || $0 == "\t" || $0.value < 0x20 }) {
            return .failure(Problem("\(what) contains white space"))
        }
        let rest = text.dropFirst("https://".count)
        let authority = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if authority.isEmpty { return .failure(Problem("\(what) '\(text)' has no host")) }
        if authority.contains("@") { return .failure(Problem("\(what) '\(text)' has user information; remove it")) }
        let host = authority.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        if let problem = NameRules.host(host, what: "the host of \(what)") {
            return .failure(problem)
        }
        if rest.contains("//") { return .failure(Problem("\(what) '\(text)' has an empty path segment")) }
        if text.hasSuffix("/") {
            var trimmed = text
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            return .success(Outcome(
                issuer: trimmed,
                normalisation: Problem("\(what) '\(text)' ends with '/'; using '\(trimmed)'",
                                       hint: "issuers are compared byte for byte: write '\(trimmed)'")))
        }
        return .success(Outcome(issuer: text, normalisation: nil))
    }
}
