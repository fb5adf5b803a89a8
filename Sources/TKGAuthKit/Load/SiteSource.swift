/// The bytes of one site file, read by the caller.
public struct SiteSource: Sendable, Hashable {
    /// The path as the user named it; used in every message.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The folder that `{file: PATH}` references are relative to.
    public var directory: String {
        if path == "<stdin>" { return "." }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// `PATH` as written, resolved against the site file's folder.
    public func resolve(_ relativePath: String) -> String {
        if relativePath.hasPrefix("/") { return relativePath }
        return directory == "." ? relativePath : directory + "/" + relativePath
    }
}
