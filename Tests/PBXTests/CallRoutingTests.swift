// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Testing

@testable import PBX

/// A number that is not an extension is routed again from the context the call started in.
@Suite("Routing a number again")
struct CallRoutingTests {
    @Test func numberIsRoutedInTheStartContextAsTheSameCaller() throws {
        let text = """
            contexts:
              internal:
                - match: '5555'
                  when: {caller: '1001'}
                  steps:
                    - dial: 1003
                - match: extensions
                  steps:
                    - dial: ${EXTEN}
              elsewhere:
                - match: '5555'
                  steps:
                    - hangup: 486

            """
        let plan = try Dialplan.load(files: [DialplanFile(path: "office.yaml", text: text)])
        let extensions = StaticExtensionCatalog(numbers: ["1001", "1002", "1003"])
        let context = CallContext(from: "1001", to: "1002", at: Date(), origin: .extension, extensions: extensions)
        let routing = CallRouting(plan: plan, context: context, startContext: "internal")
        let steps = routing.route("5555", callerName: "Alice").steps.map(\.step)
        #expect(steps == [.dial(DialStep(targets: [.local("1003")]))])
    }
}
