import Foundation
import Testing
@testable import IPVSCore

@Suite struct JSONWriterTests {
    private func text(_ style: JSONWriter.Style = .compact, _ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(style: style)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Parses `bytes` with Foundation's parser, which rejects anything that is not JSON.
    private func parsed(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    @Test func membersAreSeparatedByCommasWithoutWhitespaceWhenCompact() {
        let output = text {
            $0.object {
                $0.field("a", 1)
                $0.field("b", "x")
                $0.field("c", true)
            }
        }
        #expect(output == #"{"a":1,"b":"x","c":true}"#)
    }

    @Test func arrayElementsAreSeparatedByCommas() {
        let output = text { json in json.array { for value in 1...3 { $0.number(value) } } }
        #expect(output == "[1,2,3]")
    }

    @Test func emptyContainersStayOnOneLineWhenPretty() {
        let output = text(.pretty) {
            $0.object {
                $0.field("none") { $0.array { _ in } }
                $0.field("empty") { $0.object { _ in } }
            }
        }
        #expect(output == "{\n  \"none\": [],\n  \"empty\": {}\n}")
    }

    @Test func prettyStyleIndentsTwoSpacesPerLevel() {
        let output = text(.pretty) {
            $0.object {
                $0.field("list") { $0.array { $0.object { $0.field("k", 0) }; $0.null() } }
            }
        }
        #expect(output == "{\n  \"list\": [\n    {\n      \"k\": 0\n    },\n    null\n  ]\n}")
    }

    @Test func quoteAndBackslashAreEscaped() {
        #expect(text { $0.string(#"a"b\c"#) } == #""a\"b\\c""#)
    }

    @Test func controlCharactersUseShortEscapesWhereJSONHasThem() {
        #expect(text { $0.string("\u{8}\t\n\u{C}\r") } == #""\b\t\n\f\r""#)
    }

    @Test func otherControlCharactersUseUnicodeEscapes() {
        #expect(text { $0.string("\u{0}\u{1}\u{1F}") } == #""\u0000\u0001\u001f""#)
    }

    @Test func deleteAndSlashAreWrittenAsThemselves() {
        #expect(text { $0.string("/\u{7F}") } == "\"/\u{7F}\"")
    }

    @Test func nonASCIITextIsWrittenAsUTF8() {
        var json = JSONWriter()
        json.string("é€😀")
        #expect(json.bytes == [0x22] + Array("é€😀".utf8) + [0x22])
    }

    @Test func everyASCIICharacterRoundTripsThroughAJSONParser() throws {
        let all = String(decoding: (0...0x7F).map { UInt8($0) }, as: UTF8.self)
        var json = JSONWriter()
        json.string(all)
        #expect(try parsed(json.bytes) as? String == all)
    }

    @Test func invalidUTF8BytesBecomeReplacementCharacters() throws {
        var json = JSONWriter()
        json.string(utf8: [UInt8(ascii: "a"), 0xFF, UInt8(ascii: "b"), 0xC3])
        #expect(try parsed(json.bytes) as? String == "a\u{FFFD}b\u{FFFD}")
    }

    @Test func validUTF8BytesAreKept() {
        var json = JSONWriter()
        json.string(utf8: Array("eth0é".utf8))
        #expect(String(decoding: json.bytes, as: UTF8.self) == "\"eth0é\"")
    }

    @Test func keysAreEscapedLikeStrings() {
        #expect(text { $0.object { $0.field("a\"\n", 0) } } == #"{"a\"\n":0}"#)
    }

    @Test func unsignedExtremesAreExact() {
        #expect(text { $0.array { $0.number(UInt64.max); $0.number(UInt64(0)) } } == "[18446744073709551615,0]")
    }

    @Test func signedExtremesAreExact() {
        #expect(text { $0.array { $0.number(Int64.min); $0.number(Int64.max); $0.number(Int32(-1)) } }
            == "[-9223372036854775808,9223372036854775807,-1]")
    }

    @Test func nullAndFalseAreLiterals() {
        #expect(text { $0.array { $0.null(); $0.bool(false) } } == "[null,false]")
    }

    @Test func newlineEndsTheDocument() {
        let output = text {
            $0.object { _ in }
            $0.newline()
        }
        #expect(output == "{}\n")
    }

    @Test func openAndCloseCallsMatchTheClosureForm() {
        let explicit = text {
            $0.openObject()
            $0.key("a")
            $0.openArray()
            $0.number(1)
            $0.closeArray()
            $0.closeObject()
        }
        #expect(explicit == text { $0.object { $0.field("a") { $0.array { $0.number(1) } } } })
    }

    @Test func prettyOutputParsesToTheSameValueAsCompact() throws {
        let body: (inout JSONWriter) -> Void = {
            $0.object {
                $0.field("s", "x\ty")
                $0.field("n") { $0.array { $0.number(Int64(-5)); $0.object { $0.field("z", UInt64.max) } } }
            }
        }
        var compact = JSONWriter(style: .compact)
        body(&compact)
        var pretty = JSONWriter(style: .pretty)
        body(&pretty)
        let left = try #require(try parsed(compact.bytes) as? NSDictionary)
        let right = try #require(try parsed(pretty.bytes) as? NSDictionary)
        #expect(left == right)
    }
}
