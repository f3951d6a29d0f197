// SPDX-License-Identifier: Apache-2.0

/// Parses a header value that is a single decimal number with optional surrounding whitespace.
func parseDecimalHeader(_ text: String, limit: UInt64) -> UInt64? {
    let trimmed = text.utf8.trimmingLinearWhitespace()
    return ASCII.parseDecimal(trimmed, limit: limit)
}
