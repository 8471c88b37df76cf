#include "callstation/controller/log.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace hall::controller {
namespace {

void write(int priority, std::string_view line) {
    // sd-daemon(3): "<N>" at the start of a line sets its priority in the journal.
    static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    if (journal) std::fprintf(stderr, "<%d>", priority);
    std::fprintf(stderr, "callstationd: %.*s\n", static_cast<int>(line.size()), line.data());
}

} // namespace

void logInfo(std::string_view line) { write(6, line); }
void logWarning(std::string_view line) { write(4, line); }
void logError(std::string_view line) { write(3, line); }

} // namespace hall::controller
