#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes output files so that a reader (or a crash) sees either the old file or the complete
/// new one, never a partial one, and so that a secret file is never readable by others.
///
/// Each write goes to a new temporary file `.NAME.tkgauth-XXXXXX` next to the target (created by
/// `mkstemp`, so with mode 0600 and a name nobody else can have taken). The final mode is set
/// with `fchmod` before any data is written, the data is written in full and `fsync`ed, and the
/// file is `rename`d over the target; the directory is then synced so the rename itself lasts.
/// On any failure the temporary file is removed. The mode is set exactly: the umask does not
/// apply to it. A symbolic link at the target is replaced, not followed.
///
/// Glibc only, no Foundation, to keep the tool's start-up fast.
package struct AtomicWriter: Sendable {
    package init() {}

    /// Replaces (or creates) the file at `path` with `contents` as UTF-8.
    package func write(_ contents: String, to path: String, mode: mode_t) throws(WriteError) {
        try write(Array(contents.utf8), to: path, mode: mode)
    }

    /// Replaces (or creates) the file at `path` with `bytes`. Its directory must exist.
    package func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(WriteError) {
        let staged = try stage(bytes, for: path, mode: mode)
        try commit(staged)
    }

    /// A complete temporary file, written and synced, waiting to be renamed over its target.
    package struct StagedFile: Sendable, Hashable {
        package var temporaryPath: String
        package var path: String
    }

    /// First half of a write: the data goes into a temporary file beside `path`, with its final mode.
    /// Staging every file before committing any lets a run that fails part-way change nothing.
    package func stage(_ bytes: [UInt8], for path: String, mode: mode_t) throws(WriteError) -> StagedFile {
        let (directory, name) = Self.split(path)
        // A folder where the file goes would only fail at the rename, after other files were committed.
        guard !name.isEmpty, !FileReader.isDirectory(path) else {
            throw WriteError(path: path, errorNumber: EISDIR, creating: true)
        }
        var template = Array("\(directory).\(name).tkgauth-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(path: path, errorNumber: errno, creating: true) }
        // Not inherited by programs the tool might start.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }

        var failure: WriteError?
        if fchmod(descriptor, mode) != 0 {
            failure = WriteError(path: path, errorNumber: errno, creating: true)
        } else if let code = writeFully(descriptor, bytes) {
            failure = WriteError(path: path, errorNumber: code, creating: false)
        } else if fsync(descriptor) != 0 {
            failure = WriteError(path: path, errorNumber: errno, creating: false)
        }
        // A failed close can be the first report of a failed write (NFS, quotas).
        if close(descriptor) != 0 && failure == nil {
            failure = WriteError(path: path, errorNumber: errno, creating: false)
        }
        if let failure {
            _ = unlink(temporaryPath)
            throw failure
        }
        return StagedFile(temporaryPath: temporaryPath, path: path)
    }

    /// Second half of a write: renames the staged file over its target.
    package func commit(_ staged: StagedFile) throws(WriteError) {
        if rename(staged.temporaryPath, staged.path) != 0 {
            let failure = WriteError(path: staged.path, errorNumber: errno, creating: true)
            _ = unlink(staged.temporaryPath)
            throw failure
        }
        let directory = Self.split(staged.path).directory
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Drops a staged file that will not be committed.
    package func discard(_ staged: StagedFile) {
        _ = unlink(staged.temporaryPath)
    }

    /// `mkdir -p`: creates `path` and any missing parents with mode 0755 (less the umask).
    /// An existing directory, or a symbolic link to one, is fine; any other file in the way
    /// is an error naming it.
    package func createDirectories(_ path: String) throws(WriteError) {
        if FileReader.isDirectory(path) { return }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        // Only "" has no components ("/" and "//" are directories).
        guard !components.isEmpty else { throw WriteError(path: path, errorNumber: ENOENT, creating: true) }
        var partial = path.hasPrefix("/") ? "/" : ""
        for (index, component) in components.enumerated() {
            if !partial.isEmpty && !partial.hasSuffix("/") { partial += "/" }
            partial += component
            if mkdir(partial, 0o755) == 0 { continue }
            let code = errno
            guard code == EEXIST else { throw WriteError(path: partial, errorNumber: code, creating: true) }
            if FileReader.isDirectory(partial) { continue }
            // A file in the way. For a parent, the next mkdir reports ENOTDIR, naming the child.
            if index == components.count - 1 {
                throw WriteError(path: partial, errorNumber: EEXIST, creating: true)
            }
        }
    }

    /// Removes the file (or symbolic link) at `path`. A path where nothing exists is not an
    /// error; a directory is (nothing removes directories).
    package func remove(_ path: String) throws(WriteError) {
        if unlink(path) == 0 { return }
        let code = errno
        if code == ENOENT { return }
        throw WriteError(path: path, errorNumber: code, creating: true)
    }

    /// The directory part of `path` up to and including its last slash (empty when there is
    /// none), and the name after it.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}

/// Writes all of `bytes`, retrying after interruptions; the errno of a failure, or nil.
private func writeFully(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { buffer -> Int32? in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return written < 0 ? errno : EIO
            }
        }
        return nil
    }
}

/// Makes a rename in `directory` durable. Best effort: the new file is already in place.
private func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
}

/// An output file or directory that could not be written, created or removed.
package struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory concerned (the target, never the temporary file).
    package var path: String
    /// The `errno` of the failing call.
    package var errorNumber: Int32
    /// `strerror` of it, e.g. "Permission denied".
    package var reason: String
    /// The file could not be created at all (EX_CANTCREAT, 73): no permission, a read-only
    /// file system, a missing or non-directory parent, a file where a directory should be, no
    /// room for a new file. Otherwise I/O failed part-way (EX_IOERR, 74), e.g. a failed write.
    package var isCannotCreate: Bool

    /// `creating` tells whether the call was creating, renaming or removing an entry (its
    /// errno then decides) rather than moving data (always an I/O error).
    package init(path: String, errorNumber: Int32, creating: Bool) {
        self.path = path
        self.errorNumber = errorNumber
        reason = Self.text(forErrorNumber: errorNumber)
        isCannotCreate = creating && Self.cannotCreateCodes.contains(errorNumber)
    }

    private static let cannotCreateCodes: Set<Int32> = [
        EACCES, EPERM, ENOENT, EROFS, ENOTDIR, EEXIST, EISDIR, ENOSPC, EDQUOT, ENAMETOOLONG, ELOOP, EMLINK,
        ETXTBSY,
    ]

    package var exitCode: ExitCode { isCannotCreate ? .cannotCreate : .ioError }

    package var description: String { "\(path): \(reason)" }

    /// `strerror(code)` as a `String`.
    static func text(forErrorNumber code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
