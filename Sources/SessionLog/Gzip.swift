import CZlib
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// gzip compression through the system zlib.
package enum Gzip {
    /// Compresses `source` into `destination` (gzip format, default level), writing the result atomically. The
    /// source must be a regular file: a link planted in its place is never followed.
    /// - Throws: `FileError` naming the file that could not be read or written.
    package static func compressFile(_ source: String, to destination: String) throws(FileError) {
        guard let input = try FileSystem.readRegularFile(source) else {
            throw FileError(path: source, operation: "read", code: ENOENT)
        }
        guard let output = compress(input) else {
            throw FileError(path: source, operation: "gzip", code: EIO)
        }
        try FileSystem.writeAtomically(output, to: destination, mode: 0o644)
    }

    /// The gzip encoding of `bytes`, or nil when zlib fails.
    package static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper.
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(output[0..<Int(stream.total_out)])
    }
}
