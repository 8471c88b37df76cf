// ScannerDevice over an in-memory ByteStream: the device loop without a real port.
#include "drivers/base/registry.h"
#include "drivers/scanner/scanner_device.h"
#include "drivers/scanner/serial_scan_source.h"
#include "tests/drivers/scanner/scanner_test_support.h"

#include <doctest/doctest.h>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::scanner;
using namespace std::chrono_literals;
using scanner_test::MemoryLine;
using scanner_test::MemoryStream;
using scanner_test::Recorder;

namespace {

constexpr ReopenPolicy kFastReopen{std::chrono::milliseconds(20), std::chrono::milliseconds(50)};

// A device whose every (re)open gets a fresh MemoryStream on the line the test holds; an open
// fails while `present` is false.
struct MemoryScanner {
    std::shared_ptr<MemoryLine> line = std::make_shared<MemoryLine>();
    std::atomic<bool> present{true};
    Recorder rec;
    std::unique_ptr<ScannerDevice> device;

    explicit MemoryScanner(FramingSettings framing = {},
                           ClassifierSettings classifier = {{"eid.example.gov.cn"}}) {
        auto opener = [this, framing](std::stop_token) -> std::unique_ptr<ScanSource> {
            if (!present) throw DeviceFailure(deviceError("not_found", "memory scanner absent"));
            {
                std::lock_guard lock(line->mutex);
                ++line->opens;
                line->failed = false;
            }
            return std::make_unique<SerialScanSource>(std::make_unique<MemoryStream>(line),
                                                      framing);
        };
        device = std::make_unique<ScannerDevice>(requireDescriptor("scanner.serial"),
                                                 "scanner.serial@mem", opener, classifier,
                                                 rec.codeSink(), rec.eventSink(), kFastReopen);
    }
};

} // namespace

TEST_CASE("codes are delivered classified, in order") {
    MemoryScanner s;
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    s.line->push("HALL-APPT:ab12cd34\r");
    s.line->push("https://eid.example.gov.cn/v/1\r6901234567892\r");
    auto codes = s.rec.waitCodes(3);
    REQUIRE(codes.size() == 3);
    CHECK(codes[0].payload == "HALL-APPT:ab12cd34");
    CHECK(codes[0].kind == CodeKind::Appointment);
    CHECK(codes[0].bookingId == "AB12CD34");
    CHECK(codes[1].kind == CodeKind::EIdLink);
    CHECK(codes[1].issuerHost == "eid.example.gov.cn");
    CHECK(codes[2].kind == CodeKind::Unknown);
    CHECK(s.device->descriptor().id == "scanner.serial");
    CHECK(s.device->instanceId() == "scanner.serial@mem");
    s.device->stop();
}

TEST_CASE("bytes waiting at open are discarded") {
    MemoryScanner s;
    s.line->push("HALL-APPT:STALE00\r"); // scanned while nobody listened
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    s.line->push("HALL-APPT:FRESH00\r");
    auto codes = s.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].payload == "HALL-APPT:FRESH00");
    std::lock_guard lock(s.line->mutex);
    CHECK(s.line->discards == 1);
}

TEST_CASE("a failed scan is a Retry ReadFailed; the device stays open") {
    FramingSettings f;
    f.limits.maxPayload = 16;
    MemoryScanner s(f);
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    s.line->push(std::string(40, 'X') + "\r");
    s.line->push("bad\xff\r");
    s.line->push("OK\r");
    auto codes = s.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].payload == "OK");
    CHECK(s.rec.failures() == std::vector<std::string>{"code_too_long", "bad_encoding"});
    for (const auto& e : s.rec.events())
        if (e.type == DeviceEventType::ReadFailed) CHECK(e.error->category == ErrorCategory::Retry);
    CHECK(s.rec.count(DeviceEventType::Lost) == 0);
}

TEST_CASE("a dribbled code with pauses shorter than the stale limit is one code") {
    MemoryScanner s;
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    for (char c : std::string("HALL-APPT:AB12CD34\r")) {
        s.line->push(std::string(1, c));
        std::this_thread::sleep_for(5ms);
    }
    auto codes = s.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].bookingId == "AB12CD34");
    CHECK(s.rec.failures().empty());
}

