#include "drivers/scanner/scanner_device.h"

#include "drivers/base/registry.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/scanner/serial_scan_source.h"

#include <cstdio>
#include <stdexcept>

namespace hall::drivers::scanner {
ScannerDevice::ScannerDevice(const DeviceDescriptor& descriptor, std::string instanceId,
                             ScanSourceOpener opener, ClassifierSettings classifier, CodeSink codes,
                             DeviceEventSink events, ReopenPolicy policy)
    : WorkerDevice(descriptor, std::move(instanceId), std::move(events), policy),
      opener_(std::move(opener)), classifier_(std::move(classifier)), codes_(std::move(codes)) {
    if (auto e = checkClassifierSettings(classifier_)) throw std::invalid_argument(*e);
}

void ScannerDevice::serve(std::stop_token stop, const std::function<void()>& ready) {
    auto source = opener_(stop);
    if (stop.stop_requested()) return;
    ready();
    const FrameSink sink{
        [this](std::string& payload) { deliver(payload); },
        [this](const DeviceError& error) { report(DeviceEventType::ReadFailed, error); },
    };
    while (!stop.stop_requested()) {
        try {
            source->pump(stop, sink);
        } catch (const DeviceFailure& f) {
            if (!f.isRetry()) throw;
            report(DeviceEventType::ReadFailed, f.error());
        }
    }
}

void ScannerDevice::deliver(std::string& payload) {
    ScannedCode code;
    code.payload = payload;
    secureWipe(payload);
    code.classification = classifyPayload(code.payload, classifier_);
    if (!codes_) return;
    try {
        codes_(code);
    } catch (...) {
        // A host handler that throws must not take the scanner down; the code is dropped (and
        // wiped with `code`).
    }
}

std::unique_ptr<ScannerDevice> makeSerialScanner(const SerialScannerConfig& config, CodeSink codes,
                                                 DeviceEventSink events, ReopenPolicy policy) {
    if (auto e = checkFramingSettings(config.framing)) throw std::invalid_argument(*e);
    if (config.port.path.empty()) throw std::invalid_argument("scanner serial port path is empty");
    auto opener = [port = config.port, framing = config.framing](std::stop_token) {
        return std::make_unique<SerialScanSource>(std::make_unique<SerialStream>(port), framing);
    };
    return std::make_unique<ScannerDevice>(
        requireDescriptor("scanner.serial"), "scanner.serial@" + config.port.path,
        std::move(opener), config.classifier, std::move(codes), std::move(events), policy);
}

std::unique_ptr<ScannerDevice> makeHidScanner(const HidScannerConfig& config, CodeSink codes,
                                              DeviceEventSink events, ReopenPolicy policy) {
    if (auto e = checkKeySettings(config.keys)) throw std::invalid_argument(*e);
    const auto& sel = config.device;
    if (sel.vendor.has_value() != sel.product.has_value())
        throw std::invalid_argument("a scanner's USB id needs both vendor and product");
    std::string where;
    if (!sel.path.empty()) {
        where = sel.path;
    } else if (sel.vendor) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "usb:%04x:%04x", *sel.vendor, *sel.product);
        where = buf;
    } else {
        where = "auto";
    }
    auto opener = [config](std::stop_token) {
        // Looked up again at every (re)open: the node number changes when the scanner is
        // re-plugged.
        return std::make_unique<HidScanSource>(resolveEvdevNode(config.device, config.sysfsRoot),
                                               config.grab, config.keys);
    };
    return std::make_unique<ScannerDevice>(requireDescriptor("scanner.hid"), "scanner.hid@" + where,
                                           std::move(opener), config.classifier, std::move(codes),
                                           std::move(events), policy);
}

} // namespace hall::drivers::scanner
