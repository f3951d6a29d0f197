// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The text of one dialplan file and the name diagnostics use for it.
public struct DialplanFile: Sendable, Hashable {
    /// The path as shown in diagnostics, e.g. `dialplans/default.yaml`.
    public var path: String
    /// The YAML text.
    public var text: String

    /// Creates a file from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads `path`: one file, or every `*.yaml` directly inside a folder (not its
    /// subfolders, so `dialplans/examples/` is not loaded with `dialplans/`), sorted by name.
    public static func read(path: String) throws(DialplanLoadError) -> [DialplanFile] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DialplanLoadError(diagnostics: [
                DialplanDiagnostic(
                    location: start,
                    message: "no such file or folder; pass a dialplan file or a folder of *.yaml files"
                )
            ])
        }
        let paths = isFolder.boolValue ? try yamlFiles(in: path) : [path]
        var files: [DialplanFile] = []
        var problems: [DialplanDiagnostic] = []
        for file in paths {
            if let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) {
                files.append(DialplanFile(path: file, text: text))
            } else {
                problems.append(
                    DialplanDiagnostic(
                        location: SourceLocation(file: file, line: 1, column: 1),
                        message: "cannot read this file as UTF-8 text; check its permissions and encoding"
                    )
                )
            }
        }
        guard problems.isEmpty else { throw DialplanLoadError(diagnostics: problems) }
        return files
    }

    /// The `*.yaml` files directly inside `folder`, sorted by name.
    private static func yamlFiles(in folder: String) throws(DialplanLoadError) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let paths = names.filter { $0.hasSuffix(".yaml") }.sorted().map { prefix + $0 }
        guard !paths.isEmpty else {
            throw DialplanLoadError(diagnostics: [
                DialplanDiagnostic(
                    location: SourceLocation(file: folder, line: 1, column: 1),
                    message: "folder has no *.yaml files; add a dialplan such as default.yaml"
                )
            ])
        }
        return paths
    }
}
