// A service the hall marks `identify` (the demo hall's 企业开办): the machine asks for the ID card
// first, a card read by the real reader from the SAM twin on a pty issues the number with the
// person key, and a second try by the same person is refused with the number they hold. The
// person's details are gone from the identification service once the ticket is out. The booker's
// card checks in for their booking; a staff member's card is their green-channel credential.
#include "callstation/app/ticket_machine.h"
#include "drivers/base/registry.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "drivers/transport/serial_stream.h"
#include "shared/client/mock_backend.h"
#include "shared/core/time.h"
#include "shared/terminal/person_key.h"
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
        REQUIRE(waitUntil(
            [&] { return machine.stage() == Stage::Showing || machine.stage() == Stage::Refused; },
            10s));
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

TEST_CASE("check-in by ID card: the booker's card on the reader gives the appointment ticket") {
    Rig rig;
    // A booking made with this citizen's ID number, keyed as the controller keys it.
    const std::string secret = hall::client::kDemoPersonKeySecret;
    const auto key = hall::client::personKey(
        "110101194403050025",
        std::span(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()));
    const auto& zone = rig.backend.engine().zone();
    const auto today = hall::core::toLocal(zone, hall::core::SystemClock().now()).date;
    rig.backend.addBooking(hall::core::Booking{"CARD0001", "household",
                                               hall::core::localToUtc(zone, today, 10 * 60), key});
    rig.machine.startCheckIn();
    REQUIRE(rig.machine.stage() == Stage::CheckingIn);
    rig.twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
    REQUIRE(waitUntil(
        [&] {
            return rig.machine.stage() == Stage::Showing || rig.machine.stage() == Stage::Refused;
        },
        10s));
    REQUIRE(rig.machine.stage() == Stage::Showing);
    const hall::core::Ticket* ticket =
        rig.backend.engine().ticketByNumber(rig.machine.number().toStdString());
    REQUIRE(ticket != nullptr);
    CHECK(ticket->priority == hall::core::PriorityClass::Appointment);
    CHECK(ticket->appointment->id == "CARD0001");
    CHECK_FALSE(rig.identification.hasPerson()); // the card's holder is not kept
}

TEST_CASE("green channel: a staff member's card on the reader is taken as their credential") {
    Rig rig;
    rig.machine.startGreenChannel();
    REQUIRE(rig.machine.stage() == Stage::GreenChannel);
    rig.twin.insert(hall::testing::residentCard("李建国", "110101198001010010"));
    REQUIRE(waitUntil([&] { return rig.machine.staffCardRead(); }, 10s));
    CHECK_FALSE(rig.identification.hasPerson()); // only the key, for this stage
    // The mock registers no staff card: the key is sent and refused in the staff's words.
    rig.machine.issueGreen(QStringLiteral("household"), QStringLiteral("elderly"), {}, {});
    REQUIRE(waitUntil([&] { return !rig.machine.staffProblem().isEmpty(); }));
    CHECK(rig.machine.stage() == Stage::GreenChannel);
    rig.machine.cancel();
    CHECK_FALSE(rig.machine.staffCardRead()); // gone with the stage
}
