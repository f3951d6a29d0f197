import Testing
@testable import switchboard
