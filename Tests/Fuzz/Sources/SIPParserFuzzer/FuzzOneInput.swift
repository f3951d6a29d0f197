// SPDX-License-Identifier: Apache-2.0

import CLibFuzzer
import NIOCore
import SDP
import SIP

/// libFuzzer entry point. Properties checked on every input:
/// - the stream framer and the parser never crash and never trap;
/// - a message that parses serializes to bytes that parse again, and that second serialization is
///   identical to the first (the writer is a fixed point after one round);
/// - the SDP parser never crashes on the body of a parsed message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = ByteBuffer(bytes: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    checkFraming(input)
    guard let message = try? SIPMessage.parse(input) else { return 0 }
    checkRoundTrip(message)
    _ = try? SessionDescription(parsing: message.body)
    return 0
}

/// Runs libFuzzer's driver with the process arguments (libFuzzer flags, corpus folders) and
/// `fuzzOneInput`. In this file because the C entry point of `fuzzOneInput` is emitted where its
/// address is taken.
func runLibFuzzer() -> CInt {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
}

/// A framed length never exceeds the bytes available.
private func checkFraming(_ input: ByteBuffer) {
    switch SIPStreamFraming.frame(input) {
    case .message(let length), .keepAlive(let length):
        precondition(length > 0 && length <= input.readableBytes, "framed length \(length) of \(input.readableBytes) bytes")
    case .needMoreData, .error:
        break
    }
}

private func checkRoundTrip(_ message: SIPMessage) {
    var first = ByteBuffer()
    message.write(into: &first)
    let reparsed: SIPMessage
    do {
        reparsed = try SIPMessage.parse(first)
    } catch {
        preconditionFailure("serialized message does not parse again (\(error)):\n\(String(buffer: first))")
    }
    var second = ByteBuffer()
    reparsed.write(into: &second)
    precondition(first == second, "serialization is not stable:\n\(String(buffer: first))\n---\n\(String(buffer: second))")
}
