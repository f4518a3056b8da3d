import IPVSCore

/// What `ipvs-sim run` measured, per real server and overall.
public struct WorkloadReport: Sendable, Hashable {
    public struct Server: Sendable, Hashable {
        /// ADDRESS:PORT as `ipvsadm -n` prints it.
        public var name: String
        public var weight: Int32
        public var connections: Int
        public var peakActive: Int
        public var overCapacity: Int
        /// Active connections at each sample time.
        public var activeOverTime: [Int]
    }

    public var servers: [Server]
    public var connections: Int
    /// Connections that found no server.
    public var unserved: Int
    /// Times (seconds) of the samples in `Server.activeOverTime`.
    public var sampleTimes: [Double]

    /// Most connections on one server over the mean per server (1 is perfectly even).
    public var imbalance: Double {
        let counts = servers.map { Double($0.connections) }
        guard let maximum = counts.max(), !counts.isEmpty else { return 0 }
        let mean = counts.reduce(0, +) / Double(counts.count)
        return mean > 0 ? maximum / mean : 0
    }

    /// Standard deviation of connections per server over their mean.
    public var coefficientOfVariation: Double {
        let counts = servers.map { Double($0.connections) }
        guard !counts.isEmpty else { return 0 }
        let mean = counts.reduce(0, +) / Double(counts.count)
        guard mean > 0 else { return 0 }
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(counts.count)
        return variance.squareRoot() / mean
    }
}
