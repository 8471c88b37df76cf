// The roles table of docs/protocol.md and the window binding of window pads.

#include "shared/protocol/roles.h"
#include "tests/protocol/samples.h"

#include <doctest/doctest.h>
#include <map>
#include <set>

using namespace hall;
using namespace hall::protocol;
using T = RequestType;

namespace {

const std::set<T> kWindowOps{T::SignIn,   T::SignOut,       T::PauseWindow, T::ResumeWindow,
                             T::CallNext, T::CallNumber,    T::Recall,      T::StartServing,
                             T::Finish,   T::MarkNoShow,    T::Transfer,    T::UndoCall,
                             T::Park,     T::IdentifyVisit, T::StaffSignIn};

// The table as documented, written out independently of roles.cpp.
std::set<T> documented(Role role) {
    std::set<T> s{T::Heartbeat, T::GetSnapshot, T::TechnicianAudit};
    switch (role) {
    case Role::TicketMachine:
        s.insert({T::IssueTicket, T::CheckIn, T::IssueGreenTicket, T::CancelTicket,
                  T::LeaseNumbers, T::IssueLeasedTicket});
        break;
    case Role::Kiosk:
        s.insert({T::IssueTicket, T::CheckIn, T::IssueGreenTicket, T::CancelTicket, T::Rate,
                  T::LeaseNumbers, T::IssueLeasedTicket});
        break;
    case Role::WindowPad:
        s.insert(kWindowOps.begin(), kWindowOps.end());
        s.insert(T::Rate);
        break;
    case Role::CallBoard:
    case Role::LedBridge: break;
    case Role::Admin:
        s.insert(kWindowOps.begin(), kWindowOps.end());
        s.insert({T::IssueTicket, T::CheckIn, T::IssueGreenTicket, T::CancelTicket});
        break;
    }
    return s;
}

} // namespace

TEST_CASE("role names round-trip") {
    for (int i = 0; i <= static_cast<int>(Role::Admin); ++i) {
        const auto role = static_cast<Role>(i);
        CHECK(roleFromName(roleName(role)) == role);
    }
    CHECK_FALSE(roleFromName("root"));
}

TEST_CASE("each role may send exactly the documented request types") {
    for (int r = 0; r <= static_cast<int>(Role::Admin); ++r) {
        const auto role = static_cast<Role>(r);
        const auto expected = documented(role);
        for (int t = 0; t < kRequestTypeCount; ++t) {
            const auto type = static_cast<T>(t);
            CAPTURE(roleName(role));
            CAPTURE(requestTypeName(type));
            CHECK(allowed(role, type) == expected.contains(type));
        }
    }
}

TEST_CASE("authorize refuses with forbidden what the role may not send") {
    const DeviceIdentity kiosk{"kiosk-1", Role::Kiosk, std::nullopt, ""};
    const DeviceIdentity board{"board-1", Role::CallBoard, std::nullopt, "north"};
    for (const auto& request : testing::everyRequest()) {
        const auto k = authorize(kiosk, request);
        CHECK(k.has_value() == !allowed(Role::Kiosk, request.type()));
        if (k) CHECK(k->code == "forbidden");
        const auto b = authorize(board, request);
        CHECK(b.has_value() == !allowed(Role::CallBoard, request.type()));
    }
}

TEST_CASE("a window pad acts only for its own window") {
    const DeviceIdentity pad3{"pad-03", Role::WindowPad, 3, ""};
    const DeviceIdentity pad5{"pad-05", Role::WindowPad, 5, ""};
    const DeviceIdentity unbound{"pad-x", Role::WindowPad, std::nullopt, ""};
    const DeviceIdentity admin{"ops", Role::Admin, std::nullopt, ""};
    int windowOps = 0;
    for (const auto& request : testing::everyRequest()) { // window operations name window 3
        if (!kWindowOps.contains(request.type())) continue;
        ++windowOps;
        CAPTURE(requestTypeName(request.type()));
        CHECK_FALSE(authorize(pad3, request));
        const auto other = authorize(pad5, request);
        REQUIRE(other);
        CHECK(other->code == "forbidden");
        CHECK(other->message.find("window 3") != std::string::npos);
        CHECK(authorize(unbound, request));
        CHECK_FALSE(authorize(admin, request)); // admins act for any window
    }
    CHECK(windowOps == static_cast<int>(kWindowOps.size()));
    // Transferring to another window is the pad's own act: only the acting window is bound.
    core::Transfer transfer;
    transfer.window = 3;
    transfer.toWindow = 5;
    CHECK_FALSE(authorize(pad3, Request{"t", transfer}));
}
