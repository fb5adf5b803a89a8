import TKGAuthKit

/// Where each generated file goes, and which of a site's own files a run no longer produces.
struct OutputLayout {
    struct Entry {
        var path: String
        var file: GeneratedFile
    }

    let outputDir: String
    let entries: [Entry]
    /// Site folders, in order, with the file names tkgauth may own there.
    let siteDirectories: [(site: String, path: String)]

    init(outputDir: String, sites: [String], files: [GeneratedFile]) {
        self.outputDir = outputDir
        siteDirectories = sites.map { ($0, OutputPaths.siteDirectory(outputDir: outputDir, site: $0)) }
        entries = files.map {
            Entry(path: OutputPaths.join(OutputPaths.siteDirectory(outputDir: outputDir, site: $0.site), $0.name),
                  file: $0)
        }
    }

    /// Paths of files tkgauth writes for a site that this run does not produce (e.g. `rolebindings.yaml`
    /// once no entry is namespaced), whether or not they exist.
    var unproducedPaths: [String] {
        siteDirectories.flatMap { site, dir in
            let produced = Set(entries.filter { $0.file.site == site }.map(\.file.name))
            return OutputPaths.allFileNames.filter { !produced.contains($0) }.map { OutputPaths.join(dir, $0) }
        }
    }
}
