// The client against the real daemon: enrollment, hello, snapshot, requests, pinning, resync.
#include "callstation/controller/hall_pki.h"
#include "tests/client/controller/daemon_fixture.h"
#include "tests/support/qt_event_wait.h"
#include "shared/client/models/services_model.h"

#include <QSignalSpy>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace client_test;
using namespace hall::testing;
using hall::client::Backend;
using hall::client::ControllerClient;
namespace protocol = hall::protocol;
namespace core = hall::core;

namespace {

int snapshotWaiting(const Backend& backend, const std::string& service) {
    for (const auto& queue : backend.state().snapshot().queues.services)
        if (queue.serviceId == service) return queue.waiting;
    return -1;
}

} // namespace

TEST_CASE("a terminal enrolls with a one-time code, says hello and receives the snapshot") {
    DaemonHall hall;
    auto client = hall.client("kiosk");
    CHECK_FALSE(client->enrolled());
    QSignalSpy enrolled(client.get(), &ControllerClient::enrolledAs);
    client->enroll(hall.code("kiosk-1", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));
    CHECK(enrolled.count() == 1);
    CHECK(client->enrolled());
    CHECK(client->deviceName() == "kiosk-1");
    CHECK(client->role() == "kiosk");
    CHECK_FALSE(client->offlineSince().isValid());
    REQUIRE(waitUntil([&] { return client->state().hasSnapshot(); }));
    CHECK(client->state().snapshot().queues.services.size() == 2);
    // A kiosk receives queue state and notices; windows go to boards and pads only.
    CHECK(client->state().snapshot().windows.empty());

    // The credential is the terminal's secret: owner-only.
    struct stat info {};
    REQUIRE(::stat((hall.dir.path() / "kiosk" / "device.credential").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    // A restarted app says hello with the stored credential, no code needed.
    client.reset();
    auto again = hall.client("kiosk");
    CHECK(again->enrolled());
    again->start();
    REQUIRE(waitUntil([&] { return again->online(); }, 15s));
    CHECK(again->deviceName() == "kiosk-1");
}

TEST_CASE("a spent or wrong enrollment code is refused and leaves the terminal unenrolled") {
    DaemonHall hall;
    const QString code = hall.code("kiosk-2", "kiosk");
    {
        auto first = hall.client("first");
        first->enroll(code);
        REQUIRE(waitUntil([&] { return first->online(); }, 15s));
    }
    auto second = hall.client("second");
    QSignalSpy failed(second.get(), &ControllerClient::enrollmentFailed);
    second->enroll(code);
    REQUIRE(waitUntil([&] { return failed.count() == 1; }, 15s));
    CHECK(failed.at(0).at(0).toString() == "unauthenticated");
    CHECK_FALSE(second->enrolled());
    CHECK(
        waitUntil([&] { return second->connectionState() == Backend::ConnectionState::Offline; }));
    CHECK_FALSE(std::filesystem::exists(hall.dir.path() / "second" / "device.credential"));
}

TEST_CASE("a certificate not chained to the pinned hall CA is refused") {
    DaemonHall hall;
    hall::testing::TempDir otherDir("other-hall");
    const auto other = hall::controller::ensureHallPki(otherDir.path(), "Other hall", {},
                                                       std::chrono::system_clock::now());
    auto client = hall.client("pinned", other.caCertificatePem);
    const QString code = hall.code("kiosk-3", "kiosk");
    client->enroll(code);
    // It keeps trying (the CA may be fixed by a technician) but never gets through.
    CHECK_FALSE(waitUntil([&] { return client->online(); }, 2s));
    CHECK(client->connectionState() == Backend::ConnectionState::Reconnecting);
    CHECK(client->lastError().contains("TLS"));
    CHECK_FALSE(client->enrolled());
    client->stop();

    // Nothing reached the controller: the code is still unspent for the right CA.
    auto right = hall.client("right");
    right->enroll(code);
    CHECK(waitUntil([&] { return right->online(); }, 15s));
}

TEST_CASE("requests are answered by id; pushes keep the state and the models current") {
    DaemonHall hall;
    auto client = hall.client("kiosk");
    client->enroll(hall.code("kiosk-4", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online() && client->state().hasSnapshot(); }, 15s));
    hall::client::ServicesModel services;
    services.setBackend(client.get());
    CHECK(services.waitingFor(QStringLiteral("permits")) == 0);

    auto issued = request(*client, core::IssueTicket{"permits", {}, {}, {}, {}, {}});
    REQUIRE(issued.ok());
    const auto& result = std::get<protocol::CommandResult>(std::get<0>(issued.outcome));
    REQUIRE(result.ticket);
    CHECK(result.ticket->number == "A001");
    CHECK(waitUntil([&] { return snapshotWaiting(*client, "permits") == 1; }));
    // The model followed the queue push.
    CHECK(services.waitingFor(QStringLiteral("permits")) == 1);

    // A refusal is an answer, not a failure of the link.
    auto refused = request(*client, core::IssueTicket{"no-such-service", {}, {}, {}, {}, {}});
    CHECK_FALSE(refused.ok());
    CHECK(std::get<protocol::Error>(refused.outcome).code == "unknown_service");
    CHECK(client->online());
}

TEST_CASE("after a gap in the push stream the client resyncs from a snapshot") {
    DaemonHall hall;
    auto client = hall.client("board");
    client->enroll(hall.code("kiosk-5", "kiosk"));
    REQUIRE(waitUntil([&] { return client->online() && client->state().hasSnapshot(); }, 15s));
    QSignalSpy resynced(client.get(), &ControllerClient::resynced);

    // The next push is lost on the way: the one after it shows the gap.
    client->dropIncomingPushesForTesting(1);
    hall.operate("issue_ticket", {{"service", "taxes"}});
    hall.operate("issue_ticket", {{"service", "taxes"}});
    REQUIRE(waitUntil([&] { return resynced.count() == 1; }, 10s));
    CHECK(waitUntil([&] { return snapshotWaiting(*client, "taxes") == 2; }, 10s));
    CHECK(client->resyncCount() == 1);

    // And the stream continues in order after the snapshot.
    hall.operate("issue_ticket", {{"service", "taxes"}});
    CHECK(waitUntil([&] { return snapshotWaiting(*client, "taxes") == 3; }, 10s));
    CHECK(resynced.count() == 1);
}
