// Responses and pushes round-trip through the client-side decoders, and what a terminal is sent
// about a ticket never includes the person key.

#include "shared/protocol/codec.h"
#include "tests/protocol/samples.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace hall;
using namespace hall::protocol;

namespace {

core::Ticket sampleTicket() {
    core::Ticket t;
    t.id = 20'400'000'017;
    t.number = "A017";
    t.sequence = 17;
    t.serviceId = "tax";
    t.issuedServiceId = "tax";
    t.priority = core::PriorityClass::GreenChannel;
    t.greenCategory = "elderly";
    t.sourceDevice = "kiosk-2";
    t.personKey = testing::kPersonKey;
    t.state = core::TicketState::Called;
    t.window = 3;
    t.staffId = "staff-07";
    return t;
}

Snapshot sampleSnapshot() {
    const auto ticket = sampleTicket();
    core::WindowState busy{3, "staff-07", false, "", ticket.id, std::nullopt};
    core::WindowState paused{4, "staff-09", true, "lunch", std::nullopt, std::nullopt};
    Snapshot s;
    s.hall.name = "滨江区政务服务中心";
    s.hall.services = {{"tax", "税务", "Taxes", {"08:30-12:00", "13:30-17:00"}, 80},
                       {"social", "社保业务", "", {}, 0}};
    s.hall.zones = {{"north", "北区", "North"}};
    s.hall.windows = {{3, "税务窗口", "north", core::Direction{"left", "左侧", "On your left"}},
                      {4, "社保窗口", "north", std::nullopt}};
    s.queues.services = {{"tax", 12, 600'000, true, 17}, {"social", 0, std::nullopt, false, std::nullopt}};
    s.queues.zones = {{"north", 12}};
    s.queues.missed = {{"A007", "tax", 3, true}, {"A004", "tax", 4, false}};
    auto done = ticket;
    done.state = core::TicketState::Done;
    done.finishedAt = core::Timestamp(core::Millis(1'795'000'000'000));
    done.rated = true;
    s.windows = {windowView(busy, &ticket), windowView(paused, nullptr, &done)};
    REQUIRE(s.windows[1].finished);
    // Window 3: a parked ticket to call back, and how citizens rated its clerk.
    auto parked = sampleTicket();
    parked.id += 1;
    parked.number = "A018";
    parked.state = core::TicketState::Waiting;
    parked.window.reset();
    parked.parkedUntil = core::Timestamp(core::Millis(1'795'000'900'000));
    s.windows[0].held = {ticketView(parked)};
    s.windows[0].staffRating = StaffRating{128, 46};
    s.hall.services[0].prefix = "A";
    s.hall.staff = {{"staff-07", "王丽娟", "BJ1001", std::string(64, 'c')}, {"staff-09", "李建国", "BJ1002"}};
    s.hall.callNumberNeedsReason = true;
    s.notices = {{"n1", "系统将于18:00维护"}};
    return s;
}

Response roundTrip(const Response& response) {
    const auto decoded = decodeResponse(encodeResponse(response));
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
    CHECK(decoded->id == response.id);
    CHECK(decoded->type == response.type);
    CHECK(encodeResponse(decoded.value()) == encodeResponse(response));
    return decoded.value();
}

Push roundTrip(const Push& push) {
    const auto frame = encodePush(push);
    const auto decoded = decodePush(frame);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
    CHECK(decoded->seq == push.seq);
    CHECK(encodePush(decoded.value()) == frame);
    return decoded.value();
}

} // namespace

TEST_CASE("successful responses of each shape round-trip") {
    const DeviceIdentity pad{"pad-03", Role::WindowPad, 3, ""};
    const auto hello = roundTrip({"h1", RequestType::Hello, ResponseResult{HelloResult{1, pad}}});
    const auto& h = std::get<HelloResult>(std::get<ResponseResult>(hello.outcome));
    CHECK(h.identity.role == Role::WindowPad);
    CHECK(h.identity.window == 3);

    const DeviceIdentity board{"board-n", Role::CallBoard, std::nullopt, "north"};
    roundTrip({"e1", RequestType::Enroll, ResponseResult{EnrollResult{"secret-token", board}}});
    roundTrip({"b1", RequestType::Heartbeat, ResponseResult{Ack{}}});

    const auto issued = roundTrip(
        {"i1", RequestType::IssueTicket,
         ResponseResult{CommandResult{ticketView(sampleTicket()), 4, 240'000}}});
    const auto& c = std::get<CommandResult>(std::get<ResponseResult>(issued.outcome));
    REQUIRE(c.ticket);
    CHECK(c.ticket->number == "A017");
    CHECK(c.ahead == 4);
    roundTrip({"f1", RequestType::Finish, ResponseResult{CommandResult{}}});

    const auto snap = roundTrip({"s1", RequestType::GetSnapshot,
                                 ResponseResult{SnapshotResult{41, sampleSnapshot()}}});
    const auto& s = std::get<SnapshotResult>(std::get<ResponseResult>(snap.outcome));
    CHECK(s.seq == 41);
    CHECK(s.snapshot == sampleSnapshot());
}

TEST_CASE("refusals round-trip with engine and protocol codes") {
    const auto quota = roundTrip(
        {"i2", RequestType::IssueTicket,
         engineError(core::fail(core::ErrorCode::QuotaReached, "daily quota of tax used up"))});
    CHECK(std::get<Error>(quota.outcome) == Error{"quota_reached", "daily quota of tax used up"});
    // duplicate_person names the ticket the person holds.
    Error duplicate{"duplicate_person", "already holds one", ticketView(sampleTicket())};
    const auto held = roundTrip({"i3", RequestType::IssueTicket, duplicate});
    CHECK(std::get<Error>(held.outcome) == duplicate);
    // A frame whose id could not be read is answered without one.
    const auto bad = roundTrip({"", std::nullopt, protocolError(ProtocolError::BadFrame, "x")});
    CHECK(std::get<Error>(bad.outcome).code == "bad_frame");
    CHECK(bad.id.empty());
}

TEST_CASE("a successful response must say which request it answers") {
    const auto decoded = decodeResponse(
        R"({"v":1,"type":"response","id":"a","ok":true,"result":{}})");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == "bad_frame");
}

TEST_CASE("every push kind round-trips with its sequence number") {
    const auto ticket = ticketView(sampleTicket());
    const auto call = roundTrip({7, Call{ticket, 3, true, false}});
    CHECK(std::get<Call>(call.body).silent);
    CHECK(std::get<Call>(call.body) == Call{ticket, 3, true, false});
    CHECK(std::get<QueueState>(roundTrip({8, sampleSnapshot().queues}).body) ==
          sampleSnapshot().queues);
    CHECK(std::get<WindowView>(roundTrip({9, sampleSnapshot().windows[0]}).body) ==
          sampleSnapshot().windows[0]);
    CHECK(std::get<Notice>(roundTrip({10, Notice{"n2", "暂停服务"}}).body).text == "暂停服务");
    CHECK(std::get<Snapshot>(roundTrip({1, sampleSnapshot()}).body) == sampleSnapshot());
}

TEST_CASE("a push body encoded once gives the frame the general encoder gives") {
    // The envelope is written by hand for speed: it must be what the JSON library writes.
    const auto expected = [](const Push& push) {
        const auto body = nlohmann::json::parse(encodePushBody(push.body).data);
        return nlohmann::json{{"v", kVersion},
                          {"type", "push"},
                          {"seq", push.seq},
                          {"kind", pushKindName(push.body)},
                          {"data", body}}
            .dump();
    };
    for (const Push& push : {Push{1, sampleSnapshot()}, Push{42, sampleSnapshot().queues},
                             Push{18446744073709551615ULL, Notice{"n", "中文"}}}) {
        CHECK(encodePush(push) == expected(push));
        CHECK(decodePush(encodePush(push)).ok());
    }
}

TEST_CASE("pushes and responses never contain the person key") {
    const auto ticket = sampleTicket();
    REQUIRE_FALSE(ticket.personKey.empty());
    const auto view = ticketView(ticket);
    CHECK(view.number == "A017");
    CHECK(view.window == 3);
    CHECK(view.priority == core::PriorityClass::GreenChannel);
    const std::vector<std::string> frames{
        encodePush({1, Call{view, 3, false, true}}),
        encodePush({2, sampleSnapshot()}),
        encodePush({3, sampleSnapshot().windows[0]}),
        encodeResponse({"i1", RequestType::IssueTicket, ResponseResult{CommandResult{view, 0, 0}}}),
    };
    for (const auto& frame : frames) {
        CHECK(frame.find(ticket.personKey) == std::string::npos);
        CHECK(frame.find("person") == std::string::npos);
        CHECK(frame.find("kiosk-2") == std::string::npos); // source device stays private too
    }
}

TEST_CASE("client decoders refuse the other directions' frames") {
    const auto push = encodePush({1, Notice{"n", "t"}});
    const auto response = encodeResponse({"a", RequestType::Heartbeat, ResponseResult{Ack{}}});
    CHECK(decodeResponse(push).error().code == "unknown_type");
    CHECK(decodePush(response).error().code == "unknown_type");
    CHECK(decodeRequest(push).error().code == "unknown_type");
    CHECK(decodePush(R"({"v":1,"type":"push","seq":0,"kind":"notice","data":{"id":"n","text":""}})")
              .error()
              .code == "bad_frame"); // sequence numbers start at 1
    CHECK(decodePush(R"({"v":1,"type":"push","seq":3,"kind":"fireworks","data":{}})")
              .error()
              .code == "unknown_type");
}
