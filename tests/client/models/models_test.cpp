// The models follow a backend's snapshots and pushes; here the MockBackend's engine makes them.
#include "tests/support/qt_event_wait.h"
#include "shared/client/mock_backend.h"
#include "shared/client/models/device_health_model.h"
#include "shared/client/models/missed_tickets_model.h"
#include "shared/client/models/notices_model.h"
#include "shared/client/models/recent_calls_model.h"
#include "shared/client/models/services_model.h"
#include "shared/client/models/windows_model.h"

#include <QAbstractItemModelTester>
#include <doctest/doctest.h>

using namespace hall::testing;
using namespace hall::client;
namespace protocol = hall::protocol;
namespace core = hall::core;

namespace {

void perform(Backend& backend, protocol::RequestBody body) {
    std::optional<protocol::Response> answer;
    backend.send(std::move(body), [&](const protocol::Response& r) { answer = r; });
    REQUIRE(waitUntil([&] { return answer.has_value(); }, 5s));
    INFO((answer->ok() ? "" : std::get<protocol::Error>(answer->outcome).message));
    REQUIRE(answer->ok());
}

QVariant role(const QAbstractItemModel& model, int row, const char* name) {
    const auto names = model.roleNames();
    return model.data(model.index(row, 0), names.key(name));
}

int rowOf(const QAbstractItemModel& model, const char* roleName, const QVariant& value) {
    for (int row = 0; row < model.rowCount(); ++row)
        if (role(model, row, roleName) == value) return row;
    return -1;
}

} // namespace

TEST_CASE("services, windows and recent calls follow the pushes") {
    MockBackend backend;
    ServicesModel services;
    WindowsModel windows;
    RecentCallsModel calls;
    QAbstractItemModelTester servicesTester(&services);
    QAbstractItemModelTester windowsTester(&windows);
    QAbstractItemModelTester callsTester(&calls);
    services.setBackend(&backend);
    windows.setBackend(&backend);
    calls.setBackend(&backend);
    calls.setLimit(2);

    CHECK(services.count() == static_cast<int>(backend.engine().config().services.size()));
    CHECK(windows.count() == static_cast<int>(backend.engine().config().windows.size()));
    CHECK(calls.count() == 0);
    const int social = rowOf(services, "serviceId", QStringLiteral("social_security"));
    REQUIRE(social >= 0);
    CHECK(role(services, social, "waiting").toInt() == 0);
    CHECK_FALSE(role(services, social, "name").toString().isEmpty());

    for (int i = 0; i < 3; ++i)
        perform(backend, core::IssueTicket{"social_security", {}, {}, {}, {}, {}});
    CHECK(role(services, social, "waiting").toInt() == 3);
    CHECK(services.waitingFor(QStringLiteral("social_security")) == 3);

    perform(backend, core::SignIn{1, "s01"});
    const int one = rowOf(windows, "number", 1);
    REQUIRE(one >= 0);
    CHECK(role(windows, one, "staff").toString() == "s01");
    CHECK(role(windows, one, "open").toBool());

    for (int i = 0; i < 3; ++i) {
        perform(backend, core::CallNext{1, false});
        perform(backend, core::StartServing{1});
        perform(backend, core::Finish{1});
    }
    perform(backend, core::IssueTicket{"social_security", {}, {}, {}, {}, {}});
    perform(backend, core::CallNext{1, true});
    CHECK(role(windows, one, "currentNumber").toString() == "A004");
    CHECK(role(windows, one, "currentState").toString() == "called");
    // The last two calls, newest first.
    REQUIRE(calls.count() == 2);
    CHECK(role(calls, 0, "number").toString() == "A004");
    CHECK(role(calls, 0, "window").toInt() == 1);
    CHECK(role(calls, 0, "silent").toBool());
    CHECK(role(calls, 1, "number").toString() == "A003");
    CHECK(role(services, social, "waiting").toInt() == 0);
}

TEST_CASE("recent calls of a board that starts late begin with what the windows call now") {
    MockBackend backend;
    backend.playMorning(); // windows 1–4 calling, before the board is there
    RecentCallsModel calls;
    QAbstractItemModelTester callsTester(&calls);
    int announced = 0;
    QObject::connect(&calls, &RecentCallsModel::called, [&] { ++announced; });
    calls.setBackend(&backend);
    REQUIRE(calls.count() == 4);
    for (int row = 0; row < 4; ++row) {
        CHECK(role(calls, row, "window").toInt() == row + 1);
        CHECK(role(calls, row, "silent").toBool()); // announced before: never again
    }
    CHECK(announced == 0);

    perform(backend, core::CallNext{5, false});
    REQUIRE(calls.count() == 5);
    CHECK(role(calls, 0, "window").toInt() == 5);
    CHECK(announced == 1);
}

