#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"

#include <QSignalSpy>
#include <algorithm>
#include <doctest/doctest.h>

using namespace hall::testing;
using hall::client::Backend;
using hall::client::MockBackend;
namespace protocol = hall::protocol;
namespace core = hall::core;

namespace {

protocol::Response request(Backend& backend, protocol::RequestBody body) {
    std::optional<protocol::Response> answer;
    backend.send(std::move(body), [&](const protocol::Response& r) { answer = r; });
    REQUIRE(waitUntil([&] { return answer.has_value(); }, 5s));
    return *answer;
}

const protocol::CommandResult& commandResult(const protocol::Response& response) {
    return std::get<protocol::CommandResult>(std::get<0>(response.outcome));
}

const protocol::Error& refusal(const protocol::Response& response) {
    return std::get<protocol::Error>(response.outcome);
}

} // namespace

TEST_CASE("the mock backend runs the demo hall and answers like the controller") {
    MockBackend backend;
    CHECK(backend.online());
    REQUIRE(backend.state().hasSnapshot());
    const auto& services = backend.engine().config().services;
    REQUIRE_FALSE(services.empty());
    CHECK(backend.state().snapshot().queues.services.size() == services.size());
    CHECK_FALSE(backend.serviceName(services[0].id).isEmpty());

    // The mock's clock shows 10:00 hall time: the demo services are open.
    auto issued = request(backend, core::IssueTicket{services[0].id, {}, {}, {}, {}, {}});
    REQUIRE(issued.ok());
    REQUIRE(commandResult(issued).ticket);
    CHECK(commandResult(issued).ticket->serviceId == services[0].id);
    CHECK(commandResult(issued).ticket->number == services[0].prefix + "001");
    CHECK(commandResult(issued).ahead == 0);
    auto refused = request(backend, core::IssueTicket{"no-such-service", {}, {}, {}, {}, {}});
    CHECK(std::get<protocol::Error>(refused.outcome).code == "unknown_service");
    CHECK(request(backend, protocol::Heartbeat{}).ok());
}

TEST_CASE("simulated offline: requests refused, durable ones held and answered on return") {
    MockBackend backend;
    backend.setDevice({"kiosk-1", protocol::Role::Kiosk, std::nullopt, {}}); // kiosks rate
    backend.setSimulatedOnline(false);
    CHECK(backend.connectionState() == Backend::ConnectionState::Reconnecting);
    CHECK(backend.offlineSince().isValid());
    auto refused = request(backend, protocol::Heartbeat{});
    CHECK(std::get<protocol::Error>(refused.outcome).code == "offline");
    QSignalSpy answered(&backend, &Backend::durableAnswered);
    const auto id = backend.sendDurable(core::Rate{424242, core::RatingLevel::Basic, {}, {}});
    CHECK(backend.outboxSize() == 1);
    spin(50ms);
    CHECK(answered.isEmpty());
    backend.setSimulatedOnline(true);
    REQUIRE(answered.count() == 1);
    CHECK(answered.at(0).at(0).toString().toStdString() == id);
    CHECK_FALSE(answered.at(0).at(1).toBool());
    CHECK(answered.at(0).at(2).toString() == "unknown_ticket");
    CHECK(backend.outboxSize() == 0);
}

TEST_CASE("a demo morning: staffed windows, people waiting, calls, all through real pushes") {
    MockBackend backend;
    int calls = 0;
    QObject::connect(&backend, &Backend::pushApplied, [&](const protocol::PushBody& body) {
        if (std::holds_alternative<protocol::Call>(body)) ++calls;
    });
    backend.playMorning();
    const auto& snapshot = backend.state().snapshot();
    int staffed = 0, serving = 0;
    for (const auto& window : snapshot.windows) {
        if (!window.staffId.empty()) ++staffed;
        if (window.current) ++serving;
    }
    CHECK(staffed == 6);
    CHECK(serving == 4);
    int waiting = 0;
    for (const auto& queue : snapshot.queues.services)
        waiting += queue.waiting;
    // Three tickets per service, four of them called; two more called, missed and requeued;
    // one booking checked in.
    CHECK(waiting == 3 * static_cast<int>(backend.engine().config().services.size()) - 4 + 1);
    CHECK(calls == 6);
    REQUIRE(snapshot.queues.missed.size() == 2);
    CHECK(snapshot.queues.missed[0].window == 6);
    CHECK(snapshot.queues.missed[1].window == 5);
    CHECK(snapshot.queues.missed[0].requeued);
}

