import TKGAuthKit

/// `--output-dir -`: every file as one YAML stream, each document under a `# Source:` comment, as helm does.
enum StdoutStream {
    static func render(_ files: [GeneratedFile]) -> String {
        var text = ""
        for file in files {
            for document in file.documents {
                text += "---\n# Source: \(file.relativePath)\n" + document
            }
        }
        return text
    }
}
