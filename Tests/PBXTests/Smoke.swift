import Testing
@testable import PBX
