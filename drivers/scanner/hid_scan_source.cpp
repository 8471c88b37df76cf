#include "drivers/scanner/hid_scan_source.h"

#include "drivers/base/device_error.h"
#include "drivers/base/registry.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/scanner/evdev_locator.h"

#include <cstdio>

namespace hall::drivers::scanner {
namespace {

constexpr std::chrono::milliseconds kQuietWait{1000};

std::string usbId(std::uint16_t vendor, std::uint16_t product) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04x:%04x", vendor, product);
    return buf;
}

bool inHidTable(const EvdevNode& node) {
    for (const auto& id : requireDescriptor("scanner.hid").usbIds)
        if (id.vendor == node.vendor && id.product == node.product) return true;
    return false;
}

} // namespace

std::string resolveEvdevNode(const HidSelector& selector, const std::filesystem::path& sysfsRoot) {
    if (!selector.path.empty()) return selector.path;
    const bool byId = selector.vendor && selector.product;
    for (const auto& node : listEvdevNodes(sysfsRoot)) {
        if (!node.typesDigits) continue;
        if (byId ? (node.vendor == *selector.vendor && node.product == *selector.product)
                 : inHidTable(node))
            return node.devicePath;
    }
    throw DeviceFailure(deviceError(
        "not_found", byId ? "no keyboard-mode scanner with USB id " +
                                usbId(*selector.vendor, *selector.product) +
                                " is plugged in (check the cable; lsusb lists the id)"
                          : "no supported keyboard-mode scanner is plugged in (check the cable; "
                            "a model missing from the supported-hardware list can be chosen by "
                            "its USB id or event node in the settings)"));
}

HidScanSource::HidScanSource(std::string path, bool grab, const KeySettings& keys)
    : input_(std::move(path), grab), decoder_(keys) {}

void HidScanSource::pump(std::stop_token stop, const FrameSink& sink) {
    const auto wait = decoder_.idleWait();
    events_.clear();
    const std::size_t n = input_.read(events_, wait.value_or(kQuietWait), stop);
    if (stop.stop_requested()) return;
    const auto now = std::chrono::steady_clock::now();
    if (n > 0) {
        lastInput_ = now;
        for (const auto& ev : events_)
            decoder_.feed(ev, sink);
        // Key codes are the code's characters in another spelling.
        secureWipe(events_.data(), events_.size() * sizeof(InputEvent));
    } else if (wait && now - lastInput_ >= *wait) {
        decoder_.idle(sink);
    }
}

} // namespace hall::drivers::scanner
