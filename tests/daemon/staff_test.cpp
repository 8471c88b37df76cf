// Staff credentials and the green channel through the real callstationd: an admin sets a staff
// member's PIN and card over the REST API (the PIN rules apply; neither the PIN nor the ID
// number is kept in the clear or audited); a ticket machine issues a green-channel ticket only
// with a right staff credential; five wrong PINs lock the staff member out, also across a
// restart; the audit log names who let each ticket ahead.

#include "shared/terminal/person_key.h"
#include "tests/daemon/daemon_process.h"
#include "tests/daemon/test_requests.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace hall;
using namespace hall::testing;
using nlohmann::json;
namespace http = boost::beast::http;

namespace {

netclient::HttpReply putCredentials(netclient::RestClient& api, const std::string& staff,
                                    const json& body) {
    return api.request(http::verb::put, "/api/v1/staff/" + staff + "/credentials", body.dump());
}

protocol::Response green(netclient::TerminalConnection& tm, protocol::StaffCredential staff,
                         std::string category = "elderly") {
    return tm.request(
        protocol::GreenTicketRequest{"permits", std::move(category), std::move(staff)});
}

protocol::StaffCredential byPin(std::string number, std::string pin) {
    return {std::move(number), std::move(pin), {}};
}

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("staff credentials: set by an admin, checked for the green channel, locked out") {
    TempDir dir("daemon-staff");
    DaemonProcess daemon(dir.path(), {}, "10:00@1");
    auto api = daemon.admin();

    // The staff are the configuration's; nobody has a credential yet.
    auto listed = json::parse(api.get("/api/v1/staff").body).at("staff");
    REQUIRE(listed.size() == 3);
    CHECK(listed[0].at("id") == "s1");
    CHECK(listed[0].at("staff_number") == "1001");
    CHECK(listed[0].at("pin") == false);

    // Set: the PIN rules apply, the staff member must exist, a card is keyed at once.
    CHECK(putCredentials(api, "s1", {{"pin", "123456"}}).status == 400); // a straight run
    CHECK(putCredentials(api, "s9", {{"pin", "246810"}}).status == 404);
    CHECK(putCredentials(api, "s1", json::object()).status == 400);
    CHECK(putCredentials(api, "s1", {{"pin", "246810"}}).status == 200);
    const std::string idNumber = "11010519491231002X";
    CHECK(putCredentials(api, "s2", {{"id_number", idNumber}}).status == 200);
    CHECK(putCredentials(api, "s1", {{"id_number", idNumber}}).status == 409); // s2's card
    listed = json::parse(api.get("/api/v1/staff").body).at("staff");
    CHECK(listed[0].at("pin") == true);
    CHECK(listed[1].at("card") == true);
    const auto stored = fileText(dir.path() / "staff-credentials.json");
    CHECK(stored.find("246810") == std::string::npos);
    CHECK(stored.find(idNumber) == std::string::npos);

    auto tm = daemon.terminal("tm-1", "ticket_machine");
    // A right PIN: a green-channel ticket of the category.
    const auto first = green(tm, byPin("1001", "246810"));
    const auto& ticket = commandResult(first).ticket;
    REQUIRE(ticket);
    CHECK(ticket->priority == core::PriorityClass::GreenChannel);
    // The card of a staff member, read at the machine: the person key the terminal computes.
    auto kiosk = daemon.connect();
    const auto enrolled = kiosk.enroll(daemon.enrollmentCode("kiosk-1", "kiosk"));
    const auto secret = kiosk.hello(enrolled.credential).personKeySecret.value();
    const auto key = client::personKey(
        idNumber, std::span(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()));
    CHECK(commandResult(green(kiosk, {{}, {}, key}, "disabled")).ticket);
    CHECK(errorCode(green(kiosk, {{}, {}, std::string(64, 'a')})) == "unknown_staff");
    // Refusals: no such number, a category the hall does not have (the engine's rule).
    CHECK(errorCode(green(tm, byPin("7777", "246810"))) == "unknown_staff");
    CHECK(errorCode(green(tm, byPin("1002", "246810"))) == "unknown_staff"); // s2 has no PIN
    CHECK(errorCode(green(tm, byPin("1001", "246810"), "vip")) == "priority_not_allowed");
    // A call board may not ask.
    auto board = daemon.terminal("board-1", "call_board", {}, "north");
    CHECK(errorCode(green(board, byPin("1001", "246810"))) == "forbidden");

    // Five wrong PINs lock s1 out: the right one is refused too, and after a restart.
    for (int i = 0; i < 4; ++i)
        CHECK(errorCode(green(tm, byPin("1001", "135790"))) == "wrong_pin");
    CHECK(errorCode(green(tm, byPin("1001", "135790"))) == "staff_locked");
    CHECK(errorCode(green(tm, byPin("1001", "246810"))) == "staff_locked");
    CHECK(json::parse(api.get("/api/v1/staff").body).at("staff")[0].at("locked") == true);

    // The audit log names who let which ticket ahead, never a PIN or an ID number.
    const auto audit = api.get("/api/v1/audit").body;
    CHECK(audit.find("green_channel") != std::string::npos);
    CHECK(audit.find(ticket->number + " elderly by staff s1") != std::string::npos);
    CHECK(audit.find("by staff s2") != std::string::npos);
    CHECK(audit.find("staff_credentials") != std::string::npos);
    CHECK(audit.find("246810") == std::string::npos);
    CHECK(audit.find(idNumber) == std::string::npos);

    CHECK(daemon.terminate() == 0);
    daemon.start();
    auto tmAfter = daemon.terminal("tm-2", "ticket_machine");
    CHECK(errorCode(green(tmAfter, byPin("1001", "246810"))) == "staff_locked");
    // A new PIN set by an admin ends the lockout; forgetting the credentials ends them.
    auto apiAfter = daemon.admin();
    CHECK(putCredentials(apiAfter, "s1", {{"pin", "864209"}}).status == 200);
    CHECK(commandResult(green(tmAfter, byPin("1001", "864209"))).ticket);
    CHECK(apiAfter.del("/api/v1/staff/s1/credentials").status == 200);
    CHECK(apiAfter.del("/api/v1/staff/s1/credentials").status == 404);
    CHECK(errorCode(green(tmAfter, byPin("1001", "864209"))) == "unknown_staff");
}

TEST_CASE("a clerk signs in at their window pad with their own PIN or card") {
    TempDir dir("daemon-staff-sign-in");
    DaemonProcess daemon(dir.path(), {}, "10:00@1");
    auto api = daemon.admin();
    CHECK(putCredentials(api, "s1", {{"pin", "246810"}}).status == 200);
    const std::string idNumber = "11010519491231002X";
    CHECK(putCredentials(api, "s2", {{"id_number", idNumber}}).status == 200);

    auto pad = daemon.connect();
    const auto enrolled = pad.enroll(daemon.enrollmentCode("pad-1", "window_pad", 1));
    const auto secret = pad.hello(enrolled.credential).personKeySecret.value();
    auto signIn = [&](protocol::StaffCredential staff, int window = 1) {
        return pad.request(protocol::StaffSignInRequest{window, std::move(staff)});
    };
    // A member with a credential is not signed in by id alone.
    CHECK(errorCode(pad.request(core::SignIn{1, "s1"})) == "forbidden");
    CHECK(errorCode(pad.request(core::SignIn{1, "s2"})) == "forbidden");
    CHECK(errorCode(signIn(byPin("1001", "135790"))) == "wrong_pin");
    CHECK(errorCode(signIn(byPin("9999", "246810"))) == "unknown_staff");
    CHECK(errorCode(signIn(byPin("1001", "246810"), 2)) == "forbidden"); // not its window
    CHECK(errorCode(pad.request(core::CallNext{1})) == "no_staff_signed_in");
    commandResult(signIn(byPin("1001", "246810")));
    CHECK(errorCode(pad.request(core::CallNext{1})) == "nothing_to_call"); // s1 is at window 1
    commandResult(pad.request(core::SignOut{1}));

    // The card of s2, read at the pad: the person key the pad computes.
    const auto key = client::personKey(
        idNumber, std::span(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()));
    commandResult(signIn({{}, {}, key}));
    CHECK(errorCode(pad.request(core::CallNext{1})) == "nothing_to_call");
    commandResult(pad.request(core::SignOut{1}));

    // A member with no credential yet (s3) is still signed in by id: a hall that has not set
    // PINs up keeps working.
    commandResult(pad.request(core::SignIn{1, "s3"}));
}
