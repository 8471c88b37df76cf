// The controller goes away: the terminal keeps working from its outbox, and when the controller
// is back everything is replayed once, in order — even a request whose answer was lost.
#include "tests/client/controller/daemon_fixture.h"
#include "callstation/netclient/terminal_connection.h"
#include "shared/protocol/codec.h"
#include "tests/support/qt_event_wait.h"
#include "shared/terminal/outbox.h"
#include "shared/terminal/terminal_identity.h"

#include <QSignalSpy>
#include <csignal>
#include <doctest/doctest.h>

using namespace client_test;
using namespace hall::testing;
using hall::client::Backend;
using hall::client::ControllerClient;
namespace protocol = hall::protocol;
namespace core = hall::core;

namespace {

std::string errorCode(const protocol::Response& response) {
    return response.ok() ? std::string() : std::get<protocol::Error>(response.outcome).code;
}

} // namespace

TEST_CASE("offline, requests wait in the outbox; back online they are replayed exactly once") {
    DaemonHall hall;
    auto client = hall.client("kiosk");
    client->enroll(hall.code("kiosk-7", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online() && client->state().hasSnapshot(); }, 15s));

    // A visit served to the end at window 1: the citizen will rate it.
    auto issued = request(*client, core::IssueTicket{"permits", {}, {}, {}, {}, {}});
    REQUIRE(issued.ok());
    const auto ticket = std::get<protocol::CommandResult>(std::get<0>(issued.outcome)).ticket->id;
    hall.operate("sign_in", {{"window", 1}, {"staff", "s1"}});
    hall.operate("call_next", {{"window", 1}});
    hall.operate("start_serving", {{"window", 1}});
    hall.operate("finish", {{"window", 1}});

    hall.daemon.kill();
    REQUIRE(waitUntil(
        [&] { return client->connectionState() == Backend::ConnectionState::Reconnecting; }, 10s));
    CHECK(client->offlineSince().isValid());

    // Offline: what must not be lost is written first; plain requests fail fast as offline.
    const auto rating =
        client->sendDurable(core::Rate{ticket, core::RatingLevel::VerySatisfied, {}, {}});
    const auto first = client->sendDurable(core::IssueTicket{"taxes", {}, {}, {}, {}, {}});
    const auto second = client->sendDurable(core::IssueTicket{"taxes", {}, {}, {}, {}, {}});
    CHECK(client->outboxSize() == 3);
    CHECK(errorCode(request(*client, protocol::Heartbeat{})) == "offline");
    spin(300ms);
    CHECK(client->outboxSize() == 3);

    // The app is killed with all of it still queued.
    client.reset();
    hall.daemon.start();

    // The first entry reaches the controller, but its answer never comes back to the terminal
    // (as when the link breaks between the two): the replay must not do it a second time.
    {
        const auto identity = hall::client::TerminalIdentityStore(hall.dir.path() / "kiosk").load();
        REQUIRE(identity);
        auto db = hall::store::Database::open(hall.dir.path() / "kiosk" / "terminal.db");
        hall::client::Outbox outbox(db);
        const auto head = outbox.front();
        REQUIRE(head);
        CHECK(head->requestId == rating);
        auto decoded = protocol::decodeRequest(head->frame);
        REQUIRE(decoded.ok());
        auto link = hall::netclient::TerminalConnection::connect("localhost", hall.daemon.port(),
                                                                 hall.daemon.caPem());
        link.hello(identity->credential);
        CHECK(link.request(decoded.value()).ok());
    }

    auto restarted = hall.client("kiosk");
    CHECK(restarted->outboxSize() == 3);
    std::vector<std::pair<QString, bool>> answers;
    std::vector<std::string> numbers;
    QObject::connect(restarted.get(), &Backend::durableAnswered,
                     [&](const QString& id, bool ok, const QString&, const QString&) {
                         answers.emplace_back(id, ok);
                     });
    QObject::connect(
        restarted.get(), &Backend::durableResponded, [&](const protocol::Response& response) {
            if (response.ok())
                if (const auto* r =
                        std::get_if<protocol::CommandResult>(&std::get<0>(response.outcome));
                    r && r->ticket && r->ticket->serviceId == "taxes")
                    numbers.push_back(r->ticket->number);
        });
    restarted->start();
    REQUIRE(waitUntil([&] { return answers.size() == 3; }, 20s));
    CHECK(restarted->outboxSize() == 0);
    CHECK(answers[0] == std::make_pair(QString::fromStdString(rating), true));
    CHECK(answers[1] == std::make_pair(QString::fromStdString(first), true));
    CHECK(answers[2] == std::make_pair(QString::fromStdString(second), true));
    CHECK(numbers == std::vector<std::string>{"B001", "B002"});
    CHECK(restarted->outbox().refusals().empty());

    // Once each, at the controller.
    CHECK(hall.waiting("taxes") == 2);
    const auto report = hall.hallReport();
    REQUIRE(report["rows"].size() == 1);
    CHECK(report["rows"][0]["rated"] == 1);
}

