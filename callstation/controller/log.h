#pragma once
// The controller's log: one line per event on stderr, which systemd sends to the journal (with
// the line's priority when JOURNAL_STREAM says stderr is the journal). Never personal data:
// devices are named, tickets numbered, people not mentioned at all.

#include <string_view>

namespace hall::controller {

void logInfo(std::string_view line);
void logWarning(std::string_view line);
void logError(std::string_view line);

} // namespace hall::controller
