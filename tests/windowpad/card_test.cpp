// The ID card on the window pad's reader (the real reader driver against the SAM twin on a pty):
// the citizen's card read during the visit attaches their person key to the ticket — the
// controller's view says "identified", the pad shows the masked name and number until the next
// ticket is called, and the card's record is gone from the reader's session at once; the same
// card at a second visit of the same service the same day is refused with the number held.
#include "drivers/base/registry.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/transport/serial_stream.h"
#include "shared/client/mock_backend.h"
#include "tests/drivers/support/idcard_test_support.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"
#include "tests/windowpad/pad_rig.h"
#include "windowpad/clerk_desk.h"

#include <QSignalSpy>
#include <doctest/doctest.h>

using hall::testing::waitUntil;
using hall::windowpad::ClerkDesk;
using namespace std::chrono_literals;

namespace {

struct Rig {
    hall::testing::TempDir dir{"windowpad-card"};
    hall::drivers::idcard::SamReaderTwin twin{dir.file("ttyIDCARD")};
    hall::client::MockBackend backend;
    hall::client::IdentificationService identification;
    ClerkDesk clerk;

    Rig() {
        twin.start();
        hall::drivers::SerialSettings serial{twin.link().string(), 115200};
        identification.addDevice(std::make_unique<hall::drivers::idcard::IdCardReader>(
            hall::drivers::requireDescriptor("idcard.sam-serial"), serial.path,
            [serial] { return std::make_unique<hall::drivers::SerialStream>(serial); },
            identification.eventSink(), identification.idCardHandler(),
            hall::testing::fastReaderOptions()));
        backend.setDevice(hall::testing::kWindowOnePad);
        clerk.setBackend(&backend);
        clerk.setIdentification(&identification);
    }
    void settle() {
        REQUIRE(waitUntil([&] { return !clerk.busy(); }, 5s));
    }
    void issue() { hall::testing::citizenTakesNumber(backend); }
    void card() {
        QSignalSpy read(&identification, &hall::client::IdentificationService::personIdentified);
        twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
        REQUIRE(waitUntil([&] { return read.count() == 1; }, 10s));
        settle();
        twin.remove();
        hall::testing::spin(300ms); // the reader polls every 20 ms: it sees the card go
    }
    QString identified() const {
        return clerk.ticket().value(QStringLiteral("identified")).toBool() ? QStringLiteral("yes")
                                                                           : QStringLiteral("no");
    }
};

} // namespace

TEST_CASE("the citizen's ID card at the window: the visit identified, shown masked, then gone") {
    Rig rig;
    rig.clerk.signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
    rig.settle();
    REQUIRE(rig.clerk.signedIn());

    // No visit yet: the card has nothing to attach to, and says so.
    rig.card();
    CHECK(rig.clerk.message().contains(QStringLiteral("no visit")));
    CHECK_FALSE(rig.identification.hasPerson());

    rig.issue();
    rig.issue();
    rig.clerk.callNext();
    rig.settle();
    REQUIRE(rig.clerk.hasTicket());
    CHECK(rig.identified() == QStringLiteral("no"));
    rig.card();
    CHECK(rig.clerk.message().isEmpty());
    REQUIRE(waitUntil([&] { return rig.identified() == QStringLiteral("yes"); }, 2s));
    CHECK(rig.clerk.citizen().value(QStringLiteral("name")) == QStringLiteral("王*兰"));
    CHECK(rig.clerk.citizen().value(QStringLiteral("idNumber")).toString().contains('*'));
    CHECK_FALSE(rig.identification.hasPerson()); // only the key went on
    const auto first = rig.clerk.ticket().value(QStringLiteral("number")).toString();
    const auto* ticket = rig.backend.engine().ticketByNumber(first.toStdString());
    REQUIRE(ticket != nullptr);
    CHECK(ticket->personKey.size() == 64);
    CHECK(ticket->personKey.find("110101194403050025") == std::string::npos);

    // The next citizen: the last one's masked identity is gone from the pad.
    rig.clerk.finish();
    rig.settle();
    REQUIRE(waitUntil([&] { return !rig.clerk.callLocked(); }, 5s));
    rig.clerk.callNext();
    rig.settle();
    REQUIRE(rig.clerk.hasTicket());
    CHECK(rig.clerk.citizen().isEmpty());
    CHECK(rig.identified() == QStringLiteral("no"));
}