TEST_CASE("no terminator: the pause ends each code") {
    FramingSettings f;
    f.terminator = Terminator::None;
    f.idleTimeout = 100ms; // generous: two pushes back to back must stay one code under load
    MemoryScanner s(f);
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    s.line->push("HALL-APPT:");
    s.line->push("AB12CD34");
    std::this_thread::sleep_for(400ms);
    s.line->push("202405170012");
    auto codes = s.rec.waitCodes(2);
    REQUIRE(codes.size() == 2);
    CHECK(codes[0].payload == "HALL-APPT:AB12CD34");
    CHECK(codes[1].payload == "202405170012");
}

TEST_CASE("the stream failing is Lost once; the scanner coming back is Back, codes flow again") {
    MemoryScanner s;
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    s.present = false;
    s.line->push("HALL-APPT:"); // half a code, then the cable is pulled
    std::this_thread::sleep_for(20ms);
    s.line->fail();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Lost));
    std::this_thread::sleep_for(200ms); // several failed re-opens: still one Lost
    CHECK(s.rec.count(DeviceEventType::Lost) == 1);
    s.present = true;
    REQUIRE(s.rec.waitEvent(DeviceEventType::Back));
    s.line->push("HALL-APPT:AFTER000\r");
    auto codes = s.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].payload == "HALL-APPT:AFTER000"); // the half code did not glue on
    auto events = s.rec.events();
    auto lost = std::find_if(events.begin(), events.end(),
                             [](const auto& e) { return e.type == DeviceEventType::Lost; });
    REQUIRE(lost != events.end());
    CHECK(lost->error->code == "unplugged");
    CHECK(lost->error->category == ErrorCategory::Device);
}

TEST_CASE("a scanner absent at start is Lost, then Opened when it appears") {
    MemoryScanner s;
    s.present = false;
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Lost));
    s.present = true;
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    CHECK(s.rec.count(DeviceEventType::Back) == 0);
}

TEST_CASE("a code handler that throws does not stop the scanner") {
    auto line = std::make_shared<MemoryLine>();
    Recorder rec;
    int calls = 0;
    auto opener = [line](std::stop_token) -> std::unique_ptr<ScanSource> {
        return std::make_unique<SerialScanSource>(std::make_unique<MemoryStream>(line),
                                                  FramingSettings{});
    };
    auto sink = rec.codeSink();
    ScannerDevice device(
        requireDescriptor("scanner.serial"), "scanner.serial@mem", opener, {},
        [&](const ScannedCode& c) {
            if (++calls == 1) throw std::runtime_error("host bug");
            sink(c);
        },
        rec.eventSink(), kFastReopen);
    device.start();
    REQUIRE(rec.waitEvent(DeviceEventType::Opened));
    line->push("FIRST1\rSECOND\r");
    auto codes = rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].payload == "SECOND");
    CHECK(rec.count(DeviceEventType::Lost) == 0);
}

TEST_CASE("stop ends a device waiting for input at once") {
    MemoryScanner s;
    s.device->start();
    REQUIRE(s.rec.waitEvent(DeviceEventType::Opened));
    auto t0 = std::chrono::steady_clock::now();
    s.device->stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 500ms);
    s.device->stop(); // idempotent
}

TEST_CASE("factories refuse unusable settings") {
    SerialScannerConfig serial;
    serial.port.path = "/dev/ttyS0";
    serial.framing.limits.maxPayload = 0;
    CHECK_THROWS_AS(makeSerialScanner(serial, {}, {}), std::invalid_argument);
    serial.framing = {};
    serial.classifier.eIdHosts = {"https://eid.example.gov.cn"};
    CHECK_THROWS_AS(makeSerialScanner(serial, {}, {}), std::invalid_argument);
    serial.classifier = {};
    serial.port.path.clear();
    CHECK_THROWS_AS(makeSerialScanner(serial, {}, {}), std::invalid_argument);

    HidScannerConfig hid;
    hid.device.vendor = 0x0c2e; // product missing
    CHECK_THROWS_AS(makeHidScanner(hid, {}, {}), std::invalid_argument);
    hid.device.product = 0x0204;
    hid.keys.terminatorKeys = {0};
    CHECK_THROWS_AS(makeHidScanner(hid, {}, {}), std::invalid_argument);
    hid.keys = {};
    auto device = makeHidScanner(hid, {}, {});
    CHECK(device->instanceId() == "scanner.hid@usb:0c2e:0204");
    CHECK(device->descriptor().id == "scanner.hid");
    hid.device = {};
    CHECK(makeHidScanner(hid, {}, {})->instanceId() == "scanner.hid@auto");
    hid.device.path = "/dev/input/event3";
    CHECK(makeHidScanner(hid, {}, {})->instanceId() == "scanner.hid@/dev/input/event3");
}
