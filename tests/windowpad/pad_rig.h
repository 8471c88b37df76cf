#pragma once
// What the window pad's tests share: the mock standing in for window 1's pad, and a citizen
// taking a number at a ticket machine (the mock acting as the hall's admin for that moment).
#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"

#include <doctest/doctest.h>

namespace hall::testing {

inline const protocol::DeviceIdentity kWindowOnePad{"pad-1", protocol::Role::WindowPad, 1, {}};

inline void citizenTakesNumber(client::MockBackend& backend,
                               const char* service = "social_security") {
    using namespace std::chrono_literals;
    bool issued = false;
    backend.setDevice({"admin", protocol::Role::Admin, std::nullopt, {}});
    core::IssueTicket ticket;
    ticket.serviceId = service;
    backend.send(ticket, [&](const protocol::Response& r) { issued = r.ok(); });
    REQUIRE(waitUntil([&] { return issued; }, 2s));
    backend.setDevice(kWindowOnePad);
}

} // namespace hall::testing
