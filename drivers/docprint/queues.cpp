#include "drivers/docprint/queues.h"

#include "drivers/base/device_error.h"
#include "drivers/docprint/ipp_attributes.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace hall::drivers::docprint {

namespace {

const std::vector<const char*> kQueueAttributes = {
    "printer-name",
    "printer-info",
    "printer-location",
    "printer-make-and-model",
    "device-uri",
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
    "queued-job-count",
    "color-supported",
    "sides-supported",
};

QueueState toQueueState(int v) {
    switch (v) {
    case IPP_PSTATE_PROCESSING:
        return QueueState::Processing;
    case IPP_PSTATE_STOPPED:
        return QueueState::Stopped;
    default:
        return QueueState::Idle;
    }
}

void setField(QueueInfo& q, ipp_attribute_t* a) {
    const char* name = ippGetName(a);
    auto first = [a]() -> std::string {
        const char* v = ippGetString(a, 0, nullptr);
        return v ? v : "";
    };
    auto all = [a] {
        std::vector<std::string> out;
        for (int i = 0; i < ippGetCount(a); ++i)
            if (const char* v = ippGetString(a, i, nullptr)) out.emplace_back(v);
        return out;
    };
    if (!std::strcmp(name, "printer-name")) {
        q.name = first();
    } else if (!std::strcmp(name, "printer-info")) {
        q.info = first();
    } else if (!std::strcmp(name, "printer-location")) {
        q.location = first();
    } else if (!std::strcmp(name, "printer-make-and-model")) {
        q.makeModel = first();
    } else if (!std::strcmp(name, "device-uri")) {
        q.deviceUri = first();
    } else if (!std::strcmp(name, "printer-state")) {
        q.state = toQueueState(ippGetInteger(a, 0));
    } else if (!std::strcmp(name, "printer-state-reasons")) {
        q.reasons = all();
        std::erase(q.reasons, "none");
    } else if (!std::strcmp(name, "printer-state-message")) {
        q.message = first();
    } else if (!std::strcmp(name, "printer-is-accepting-jobs")) {
        q.accepting = ippGetBoolean(a, 0) != 0;
    } else if (!std::strcmp(name, "queued-job-count")) {
        q.queuedJobs = ippGetInteger(a, 0);
    } else if (!std::strcmp(name, "color-supported")) {
        q.colour = ippGetBoolean(a, 0) != 0;
    } else if (!std::strcmp(name, "sides-supported")) {
        const auto sides = all();
        q.duplex = std::any_of(sides.begin(), sides.end(),
                               [](const std::string& s) { return s.rfind("two-sided", 0) == 0; });
    }
}

// A response holds one printer-attributes group per queue; IPP separates groups by an
// attribute without a name.
std::vector<QueueInfo> parseQueues(ipp_t* response) {
    std::vector<QueueInfo> out;
    std::optional<QueueInfo> current;
    for (ipp_attribute_t* a = ippFirstAttribute(response); a; a = ippNextAttribute(response)) {
        if (ippGetGroupTag(a) != IPP_TAG_PRINTER || !ippGetName(a)) {
            if (current && !current->name.empty()) out.push_back(std::move(*current));
            current.reset();
            continue;
        }
        if (!current) current.emplace();
        setField(*current, a);
    }
    if (current && !current->name.empty()) out.push_back(std::move(*current));
    return out;
}

} // namespace

void validateQueueName(const std::string& name) {
    const bool ok =
        !name.empty() && name.size() <= 127 && std::all_of(name.begin(), name.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u > 0x20 && u != 0x7F && c != '/' && c != '\\' && c != '?' && c != '\'' &&
                   c != '"' && c != '#';
        });
    if (!ok)
        throw std::invalid_argument("not a CUPS queue name (1 to 127 printable characters, none "
                                    "of space / \\ ? ' \" #)");
}

std::optional<std::string> defaultQueue(CupsConnection& cups) {
    IppPtr request = CupsConnection::newRequest(IPP_OP_CUPS_GET_DEFAULT);
    ipp::requestAttributes(request.get(), {"printer-name"});
    try {
        IppPtr response = cups.send(std::move(request));
        std::string name = ipp::text(response.get(), "printer-name");
        if (name.empty()) return std::nullopt;
        return name;
    } catch (const IppError& e) {
        if (e.status() == IPP_STATUS_ERROR_NOT_FOUND) return std::nullopt; // no default set
        throw DeviceFailure(deviceError("cups_refused", e.what()));
    }
}

std::vector<QueueInfo> listQueues(CupsConnection& cups) {
    IppPtr request = CupsConnection::newRequest(IPP_OP_CUPS_GET_PRINTERS);
    ipp::requestAttributes(request.get(), kQueueAttributes);
    std::vector<QueueInfo> queues;
    try {
        IppPtr response = cups.send(std::move(request));
        queues = parseQueues(response.get());
    } catch (const IppError& e) {
        if (e.status() != IPP_STATUS_ERROR_NOT_FOUND) // not-found: no queue at all
            throw DeviceFailure(deviceError("cups_refused", e.what()));
    }
    if (const auto def = defaultQueue(cups))
        for (auto& q : queues)
            q.isDefault = q.name == *def;
    return queues;
}

QueueInfo queueInfo(CupsConnection& cups, const std::string& name) {
    validateQueueName(name);
    IppPtr request = CupsConnection::newRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    cups.addPrinterUri(request.get(), name);
    ipp::requestAttributes(request.get(), kQueueAttributes);
    try {
        IppPtr response = cups.send(std::move(request));
        auto queues = parseQueues(response.get());
        if (queues.empty()) throw IppError(IPP_STATUS_ERROR_NOT_FOUND, "no printer attributes");
        return std::move(queues.front());
    } catch (const IppError& e) {
        if (e.status() == IPP_STATUS_ERROR_NOT_FOUND)
            throw DeviceFailure(deviceError(
                "queue_missing", "the print server at " + cups.server().describe() +
                                     " has no queue '" + name +
                                     "': add it (lpadmin) or correct the queue name in the "
                                     "configuration (lpstat -p lists the queues)"));
        throw DeviceFailure(deviceError("cups_refused", e.what()));
    }
}

} // namespace hall::drivers::docprint
