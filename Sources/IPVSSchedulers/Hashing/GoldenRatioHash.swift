/// The kernel's generic `hash_32`: multiply by `GOLDEN_RATIO_32` (0x61C88647) and keep the top
/// `bits` bits. x86-64 has no architecture-specific variant.
@inlinable
func goldenRatioHash(_ key: UInt32, bits: Int) -> UInt32 {
    (key &* 0x61C8_8647) >> UInt32(32 - bits)
}

/// Greatest common divisor of two positive integers.
@inlinable
func greatestCommonDivisor(_ a: Int32, _ b: Int32) -> Int32 {
    var x = a
    var y = b
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
