// The C library of the platform, under one name: files that call `open`, `read`, `mmap`, `pow` or
// `signal` import `Platform` instead of repeating the Glibc / Musl / Darwin choice.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
