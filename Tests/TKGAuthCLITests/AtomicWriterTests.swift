import Foundation
import Testing
import TKGAuthCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("Atomic writer")
struct AtomicWriterTests {
    let writer = AtomicWriter()

    @Test func writesANewFileWithMode0644() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try writer.write("kind: Role\n", to: dir.file("role.yaml"), mode: 0o644)
        #expect(dir.contents("role.yaml") == Array("kind: Role\n".utf8))
        #expect(AtomicWriterScratch.mode(dir.file("role.yaml")) == 0o644)
        #expect(try dir.names() == ["role.yaml"])
    }

    @Test func secretFileIsOwnerOnly() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try writer.write("password: x\n", to: dir.file("secret.yaml"), mode: 0o600)
        #expect(AtomicWriterScratch.mode(dir.file("secret.yaml")) == 0o600)
        #expect(FileReader.isOwnerOnly(dir.file("secret.yaml")))
    }

    @Test func replacesTheFileByRenaming() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("out.yaml", "old contents that are longer\n", permissions: 0o644)
        let before = AtomicWriterScratch.inode(dir.file("out.yaml"))
        try writer.write("new\n", to: dir.file("out.yaml"), mode: 0o600)
        #expect(dir.contents("out.yaml") == Array("new\n".utf8))
        #expect(AtomicWriterScratch.mode(dir.file("out.yaml")) == 0o600)
        // A new inode: readers holding the old file never see a half-written one.
        #expect(AtomicWriterScratch.inode(dir.file("out.yaml")) != before)
        #expect(try dir.names() == ["out.yaml"])

        try writer.write("newer\n", to: dir.file("out.yaml"), mode: 0o644)
        #expect(dir.contents("out.yaml") == Array("newer\n".utf8))
        #expect(AtomicWriterScratch.mode(dir.file("out.yaml")) == 0o644)
    }

    /// `fchmod` sets the mode exactly, whatever the umask (typically 022) would remove.
    @Test func modeIsExact() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try writer.write("x", to: dir.file("shared"), mode: 0o664)
        #expect(AtomicWriterScratch.mode(dir.file("shared")) == 0o664)
    }

    @Test func writesEmptyAndLargeContents() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try writer.write("", to: dir.file("empty"), mode: 0o644)
        #expect(dir.contents("empty") == [])
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try writer.write(large, to: dir.file("large"), mode: 0o644)
        #expect(dir.contents("large") == large)
        #expect(try dir.names() == ["empty", "large"])
    }

    /// A relative path (reaching the scratch directory from the working directory, which the
    /// tests must not change) keeps its temporary file next to the target too.
    @Test func relativePaths() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + dir.path.drop { $0 == "/" }
        try writer.createDirectories(relative + "/site")
        try writer.write("a\n", to: relative + "/site/a.yaml", mode: 0o644)
        #expect(dir.contents("site/a.yaml") == Array("a\n".utf8))
        #expect(try dir.names() == ["site"])
        #expect(try dir.names(in: "site") == ["a.yaml"])
    }

    @Test func missingParentCannotBeCreated() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        let target = dir.file("nowhere/x.yaml")
        let error = try #require(throws: WriteError.self) {
            try writer.write("x", to: target, mode: 0o644)
        }
        #expect(error.path == target)
        #expect(error.errorNumber == ENOENT)
        #expect(error.reason == "No such file or directory")
        #expect(error.isCannotCreate)
        #expect(error.exitCode == .cannotCreate)
        #expect(try dir.names() == [])
    }

    @Test func fileAsParentCannotBeCreated() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("plain", "x")
        let error = try #require(throws: WriteError.self) {
            try writer.write("x", to: dir.file("plain/x.yaml"), mode: 0o644)
        }
        #expect(error.errorNumber == ENOTDIR)
        #expect(error.isCannotCreate)
        #expect(try dir.names() == ["plain"])
    }

    /// The rename fails after the data was written: the temporary file must still go.
    @Test func directoryAtTargetLeavesNoTemporaryFile() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try dir.makeDirectory("taken/inner")
        let error = try #require(throws: WriteError.self) {
            try writer.write("x", to: dir.file("taken"), mode: 0o600)
        }
        #expect(error.path == dir.file("taken"))
        #expect(error.isCannotCreate)
        #expect(try dir.names() == ["taken"])
        #expect(try dir.names(in: "taken") == ["inner"])
    }

    @Test(.enabled(if: !AtomicWriterScratch.isRoot, "root ignores permission bits"))
    func readOnlyDirectoryCannotBeCreated() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try dir.makeDirectory("locked")
        dir.create("locked/existing.yaml", "keep\n")
        #expect(chmod(dir.file("locked"), 0o555) == 0)
        let error = try #require(throws: WriteError.self) {
            try writer.write("x", to: dir.file("locked/existing.yaml"), mode: 0o644)
        }
        #expect(error.errorNumber == EACCES)
        #expect(error.reason == "Permission denied")
        #expect(error.isCannotCreate)
        #expect(try dir.names(in: "locked") == ["existing.yaml"])
        #expect(dir.contents("locked/existing.yaml") == Array("keep\n".utf8))

        let nested = try #require(throws: WriteError.self) {
            try writer.createDirectories(dir.file("locked/sub/dir"))
        }
        #expect(nested.path == dir.file("locked/sub"))
        #expect(nested.isCannotCreate)
    }

    @Test func createDirectoriesIsMkdirP() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        try writer.createDirectories(dir.file("a/b/c"))
        #expect(FileReader.isDirectory(dir.file("a/b/c")))
        // Mode 0755 less the umask, as mkdir -p.
        let mask = umask(0)
        umask(mask)
        #expect(AtomicWriterScratch.mode(dir.file("a/b")) == 0o755 & ~mask)
        // Again, with redundant slashes and dots: nothing to do, no error.
        try writer.createDirectories(dir.file("a/b/c"))
        try writer.createDirectories(dir.path + "//a/./b/c/")
        try writer.createDirectories(dir.file("a/b/d/"))
        #expect(try dir.names(in: "a/b") == ["c", "d"])
        // Through a symbolic link to a directory.
        try FileManager.default.createSymbolicLink(atPath: dir.file("link"), withDestinationPath: dir.file("a"))
        try writer.createDirectories(dir.file("link/b/e"))
        #expect(FileReader.isDirectory(dir.file("a/b/e")))
    }

    @Test func createDirectoriesWithAFileInTheWay() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("file", "x")
        let last = try #require(throws: WriteError.self) { try writer.createDirectories(dir.file("file")) }
        #expect(last.path == dir.file("file"))
        #expect(last.errorNumber == EEXIST)
        #expect(last.isCannotCreate)

        let parent = try #require(throws: WriteError.self) { try writer.createDirectories(dir.file("file/sub")) }
        #expect(parent.path == dir.file("file/sub"))
        #expect(parent.errorNumber == ENOTDIR)
        #expect(parent.reason == "Not a directory")
        #expect(parent.isCannotCreate)
    }

    @Test func pathsThatNameNoFile() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        let slash = try #require(throws: WriteError.self) { try writer.write("x", to: dir.path + "/", mode: 0o644) }
        #expect(slash.errorNumber == EISDIR)
        let empty = try #require(throws: WriteError.self) { try writer.createDirectories("") }
        #expect(empty.errorNumber == ENOENT)
        #expect(try dir.names() == [])
    }

    @Test func removeDeletesFilesOnly() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("stale.yaml", "x")
        try writer.remove(dir.file("stale.yaml"))
        #expect(try dir.names() == [])
        // Already gone is fine.
        try writer.remove(dir.file("stale.yaml"))

        try dir.makeDirectory("folder")
        let error = try #require(throws: WriteError.self) { try writer.remove(dir.file("folder")) }
        #expect(error.errorNumber == EISDIR)
        #expect(FileReader.isDirectory(dir.file("folder")))
    }

    @Test func errorKinds() {
        let created = WriteError(path: "p", errorNumber: EROFS, creating: true)
        #expect(created.isCannotCreate)
        #expect(created.exitCode == .cannotCreate)
        #expect(created.description == "p: Read-only file system")
        // No space while writing data is an I/O error; while creating the file, it is not.
        #expect(!WriteError(path: "p", errorNumber: ENOSPC, creating: false).isCannotCreate)
        #expect(WriteError(path: "p", errorNumber: ENOSPC, creating: true).isCannotCreate)
        #expect(WriteError(path: "p", errorNumber: EIO, creating: true).exitCode == .ioError)
    }
}
