#include "shared/technician/log_export.h"

#include <ctime>
#include <system_error>
#include <vector>

namespace hall::technician {

namespace {

namespace fs = std::filesystem;

// A folder-name-safe form of the terminal's name (which may be Chinese or hold spaces).
std::string safeName(const std::string& name) {
    std::string out;
    for (char c : name) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (plain)
            out += c;
        else if (out.empty() || out.back() != '_')
            out += '_'; // one '_' for a run of others (a Chinese character is 3 bytes)
    }
    return out.empty() ? "terminal" : out;
}

std::string stamp(TimePoint now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%SZ", &utc);
    return buf;
}

LogExportResult failure(std::string message) {
    return {false, std::move(message), {}};
}

} // namespace

LogExportResult exportLogFiles(const fs::path& logDirectory, const fs::path& destination,
                               const std::string& terminalName, TimePoint now) {
    std::error_code ec;
    if (logDirectory.empty() || !fs::is_directory(logDirectory, ec))
        return failure("this app keeps no log files to export");
    if (destination.empty() || !destination.is_absolute())
        return failure("choose a folder (an absolute path) to export to");
    if (!fs::is_directory(destination, ec))
        return failure(destination.string() + " is not a folder");

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(logDirectory, ec))
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
    if (ec) return failure("cannot list " + logDirectory.string() + ": " + ec.message());
    if (files.empty()) return failure("there are no log files yet");

    const fs::path folder =
        destination / ("hall-logs-" + safeName(terminalName) + "-" + stamp(now));
    if (!fs::create_directory(folder, ec))
        return failure("cannot create " + folder.string() + ": " +
                       (ec ? ec.message() : std::string("it exists already")));
    for (const auto& file : files) {
        if (!fs::copy_file(file, folder / file.filename(), ec)) {
            const std::string why = ec.message();
            fs::remove_all(folder, ec);
            return failure("cannot copy " + file.filename().string() + ": " + why);
        }
    }
    return {true, std::to_string(files.size()) + " log file(s) to " + folder.string(), folder};
}

} // namespace hall::technician
