import Testing
@testable import SIPStack
