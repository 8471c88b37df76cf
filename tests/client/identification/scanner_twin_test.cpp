// End to end: the serial scanner driver (SerialStream on a pty) against the scanner twin, owned
// by the service.
#include "drivers/scanner/scanner_device.h"
#include "drivers/scanner/twin/scanner_twin.h"
#include "tests/client/identification/event_loop.h"
#include "shared/client/identification_service.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using namespace hall::client;
using namespace identification_test;

namespace {

struct Rig {
    hall::testing::TempDir dir{"identification-scanner"};
    hall::drivers::twin::ScannerTwin twin{dir.file("ttySCANNER")};
    IdentificationService service;
    Recorder rec{service};

    Rig() {
        hall::drivers::scanner::SerialScannerConfig config;
        config.port = {twin.link().string(), 9600};
        config.classifier.eIdHosts = {"eid.example.gov.cn"};
        service.addDevice(hall::drivers::scanner::makeSerialScanner(
            config, service.codeHandler(), service.eventSink(),
            {std::chrono::milliseconds(20), std::chrono::milliseconds(100)}));
        REQUIRE(waitUntil([&] { return rec.hasStatus("opened"); }));
    }
};

} // namespace

TEST_CASE("an appointment code identifies; an e-ID link replaces it; a product barcode does not") {
    Rig rig;
    rig.twin.scan("HALL-APPT:ab12cd34");
    REQUIRE(waitUntil([&] { return rig.rec.persons.size() == 1; }));
    IdentifiedPerson p = rig.rec.persons.back();
    CHECK(p.source == "qr_code");
    CHECK(p.codeKind == "appointment");
    CHECK(p.bookingId == "AB12CD34");
    CHECK(p.name.isEmpty());
    CHECK(p.idNumber.isEmpty());
    CHECK_FALSE(p.hasPersonKey);
    CHECK(rig.service.personKey("hall-secret-0123456789").isEmpty());
    REQUIRE(rig.service.session().scannedCode());
    CHECK(rig.service.session().scannedCode()->payload == "HALL-APPT:ab12cd34");

    rig.twin.scan("https://eid.example.gov.cn/v/8f3a9c");
    REQUIRE(waitUntil([&] { return rig.rec.persons.size() == 2; }));
    p = rig.rec.persons.back();
    CHECK(p.codeKind == "eid_link");
    CHECK(p.issuerHost == "eid.example.gov.cn");
    CHECK(p.bookingId.isEmpty());

    rig.twin.scan("6901234567892"); // an EAN-13 from a product
    REQUIRE(waitUntil([&] { return !rig.rec.failures.empty(); }));
    const Failure& f = rig.rec.failures.front();
    CHECK(f.source == "qr_code");
    CHECK(f.code == "unrecognised_code");
    CHECK(f.citizen == "无法识别此二维码，请出示预约码或电子证照二维码");
    CHECK_FALSE(f.technician.contains("6901234567892"));
    CHECK(rig.rec.persons.size() == 2);
    CHECK(rig.service.person().codeKind == "eid_link"); // the session is untouched
    CHECK(rig.rec.allOnMainThread);
}

TEST_CASE("a garbled scan is a failure with the scanner's general instruction") {
    Rig rig;
    const std::uint8_t bad[] = {'H', 0xFF, 0xFE, 'X', '\r'};
    rig.twin.sendRaw(bad);
    REQUIRE(waitUntil([&] { return !rig.rec.failures.empty(); }));
    CHECK(rig.rec.failures.front().code == "bad_encoding");
    CHECK(rig.rec.failures.front().citizen == "扫码失败，请将二维码对准扫码窗口重新扫码");
    CHECK(rig.rec.persons.empty());
}

TEST_CASE("the scanner unplugged and plugged back") {
    Rig rig;
    rig.twin.unplug();
    REQUIRE(waitUntil([&] { return rig.rec.hasStatus("lost"); }));
    CHECK(rig.service.devices().front().toMap()["source"].toString() == "qr_code");
    rig.twin.plug();
    REQUIRE(waitUntil([&] { return rig.rec.hasStatus("back"); }));
    rig.twin.scan("HALL-APPT:BACK1234");
    REQUIRE(waitUntil([&] { return !rig.rec.persons.empty(); }));
    CHECK(rig.rec.persons.front().bookingId == "BACK1234");
}
