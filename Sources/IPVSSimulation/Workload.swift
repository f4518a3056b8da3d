import IPVSCore
import IPVSSchedulers

/// A synthetic workload for `ipvs-sim run`: who connects, how often and for how long.
public struct Workload: Sendable, Hashable {
    /// How long connections last.
    public enum Duration: Sendable, Hashable {
        /// Every connection lasts exactly this long.
        case fixed(seconds: Double)
        /// Exponentially distributed with this mean (many short, a few long).
        case exponential(meanSeconds: Double)
        /// Uniform between the two bounds.
        case uniform(minimumSeconds: Double, maximumSeconds: Double)
    }

    /// How often each client connects.
    public enum ClientPopularity: Sendable, Hashable {
        /// Every client equally often.
        case uniform
        /// Client k (from 1) with weight 1/k^exponent: a few busy clients and a long tail.
        case zipf(exponent: Double)
    }

    /// The service the connections reach.
    public var target: ConnectionTarget
    /// Simulated seconds.
    public var seconds: Double
    /// New connections per second (Poisson arrivals).
    public var arrivalsPerSecond: Double
    public var duration: Duration
    /// Distinct client addresses.
    public var clients: Int
    public var popularity: ClientPopularity
    /// Seconds a finished connection stays in the table as inactive before it expires.
    public var lingerSeconds: Double
    /// Active connections a real server can take; a connection scheduled beyond it is counted
    /// as over capacity (it is still made: the director does not know about capacity).
    public var capacity: Int?
    /// Samples of per-server active connections over the run, for charts.
    public var samples: Int
    public var seed: UInt64

    public init(
        target: ConnectionTarget, seconds: Double = 60, arrivalsPerSecond: Double = 100,
        duration: Duration = .exponential(meanSeconds: 2), clients: Int = 200,
        popularity: ClientPopularity = .uniform, lingerSeconds: Double = 2, capacity: Int? = nil,
        samples: Int = 120, seed: UInt64 = 1
    ) {
        self.target = target
        self.seconds = seconds
        self.arrivalsPerSecond = arrivalsPerSecond
        self.duration = duration
        self.clients = clients
        self.popularity = popularity
        self.lingerSeconds = lingerSeconds
        self.capacity = capacity
        self.samples = samples
        self.seed = seed
    }
}
