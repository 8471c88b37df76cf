#pragma once
// A SQLite VFS that wraps the default one and, when armed, makes writes or syncs fail the way a
// failing disk does (SQLITE_IOERR_WRITE, SQLITE_FULL, SQLITE_IOERR_FSYNC). Open a store with
// StoreOptions::vfsName = faultvfs::kName to put it on this VFS.

namespace faultvfs {

inline constexpr const char* kName = "hall-fault";

enum class Fault {
    None,
    WriteIoError, // xWrite returns SQLITE_IOERR_WRITE
    DiskFull,     // xWrite returns SQLITE_FULL
    SyncIoError,  // xSync returns SQLITE_IOERR_FSYNC
};

void install(); // registers the VFS (once; not as the default)
// From now on, after `passing` more matching calls have gone through, every matching call fails
// until disarm(): a broken disk stays broken.
void arm(Fault fault, int passing = 0);
void disarm();
int failuresInjected(); // since the last arm()

} // namespace faultvfs
