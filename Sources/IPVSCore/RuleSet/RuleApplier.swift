/// Makes a live table match a rule set through an `IPVSClient`, one request at a time; when the
/// kernel refuses one, undoes the requests already made, newest first.
public struct RuleApplier {
    /// How an apply ended.
    public enum Outcome: Sendable, Equatable {
        /// Every request was made.
        case applied([IPVSRequest])
        /// The kernel refused `refused` after `done` were made; they were undone.
        case rolledBack(refused: IPVSRequest, error: KernelError, done: [IPVSRequest])
        /// The kernel refused `refused`, and then refused `undo` as well: the table is neither the
        /// old one nor the new one.
        case rollbackFailed(refused: IPVSRequest, error: KernelError, undo: IPVSRequest, undoError: KernelError)
    }

    public let client: any IPVSClient
    /// Told the index of each request of `apply` just before it is made (not the undo's).
    public let willPerform: (Int) -> Void

    public init(client: any IPVSClient, willPerform: @escaping (Int) -> Void = { _ in }) {
        self.client = client
        self.willPerform = willPerform
    }

    /// Reads the whole table from the client.
    public func liveTable() throws -> RuleTable {
        RuleTable(entries: try client.services().map { service in
            ServiceListingEntry(service: service, realServers: try client.realServers(of: service.key))
        })
    }

    /// Carries out `requests` on the client's table `current`.
    /// Throws only when the client cannot talk to the kernel at all.
    public func apply(_ requests: [IPVSRequest], on current: RuleTable) throws -> Outcome {
        var table = current
        var undo: [[IPVSRequest]] = []
        for (index, request) in requests.enumerated() {
            let inverse = RuleTableDiff.inverse(of: request, on: table)
            willPerform(index)
            do {
                try client.perform(request)
            } catch let error as KernelError {
                for step in undo.reversed() {
                    for request in step {
                        do {
                            try client.perform(request)
                        } catch let undoError as KernelError {
                            return .rollbackFailed(refused: requests[index], error: error, undo: request, undoError: undoError)
                        }
                    }
                }
                return .rolledBack(refused: request, error: error, done: Array(requests[..<index]))
            }
            undo.append(inverse)
            table.record(request)
        }
        return .applied(requests)
    }
}
