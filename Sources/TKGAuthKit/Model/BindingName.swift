/// Derives a binding name from an access entry's group and role.
///
/// The rule (docs/site-format-reference.md): `<group>-<role>-<hash>`, where `<group>` and `<role>` are
/// lowercased, every run of characters outside `a-z0-9` becomes one `-`, leading and trailing `-` are dropped,
/// each part is cut to 24 characters, and `<hash>` is the 8-hex-digit FNV-1a (32-bit) of the UTF-8 bytes of
/// group, a NUL byte, and role. The hash keeps names unique when two groups fold to the same text
/// (`Platform Admins`, `platform-admins`) and stable when entries are added or reordered.
public enum BindingName {
    public static func derive(group: String, clusterRole: String) -> String {
        let groupPart = slug(group, fallback: "group")
        let rolePart = slug(clusterRole, fallback: "role")
        return "\(groupPart)-\(rolePart)-\(hash(group: group, clusterRole: clusterRole))"
    }

    static func slug(_ text: String, fallback: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if out.count > 24 {
            out = String(out.prefix(24))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? fallback : out
    }

    static func hash(group: String, clusterRole: String) -> String {
        var value: UInt32 = 0x811C_9DC5
        for byte in Array(group.utf8) + [0] + Array(clusterRole.utf8) {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
