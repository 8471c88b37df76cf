// The service's session, driven through the callbacks it hands to drivers, called from other
// threads as the drivers call them: marshalling, masked fields, replacement, wiping (checked
// through secure_wipe.h's observer), the idle timeout, the person key, and the social-security
// card path.
#include "tests/client/identification/event_loop.h"
#include "shared/client/identification_service.h"
#include "tests/client/identification/wipe_watch.h"

#include <QElapsedTimer>
#include <doctest/doctest.h>
#include <limits>
#include <memory>
#include <thread>

using namespace hall::client;
using namespace identification_test;
using hall::drivers::idcard::IdCardRecord;
using hall::drivers::smartcard::SocialSecurityCardRecord;

namespace {

const QByteArray kHallSecret("hall-secret-0123456789");

IdCardRecord idCard(std::string name, std::string idNumber) {
    IdCardRecord r;
    r.name = std::move(name);
    r.sex = hall::drivers::idcard::Sex::Female;
    r.nationCode = "01";
    r.nationName = "汉";
    r.birthDate = idNumber.substr(6, 8);
    r.address = "北京市东城区示例胡同十二号院三号楼";
    r.idNumber = std::move(idNumber);
    r.issuingAuthority = "北京市公安局东城分局";
    r.validFrom = "20100315";
    r.validTo = std::string(hall::drivers::idcard::kLongTerm);
    r.photo = hall::drivers::SecureBytes(std::vector<std::uint8_t>(1024, 0x5A));
    return r;
}

SocialSecurityCardRecord ssCard(std::string name, std::string idNumber) {
    SocialSecurityCardRecord r;
    r.cardNumber = "A12345678";
    r.holderName = std::move(name);
    r.idNumber = std::move(idNumber);
    r.issuingRegion = "110100";
    r.cardVersion = "3.00";
    return r;
}

// Calls f on another thread, as a driver's worker would, and waits for that thread only.
template <typename F> void fromWorker(F&& f) {
    std::thread worker(std::forward<F>(f));
    worker.join();
}

struct Buffer {
    const void* data;
    std::size_t size;
};

// The heap and in-object buffers of the ID-card record the session holds now.
std::vector<Buffer> idCardBuffers(const IdentificationService& s) {
    const IdCardRecord* r = s.session().idCard();
    REQUIRE(r);
    return {{r->name.data(), r->name.size()},
            {r->idNumber.data(), r->idNumber.size()},
            {r->address.data(), r->address.size()},
            {r->photo.bytes().data(), r->photo.size()}};
}

bool allWiped(const WipeWatch& watch, const std::vector<Buffer>& buffers) {
    for (const auto& b : buffers)
        if (!watch.wasWiped(b.data, b.size)) return false;
    return true;
}

} // namespace

TEST_CASE("a card record from a worker thread arrives on the service's thread, masked") {
    IdentificationService service;
    Recorder rec(service);
    auto handler = service.idCardHandler();

    IdCardRecord card = idCard("王秀兰", "110101194403050025");
    fromWorker([&] { handler(std::move(card)); });
    // The worker has returned, and nothing was delivered yet: the call was queued, not waited on.
    CHECK(rec.persons.empty());
    CHECK(card.idNumber.empty()); // moved out of the driver's record, which is wiped

    REQUIRE(waitUntil([&] { return !rec.persons.empty(); }));
    CHECK(rec.allOnMainThread);
    const IdentifiedPerson& p = rec.persons.front();
    CHECK(p.source == "id_card");
    CHECK(p.name == "王*兰");
    CHECK(p.idNumber == "110101********0025");
    CHECK(p.cardType == "resident");
    CHECK(p.codeKind.isEmpty());
    CHECK(p.hasPersonKey);
    CHECK(service.hasPerson());
    CHECK(service.person() == p);
    CHECK(rec.sessionChanges == 1);
    // The full record is in the session, in place.
    REQUIRE(service.session().idCard());
    CHECK(service.session().idCard()->idNumber == "110101194403050025");
}

TEST_CASE("wipeSession overwrites the record's buffers and forgets the person") {
    WipeWatch watch;
    IdentificationService service;
    Recorder rec(service);
    auto handler = service.idCardHandler();
    fromWorker([&] { handler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return service.hasPerson(); }));

    const auto buffers = idCardBuffers(service);
    watch.clear();
    CHECK_FALSE(allWiped(watch, buffers));
    service.wipeSession();
    CHECK(allWiped(watch, buffers));
    CHECK_FALSE(service.hasPerson());
    CHECK(service.session().empty());
    CHECK(service.person().source.isEmpty());
    CHECK(service.personKey(kHallSecret).isEmpty());
    REQUIRE(rec.wiped.size() == 1);
    CHECK(rec.wiped.front() == "requested");

    service.wipeSession(); // nobody there: nothing to announce
    CHECK(rec.wiped.size() == 1);
}

