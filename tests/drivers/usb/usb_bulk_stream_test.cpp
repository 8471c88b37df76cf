// UsbBulkStream against emulated USB devices (umockdev, see data/README.md). Each "umockdev:"
// suite runs in its own umockdev-run with its own device and script (tests/drivers/usb/
// CMakeLists.txt) and is skipped in a plain run of the binary, where no such device exists.
#include "drivers/base/device_error.h"
#include "drivers/base/device_worker.h"
#include "drivers/base/registry.h"
#include "drivers/transport/usb_bulk_stream.h"

#include <atomic>
#include <condition_variable>
#include <doctest/doctest.h>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

using namespace hall::drivers;
using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;
using Clock = std::chrono::steady_clock;

namespace {

// SAM frames used by the scripts (data/README.md), checked against the frame rule below.
const Bytes kFindCard = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22};
const Bytes kCardFound = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x9F, 0x9B};
const Bytes kSelectCard = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21};
const Bytes kSelected = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x0C, 0x00, 0x00, 0x90,
                         0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x94};
const Bytes kSamStatus = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED};

// Preamble, LEN = bytes after LEN (checksum included), CHK = XOR of everything after the preamble.
bool wellFormedSamFrame(const Bytes& f) {
    if (f.size() < 8 || f[0] != 0xAA || f[1] != 0xAA || f[2] != 0xAA || f[3] != 0x96 ||
        f[4] != 0x69)
        return false;
    const std::size_t len = std::size_t{f[5]} << 8 | f[6];
    const auto chk = std::accumulate(
        f.begin() + 5, f.end() - 1, std::uint8_t{0},
        [](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(a ^ b); });
    return len == f.size() - 7 && chk == f.back();
}

UsbBulkSettings samReaderSettings() {
    const auto* d = findDescriptor("idcard.sam-usb");
    REQUIRE(d != nullptr);
    return UsbBulkSettings::forDescriptor(*d);
}

template <class F> DeviceError failureOf(F&& f) {
    try {
        f();
    } catch (const DeviceFailure& e) {
        return e.error();
    }
    FAIL("expected a DeviceFailure");
    return {};
}

// Reads until `n` bytes came, in pieces of at most `piece` bytes.
Bytes readExactly(UsbBulkStream& s, std::size_t n, std::size_t piece) {
    Bytes out;
    std::vector<std::uint8_t> buf(piece);
    while (out.size() < n) {
        const auto got = s.read(std::span(buf.data(), std::min(piece, n - out.size())), 1s, {});
        REQUIRE(got > 0);
        out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(got));
    }
    return out;
}

} // namespace

TEST_CASE("the scripted SAM frames are well formed") {
    for (const auto* f : {&kFindCard, &kCardFound, &kSelectCard, &kSelected, &kSamStatus})
        CHECK(wellFormedSamFrame(*f));
    CHECK_FALSE(wellFormedSamFrame({0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x23}));
}

TEST_CASE("settings: from the hardware table, and nothing to look for is refused") {
    const auto s = samReaderSettings();
    REQUIRE_FALSE(s.ids.empty());
    CHECK(s.ids.front().vendor == 0x0400);
    CHECK(s.ids.front().product == 0xc35a);
    CHECK_FALSE(s.at.has_value());

    const auto e = failureOf([] { UsbBulkStream stream(UsbBulkSettings{}); });
    CHECK(e.category == ErrorCategory::Device);
    CHECK(e.code == "bad_settings");
}

TEST_SUITE("umockdev: SAM reader" * doctest::skip()) {
    TEST_CASE("opens the reader named in the hardware table and finds its bulk pair") {
        UsbBulkStream stream(samReaderSettings());
        const auto& d = stream.device();
        CHECK(d.vendor == 0x0400);
        CHECK(d.product == 0xc35a);
        CHECK(d.at.bus == 1);
        CHECK(d.at.address == 2);
        CHECK(d.interfaceNumber == 0);
        CHECK(d.endpointIn == 0x81);
        CHECK(d.endpointOut == 0x02);
        CHECK(d.maxPacketIn == 64);
        CHECK(d.maxPacketOut == 64);
        CHECK(d.describe() == "0400:c35a at bus 1 address 2");
    }

    TEST_CASE("find card and select card, byte for byte, in pieces and after a discard") {
        UsbBulkStream stream(samReaderSettings());
        stream.write(kFindCard, {});
        CHECK(readExactly(stream, kCardFound.size(), 64) == kCardFound);

        // One transfer brings the whole reply; the rest of it is served from memory.
        stream.write(kSelectCard, {});
        CHECK(readExactly(stream, kSelected.size(), 5) == kSelected);

        // Half a reply, then discarded: the next reply starts clean.
        stream.write(kFindCard, {});
        CHECK(readExactly(stream, 4, 4) == Bytes(kCardFound.begin(), kCardFound.begin() + 4));
        stream.discardInput();
        stream.write(kSelectCard, {});
        CHECK(readExactly(stream, kSelected.size(), 64) == kSelected);
    }

    TEST_CASE("opens by bus address, but not an address that now holds another device") {
        UsbBulkSettings byAddress;
        byAddress.at = UsbBusAddress{1, 2};
        CHECK(UsbBulkStream(byAddress).device().product == 0xc35a);

        auto both = samReaderSettings();
        both.at = UsbBusAddress{1, 2};
        CHECK(UsbBulkStream(both).device().vendor == 0x0400);

        auto elsewhere = samReaderSettings();
        elsewhere.at = UsbBusAddress{1, 9};
        const auto e = failureOf([&] { UsbBulkStream stream(elsewhere); });
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == "not_found");
        CHECK(e.message.find("bus 1 address 9") != std::string::npos);

        UsbBulkSettings wrongId;
        wrongId.ids = {UsbId{0x1a86, 0x7523, "CH340"}};
        wrongId.at = UsbBusAddress{1, 2};
        CHECK(failureOf([&] { UsbBulkStream stream(wrongId); }).code == "not_found");
    }
}