TEST_CASE("services of one group: the hall's zones when it has no departments") {
    MockBackend backend;
    ServicesModel services;
    QAbstractItemModelTester tester(&services);
    services.setBackend(&backend);
    const auto groups = backend.serviceGroups();
    REQUIRE(groups.size() == 2); // the demo hall's two zones, both serving something
    CHECK(groups[0].toMap()["id"].toString() == "social");
    CHECK(groups[1].toMap()["nameEn"].toString() == "Business & real estate");

    services.setGroup(QStringLiteral("business"));
    REQUIRE(services.count() == 2);
    CHECK(role(services, 0, "serviceId").toString() == "real_estate");
    CHECK(role(services, 1, "serviceId").toString() == "business_startup");
    CHECK(role(services, 1, "identify").toBool());

    // Queue pushes keep to the group.
    perform(backend, core::IssueTicket{"household", {}, {}, {}, {}, {}});
    CHECK(services.count() == 2);
    services.setGroup({});
    CHECK(services.count() == static_cast<int>(backend.engine().config().services.size()));
}

TEST_CASE("missed tickets: listed with their window until called again, newest first") {
    MockBackend backend;
    MissedTicketsModel missed;
    QAbstractItemModelTester tester(&missed);
    missed.setBackend(&backend);
    missed.setLimit(2);
    CHECK(missed.count() == 0);

    perform(backend, core::SignIn{6, "s06"});
    for (int i = 0; i < 3; ++i)
        perform(backend, core::IssueTicket{"household", {}, {}, {}, {}, {}});
    for (int i = 0; i < 3; ++i) {
        perform(backend, core::CallNext{6, false});
        perform(backend, core::MarkNoShow{6});
    }
    REQUIRE(missed.count() == 2); // the limit
    CHECK(role(missed, 0, "number").toString() == "F003");
    CHECK(role(missed, 0, "window").toInt() == 6);
    CHECK(role(missed, 0, "requeued").toBool());
    CHECK(role(missed, 1, "number").toString() == "F002");

    missed.setLimit(0);
    REQUIRE(missed.count() == 3);
    perform(backend, core::CallNumber{6, "F002", false});
    REQUIRE(missed.count() == 2);
    CHECK(role(missed, 0, "number").toString() == "F003");
    CHECK(role(missed, 1, "number").toString() == "F001");
}

TEST_CASE("notices and device health") {
    MockBackend backend;
    NoticesModel notices;
    DeviceHealthModel health;
    QAbstractItemModelTester noticesTester(&notices);
    QAbstractItemModelTester healthTester(&health);
    notices.setBackend(&backend);
    health.setBackend(&backend);
    CHECK(notices.count() == 0);
    CHECK(health.healthy());

    backend.addNotice(QStringLiteral("n1"), QStringLiteral("午间暂停 12:00-13:30"));
    backend.addNotice(QStringLiteral("n2"), QStringLiteral("Lift out of order"));
    backend.addNotice(QStringLiteral("n1"), QStringLiteral("午间暂停 12:00-13:00"));
    REQUIRE(notices.count() == 2);
    CHECK(role(notices, 0, "text").toString() == QStringLiteral("午间暂停 12:00-13:00"));

    backend.setFaults({QStringLiteral("paper_low"), QStringLiteral("reader_unplugged"),
                       QStringLiteral("not_a_fault")});
    REQUIRE(health.count() == 2);
    CHECK_FALSE(health.healthy());
    CHECK(role(health, 0, "fault").toString() == "paper_low");
    CHECK(role(health, 0, "severity").toString() == "warning");
    CHECK(role(health, 1, "severity").toString() == "error");
    backend.setFaults({});
    CHECK(health.healthy());
}

TEST_CASE("a model given a backend later shows its current state at once") {
    MockBackend backend;
    perform(backend, core::IssueTicket{"social_security", {}, {}, {}, {}, {}});
    ServicesModel services;
    services.setBackend(&backend);
    CHECK(services.waitingFor(QStringLiteral("social_security")) == 1);
    services.setBackend(nullptr);
    CHECK(services.count() == 0);
}
