// End to end: the serial scanner driver (SerialStream) against the scanner twin on a real pty.
#include "drivers/scanner/scanner_device.h"
#include "drivers/scanner/twin/scanner_twin.h"
#include "tests/drivers/scanner/scanner_test_support.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::scanner;
using namespace std::chrono_literals;
using scanner_test::Recorder;

namespace {

constexpr ReopenPolicy kFastReopen{std::chrono::milliseconds(20), std::chrono::milliseconds(100)};

struct Rig {
    hall::testing::TempDir dir{"scanner-pty"};
    twin::ScannerTwin twin;
    Recorder rec;
    std::unique_ptr<ScannerDevice> device;

    explicit Rig(FramingSettings framing = {}, twin::ScannerTwinFraming twinFraming = {})
        : twin(dir.file("scanner"), twinFraming) {
        SerialScannerConfig config;
        config.port = {twin.link().string(), 9600};
        config.framing = framing;
        config.classifier.eIdHosts = {"eid.example.gov.cn"};
        device = makeSerialScanner(config, rec.codeSink(), rec.eventSink(), kFastReopen);
        device->start();
        REQUIRE(rec.waitEvent(DeviceEventType::Opened));
    }
};

} // namespace

TEST_CASE("a scan on the twin arrives as a classified ScannedCode") {
    Rig rig;
    CHECK(rig.device->instanceId() == "scanner.serial@" + rig.twin.link().string());
    rig.twin.scan("HALL-APPT:AB12CD34");
    rig.twin.scan("https://eid.example.gov.cn/v/8f3a9c");
    auto codes = rig.rec.waitCodes(2);
    REQUIRE(codes.size() == 2);
    CHECK(codes[0].kind == CodeKind::Appointment);
    CHECK(codes[0].bookingId == "AB12CD34");
    CHECK(codes[1].kind == CodeKind::EIdLink);
    CHECK(codes[1].payload == "https://eid.example.gov.cn/v/8f3a9c");
}

TEST_CASE("CR LF, STX/ETX framing and UTF-8 text through the pty") {
    FramingSettings f;
    f.terminator = Terminator::CRLF;
    f.limits.prefix = "\x02";
    f.limits.suffix = "\x03";
    Rig rig(f, {"\x02", "\x03", "\r\n"});
    rig.twin.scan("\xe7\x94\xb5\xe5\xad\x90\xe8\xaf\x81\xe7\x85\xa7"); // 电子证照
    auto codes = rig.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].payload == "\xe7\x94\xb5\xe5\xad\x90\xe8\xaf\x81\xe7\x85\xa7");
    CHECK(codes[0].kind == CodeKind::Unknown);
}

TEST_CASE("slow: a dribbled code is still one code") {
    Rig rig;
    rig.twin.setSlow(10ms);
    rig.twin.scan("HALL-APPT:SLOW1234");
    auto codes = rig.rec.waitCodes(1, 10s);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].bookingId == "SLOW1234");
    CHECK(rig.rec.failures().empty());
}

TEST_CASE("garbage is reported or ignored; the next scan works") {
    Rig rig;
    rig.twin.garbage(2000);
    REQUIRE(rig.twin.waitIdle(5s));
    std::this_thread::sleep_for(700ms); // past the partial-code limit: leftover noise dropped
    rig.twin.scan("HALL-APPT:AFTERNOISE");
    bool found = false;
    for (int i = 0; i < 50 && !found; ++i) {
        for (const auto& c : rig.rec.waitCodes(1, 100ms))
            found = found || c.payload == "HALL-APPT:AFTERNOISE";
    }
    CHECK(found);
    CHECK(rig.rec.count(DeviceEventType::Lost) == 0);
}

TEST_CASE("over-long code: Retry error, then the next scan works") {
    Rig rig;
    rig.twin.scan(std::string(5000, 'Z'));
    rig.twin.scan("202405170012");
    auto codes = rig.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].bookingId == "202405170012");
    CHECK(rig.rec.failures() == std::vector<std::string>{"code_too_long"});
}

TEST_CASE("unplug mid-code: Lost; plug: Back; the next scan works") {
    Rig rig;
    rig.twin.setSlow(20ms);
    rig.twin.scan("HALL-APPT:HALFWAY00");
    std::this_thread::sleep_for(100ms); // a few bytes are on the wire
    rig.twin.unplug();
    REQUIRE(rig.rec.waitEvent(DeviceEventType::Lost));
    auto events = rig.rec.events();
    CHECK(events.back().type == DeviceEventType::Lost);
    CHECK(events.back().error->category == ErrorCategory::Device);
    std::this_thread::sleep_for(300ms); // failed re-opens in the meantime: still one Lost
    CHECK(rig.rec.count(DeviceEventType::Lost) == 1);

    rig.twin.setSlow(0ms);
    rig.twin.plug();
    REQUIRE(rig.rec.waitEvent(DeviceEventType::Back));
    rig.twin.scan("HALL-APPT:BACK0000");
    auto codes = rig.rec.waitCodes(1);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].payload == "HALL-APPT:BACK0000"); // nothing of the half code glued on

    // And again: the host survives any number of outages.
    rig.twin.unplug();
    REQUIRE(rig.rec.waitEvent(DeviceEventType::Lost, 2));
    rig.twin.plug();
    REQUIRE(rig.rec.waitEvent(DeviceEventType::Back, 2));
    rig.twin.scan("202405170012");
    codes = rig.rec.waitCodes(2);
    REQUIRE(codes.size() == 2);
    CHECK(codes[1].payload == "202405170012");
}
