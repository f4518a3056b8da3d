#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import IPVSCore
import IPVSNetlink

/// Arbitrary bytes as if the kernel had sent them as one datagram: split into messages and each
/// decoded as every reply the client reads. Damage must come back as a `ClientError`, never a trap.
let exitStatus = runFuzzer { data, size in
    let datagram = Array(input(data, size))
    for family in [AddressFamily.inet, .inet6] {
        _ = try? ReplyDecoder.decode(datagram: datagram, serviceFamily: family)
    }
    return 0
}
exit(exitStatus)
