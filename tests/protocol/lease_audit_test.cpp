// The offline-issuing requests (lease_numbers, issue_leased_ticket) and technician_audit: the
// frames of docs/protocol.md decode to what they say, results round-trip, and bad frames are
// refused with the offending field named.

#include "shared/protocol/codec.h"
#include "tests/protocol/samples.h"

#include <doctest/doctest.h>
#include <string>

using namespace hall;
using namespace hall::protocol;

namespace {

Request decoded(std::string_view frame) {
    const auto r = decodeRequest(frame);
    REQUIRE_MESSAGE(r.ok(), r.error().code, ": ", r.error().message);
    return r.value();
}

void refusedNaming(std::string_view frame, const std::string& field) {
    const auto r = decodeRequest(frame);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "bad_frame");
    CHECK_MESSAGE(r.error().message.find("'" + field + "'") != std::string::npos,
                  r.error().message);
}

Response roundTrip(const Response& response) {
    const auto frame = encodeResponse(response);
    const auto back = decodeResponse(frame);
    REQUIRE_MESSAGE(back.ok(), back.error().message);
    CHECK(encodeResponse(back.value()) == frame);
    return back.value();
}

} // namespace

TEST_CASE("lease_numbers as documented") {
    const auto r = decoded(R"({"v":1,"type":"lease_numbers","id":"l-1","service":"A","count":3})");
    CHECK(r.type() == RequestType::LeaseNumbers);
    const auto& c = std::get<core::LeaseNumbers>(r.body);
    CHECK(c.serviceId == "A");
    CHECK(c.count == 3);
    CHECK(c.sourceDevice.empty()); // the server fills it from the connection
    CHECK(std::get<core::LeaseNumbers>(
              decoded(R"({"v":1,"type":"lease_numbers","id":"l","service":"A","count":200})").body)
              .count == 200);

    refusedNaming(R"({"v":1,"type":"lease_numbers","id":"l","service":"A","count":0})", "count");
    refusedNaming(R"({"v":1,"type":"lease_numbers","id":"l","service":"A","count":201})", "count");
    refusedNaming(R"({"v":1,"type":"lease_numbers","id":"l","service":"A","count":"3"})", "count");
    refusedNaming(R"({"v":1,"type":"lease_numbers","id":"l","service":"A"})", "count");
    refusedNaming(R"({"v":1,"type":"lease_numbers","id":"l","count":3})", "service");
    refusedNaming(R"({"v":1,"type":"lease_numbers","id":"l","service":"A","count":3,"device":"x"})",
                  "device");
}

TEST_CASE("issue_leased_ticket as documented") {
    const auto r = decoded(R"({"v":1,"type":"issue_leased_ticket","id":"t-7","lease":20780000001,)"
                           R"("number":"A019","issued_at":1795396500000,"priority":"normal"})");
    CHECK(r.type() == RequestType::IssueLeasedTicket);
    const auto& c = std::get<core::IssueLeasedTicket>(r.body);
    CHECK(c.lease == 20'780'000'001);
    CHECK(c.number == "A019");
    CHECK(c.issuedAt.time_since_epoch().count() == 1'795'396'500'000);
    CHECK(c.priority == core::PriorityClass::Normal);
    CHECK(c.personKey.empty());
    CHECK_FALSE(c.appointment.has_value());

    const auto full = decoded(R"({"v":1,"type":"issue_leased_ticket","id":"t-8","lease":5,)"
                              R"("number":"A020","issued_at":0,"priority":"appointment",)"
                              R"("appointment":{"id":"apt-1","slot_start":1795396500000},)"
                              R"("person_key":")" +
                              testing::kPersonKey + R"("})");
    const auto& f = std::get<core::IssueLeasedTicket>(full.body);
    CHECK(f.priority == core::PriorityClass::Appointment);
    REQUIRE(f.appointment.has_value());
    CHECK(f.appointment->id == "apt-1");
    CHECK(f.personKey == testing::kPersonKey);

    const std::string head = R"({"v":1,"type":"issue_leased_ticket","id":"t",)";
    refusedNaming(head + R"("number":"A1","issued_at":1})", "lease");
    refusedNaming(head + R"("lease":0,"number":"A1","issued_at":1})", "lease");
    refusedNaming(head + R"("lease":"5","number":"A1","issued_at":1})", "lease");
    refusedNaming(head + R"("lease":5,"number":"","issued_at":1})", "number");
    refusedNaming(head + R"("lease":5,"number":"A1"})", "issued_at");
    refusedNaming(head + R"("lease":5,"number":"A1","issued_at":-1})", "issued_at");
    refusedNaming(head + R"("lease":5,"number":"A1","issued_at":1.5})", "issued_at");
    refusedNaming(head +
                      R"("lease":5,"number":"A1","issued_at":1,"person_key":"11010119900307123X"})",
                  "person_key");
    refusedNaming(head + R"("lease":5,"number":"A1","issued_at":1,"service":"A"})", "service");
}

