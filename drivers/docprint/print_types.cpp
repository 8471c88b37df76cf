#include "drivers/docprint/print_types.h"

#include <algorithm>
#include <stdexcept>

namespace hall::drivers::docprint {

std::string_view queueStateName(QueueState state) {
    switch (state) {
    case QueueState::Idle:
        return "idle";
    case QueueState::Processing:
        return "processing";
    case QueueState::Stopped:
        return "stopped";
    }
    return "unknown";
}

std::string_view sidesKeyword(Sides sides) {
    switch (sides) {
    case Sides::OneSided:
        return "one-sided";
    case Sides::TwoSidedLongEdge:
        return "two-sided-long-edge";
    case Sides::TwoSidedShortEdge:
        return "two-sided-short-edge";
    }
    return "one-sided";
}

std::string_view colourKeyword(ColourMode mode) {
    switch (mode) {
    case ColourMode::Auto:
        return {};
    case ColourMode::Colour:
        return "color";
    case ColourMode::Monochrome:
        return "monochrome";
    }
    return {};
}

void validate(const PrintOptions& options) {
    if (options.copies < 1 || options.copies > PrintOptions::kMaxCopies)
        throw std::invalid_argument("copies must be between 1 and " +
                                    std::to_string(PrintOptions::kMaxCopies) + ", not " +
                                    std::to_string(options.copies));
    // An IPP keyword or a PWG self-describing media name: lower-case letters, digits, '_', '-',
    // '.'. Anything else would reach cupsd as a malformed attribute.
    const auto keywordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    };
    if (options.media.empty() || options.media.size() > 255 ||
        !std::all_of(options.media.begin(), options.media.end(), keywordChar))
        throw std::invalid_argument("media must be an IPP media keyword such as iso_a4_210x297mm");
}

std::string_view mimeType(DocumentFormat format) {
    switch (format) {
    case DocumentFormat::Pdf:
        return "application/pdf";
    case DocumentFormat::Raw:
        return "application/vnd.cups-raw";
    case DocumentFormat::PostScript:
        return "application/postscript";
    case DocumentFormat::Text:
        return "text/plain";
    }
    return "application/octet-stream";
}

std::string_view jobStateName(JobState state) {
    switch (state) {
    case JobState::Pending:
        return "pending";
    case JobState::Held:
        return "held";
    case JobState::Processing:
        return "processing";
    case JobState::Stopped:
        return "stopped";
    case JobState::Cancelled:
        return "cancelled";
    case JobState::Aborted:
        return "aborted";
    case JobState::Completed:
        return "completed";
    }
    return "unknown";
}

bool isTerminal(JobState state) {
    return state == JobState::Cancelled || state == JobState::Aborted ||
           state == JobState::Completed;
}

std::string_view jobResultName(JobResult result) {
    switch (result) {
    case JobResult::Completed:
        return "completed";
    case JobResult::Failed:
        return "failed";
    case JobResult::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

std::string_view jobEventName(JobEventType type) {
    switch (type) {
    case JobEventType::Queued:
        return "queued";
    case JobEventType::Submitted:
        return "submitted";
    case JobEventType::Processing:
        return "processing";
    case JobEventType::Waiting:
        return "waiting";
    case JobEventType::Completed:
        return "completed";
    case JobEventType::Failed:
        return "failed";
    case JobEventType::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

} // namespace hall::drivers::docprint
