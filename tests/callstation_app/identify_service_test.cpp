// A service the hall marks `identify` (the demo hall's 企业开办): the machine asks for the ID card
// first, a card read by the real reader from the SAM twin on a pty issues the number with the
// person key, and a second try by the same person is refused with the number they hold. The
// person's details are gone from the identification service once the ticket is out.
#include "callstation/app/ticket_machine.h"
#include "drivers/base/registry.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/transport/serial_stream.h"
#include "shared/client/mock_backend.h"
#include "tests/drivers/support/idcard_test_support.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using hall::callstation::TicketMachine;
using hall::testing::waitUntil;
using Stage = TicketMachine::Stage;
using namespace std::chrono_literals;

namespace {

const QString kIdentifyService = QStringLiteral("business_startup");

struct Rig {
    hall::testing::TempDir dir{"callstation-identify"};
    hall::drivers::idcard::SamReaderTwin twin{dir.file("ttyIDCARD")};
    hall::client::MockBackend backend;
    hall::client::TicketIssuer issuer;
    hall::client::IdentificationService identification;
    TicketMachine machine;

    Rig() {
        twin.start();
        hall::drivers::SerialSettings serial{twin.link().string(), 115200};
        identification.addDevice(std::make_unique<hall::drivers::idcard::IdCardReader>(
            hall::drivers::requireDescriptor("idcard.sam-serial"), serial.path,
            [serial] { return std::make_unique<hall::drivers::SerialStream>(serial); },
            identification.eventSink(), identification.idCardHandler(),
            hall::testing::fastReaderOptions()));
        issuer.setClient(&backend);
        machine.setIssuer(&issuer);
        machine.setIdentification(&identification);
        machine.setProperty("askFromWaiting", 0); // never ask: the card is the question here
    }

    // Chooses the service, puts the card on the reader, waits for the answer.
    Stage takeWithCard() {
        machine.choose(kIdentifyService);
        REQUIRE(machine.stage() == Stage::Identifying);
        twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
        REQUIRE(waitUntil([&] {
            return machine.stage() == Stage::Showing || machine.stage() == Stage::Refused;
        }, 10s));
        twin.remove();
        hall::testing::spin(300ms); // the reader polls every 20 ms: it sees the card go
        return machine.stage();
    }
};

} // namespace

TEST_CASE("an identify-only service: the card first, one number per person, the held one named") {
    Rig rig;
    REQUIRE(rig.takeWithCard() == Stage::Showing);
    const QString number = rig.machine.number();
    CHECK(number.startsWith('D'));
    CHECK_FALSE(rig.identification.hasPerson()); // only the key went with the ticket

    // The engine holds the ticket with the person's key, never the ID number.
    const hall::core::Ticket* ticket = rig.backend.engine().ticketByNumber(number.toStdString());
    REQUIRE(ticket != nullptr);
    CHECK(ticket->personKey.size() == 64);
    CHECK(ticket->personKey.find("110101194403050025") == std::string::npos);

    rig.machine.finish();
    REQUIRE(rig.takeWithCard() == Stage::Refused);
    CHECK(rig.machine.refusalCode() == QStringLiteral("duplicate_person"));
    CHECK(rig.machine.heldNumber() == number);
    CHECK_FALSE(rig.identification.hasPerson());
}

TEST_CASE("an identify-only service without a card: back to the services, nothing issued") {
    Rig rig;
    const auto issued = rig.backend.engine().lastTicketId();
    rig.machine.choose(kIdentifyService);
    REQUIRE(rig.machine.stage() == Stage::Identifying);
    rig.machine.cancel();
    CHECK(rig.machine.stage() == Stage::Choosing);
    CHECK(rig.backend.engine().lastTicketId() == issued);
    // A service without the mark issues at once, card or not.
    rig.machine.choose(QStringLiteral("household"));
    CHECK(rig.machine.stage() == Stage::Issuing);
}
