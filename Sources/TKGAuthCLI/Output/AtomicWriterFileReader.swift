#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads files and looks at the file system, with Glibc only (no Foundation, for start-up time).
/// Paths are used as given: relative ones against the working directory, symbolic links followed.
package enum FileReader {
    /// The whole file. A directory is an error ("Is a directory"), as is anything `open` or
    /// `read` refuses.
    package static func read(_ path: String) -> Result<[UInt8], ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(path: path, errorNumber: errno)) }
        defer { _ = close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(path: path, errorNumber: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(ReadError(path: path, errorNumber: EISDIR)) }

        var bytes: [UInt8] = []
        // The size is only a hint: files can grow, and /proc files report 0.
        bytes.reserveCapacity(max(Int(info.st_size), 0) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                return .success(bytes)
            } else if errno != EINTR {
                return .failure(ReadError(path: path, errorNumber: errno, duringRead: true))
            }
        }
    }

    /// Whether something exists at `path` (a dangling symbolic link does not count).
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a directory, or a symbolic link to one.
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether `path` exists and its group and others have no permissions on it (mode 0?00), as
    /// files holding secrets should be.
    package static func isOwnerOnly(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & 0o077 == 0
    }

    /// The names in a directory, without `.` and `..`, sorted by their bytes; nil when `path`
    /// is not a directory that can be read.
    package static func listDirectory(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { _ = closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// `read(2)`, out here because `FileReader.read` hides it inside the enum.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// An input file that could not be read.
package struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    package var path: String
    /// The `errno` of the failing call (EISDIR for a directory).
    package var errorNumber: Int32
    /// `strerror` of it, e.g. "No such file or directory", "Is a directory".
    package var reason: String
    /// Reading failed after the file was opened (an I/O error rather than a missing input).
    package var duringRead: Bool

    package init(path: String, errorNumber: Int32, duringRead: Bool = false) {
        self.path = path
        self.errorNumber = errorNumber
        self.duringRead = duringRead
        reason = WriteError.text(forErrorNumber: errorNumber)
    }

    package var isNotFound: Bool { errorNumber == ENOENT }

    /// EX_NOINPUT (66) for a file that is missing or cannot be opened, EX_IOERR (74) for one
    /// that failed part-way through.
    package var exitCode: ExitCode { duringRead ? .ioError : .noInput }

    package var description: String { "\(path): \(reason)" }
}
