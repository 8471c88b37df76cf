// Scanned codes are personal data: the buffers that held one are wiped (secure_wipe.h's test
// hook reports every wipe; addresses are compared, freed memory is never read).
#include "drivers/base/registry.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/scanner/scanner_device.h"
#include "drivers/scanner/serial_framer.h"
#include "drivers/scanner/serial_scan_source.h"
#include "tests/drivers/scanner/scanner_test_support.h"

#include <doctest/doctest.h>
#include <mutex>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::scanner;
using namespace std::chrono_literals;

namespace {

std::mutex wipesMutex;
std::vector<std::pair<std::uintptr_t, std::size_t>> wipes;

void recordWipe(const void* data, std::size_t size) noexcept {
    std::lock_guard lock(wipesMutex);
    wipes.emplace_back(reinterpret_cast<std::uintptr_t>(data), size);
}

bool wasWiped(std::uintptr_t from, std::size_t size) {
    std::lock_guard lock(wipesMutex);
    for (auto [start, n] : wipes)
        if (start <= from && from + size <= start + n) return true;
    return false;
}

struct ObserveWipes {
    ObserveWipes() {
        std::lock_guard lock(wipesMutex);
        wipes.clear();
        setWipeObserver(recordWipe);
    }
    ~ObserveWipes() { setWipeObserver(nullptr); }
};

} // namespace

TEST_CASE("a ScannedCode wipes its text and booking id when it dies") {
    ObserveWipes observe;
    std::uintptr_t payloadAt = 0, bookingAt = 0;
    {
        ScannedCode code;
        code.payload = "HALL-APPT:AB12CD34 and enough text to leave the short-string buffer";
        code.classification.bookingId = "AB12CD34-BOOKING-ID-LONGER-THAN-SSO";
        payloadAt = reinterpret_cast<std::uintptr_t>(code.payload.data());
        bookingAt = reinterpret_cast<std::uintptr_t>(code.classification.bookingId.data());
        CHECK_FALSE(wasWiped(payloadAt, 10));
    }
    CHECK(wasWiped(payloadAt, 10));
    CHECK(wasWiped(bookingAt, 8));
}

TEST_CASE("the framer's copy is wiped once the code has been handed on") {
    ObserveWipes observe;
    SerialFramer framer(FramingSettings{});
    std::uintptr_t at = 0;
    std::size_t size = 0;
    FrameSink sink{[&](std::string& p) {
                       at = reinterpret_cast<std::uintptr_t>(p.data());
                       size = p.size();
                   },
                   {}};
    const std::string stream = "HALL-APPT:AB12CD34-A-CODE-LONGER-THAN-SSO\r";
    framer.feed({reinterpret_cast<const std::uint8_t*>(stream.data()), stream.size()}, sink);
    REQUIRE(size == stream.size() - 1);
    CHECK(wasWiped(at, size));
}

TEST_CASE("the device's ScannedCode is wiped after the host's callback returns") {
    ObserveWipes observe;
    auto line = std::make_shared<scanner_test::MemoryLine>();
    scanner_test::Recorder rec;
    std::mutex m;
    std::uintptr_t at = 0;
    std::size_t size = 0;
    auto sink = rec.codeSink();
    ScannerDevice device(
        requireDescriptor("scanner.serial"), "scanner.serial@mem",
        [line](std::stop_token) -> std::unique_ptr<ScanSource> {
            return std::make_unique<SerialScanSource>(
                std::make_unique<scanner_test::MemoryStream>(line), FramingSettings{});
        },
        {},
        [&](const ScannedCode& c) {
            {
                std::lock_guard lock(m);
                at = reinterpret_cast<std::uintptr_t>(c.payload.data());
                size = c.payload.size();
            }
            sink(c);
        },
        rec.eventSink());
    device.start();
    REQUIRE(rec.waitEvent(DeviceEventType::Opened));
    line->push("HALL-APPT:AB12CD34-A-CODE-LONGER-THAN-SSO\r");
    REQUIRE(rec.waitCodes(1).size() == 1);
    device.stop();
    std::lock_guard lock(m);
    CHECK(wasWiped(at, size));
}
