// Every request type survives encode → decode unchanged (compared through the canonical
// encoding, and field by field for the ones with optional parts).

#include "shared/protocol/codec.h"
#include "tests/protocol/samples.h"

#include <doctest/doctest.h>
#include <set>

using namespace hall;
using namespace hall::protocol;

TEST_CASE("every request type round-trips") {
    const auto requests = testing::everyRequest();
    std::set<RequestType> seen;
    for (const auto& request : requests) {
        CAPTURE(requestTypeName(request.type()));
        const auto frame = encodeRequest(request);
        const auto decoded = decodeRequest(frame);
        REQUIRE_MESSAGE(decoded.ok(), decoded.error().code, ": ", decoded.error().message);
        CHECK(decoded->id == request.id);
        CHECK(decoded->type() == request.type());
        CHECK(encodeRequest(decoded.value()) == frame);
        seen.insert(request.type());
    }
    CHECK(seen.size() == static_cast<std::size_t>(kRequestTypeCount));
}

TEST_CASE("request fields arrive as sent") {
    const auto requests = testing::everyRequest();
    const auto issue = decodeRequest(encodeRequest(requests[4]));
    REQUIRE(issue.ok());
    const auto& t = std::get<core::IssueTicket>(issue->body);
    CHECK(t.serviceId == "tax");
    CHECK(t.priority == core::PriorityClass::Appointment);
    REQUIRE(t.appointment);
    CHECK(t.appointment->id == "apt-9");
    CHECK(t.appointment->slotStart.time_since_epoch().count() == 1'700'000'000'000);
    CHECK(t.personKey == testing::kPersonKey);
    CHECK(t.sourceDevice.empty()); // the server fills it from the connection

    const auto transfer = decodeRequest(encodeRequest(requests[15]));
    REQUIRE(transfer.ok());
    const auto& tr = std::get<core::Transfer>(transfer->body);
    CHECK(tr.toService == "social");
    CHECK(tr.toWindow == 7);

    const auto rate = decodeRequest(encodeRequest(requests[18]));
    REQUIRE(rate.ok());
    const auto& r = std::get<core::Rate>(rate->body);
    CHECK(r.ticket == 20'400'000'017);
    CHECK(r.level == core::RatingLevel::Dissatisfied);
    CHECK(r.reasons == std::vector<std::string>{"slow", "rude"});
    CHECK(r.comment == "等了很久");

    const auto identify = decodeRequest(encodeRequest(requests.back()));
    REQUIRE(identify.ok());
    CHECK(identify->type() == RequestType::IdentifyVisit);
    const auto& i = std::get<core::IdentifyVisit>(identify->body);
    CHECK(i.window == 3);
    CHECK(i.personKey == testing::kPersonKey);
}

TEST_CASE("optional fields take their documented defaults when omitted") {
    const auto call = decodeRequest(R"({"v":1,"type":"call_next","id":"a","window":4})");
    REQUIRE(call.ok());
    CHECK(std::get<core::CallNext>(call->body).window == 4);
    CHECK_FALSE(std::get<core::CallNext>(call->body).silent);

    const auto issue = decodeRequest(R"({"v":1,"type":"issue_ticket","id":"b","service":"tax"})");
    REQUIRE(issue.ok());
    CHECK(std::get<core::IssueTicket>(issue->body).priority == core::PriorityClass::Normal);
    CHECK(std::get<core::IssueTicket>(issue->body).personKey.empty());

    const auto cancel = decodeRequest(R"({"v":1,"type":"cancel_ticket","id":"c","ticket":5})");
    REQUIRE(cancel.ok());
    CHECK(std::get<core::CancelTicket>(cancel->body).reason == core::CancelReason::Citizen);

    const auto beat = decodeRequest(R"({"v":1,"type":"heartbeat","id":"d"})");
    REQUIRE(beat.ok());
    CHECK(std::get<Heartbeat>(beat->body).faults.empty());
}

TEST_CASE("engine commands are handed to the engine; connection requests, check-ins and "
          "green-channel tickets are not") {
    for (const auto& request : testing::everyRequest()) {
        const auto command = engineCommand(request);
        // A check-in needs the controller's booking first (it becomes the engine's CheckIn there),
        // a green-channel ticket and a clerk's own sign-in the controller's check of the staff
        // credential.
        const bool notEngine = request.type() == RequestType::Hello ||
                               request.type() == RequestType::Enroll ||
                               request.type() == RequestType::Heartbeat ||
                               request.type() == RequestType::GetSnapshot ||
                               request.type() == RequestType::TechnicianAudit ||
                               request.type() == RequestType::CheckIn ||
                               request.type() == RequestType::IssueGreenTicket ||
                               request.type() == RequestType::StaffSignIn;
        CHECK(command.has_value() == !notEngine);
        if (command) CHECK(core::commandName(*command) == requestTypeName(request.type()));
    }
}

TEST_CASE("identify_visit as documented: the answer says identified, never the key") {
    const std::string key = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const auto request = decodeRequest(R"({"v":1,"type":"identify_visit","id":"i-1","window":3,
        "person_key":")" + key + "\"}");
    REQUIRE(request.ok());
    const auto& c = std::get<core::IdentifyVisit>(request->body);
    CHECK(c.window == 3);
    CHECK(c.personKey == key);
    CHECK(engineCommand(request.value()).has_value());

    const auto answer = decodeResponse(
        R"({"v":1,"type":"response","id":"i-1","request":"identify_visit","ok":true,
        "result":{"ticket":{"id":20780000031,"number":"A031","service":"permits",
        "state":"serving","priority":"normal","window":3,"identified":true}}})");
    REQUIRE(answer.ok());
    const auto& result = std::get<CommandResult>(std::get<ResponseResult>(answer->outcome));
    REQUIRE(result.ticket);
    CHECK(result.ticket->identified);

    // The view of a ticket identified at the window says so, and the frame holds no key.
    core::Ticket ticket;
    ticket.id = 20780000031;
    ticket.number = "A031";
    ticket.serviceId = "permits";
    ticket.state = core::TicketState::Serving;
    ticket.window = 3;
    CHECK_FALSE(ticketView(ticket).identified);
    ticket.personKey = key;
    const auto view = ticketView(ticket);
    CHECK(view.identified);
    const auto frame =
        encodeResponse(Response{"i-1", RequestType::IdentifyVisit,
                                ResponseResult{CommandResult{view, std::nullopt, std::nullopt}}});
    CHECK(frame.find(key) == std::string::npos);
    CHECK(frame.find(R"("identified":true)") != std::string::npos);
}
