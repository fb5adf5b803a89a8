/// Whether a file on disk may hold a secret value, whatever its mode: an older run may have written it with
/// `--inline-secrets`, and a checkout makes every file 0644. Such a file is named, never shown.
enum SecretScan {
    /// Keys under which tkgauth writes secret values inline (Dex's connector and static client, oauth2-proxy).
    static let secretKeys: Set<String> = ["clientSecret", "secret", "cookieSecret"]

    static func mayHoldSecret(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") {
            var rest = line.drop { $0 == " " }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            guard let colon = rest.firstIndex(of: ":") else { continue }
            let key = String(rest[..<colon].filter { $0 != "\"" && $0 != "'" })
            guard secretKeys.contains(key) else { continue }
            let value = rest[rest.index(after: colon)...].drop { $0 == " " }
            // `$OKTA_CLIENT_SECRET` is a reference that Dex expands, not a value.
            if !value.isEmpty && !value.hasPrefix("$") { return true }
        }
        return false
    }
}

