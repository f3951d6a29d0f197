// SPDX-License-Identifier: Apache-2.0
import Dialplan

/// The plan a call was routed with and the call as the plan saw it, kept so that a target that
/// is not an extension (`DialTarget.number`, e.g. an extension forwarding to a mobile) is routed
/// again through the same plan, from the context the call started in.
struct CallRouting {
    let plan: Dialplan
    let context: CallContext
    let startContext: String

    /// The steps for `number`, as a call from the same caller dialling it in the start context.
    func route(_ number: String, callerName: String?) -> RouteResult {
        var call = context
        call.to = number
        call.context = startContext
        if let callerName { call.callerName = callerName }
        return plan.route(call: call)
    }
}
