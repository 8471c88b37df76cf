#pragma once
// "Export logs": copies the app's log files to a directory the technician chose (a USB stick's
// mount point) into a new folder named after the terminal and the time, so exports from several
// terminals or days never overwrite each other. The logs hold no personal data (the
// apps never log names or ID numbers), so they are copied as they are.

#include "shared/technician/clock.h"

#include <filesystem>
#include <string>

namespace hall::technician {

struct LogExportResult {
    bool ok = false;
    std::string message; // the error, or what was copied where (for the audit)
    std::filesystem::path folder;
};

// Copies the regular files directly inside `logDirectory` (rotated ones included) into
// `destination`/hall-logs-<terminal>-<YYYYMMDD-HHMMSS>/. Nothing is left behind on failure.
LogExportResult exportLogFiles(const std::filesystem::path& logDirectory,
                               const std::filesystem::path& destination,
                               const std::string& terminalName, TimePoint now);

} // namespace hall::technician