TEST_CASE("technician_audit as documented") {
    const auto r = decoded(R"({"v":1,"type":"technician_audit","id":"a-3","action":"pin_rejected",)"
                           R"("detail":"","at":1795396500000})");
    CHECK(r.type() == RequestType::TechnicianAudit);
    const auto& a = std::get<TechnicianAudit>(r.body);
    CHECK(a.action == TechnicianAction::PinRejected);
    CHECK(a.detail.empty());
    CHECK(a.at.time_since_epoch().count() == 1'795'396'500'000);
    CHECK_FALSE(engineCommand(r).has_value()); // the controller's audit log, not the engine

    // detail may be omitted; every action name round-trips.
    for (const char* name : {"menu_opened", "pin_rejected", "locked_out", "setting_changed",
                             "device_tested", "log_exported", "app_restarted", "enrolled"}) {
        CAPTURE(name);
        const auto frame = std::string(R"({"v":1,"type":"technician_audit","id":"a","action":")") +
                           name + R"(","at":5})";
        const auto x = decoded(frame);
        CHECK(technicianActionName(std::get<TechnicianAudit>(x.body).action) == name);
    }

    const std::string head = R"({"v":1,"type":"technician_audit","id":"a",)";
    refusedNaming(head + R"("action":"root_shell","at":5})", "action");
    refusedNaming(head + R"("at":5})", "action");
    refusedNaming(head + R"("action":"menu_opened"})", "at");
    refusedNaming(head + R"("action":"menu_opened","at":5,"detail":7})", "detail");
    refusedNaming(head + R"("action":"menu_opened","at":5,"pin":"1234"})", "pin");
    const std::string longText(kMaxTextBytes + 1, 'x');
    refusedNaming(head + R"("action":"menu_opened","at":5,"detail":")" + longText + "\"}",
                  "detail");
}

TEST_CASE("lease results and technician_audit answers round-trip") {
    const LeaseView view{20'780'000'001, "A", "2026-11-23", {"A018", "A019", "A020"}};
    const auto lease =
        roundTrip({"l-1", RequestType::LeaseNumbers, ResponseResult{LeaseResult{view}}});
    const auto& l = std::get<LeaseResult>(std::get<ResponseResult>(lease.outcome));
    CHECK(l.lease == view);
    const auto frame =
        encodeResponse({"l-1", RequestType::LeaseNumbers, ResponseResult{LeaseResult{view}}});
    CHECK(frame.find(R"("lease":{"business_day":"2026-11-23","id":20780000001,)"
                     R"("numbers":["A018","A019","A020"],"service":"A"})") != std::string::npos);

    const auto ack = roundTrip({"a-3", RequestType::TechnicianAudit, ResponseResult{Ack{}}});
    CHECK(std::holds_alternative<Ack>(std::get<ResponseResult>(ack.outcome)));
    CHECK(encodeResponse({"a-3", RequestType::TechnicianAudit, ResponseResult{Ack{}}})
              .find(R"("result":{})") != std::string::npos);

    const auto refused = roundTrip(
        {"t-9", RequestType::IssueLeasedTicket, Error{"number_used", "A019 was already issued"}});
    CHECK(std::get<Error>(refused.outcome).code == "number_used");

    // A lease result must carry a day and at least one number.
    const auto bad = decodeResponse(
        R"({"v":1,"type":"response","id":"l","request":"lease_numbers","ok":true,)"
        R"("result":{"lease":{"id":1,"service":"A","business_day":"23.11.2026","numbers":["A1"]}}})");
    CHECK_FALSE(bad.ok());
    const auto empty = decodeResponse(
        R"({"v":1,"type":"response","id":"l","request":"lease_numbers","ok":true,)"
        R"("result":{"lease":{"id":1,"service":"A","business_day":"2026-11-23","numbers":[]}}})");
    CHECK_FALSE(empty.ok());
}