TEST_CASE("a second identification replaces the first, which is wiped") {
    WipeWatch watch;
    IdentificationService service;
    Recorder rec(service);
    auto idHandler = service.idCardHandler();
    auto ssHandler = service.socialSecurityCardHandler();

    fromWorker([&] { idHandler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return rec.persons.size() == 1; }));
    const auto first = idCardBuffers(service);
    watch.clear();

    fromWorker([&] { ssHandler(ssCard("李建国", "440304198511237617")); });
    REQUIRE(waitUntil([&] { return rec.persons.size() == 2; }));
    CHECK(allWiped(watch, first));
    CHECK(rec.wiped.empty()); // replaced, not emptied
    const IdentifiedPerson& p = rec.persons.back();
    CHECK(p.source == "social_security_card");
    CHECK(p.name == "李*国");
    CHECK(p.idNumber == "440304********7617");
    CHECK(p.cardType == "social_security");
    CHECK_FALSE(service.session().idCard());
    REQUIRE(service.session().socialSecurityCard());
    CHECK(service.session().socialSecurityCard()->cardNumber == "A12345678");
}

TEST_CASE("destroying the service wipes the session") {
    WipeWatch watch;
    auto service = std::make_unique<IdentificationService>();
    auto handler = service->idCardHandler();
    fromWorker([&] { handler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return service->hasPerson(); }));
    const auto buffers = idCardBuffers(*service);
    watch.clear();
    service.reset();
    CHECK(allWiped(watch, buffers));
}

TEST_CASE("a callback that outlives the service drops the record, wiped, and touches nothing") {
    WipeWatch watch;
    auto service = std::make_unique<IdentificationService>();
    auto handler = service->idCardHandler();
    auto sink = service->eventSink();
    service.reset();

    IdCardRecord card = idCard("王秀兰", "110101194403050025");
    const Buffer idNumber{card.idNumber.data(), card.idNumber.size()};
    const Buffer photo{card.photo.bytes().data(), card.photo.size()};
    watch.clear();
    fromWorker([&] {
        handler(std::move(card));
        sink({"idcard.sam-serial@/dev/ttyS9", hall::drivers::DeviceEventType::Lost,
              hall::drivers::deviceError("unplugged", "gone")});
    });
    CHECK(watch.wasWiped(idNumber.data, idNumber.size));
    CHECK(watch.wasWiped(photo.data, photo.size));
    spin(20ms); // nothing was queued to a dead object
}

TEST_CASE("a person left idle is forgotten; activity postpones it") {
    IdentificationService service;
    Recorder rec(service);
    CHECK(service.idleTimeoutMs() == 120000);
    service.setIdleTimeoutMs(1000);
    CHECK(service.idleTimeoutMs() == 1000);
    auto handler = service.idCardHandler();

    fromWorker([&] { handler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return service.hasPerson(); }));
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 4; ++i) {
        spin(300ms);
        service.noteActivity();
    }
    CHECK(service.hasPerson()); // 1.2 s in, never 1 s idle
    CHECK(rec.wiped.empty());
    REQUIRE(waitUntil([&] { return !rec.wiped.empty(); }, 5s));
    CHECK(clock.elapsed() >= 2100);
    CHECK(rec.wiped.front() == "idle");
    CHECK_FALSE(service.hasPerson());
}

TEST_CASE(
    "the idle timeout: a short one wipes on its own, 0 turns it off, a negative one is refused") {
    IdentificationService service;
    Recorder rec(service);
    int changes = 0;
    QObject::connect(&service, &IdentificationService::idleTimeoutChanged, [&] { ++changes; });
    auto handler = service.idCardHandler();

    service.setIdleTimeoutMs(150);
    fromWorker([&] { handler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return !rec.wiped.empty(); }, 3s));
    CHECK(rec.wiped.front() == "idle");

    service.setIdleTimeoutMs(-5);
    CHECK(service.idleTimeoutMs() == 150);
    service.setIdleTimeout(std::chrono::milliseconds(std::numeric_limits<int>::max() + 1LL));
    CHECK(service.idleTimeoutMs() == 150);
    CHECK(changes == 1);

    service.setIdleTimeoutMs(0);
    fromWorker([&] { handler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return service.hasPerson(); }));
    spin(400ms);
    CHECK(service.hasPerson());
    CHECK(rec.wiped.size() == 1);
}

