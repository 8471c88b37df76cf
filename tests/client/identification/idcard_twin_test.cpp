// End to end: the real IdCardReader (SerialStream on a pty) against the SAM twin, owned by the
// service and wired with its callbacks, as an app wires it.
#include "drivers/base/registry.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/transport/serial_stream.h"
#include "tests/client/identification/event_loop.h"
#include "tests/drivers/support/idcard_test_support.h"
#include "shared/client/identification_service.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using namespace hall::client;
using namespace identification_test;
using namespace hall::drivers::idcard;

namespace {

std::unique_ptr<IdCardReader> makeReader(IdentificationService& service, const std::string& port) {
    hall::drivers::SerialSettings serial{port, 115200};
    return std::make_unique<IdCardReader>(
        hall::drivers::requireDescriptor("idcard.sam-serial"), serial.path,
        [serial] { return std::make_unique<hall::drivers::SerialStream>(serial); },
        service.eventSink(), service.idCardHandler(), hall::testing::fastReaderOptions());
}

struct Rig {
    hall::testing::TempDir dir{"identification-idcard"};
    SamReaderTwin twin{dir.file("ttyIDCARD")};
    IdentificationService service;
    Recorder rec{service};
    QString device;

    Rig() {
        twin.start();
        auto reader = makeReader(service, twin.link().string());
        device = QString::fromStdString(reader->instanceId());
        service.addDevice(std::move(reader));
        REQUIRE(waitUntil([&] { return rec.hasStatus("opened"); }));
    }

    QVariantMap entry() const {
        const auto list = service.devices();
        REQUIRE(list.size() == 1);
        return list.front().toMap();
    }
};

} // namespace

TEST_CASE("a card on the reader: person identified with masked fields only") {
    Rig rig;
    CHECK(rig.rec.statuses.front() == std::pair<QString, QString>(rig.device, "opened"));
    const QVariantMap e = rig.entry();
    CHECK(e["id"].toString() == rig.device);
    CHECK(e["state"].toString() == "opened");
    CHECK(e["online"].toBool());
    CHECK(e["source"].toString() == "id_card");
    CHECK(e["kind"].toString() == "ID-card reader");

    rig.twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
    REQUIRE(waitUntil([&] { return !rig.rec.persons.empty(); }));
    CHECK(rig.rec.reading == std::vector<QString>{"id_card"});
    const IdentifiedPerson& p = rig.rec.persons.front();
    CHECK(p.source == "id_card");
    CHECK(p.name == "王*兰");
    CHECK(p.idNumber == "110101********0025");
    CHECK(p.cardType == "resident");
    CHECK(p.hasPersonKey);
    CHECK(rig.rec.failures.empty());
    CHECK(rig.rec.allOnMainThread);

    rig.service.wipeSession();
    CHECK_FALSE(rig.service.hasPerson());
    CHECK(rig.rec.wiped == std::vector<QString>{"requested"});
}

TEST_CASE("a failed read: the citizen is told what to do, the technician gets the driver's words") {
    Rig rig;
    rig.twin.failReads(0x41, 1); // SW3 41: the card moved during the read
    rig.twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
    REQUIRE(waitUntil([&] { return !rig.rec.persons.empty(); })); // read again on the next poll
    REQUIRE(rig.rec.failures.size() == 1);
    const Failure& f = rig.rec.failures.front();
    CHECK(f.source == "id_card");
    CHECK(f.code == "read_failed");
    CHECK(f.citizen == "读卡失败，请将身份证平放在读卡区，不要移动");
    CHECK(f.technician.contains("SW3"));
    CHECK(f.technician != f.citizen);
}

TEST_CASE("a misread number is a failure, never a person, and no message carries it") {
    Rig rig;
    rig.twin.insert(
        hall::testing::residentCard("王秀兰", "110101194403050026")); // wrong check digit
    REQUIRE(waitUntil([&] { return rig.rec.failure("misread") != nullptr; }));
    const Failure& f = *rig.rec.failure("misread");
    CHECK(f.citizen == "读卡失败，请重新放置");
    CHECK_FALSE(f.technician.contains("110101"));
    // Three attempts per placement, then "place it again".
    REQUIRE(waitUntil([&] { return rig.rec.failure("place_again") != nullptr; }));
    CHECK(rig.rec.failure("place_again")->citizen == "请取走身份证，再重新平放在读卡区");
    CHECK(rig.rec.persons.empty());
    CHECK_FALSE(rig.service.hasPerson());
}

TEST_CASE("unplugged and plugged back: lost, then back, and the technician list follows") {
    Rig rig;
    const int changesBefore = rig.rec.devicesChanges;
    rig.twin.unplug();
    REQUIRE(waitUntil([&] { return rig.rec.hasStatus("lost"); }));
    QVariantMap e = rig.entry();
    CHECK(e["state"].toString() == "lost");
    CHECK_FALSE(e["online"].toBool());
    CHECK_FALSE(e["errorCode"].toString().isEmpty());
    CHECK_FALSE(e["message"].toString().isEmpty());
    CHECK(rig.rec.devicesChanges > changesBefore);

    rig.twin.plug();
    REQUIRE(waitUntil([&] { return rig.rec.hasStatus("back"); }));
    CHECK(rig.rec.countStatus("lost") == 1);
    e = rig.entry();
    CHECK(e["state"].toString() == "back");
    CHECK(e["online"].toBool());
    CHECK(e["message"].toString().isEmpty());

    rig.twin.insert(hall::testing::residentCard("李建国", "440304198511237617"));
    REQUIRE(waitUntil([&] { return !rig.rec.persons.empty(); }));
    CHECK(rig.rec.persons.front().name == "李*国");
}

TEST_CASE("a second device with the same instance id is refused; the first keeps working") {
    Rig rig;
    CHECK_THROWS_AS(rig.service.addDevice(makeReader(rig.service, rig.twin.link().string())),
                    std::invalid_argument);
    CHECK(rig.service.devices().size() == 1);
    rig.twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
    REQUIRE(waitUntil([&] { return !rig.rec.persons.empty(); }));
    CHECK(rig.rec.persons.size() == 1);
}
