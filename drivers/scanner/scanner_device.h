#pragma once
// A QR / barcode scanner as a hall::drivers::Device: serial ("scanner.serial") or USB keyboard mode
// ("scanner.hid"), on its own DeviceWorker thread.
//
//   codes        every complete code, classified, goes to the CodeSink (on the device thread;
//                the host marshals it and must not block). The ScannedCode is wiped when the
//                call returns: copy what must live longer, and wipe the copy when done.
//   events       Opened / Lost / Back from the worker; ReadFailed with a Retry error for a scan
//                that went wrong (too long, garbled, cut off, not UTF-8). A scan is not a card:
//                there is no CardInserted / CardRemoved for codes, the CodeSink is the signal.
//   hot-plug     unplugged → Lost once; the scanner is re-opened in the background (serial:
//                the port path; keyboard mode: the node found again by path or USB id) → Back.
//
// Nothing here logs. Error messages name the port, never a code.

#include "drivers/base/worker_device.h"
#include "drivers/scanner/code_classifier.h"
#include "drivers/scanner/hid_scan_source.h"
#include "drivers/scanner/key_decoder.h"
#include "drivers/scanner/scan_source.h"
#include "drivers/scanner/scanned_code.h"
#include "drivers/scanner/serial_framer.h"
#include "drivers/transport/serial_stream.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace hall::drivers::scanner {

using CodeSink = std::function<void(const ScannedCode&)>;

struct SerialScannerConfig {
    SerialSettings port; // path and baud (scanners: 9600 or 115200 are the usual factory settings)
    FramingSettings framing;
    ClassifierSettings classifier;
};

struct HidScannerConfig {
    HidSelector device;
    bool grab =
        true; // only tests reading a FIFO turn this off: an ungrabbed scanner types into the UI
    std::filesystem::path sysfsRoot = "/sys";
    KeySettings keys;
    ClassifierSettings classifier;
};

class ScannerDevice final : public WorkerDevice {
public:
    // Any source of scans: the factories below, or a test's in-memory stream. Throws
    // std::invalid_argument for unusable classifier settings.
    ScannerDevice(const DeviceDescriptor& descriptor, std::string instanceId,
                  ScanSourceOpener opener, ClassifierSettings classifier, CodeSink codes,
                  DeviceEventSink events, ReopenPolicy policy = {});
    ~ScannerDevice() override { stop(); }

private:
    void serve(std::stop_token stop, const std::function<void()>& ready) override;
    void deliver(std::string& payload);

    ScanSourceOpener opener_;
    ClassifierSettings classifier_;
    CodeSink codes_;
};

// "scanner.serial@<port path>". Throws std::invalid_argument for unusable settings (framing,
// classifier), with a message saying which.
std::unique_ptr<ScannerDevice> makeSerialScanner(const SerialScannerConfig& config, CodeSink codes,
                                                 DeviceEventSink events, ReopenPolicy policy = {});

// "scanner.hid@<node path>", "scanner.hid@usb:0c2e:0204" or "scanner.hid@auto".
std::unique_ptr<ScannerDevice> makeHidScanner(const HidScannerConfig& config, CodeSink codes,
                                              DeviceEventSink events, ReopenPolicy policy = {});

} // namespace hall::drivers::scanner
