// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Testing

/// Every `yaml` block of `docs/trunks.md` is a complete dialplan that loads.
@Suite("docs/trunks.md")
struct TrunkDocsTests {
    static var examples: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let text = try? String(contentsOf: root.appendingPathComponent("docs/trunks.md"), encoding: .utf8) else {
            return []
        }
        return text.components(separatedBy: "```yaml\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    @Test func theDocumentHasItsExample() {
        #expect(!Self.examples.isEmpty)
    }

    @Test(arguments: examples.indices)
    func exampleLoads(index: Int) throws {
        let plan = try Dialplan.load(files: [
            DialplanFile(path: "docs/trunks.md example \(index + 1)", text: Self.examples[index])
        ])
        #expect(!plan.trunks.isEmpty)
    }
}
