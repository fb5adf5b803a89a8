import TKGAuthKit

/// `generate --check`: compares what would be written with what is on disk, writing nothing.
/// Exit 0 when up to date, 1 when any file differs, is missing, or is stale.
struct DriftCheck {
    let console: Console

    func run(_ layout: OutputLayout) -> ExitCode {
        var drifted: [String] = []
        for entry in layout.entries {
            // Bytes, not Strings: Swift's String == treats canonically equivalent text as equal.
            let current = try? FileReader.read(entry.path).get()
            let wanted = Array(entry.file.contents.utf8)
            if current == wanted { continue }
            drifted.append(entry.path)
            let state = current == nil ? "missing" : "differs"
            if entry.file.holdsSecret || FileReader.isOwnerOnly(entry.path) || SecretScan.mayHoldSecret(current ?? []) {
                console.out("\(state): \(entry.path) (holds secrets; not shown)\n")
            } else {
                let diff = UnifiedDiff.diff(old: current ?? [], new: wanted,
                                            oldLabel: current == nil ? "/dev/null" : entry.path, newLabel: entry.path)
                console.out(String(decoding: diff, as: UTF8.self))
            }
        }
        for path in layout.unproducedPaths where FileReader.exists(path) {
            drifted.append(path)
            console.out("stale: \(path) (no longer produced; 'tkgauth generate' removes it)\n")
        }
        if drifted.isEmpty {
            console.err("tkgauth: \(layout.entries.count) files up to date\n")
            return .ok
        }
        console.err("tkgauth: \(drifted.count) file\(drifted.count == 1 ? "" : "s") out of date; "
                    + "run 'tkgauth generate' without --check to update\n")
        return .findings
    }
}