TEST_CASE("a definitive refusal leaves the outbox and is recorded for the app") {
    DaemonHall hall;
    auto client = hall.client("kiosk");
    client->enroll(hall.code("kiosk-8", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));
    QSignalSpy answered(client.get(), &Backend::durableAnswered);
    // No such ticket: the controller refuses for good, so retrying is pointless.
    const auto id = client->sendDurable(core::Rate{987654321, core::RatingLevel::Basic, {}, {}});
    REQUIRE(waitUntil([&] { return answered.count() == 1; }, 15s));
    CHECK(answered.at(0).at(0).toString().toStdString() == id);
    CHECK_FALSE(answered.at(0).at(1).toBool());
    CHECK(answered.at(0).at(2).toString() == "unknown_ticket");
    CHECK(client->outboxSize() == 0);
    const auto refusals = client->outbox().refusals();
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].requestId == id);
    CHECK(refusals[0].code == "unknown_ticket");
}

TEST_CASE("a timeout fails the caller alone; a silent controller is a dead link") {
    DaemonHall hall;
    auto client = hall.client("kiosk");
    auto timings = fastTimings();
    timings.silenceLimit = 3s;
    client->setTimings(timings);
    client->enroll(hall.code("kiosk-9", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));

    hall.daemon.signal(SIGSTOP); // alive, connected, but answering nothing
    std::optional<protocol::Response> answer;
    client->send(
        protocol::Heartbeat{}, [&](const protocol::Response& r) { answer = r; }, 1s);
    REQUIRE(waitUntil([&] { return answer.has_value(); }, 5s));
    CHECK(errorCode(*answer) == "timeout");
    CHECK(client->online()); // one slow answer does not cost the link …

    // … but silence beyond the limit does.
    CHECK(waitUntil([&] { return !client->online(); }, 6s));
    CHECK(client->connectionState() == Backend::ConnectionState::Reconnecting);
    hall.daemon.signal(SIGCONT);
    CHECK(waitUntil([&] { return client->online(); }, 15s));
}

TEST_CASE("technician audit entries go through the outbox and are written once") {
    DaemonHall hall;
    auto client = hall.client("pad");
    client->enroll(hall.code("kiosk-10", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));
    hall.daemon.kill();
    REQUIRE(waitUntil([&] { return !client->online(); }, 10s));
    CHECK(client->auditTechnician(QStringLiteral("no_such_action")).isEmpty());
    const QString opened = client->auditTechnician(QStringLiteral("menu_opened"));
    const QString changed = client->auditTechnician(QStringLiteral("setting_changed"),
                                                    QStringLiteral("printer port /dev/ttyS1"));
    CHECK_FALSE(opened.isEmpty());
    CHECK(client->outboxSize() == 2);
    hall.daemon.start();
    client->setPort(hall.daemon.port());
    REQUIRE(waitUntil([&] { return client->online() && client->outboxSize() == 0; }, 20s));
    auto reply = hall.daemon.admin().get("/api/v1/audit?limit=100");
    REQUIRE(reply.ok());
    const auto entries = nlohmann::json::parse(reply.body)["entries"];
    int menu = 0, setting = 0;
    for (const auto& entry : entries) {
        if (entry["actor"] != "kiosk-10") continue;
        if (entry["action"] == "technician_menu_opened") ++menu;
        if (entry["action"] == "technician_setting_changed") {
            ++setting;
            CHECK(entry["detail"] == "printer port /dev/ttyS1");
        }
    }
    CHECK(menu == 1);
    CHECK(setting == 1);
}

TEST_CASE("requests in flight when the controller dies fail as connection_lost") {
    DaemonHall hall;
    auto client = hall.client("kiosk");
    client->enroll(hall.code("kiosk-11", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));
    hall.daemon.signal(SIGSTOP); // the request below cannot be answered before the kill
    std::optional<protocol::Response> answer;
    client->send(
        protocol::Heartbeat{}, [&](const protocol::Response& r) { answer = r; }, 10s);
    spin(100ms);
    hall.daemon.kill();
    REQUIRE(waitUntil([&] { return answer.has_value(); }, 10s));
    CHECK(errorCode(*answer) == "connection_lost");
    CHECK(waitUntil([&] { return !client->online(); }, 10s));
}