TEST_CASE(
    "the person key: the same person from either card, nothing for a code or a short secret") {
    IdentificationService service;
    auto idHandler = service.idCardHandler();
    auto ssHandler = service.socialSecurityCardHandler();
    auto codeHandler = service.codeHandler();
    const QString expected = "29cdca9c5b48a84947888fe3a6068b23d7e4e18686e55a95077630e4cc0271fa";

    CHECK(service.personKey(kHallSecret).isEmpty()); // nobody
    fromWorker([&] { idHandler(idCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return service.session().idCard() != nullptr; }));
    CHECK(service.personKey(kHallSecret) == expected);
    CHECK(service.personKey("short").isEmpty());

    fromWorker([&] { ssHandler(ssCard("王秀兰", "110101194403050025")); });
    REQUIRE(waitUntil([&] { return service.session().socialSecurityCard() != nullptr; }));
    CHECK(service.personKey(kHallSecret) == expected);

    hall::drivers::scanner::ScannedCode code;
    code.payload = "HALL-APPT:AB12CD34";
    code.classification.kind = hall::drivers::scanner::CodeKind::Appointment;
    code.classification.bookingId = "AB12CD34";
    fromWorker([&] { codeHandler(code); });
    REQUIRE(waitUntil([&] { return service.session().scannedCode() != nullptr; }));
    CHECK_FALSE(service.person().hasPersonKey);
    CHECK(service.personKey(kHallSecret).isEmpty());
}

TEST_CASE("device reports: status of owned devices, failures with the citizen's and the "
          "technician's words") {
    IdentificationService service;
    Recorder rec(service);
    auto sink = service.eventSink();

    // Reports of devices the service was not given still name their source by descriptor id.
    fromWorker([&] {
        sink({"smartcard.pcsc@Virtual PCD", hall::drivers::DeviceEventType::CardInserted,
              std::nullopt});
        sink({"smartcard.pcsc@Virtual PCD", hall::drivers::DeviceEventType::ReadFailed,
              hall::drivers::retryError("not_social_security_card",
                                        "selecting the MF answered 6A82")});
        sink({"nosuch.driver@x", hall::drivers::DeviceEventType::ReadFailed,
              hall::drivers::retryError("x", "y")});
        sink({"smartcard.pcsc@Virtual PCD", hall::drivers::DeviceEventType::Lost,
              hall::drivers::deviceError("no_service", "pcscd is not running")});
    });
    REQUIRE(waitUntil([&] { return !rec.statuses.empty(); }));
    REQUIRE(rec.reading.size() == 1);
    CHECK(rec.reading.front() == "social_security_card");
    REQUIRE(rec.failures.size() == 1);
    const Failure& f = rec.failures.front();
    CHECK(f.source == "social_security_card");
    CHECK(f.code == "not_social_security_card");
    CHECK(f.citizen == "无法识别此卡，请插入社会保障卡");
    CHECK(f.technician == "selecting the MF answered 6A82");
    CHECK(rec.statuses.front() ==
          std::pair<QString, QString>("smartcard.pcsc@Virtual PCD", "lost"));
    CHECK(service.devices().isEmpty()); // status of a device it does not own is passed on, not kept
    CHECK(rec.allOnMainThread);
}

namespace {

// A device of a kind that identifies nobody; never started.
class TicketPrinterStandIn : public hall::drivers::Device {
public:
    const hall::drivers::DeviceDescriptor& descriptor() const override { return descriptor_; }
    const std::string& instanceId() const override { return id_; }
    void start() override {}
    void stop() override {}

private:
    hall::drivers::DeviceDescriptor descriptor_{
        "test.printer", "ticket printer", hall::drivers::DeviceKind::TicketPrinter, {}, {}, 0};
    std::string id_ = "test.printer@none";
};

} // namespace

TEST_CASE("addDevice refuses a null device and a device that identifies nobody, changing nothing") {
    IdentificationService service;
    CHECK_THROWS_AS(service.addDevice(nullptr), std::invalid_argument);
    CHECK_THROWS_AS(service.addDevice(std::make_unique<TicketPrinterStandIn>()),
                    std::invalid_argument);
    CHECK(service.devices().isEmpty());
}
