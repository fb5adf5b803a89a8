import Foundation
import Testing
import TKGAuthCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("File reader")
struct AtomicWriterFileReaderTests {
    @Test func readsWholeFiles() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("site.yaml", "name: lab\n")
        #expect(try FileReader.read(dir.file("site.yaml")).get() == Array("name: lab\n".utf8))
        dir.create("empty", "")
        #expect(try FileReader.read(dir.file("empty")).get() == [])
        // Larger than one read.
        let large = String(repeating: "0123456789abcdef", count: 20_000)
        dir.create("large", large)
        #expect(try FileReader.read(dir.file("large")).get() == Array(large.utf8))
    }

    @Test func missingFileIsAnError() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        let result = FileReader.read(dir.file("absent.yaml"))
        guard case .failure(let error) = result else {
            Issue.record("read a missing file: \(result)")
            return
        }
        #expect(error.path == dir.file("absent.yaml"))
        #expect(error.reason == "No such file or directory")
        #expect(error.isNotFound)
        #expect(error.exitCode == .noInput)
    }

    @Test func directoryIsAnError() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        let result = FileReader.read(dir.path)
        guard case .failure(let error) = result else {
            Issue.record("read a directory: \(result)")
            return
        }
        #expect(error.errorNumber == EISDIR)
        #expect(error.reason == "Is a directory")
        #expect(!error.isNotFound)
        #expect(error.description == "\(dir.path): Is a directory")
    }

    @Test func existsAndIsDirectory() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("file", "x")
        try dir.makeDirectory("sub")
        try FileManager.default.createSymbolicLink(atPath: dir.file("to-sub"), withDestinationPath: dir.file("sub"))
        try FileManager.default.createSymbolicLink(atPath: dir.file("dangling"),
                                                   withDestinationPath: dir.file("none"))

        #expect(FileReader.exists(dir.file("file")))
        #expect(FileReader.exists(dir.file("sub")))
        #expect(!FileReader.exists(dir.file("none")))
        #expect(!FileReader.exists(dir.file("dangling")))

        #expect(FileReader.isDirectory(dir.file("sub")))
        #expect(FileReader.isDirectory(dir.file("to-sub")))
        #expect(!FileReader.isDirectory(dir.file("file")))
        #expect(!FileReader.isDirectory(dir.file("none")))
    }

    @Test func isOwnerOnly() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        dir.create("secret", "x", permissions: 0o600)
        dir.create("readable", "x", permissions: 0o640)
        dir.create("private-script", "x", permissions: 0o700)
        #expect(FileReader.isOwnerOnly(dir.file("secret")))
        #expect(FileReader.isOwnerOnly(dir.file("private-script")))
        #expect(!FileReader.isOwnerOnly(dir.file("readable")))
        #expect(!FileReader.isOwnerOnly(dir.file("none")))
    }

    @Test func listsDirectoriesSorted() throws {
        let dir = try AtomicWriterScratch()
        defer { dir.remove() }
        #expect(FileReader.listDirectory(dir.path) == [])
        for name in ["roles.yaml", "B.yaml", ".hidden", "a.yml", "\u{E9}.yaml"] { dir.create(name, "") }
        try dir.makeDirectory("sub")
        // By bytes, as `LC_ALL=C ls -A`.
        #expect(FileReader.listDirectory(dir.path) == [".hidden", "B.yaml", "a.yml", "roles.yaml", "sub",
                                                       "\u{E9}.yaml"])
        #expect(FileReader.listDirectory(dir.file("roles.yaml")) == nil)
        #expect(FileReader.listDirectory(dir.file("none")) == nil)
    }
}
