#include "drivers/docprint/printer_reasons.h"

#include <algorithm>
#include <array>

namespace hall::drivers::docprint {

namespace {

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Reasons that only ever warn, whatever their suffix: supplies running low, bins filling up,
// and cupsd's own informational keywords.
bool warnsOnly(std::string_view k) {
    constexpr std::array<std::string_view, 12> kWarnOnly = {
        "none",
        "other",
        "media-low",
        "toner-low",
        "marker-supply-low",
        "developer-low",
        "output-area-almost-full",
        "marker-waste-almost-full",
        "opc-near-eol",
        "moving-to-paused",
        "cups-waiting-for-job-completed",
        "cups-remote-pending",
    };
    return std::find(kWarnOnly.begin(), kWarnOnly.end(), k) != kWarnOnly.end();
}

bool unreachableFamily(std::string_view k) {
    return k == "offline" || k == "connecting-to-device" || k == "timed-out" || k == "shutdown";
}

struct Advice {
    std::string_view keyword;
    std::string_view code;
    std::string_view what; // completes "the printer behind queue 'x' ..."
};

// In order of preference when several are set: the most specific first.
constexpr std::array<Advice, 17> kAdvice = {{
    {"media-empty", "paper_out", "is out of paper: load A4 paper into the tray"},
    {"media-needed", "paper_out", "needs paper: load A4 paper into the tray"},
    {"media-jam", "paper_jam", "has a paper jam: open it, remove the jammed sheet, close it"},
    {"cover-open", "cover_open", "has a cover open: close it"},
    {"door-open", "cover_open", "has a door open: close it"},
    {"interlock-open", "cover_open", "has an interlock open: close every cover and door"},
    {"toner-empty", "toner_empty", "is out of toner: replace the toner cartridge"},
    {"marker-supply-empty", "toner_empty", "is out of toner or ink: replace the cartridge"},
    {"developer-empty", "toner_empty", "is out of developer: replace the developer unit"},
    {"input-tray-missing", "tray_missing", "has a paper tray missing: put the tray back"},
    {"output-tray-missing", "tray_missing", "has the output tray missing: put it back"},
    {"output-area-full", "output_full", "has a full output tray: take the printed sheets out"},
    {"offline", "printer_offline",
     "is offline: check that it is switched on and its cable or network is connected"},
    {"connecting-to-device", "printer_offline",
     "does not answer: check that it is switched on and its cable or network is connected"},
    {"timed-out", "printer_offline",
     "stopped answering: check that it is switched on and its cable or network is connected"},
    {"shutdown", "printer_offline", "is shut down: switch it on"},
    {"cups-missing-filter", "missing_filter",
     "cannot print this kind of document: its CUPS driver or filter is not installed"},
}};

std::string quoted(const std::string& queue) {
    return "'" + queue + "'";
}

std::string withPrinterMessage(std::string text, const std::string& message) {
    if (!message.empty()) text += " (printer says: " + message + ")";
    return text;
}

} // namespace

Reason parseReason(std::string_view text) {
    if (endsWith(text, "-report")) return {text.substr(0, text.size() - 7), ReasonSeverity::Report};
    if (endsWith(text, "-warning"))
        return {text.substr(0, text.size() - 8), ReasonSeverity::Warning};
    if (endsWith(text, "-error")) return {text.substr(0, text.size() - 6), ReasonSeverity::Error};
    return {text, ReasonSeverity::Error};
}

bool blocksPrinting(const Reason& reason) {
    if (unreachableFamily(reason.keyword)) return true;
    if (warnsOnly(reason.keyword)) return false;
    // "paused" is the stopped queue itself, reported through the queue state.
    if (reason.keyword == "paused") return false;
    return reason.severity == ReasonSeverity::Error;
}

std::optional<DeviceError> printingProblem(const QueueInfo& queue) {
    if (queue.state == QueueState::Idle) return std::nullopt; // reasons are history then
    std::vector<Reason> blocking;
    for (const auto& r : queue.reasons) {
        const Reason reason = parseReason(r);
        if (blocksPrinting(reason)) blocking.push_back(reason);
    }
    for (const auto& advice : kAdvice) {
        const bool set = std::any_of(blocking.begin(), blocking.end(),
                                     [&](const Reason& r) { return r.keyword == advice.keyword; });
        if (!set) continue;
        std::string text =
            "the printer behind queue " + quoted(queue.name) + " " + std::string(advice.what);
        if (queue.state == QueueState::Stopped)
            text += "; then resume the queue (cupsenable " + queue.name + ")";
        return deviceError(std::string(advice.code), withPrinterMessage(text, queue.message));
    }
    if (!blocking.empty())
        return deviceError("printer_fault",
                           withPrinterMessage("the printer behind queue " + quoted(queue.name) +
                                                  " reports '" + std::string(blocking[0].keyword) +
                                                  "': see the printer's panel",
                                              queue.message));
    if (queue.state == QueueState::Stopped)
        return deviceError("queue_stopped",
                           withPrinterMessage("the CUPS queue " + quoted(queue.name) +
                                                  " is stopped: fix the printer, then resume the "
                                                  "queue (cupsenable " +
                                                  queue.name + ")",
                                              queue.message));
    return std::nullopt;
}

std::optional<DeviceError> queueProblem(const QueueInfo& queue) {
    if (auto problem = printingProblem(queue)) return problem;
    if (!queue.accepting)
        return deviceError("queue_rejecting", "the CUPS queue " + quoted(queue.name) +
                                                  " refuses new jobs: let it accept them again "
                                                  "(cupsaccept " +
                                                  queue.name + ")");
    return std::nullopt;
}

DeviceError abortedJobError(const std::string& queue, const JobInfo& job) {
    if (contains(job.reasons, "document-format-error") ||
        contains(job.reasons, "unsupported-document-format") ||
        contains(job.reasons, "document-unprintable-error"))
        return deviceError("document_rejected",
                           withPrinterMessage("queue " + quoted(queue) +
                                                  " could not print the document (format not "
                                                  "supported or damaged): check the queue's driver",
                                              job.printerMessage));
    std::string why;
    for (const auto& r : job.reasons) {
        if (r == "none" || r == "job-printing") continue;
        why += (why.empty() ? "" : ", ") + r;
    }
    return deviceError("job_aborted",
                       withPrinterMessage("the print server gave up on the job on queue " +
                                              quoted(queue) +
                                              (why.empty() ? std::string() : " (" + why + ")") +
                                              ": see the CUPS error log",
                                          job.printerMessage));
}

} // namespace hall::drivers::docprint
