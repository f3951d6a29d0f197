// SPDX-License-Identifier: Apache-2.0

extension Collection<UInt8> {
    /// True when the bytes are well-formed UTF-8.
    var isValidUTF8: Bool {
        let hadError = transcode(makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) { _ in }
        return !hadError
    }
}
