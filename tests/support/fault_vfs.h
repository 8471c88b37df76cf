#pragma once
// A SQLite VFS that wraps the default one and, when armed, makes writes or syncs fail the way a
// failing disk does (SQLITE_IOERR_WRITE, SQLITE_FULL, SQLITE_IOERR_FSYNC). Open a store with
// StoreOptions::vfsName = faultvfs::kName to put it on this VFS; code that opens its file without
// naming a VFS (the terminal's terminal.db) is put on it by installAsDefault().
//
// The state is process-wide and unsynchronised: arm and disarm from the thread that does the
// SQLite calls.

namespace faultvfs {

inline constexpr const char* kName = "hall-fault";

enum class Fault {
    None,
    WriteIoError, // xWrite returns SQLITE_IOERR_WRITE
    DiskFull,     // xWrite returns SQLITE_FULL
    SyncIoError,  // xSync returns SQLITE_IOERR_FSYNC
};

void install(); // registers the VFS (once; not as the default)
// Registers it as the process's default VFS: every connection opened from then on without a VFS
// name goes through it. Disarmed it only forwards, so the rest of a test process is unaffected.
void installAsDefault();
// From now on, after `passing` more matching calls have gone through, every matching call fails
// until disarm(): a broken disk stays broken.
void arm(Fault fault, int passing = 0);
void disarm();
int failuresInjected(); // since the last arm()

} // namespace faultvfs
