#include "tests/support/fault_vfs.h"

#include <cstring>
#include <mutex>
#include <sqlite3.h>
#include <stdexcept>

namespace faultvfs {

namespace {

// The wrapper's file object: SQLite allocates szOsFile bytes for it, so the real file of the
// underlying VFS lives right behind this header in the same allocation.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
Fault g_fault = Fault::None;
int g_passing = 0;
int g_failures = 0;

sqlite3_file* real(sqlite3_file* f) {
    return reinterpret_cast<FaultFile*>(f)->real;
}

// Decides whether this call fails: only calls of the armed kind count.
bool shouldFail(bool isWrite) {
    const bool matches = isWrite ? (g_fault == Fault::WriteIoError || g_fault == Fault::DiskFull)
                                 : g_fault == Fault::SyncIoError;
    if (!matches) return false;
    if (g_passing > 0) {
        --g_passing;
        return false;
    }
    ++g_failures;
    return true;
}

int xClose(sqlite3_file* f) {
    return real(f)->pMethods->xClose(real(f));
}
int xRead(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
    return real(f)->pMethods->xRead(real(f), buf, amount, offset);
}
int xWrite(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
    if (shouldFail(true)) return g_fault == Fault::DiskFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    return real(f)->pMethods->xWrite(real(f), buf, amount, offset);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    return real(f)->pMethods->xTruncate(real(f), size);
}
int xSync(sqlite3_file* f, int flags) {
    if (shouldFail(false)) return SQLITE_IOERR_FSYNC;
    return real(f)->pMethods->xSync(real(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return real(f)->pMethods->xFileSize(real(f), size);
}
int xLock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xLock(real(f), level);
}
int xUnlock(sqlite3_file* f, int level) {
    return real(f)->pMethods->xUnlock(real(f), level);
}
int xCheckReservedLock(sqlite3_file* f, int* out) {
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int xSectorSize(sqlite3_file* f) {
    return real(f)->pMethods->xSectorSize(real(f));
}
int xDeviceCharacteristics(sqlite3_file* f) {
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    real(f)->pMethods->xShmBarrier(real(f));
}
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}
int xFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return real(f)->pMethods->xUnfetch(real(f), offset, p);
}

// Version 3 (shared memory for WAL, memory-mapped fetch); the default unix VFS gives version 3
// files, which install() checks.
const sqlite3_io_methods g_methods = {
    3,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    xFetch,
    xUnfetch,
};

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* wrapper = reinterpret_cast<FaultFile*>(file);
    wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
    wrapper->real->pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, wrapper->real, flags, outFlags);
    // SQLite calls xClose on a file whose pMethods is set, even after a failed open.
    if (wrapper->real->pMethods == nullptr) {
        file->pMethods = nullptr;
        return rc;
    }
    if (wrapper->real->pMethods->iVersion < 3) {
        wrapper->real->pMethods->xClose(wrapper->real);
        file->pMethods = nullptr;
        return SQLITE_CANTOPEN;
    }
    file->pMethods = &g_methods;
    return rc;
}

// The VFS-level methods pass the real VFS on, which keeps its own state in pAppData.
int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return g_real->xDelete(g_real, name, syncDir);
}
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return g_real->xAccess(g_real, name, flags, out);
}
int xFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return g_real->xFullPathname(g_real, name, size, out);
}
void* xDlOpen(sqlite3_vfs*, const char* name) {
    return g_real->xDlOpen(g_real, name);
}
void xDlError(sqlite3_vfs*, int size, char* out) {
    g_real->xDlError(g_real, size, out);
}
void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return g_real->xDlSym(g_real, handle, symbol);
}
void xDlClose(sqlite3_vfs*, void* handle) {
    g_real->xDlClose(g_real, handle);
}
int xRandomness(sqlite3_vfs*, int size, char* out) {
    return g_real->xRandomness(g_real, size, out);
}
int xSleep(sqlite3_vfs*, int micros) {
    return g_real->xSleep(g_real, micros);
}
int xCurrentTime(sqlite3_vfs*, double* out) {
    return g_real->xCurrentTime(g_real, out);
}
int xGetLastError(sqlite3_vfs*, int size, char* out) {
    return g_real->xGetLastError(g_real, size, out);
}
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_real->xCurrentTimeInt64(g_real, out);
}

} // namespace

void install() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (g_real == nullptr || g_real->iVersion < 2) {
            throw std::runtime_error("no suitable default SQLite VFS to wrap");
        }
        std::memset(&g_vfs, 0, sizeof g_vfs);
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = kName;
        g_vfs.xOpen = xOpen;
        g_vfs.xDelete = xDelete;
        g_vfs.xAccess = xAccess;
        g_vfs.xFullPathname = xFullPathname;
        g_vfs.xDlOpen = xDlOpen;
        g_vfs.xDlError = xDlError;
        g_vfs.xDlSym = xDlSym;
        g_vfs.xDlClose = xDlClose;
        g_vfs.xRandomness = xRandomness;
        g_vfs.xSleep = xSleep;
        g_vfs.xCurrentTime = xCurrentTime;
        g_vfs.xGetLastError = xGetLastError;
        g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        if (sqlite3_vfs_register(&g_vfs, 0) != SQLITE_OK) {
            throw std::runtime_error("cannot register the fault-injecting SQLite VFS");
        }
    });
}

void installAsDefault() {
    install(); // wraps the real default first, so it never wraps itself
    if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK) {
        throw std::runtime_error("cannot make the fault-injecting SQLite VFS the default");
    }
}

void arm(Fault fault, int passing) {
    g_fault = fault;
    g_passing = passing;
    g_failures = 0;
}

void disarm() {
    g_fault = Fault::None;
}

int failuresInjected() {
    return g_failures;
}

} // namespace faultvfs
