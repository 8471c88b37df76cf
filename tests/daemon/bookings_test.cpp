// Bookings and check-in through the real callstationd: the REST API adds (keying an ID number
// into the person key and dropping it), lists and cancels bookings; a ticket machine checks in by
// the booking's code or by the person key of an ID card and gets an appointment ticket once; the
// engine's refusals reach the terminal; the book survives a restart. The hall clock is pinned to
// 10:00 so that the slots below are inside or outside the check-in window whatever the hour.

#include "shared/terminal/person_key.h"
#include "tests/daemon/daemon_process.h"
#include "tests/daemon/test_requests.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace hall::testing;
using nlohmann::json;

namespace {

json post(netclient::RestClient& api, const json& body, int expectStatus) {
    const auto reply = api.post("/api/v1/bookings", body.dump());
    INFO(reply.body);
    CHECK(reply.status == expectStatus);
    return json::parse(reply.body);
}

protocol::Response checkIn(netclient::TerminalConnection& tm, std::string booking,
                           std::string personKey = {}) {
    return tm.request(protocol::CheckInRequest{std::move(booking), std::move(personKey)});
}

} // namespace

TEST_CASE("bookings: added, checked in once by code or by ID card, refused with reasons") {
    TempDir dir("daemon-bookings");
    DaemonProcess daemon(dir.path(), {}, "10:00@1");
    auto api = daemon.admin();
    const auto listed = json::parse(api.get("/api/v1/bookings").body);
    const std::string today = listed.at("day");
    CHECK(listed.at("bookings").empty());

    // Added: an id of its own when none is given; the code is what the QR holds.
    const auto first = post(api, {{"service", "permits"}, {"slot", today + "T10:20"}}, 201);
    const std::string firstId = first.at("id");
    CHECK(firstId.size() == 10);
    CHECK(first.at("code") == "HALL-APPT:" + firstId);
    CHECK(first.at("person") == false);
    CHECK(first.at("ticket").is_null());
    const std::string idNumber = "11010519491231002X";
    const auto second = post(api,
                             {{"id", "book2x"},
                              {"service", "permits"},
                              {"slot", today + "T10:05"},
                              {"id_number", idNumber}},
                             201);
    CHECK(second.at("id") == "BOOK2X"); // codes are kept upper-case
    CHECK(second.at("person") == true);
    CHECK(second.dump().find(idNumber) == std::string::npos);
    post(api, {{"service", "permits"}, {"slot", today + "T12:00"}, {"id", "LATERONE"}}, 201);

    // Refused, naming the field; nothing is added.
    CHECK(post(api, {{"id", "BOOK2X"}, {"service", "permits"}, {"slot", today + "T11:00"}}, 409)
              .at("error")
              .at("code") == "duplicate");
    CHECK(post(api, {{"service", "permits"}, {"slot", "tomorrow"}}, 400)
              .at("error")
              .at("message")
              .get<std::string>()
              .starts_with("slot"));
    CHECK(post(api, {{"service", "nope"}, {"slot", today + "T11:00"}}, 400)
              .at("error")
              .at("message")
              .get<std::string>()
              .starts_with("service"));
    CHECK(post(api, {{"service", "permits"}, {"slot", today + "T11:00"}, {"id_number", "12"}}, 400)
              .at("error")
              .at("message")
              .get<std::string>()
              .starts_with("id_number"));
    CHECK(post(api, {{"id", "a b"}, {"service", "permits"}, {"slot", today + "T11:00"}}, 400)
              .at("error")
              .at("message")
              .get<std::string>()
              .starts_with("id"));
    CHECK(json::parse(api.get("/api/v1/bookings").body).at("bookings").size() == 3);
    CHECK(api.get("/api/v1/audit").body.find(idNumber) == std::string::npos);

    auto tm = daemon.terminal("tm-1", "ticket_machine");
    // By the booking's code: an appointment ticket, once.
    const auto byCode = checkIn(tm, firstId);
    const auto& ticket = commandResult(byCode).ticket;
    REQUIRE(ticket);
    CHECK(ticket->priority == core::PriorityClass::Appointment);
    const auto again = checkIn(tm, firstId);
    CHECK(errorCode(again) == "already_checked_in");
    REQUIRE(std::get<protocol::Error>(again.outcome).ticket);
    CHECK(std::get<protocol::Error>(again.outcome).ticket->number == ticket->number);
    CHECK(errorCode(checkIn(tm, "NOSUCH99")) == "unknown_booking");
    CHECK(errorCode(checkIn(tm, "LATERONE")) == "too_early");

    // By the ID card: the person key the terminal computes with the hall's secret.
    auto kiosk = daemon.connect();
    const auto enrolled = kiosk.enroll(daemon.enrollmentCode("kiosk-1", "kiosk"));
    const auto secret = kiosk.hello(enrolled.credential).personKeySecret.value();
    const auto key = client::personKey(
        idNumber, std::span(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()));
    const auto byCard = checkIn(kiosk, {}, key);
    const auto& cardTicket = commandResult(byCard).ticket;
    REQUIRE(cardTicket);
    CHECK(cardTicket->priority == core::PriorityClass::Appointment);
    CHECK(errorCode(checkIn(kiosk, {}, key)) == "unknown_booking"); // nothing left to check in

    // A call board may not check anybody in.
    auto board = daemon.terminal("board-1", "call_board", {}, "north");
    CHECK(errorCode(checkIn(board, firstId)) == "forbidden");

    // The list shows which booking has its ticket; a cancelled one is gone, once.
    auto shown = json::parse(api.get("/api/v1/bookings?day=" + today).body).at("bookings");
    REQUIRE(shown.size() == 3);
    CHECK(shown[0].at("id") == "BOOK2X"); // by slot
    CHECK(shown[0].at("ticket") == cardTicket->number);
    CHECK(shown[1].at("ticket") == ticket->number);
    CHECK(shown[2].at("ticket").is_null());
    CHECK(api.del("/api/v1/bookings/LATERONE").status == 200);
    CHECK(api.del("/api/v1/bookings/LATERONE").status == 404);
    CHECK(errorCode(checkIn(tm, "LATERONE")) == "unknown_booking");

    // The book is on disk: the same after a restart.
    CHECK(daemon.terminate() == 0);
    daemon.start();
    auto after = daemon.admin();
    CHECK(json::parse(after.get("/api/v1/bookings").body).at("bookings").size() == 2);
}
