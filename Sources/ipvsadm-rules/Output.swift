#if canImport(Glibc)
import Glibc
#endif

/// Writes bytes to a file descriptor, retrying short writes and EINTR.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = write(fd, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

func writeOutput(_ bytes: [UInt8]) { writeAll(1, bytes) }
func writeOutput(_ text: String) { writeAll(1, Array(text.utf8)) }
func writeError(_ text: String) { writeAll(2, Array(text.utf8)) }

func errnoText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "Unknown error \(code)" }
    return String(cString: text)
}
