/// oauth2-proxy's rule for `cookie_secret`: 16, 24 or 32 bytes, after URL-safe base64 decoding or raw.
public enum CookieSecretRule {
    public static let validLengths: Set<Int> = [16, 24, 32]

    /// nil when oauth2-proxy will accept the value; `what` names the secret and where it came from, never the value.
    public static func check(_ value: String, what: String) -> Problem? {
        if let decoded = Base64URL.decode(value), validLengths.contains(decoded.count) { return nil }
        if validLengths.contains(value.utf8.count) { return nil }
        return Problem(
            "\(what) is \(value.utf8.count) bytes long; oauth2-proxy needs 16, 24 or 32 bytes, "
                + "raw or after URL-safe base64 decoding",
            hint: "make one with 'openssl rand -hex 16'")
    }
}

/// URL-safe base64 decoding as oauth2-proxy does it: padding trimmed, `-` and `_` for `+` and `/`.
public enum Base64URL {
    public static func decode(_ text: String) -> [UInt8]? {
        var trimmed = Substring(text)
        while trimmed.hasSuffix("=") { trimmed = trimmed.dropLast() }
        var bits: UInt32 = 0
        var bitCount = 0
        var out: [UInt8] = []
        for scalar in trimmed.unicodeScalars {
            let v: UInt32
            switch scalar {
            case "A"..."Z": v = scalar.value - 65
            case "a"..."z": v = scalar.value - 97 + 26
            case "0"..."9": v = scalar.value - 48 + 52
            case "-": v = 62
            case "_": v = 63
            default: return nil
            }
            bits = (bits << 6) | v
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                out.append(UInt8((bits >> UInt32(bitCount)) & 0xFF))
            }
        }
        // A lone 6-bit tail cannot encode a byte: not valid base64.
        if bitCount >= 6 { return nil }
        return out
    }
}
