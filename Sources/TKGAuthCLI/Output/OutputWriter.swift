import TKGAuthKit

/// Writes the generated files: each atomically (temp file and rename), secret files owner-only, unchanged
/// files left alone, and the site's own files that are no longer produced removed. Nothing else is touched.
struct OutputWriter {
    let console: Console

    func write(_ layout: OutputLayout) -> ExitCode {
        let writer = AtomicWriter()
        var staged: [(AtomicWriter.StagedFile, GeneratedFile)] = []
        do {
            for (_, dir) in layout.siteDirectories {
                try writer.createDirectories(dir)
            }
            // Every file is staged before any is renamed into place: a failure leaves the old files as they were.
            for entry in layout.entries {
                let bytes = Array(entry.file.contents.utf8)
                if !entry.file.holdsSecret, (try? FileReader.read(entry.path).get()) == bytes,
                   !FileReader.isOwnerOnly(entry.path)
                {
                    console.out("unchanged \(entry.path)\n")
                    continue
                }
                staged.append((try writer.stage(bytes, for: entry.path, mode: entry.file.holdsSecret ? 0o600 : 0o644),
                               entry.file))
            }
            while !staged.isEmpty {
                let (file, generated) = staged.removeFirst()
                try writer.commit(file)
                console.out("wrote \(file.path)\(generated.holdsSecret ? " (owner-only: holds secrets)" : "")\n")
            }
            for path in layout.unproducedPaths where FileReader.exists(path) {
                try writer.remove(path)
                console.out("removed \(path) (no longer produced)\n")
            }
        } catch {
            for (file, _) in staged { writer.discard(file) }
            console.fail("cannot write \(error.path): \(error.reason)")
            return error.exitCode
        }
        return .ok
    }
}
