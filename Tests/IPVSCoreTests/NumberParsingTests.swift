import Testing
@testable import IPVSCore

/// `inet_aton`'s forms; the expected values are what the C library's `inet_aton` returned for the
/// same texts on the test bed's glibc (Debian 12).
@Suite struct NumberParsingTests {
    @Test(arguments: [
        ("192.0.2.1", 0xC000_0201), ("192.0.2", 0xC000_0002), ("192.513", 0xC000_0201),
        ("3221225985", 0xC000_0201), ("0xc0000201", 0xC000_0201), ("0300.0.2.1", 0xC000_0201),
        ("0xC0.0x0.02.1", 0xC000_0201), ("192.0.2.1 x", 0xC000_0201), ("192.0.2.1\t", 0xC000_0201),
        ("0", 0),
    ] as [(String, UInt32)])
    func inetAtonReadsEveryForm(_ text: String, _ expected: UInt32) {
        #expect(NumberParsing.inetAton(Array(text.utf8)) == expected)
    }

    @Test(arguments: [
        "1.2.3.4.5", "256.0.2.1", "192.0.2.256", "192.0.65536", "192.16777216", "4294967296",
        "1.2.3.", ".1", "08", "1..2", "", "0x", "0X", "0x.1", "1.0x", "0xg",
    ])
    func inetAtonRefusesWhatTheCLibraryRefuses(_ text: String) {
        #expect(NumberParsing.inetAton(Array(text.utf8)) == nil)
    }
}
