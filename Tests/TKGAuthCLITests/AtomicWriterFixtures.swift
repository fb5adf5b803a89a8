import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A fresh directory under the system's temporary directory, removed again by `remove()`.
/// Set-up and checks use Foundation, independent of the Glibc code under test.
struct AtomicWriterScratch {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tkgauth-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        path = url.path
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The names in the directory, hidden ones included, sorted.
    func names(in sub: String? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sub.map(file) ?? path).sorted()
    }

    func contents(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) }
    }

    func create(_ name: String, _ text: String, permissions: Int = 0o644) {
        let created = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: permissions])
        #expect(created, "fixture: creating \(name)")
    }

    func makeDirectory(_ name: String) throws {
        try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
    }

    func remove() {
        // Undo any read-only mode a test set, so everything can be deleted.
        if let walker = FileManager.default.enumerator(atPath: path) {
            for case let name as String in walker {
                _ = chmod(file(name), 0o755)
            }
        }
        _ = chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Permission bits from `stat`.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Root ignores permission bits, so a read-only directory stops only other users.
    static let isRoot = geteuid() == 0

    static func inode(_ path: String) -> ino_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_ino
    }
}