TEST_SUITE("umockdev: no SAM reader" * doctest::skip()) {
    TEST_CASE("no reader of the table's ids on the bus: a clear not_found") {
        const auto e = failureOf([] { UsbBulkStream stream(samReaderSettings()); });
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == "not_found");
        CHECK(e.message.find("0400:c35a") != std::string::npos);
        CHECK(e.message.find("cable") != std::string::npos);
    }

    TEST_CASE("a USB-serial adapter at the configured address is not taken for the reader") {
        auto s = samReaderSettings();
        s.at = UsbBusAddress{1, 3}; // the CH340
        CHECK(failureOf([&] { UsbBulkStream stream(s); }).code == "not_found");
    }

    TEST_CASE("a HID reader has no bulk pair and says so") {
        UsbBulkSettings s;
        s.ids = {UsbId{0x0425, 0x8159, "HID reader"}};
        const auto e = failureOf([&] { UsbBulkStream stream(s); });
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == "no_bulk_pair");
        CHECK(e.message.find("HID") != std::string::npos);
    }
}

TEST_SUITE("umockdev: reader unplugged" * doctest::skip()) {
    TEST_CASE("a read pending when the reader is pulled fails as unplugged") {
        UsbBulkStream stream(samReaderSettings());
        stream.write(kFindCard, {});
        std::vector<std::uint8_t> buf(64);
        const auto e = failureOf([&] { stream.read(buf, 1s, {}); });
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == "unplugged");
        CHECK(e.message.find("0400:c35a") != std::string::npos);
        CHECK(e.message.find("re-opened") != std::string::npos);
    }

    TEST_CASE("a write to a reader that is gone fails as unplugged") {
        UsbBulkStream stream(samReaderSettings());
        const auto e = failureOf([&] { stream.write(kSelectCard, {}); });
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == "unplugged");
    }

    TEST_CASE("under DeviceWorker the loss is reported once and the reader is opened again") {
        const auto settings = samReaderSettings();
        std::mutex m;
        std::condition_variable cv;
        std::vector<DeviceEvent> events;
        DeviceWorker worker(
            "idcard.sam-usb@test",
            [&](const DeviceEvent& e) {
                std::lock_guard lock(m);
                events.push_back(e);
                cv.notify_all();
            },
            [&settings](std::stop_token stop, const std::function<void()>& ready) {
                UsbBulkStream stream(settings);
                ready();
                stream.write(kFindCard, stop);
                std::vector<std::uint8_t> buf(64);
                stream.read(buf, 1s, stop); // the reader is pulled while this read is pending
                sleepUnlessStopped(stop, 10s);
            },
            ReopenPolicy{10ms, 20ms});
        worker.start();
        {
            std::unique_lock lock(m);
            cv.wait_for(lock, 5s, [&] { return events.size() >= 3; });
        }
        worker.stop();
        REQUIRE(events.size() >= 3);
        CHECK(events[0].type == DeviceEventType::Opened);
        CHECK(events[1].type == DeviceEventType::Lost);
        REQUIRE(events[1].error.has_value());
        CHECK(events[1].error->category == ErrorCategory::Device);
        CHECK(events[1].error->code == "unplugged");
        CHECK(events[2].type == DeviceEventType::Back);
    }

    TEST_CASE("a stalled endpoint is a device failure, not a retry") {
        UsbBulkStream stream(samReaderSettings());
        stream.write(kSamStatus, {});
        std::vector<std::uint8_t> buf(64);
        const auto e = failureOf([&] { stream.read(buf, 1s, {}); });
        CHECK(e.category == ErrorCategory::Device);
        CHECK(e.code == "stalled");
    }
}

TEST_SUITE("umockdev: silent reader" * doctest::skip()) {
    TEST_CASE("nothing within the timeout: read returns 0 after the timeout") {
        UsbBulkStream stream(samReaderSettings());
        std::vector<std::uint8_t> buf(64);
        const auto start = Clock::now();
        CHECK(stream.read(buf, 300ms, {}) == 0);
        const auto took = Clock::now() - start;
        CHECK(took >= 290ms);
        CHECK(took < 1s);
    }

    TEST_CASE("a stop request ends a long read within 200 ms") {
        UsbBulkStream stream(samReaderSettings());
        std::vector<std::uint8_t> buf(64);
        std::stop_source stop;
        std::atomic<Clock::rep> requestedAt{0};
        std::thread stopper([&] {
            std::this_thread::sleep_for(50ms);
            requestedAt = Clock::now().time_since_epoch().count();
            stop.request_stop();
        });
        const auto start = Clock::now();
        CHECK(stream.read(buf, 10s, stop.get_token()) == 0);
        const auto returned = Clock::now();
        stopper.join();
        CHECK(returned - start < 1s);
        CHECK(returned - Clock::time_point(Clock::duration(requestedAt.load())) < 200ms);
    }

    TEST_CASE("nothing is sent once stop is requested") {
        UsbBulkStream stream(samReaderSettings());
        std::stop_source stop;
        stop.request_stop();
        // The script has no OUT transfer at all: a write that reached the device would fail.
        CHECK_NOTHROW(stream.write(kFindCard, stop.get_token()));
        std::vector<std::uint8_t> buf(64);
        CHECK(stream.read(buf, 5s, stop.get_token()) == 0);
    }
}
