#pragma once
// A keyboard-mode (USB HID) scanner through its evdev node: EvdevInput decoded by KeyDecoder.

#include "drivers/scanner/evdev_input.h"
#include "drivers/scanner/key_decoder.h"
#include "drivers/scanner/scan_source.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace hall::drivers::scanner {

// Which event node is the scanner. One of:
//   path set              that node (/dev/input/eventN, or a stable /dev/input/by-id/… link)
//   vendor and product    the first node typing digits with that USB id (sysfs)
//   nothing set           the first node typing digits whose USB id is one of scanner.hid's
//                         rows in the hardware table
struct HidSelector {
    std::string path;
    std::optional<std::uint16_t> vendor;
    std::optional<std::uint16_t> product;
};

// The event node to open now, looked up under sysfsRoot; throws DeviceFailure "not_found"
// (Device category) when no matching scanner is plugged in.
std::string resolveEvdevNode(const HidSelector& selector, const std::filesystem::path& sysfsRoot);

class HidScanSource : public ScanSource {
public:
    HidScanSource(std::string path, bool grab, const KeySettings& keys);
    void pump(std::stop_token stop, const FrameSink& sink) override;

private:
    EvdevInput input_;
    KeyDecoder decoder_;
    std::vector<InputEvent> events_;
    std::chrono::steady_clock::time_point lastInput_{}; // the pause that ends or drops a code
};

} // namespace hall::drivers::scanner