TEST_CASE(
    "the mock refuses what the controller refuses: roles, another window's visit, a past lease") {
    using namespace std::chrono_literals;
    MockBackend backend; // role admin, as in the gallery
    // Monday 2026-11-23, 10:00 in the demo hall (Asia/Shanghai): windows 1 and 2 serve social
    // security.
    const core::Timestamp monday =
        core::Timestamp(std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}) + 2h;
    backend.setClock([&] { return monday; });
    const std::string service = "social_security";

    // Ratings come from citizens, leases belong to issuing terminals: an admin sends neither.
    CHECK(refusal(request(backend, core::Rate{1, core::RatingLevel::Satisfied, {}, {}})).code ==
          "forbidden");
    CHECK(refusal(request(backend, core::LeaseNumbers{service, 2, {}})).code == "forbidden");

    REQUIRE(request(backend, core::IssueTicket{service, {}, {}, {}, {}, {}}).ok());
    REQUIRE(request(backend, core::SignIn{1, backend.engine().config().staff[0].id}).ok());
    const auto called = commandResult(request(backend, core::CallNext{1, false})).ticket;
    REQUIRE(called);
    REQUIRE(request(backend, core::Finish{1}).ok());

    // Window 2's pad may neither act for window 1 nor rate what window 1 served.
    backend.setDevice({"pad-2", protocol::Role::WindowPad, 2, {}});
    CHECK(refusal(request(backend, core::Finish{1})).code == "forbidden");
    const auto elsewhere =
        request(backend, core::Rate{called->id, core::RatingLevel::VerySatisfied, {}, {}});
    CHECK(refusal(elsewhere).code == "forbidden");
    CHECK(refusal(elsewhere).message == "ticket " + called->number + " was not served at window 2");
    backend.setDevice({"pad-1", protocol::Role::WindowPad, 1, {}});
    CHECK(request(backend, core::Rate{called->id, core::RatingLevel::VerySatisfied, {}, {}}).ok());

    // A pad identifies the visit at its own window: the answer says identified, never the key.
    backend.setDevice({"kiosk-1", protocol::Role::Kiosk, std::nullopt, {}});
    REQUIRE(request(backend, core::IssueTicket{service, {}, {}, {}, {}, {}}).ok());
    backend.setDevice({"pad-1", protocol::Role::WindowPad, 1, {}});
    REQUIRE(request(backend, core::CallNext{1, false}).ok());
    const std::string key(64, 'd');
    backend.setDevice({"pad-2", protocol::Role::WindowPad, 2, {}});
    CHECK(refusal(request(backend, core::IdentifyVisit{1, key})).code == "forbidden");
    backend.setDevice({"pad-1", protocol::Role::WindowPad, 1, {}});
    const auto identified = commandResult(request(backend, core::IdentifyVisit{1, key})).ticket;
    REQUIRE(identified);
    CHECK(identified->identified);
    CHECK(refusal(request(backend, core::IdentifyVisit{1, key})).code == "invalid_state");
    const auto& windows = backend.state().snapshot().windows;
    const auto window1 = std::ranges::find_if(windows, [](const auto& w) { return w.number == 1; });
    REQUIRE(window1 != windows.end());
    REQUIRE(window1->current);
    CHECK(window1->current->identified); // the window push says so too

    // A kiosk's lease ends with its business day.
    backend.setDevice({"kiosk-1", protocol::Role::Kiosk, std::nullopt, {}});
    const auto leased = request(backend, core::LeaseNumbers{service, 2, {}});
    const auto& lease = std::get<protocol::LeaseResult>(std::get<0>(leased.outcome)).lease;
    REQUIRE(lease.numbers.size() == 2);
    const core::Timestamp tuesday = monday + 24h;
    backend.setClock([&] { return tuesday; });
    core::IssueLeasedTicket late;
    late.lease = lease.id;
    late.number = lease.numbers[0];
    late.issuedAt = tuesday;
    CHECK(refusal(request(backend, late)).code == "lease_expired");
}

TEST_CASE("the mock backend holds the fixed demo person-key secret, for C++ only") {
    MockBackend backend;
    const auto secret = backend.personKeySecret();
    REQUIRE(secret);
    CHECK(secret->size() == 32);
    CHECK(*secret == QByteArray(hall::client::kDemoPersonKeySecret));
    // Not a property: QML cannot read the secret.
    CHECK(backend.metaObject()->indexOfProperty("personKeySecret") == -1);
}
