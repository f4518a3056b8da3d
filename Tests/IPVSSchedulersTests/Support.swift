import Testing
@testable import IPVSSchedulers
