import TKGAuthKit

/// Writes the generated files: each atomically (temp file and rename), secret files owner-only, unchanged
/// files left alone, and the site's own files that are no longer produced removed. Nothing else is touched.
struct OutputWriter {
    let console: Console

    func write(_ layout: OutputLayout) -> ExitCode {
        let writer = AtomicWriter()
        do {
            for (_, dir) in layout.siteDirectories {
                try writer.createDirectories(dir)
            }
            for entry in layout.entries {
                let contents = entry.file.contents
                if !entry.file.holdsSecret, (try? FileReader.read(entry.path).get()) == Array(contents.utf8),
                   !FileReader.isOwnerOnly(entry.path)
                {
                    console.out("unchanged \(entry.path)\n")
                    continue
                }
                try writer.write(contents, to: entry.path, mode: entry.file.holdsSecret ? 0o600 : 0o644)
                console.out("wrote \(entry.path)\(entry.file.holdsSecret ? " (owner-only: holds secrets)" : "")\n")
            }
            for path in layout.unproducedPaths where FileReader.exists(path) {
                try writer.remove(path)
                console.out("removed \(path) (no longer produced)\n")
            }
        } catch {
            console.fail("cannot write \(error.path): \(error.reason)")
            return error.isCannotCreate ? .cannotCreate : .ioError
        }
        return .ok
    }
}
