// Journal codec: every event type survives encode → decode → encode unchanged, and a damaged row
// is refused with a StoreError rather than replayed into a different state.

#include "shared/store/event_codec.h"
#include "shared/store/report_codec.h"
#include "tests/store/store_fixture.h"

#include <set>

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

// One event of every type, with every field set away from its default, optional fields present
// (and, for the second TicketIssued / TicketTransferred, absent).
std::vector<core::Event> sampleEvents() {
    const Timestamp t = at(9, 30);
    core::TicketIssued issued;
    issued.ticket = 17;
    issued.day = kDay0;
    issued.number = "A017";
    issued.sequence = 17;
    issued.serviceId = "a";
    issued.priority = core::PriorityClass::Appointment;
    issued.greenCategory = "elderly";
    issued.appointment = core::Appointment{"appt-9", at(10, 0)};
    issued.sourceDevice = "kiosk-2";
    issued.personKey = "5f2c0e";
    core::TicketIssued anonymous = issued;
    anonymous.appointment.reset();
    anonymous.priority = core::PriorityClass::GreenChannel;
    anonymous.personKey.clear();
    // Handed out from a lease: the lease and the device's (clamped) issue time.
    core::TicketIssued fromLease = anonymous;
    fromLease.lease = 20780000003;
    fromLease.issuedAt = at(9, 12);
    const core::NumbersLeased leased{20780000003, kDay0, "a", "machine-1", 18, 50};

    core::TicketTransferred transferred{17, 1, "s1", "a", "b", 2, at(9, 1)};
    core::TicketTransferred anyWindow = transferred;
    anyWindow.toWindow.reset();
    anyWindow.note = "请核对户口簿原件";
    anyWindow.returnTo = core::ReturnPoint{1, "a"};
    core::TicketCalled outOfTurn{19, 3, "s3", false, true, {}, "预约改期，已核实"};

    core::RatingRecorded rating;
    rating.ticket = 17;
    rating.level = core::RatingLevel::VeryDissatisfied;
    rating.reasons = {"等待时间过长", "服务态度差"};
    rating.comment = "排队太久了 \"quoted\"\n";
    rating.supplementary = true;
    rating.automatic = true;
    rating.serviceId = "b";
    rating.window = 2;
    rating.staffId = "s2";

    const std::vector<core::EventBody> bodies{
        core::DayRolledOver{kDay0 - std::chrono::days(1), kDay0},
        issued,
        anonymous,
        fromLease,
        leased,
        core::StaffSignedIn{1, "s1"},
        core::StaffSignedOut{1},
        core::WindowPaused{2, "午休"},
        core::WindowResumed{2},
        core::TicketCalled{17, 1, "s1", true, true, {3, -2, 0}},
        core::TicketCalled{18, 2, "s2", false, false, {}},
        core::TicketRecalled{17, 1, true},
        core::ServingStarted{17, 1},
        core::TicketFinished{17, 1, "s1", "needs_documents", "缺户口簿原件"},
        core::TicketFinished{18, 2, "s2", "completed", ""},
        core::NoShowMarked{17, 1, "s1", true, at(9, 35), at(9, 2)},
        transferred,
        anyWindow,
        core::CallUndone{17, 1},
        core::TicketParked{17, 1, "s1", at(9, 40)},
        core::VisitIdentified{17, 1, std::string(64, 'c')},
        outOfTurn,
        core::TicketCancelled{17, core::CancelReason::DayClosed},
        core::TicketCancelled{18, core::CancelReason::Staff},
        rating,
    };
    std::vector<core::Event> events;
    for (const auto& body : bodies)
        events.push_back({t, body});
    return events;
}

} // namespace

TEST_CASE("every event type survives encode, decode, encode unchanged") {
    const auto events = sampleEvents();
    std::set<std::size_t> covered;
    for (const auto& event : events) {
        covered.insert(event.body.index());
        const EncodedEvent first = encodeEvent(event);
        INFO(first.kind, " ", first.payload);
        CHECK(first.kind == core::eventName(event.body));
        CHECK(first.atMs == event.at.time_since_epoch().count());
        const core::Event decoded = decodeEvent(first.kind, first.atMs, first.payload);
        CHECK(decoded.at == event.at);
        CHECK(decoded.body.index() == event.body.index());
        const EncodedEvent second = encodeEvent(decoded);
        CHECK(second.kind == first.kind);
        CHECK(second.atMs == first.atMs);
        CHECK(second.payload == first.payload);
    }
    CHECK(covered.size() == std::variant_size_v<core::EventBody>);
}

TEST_CASE("decoded events carry their field values") {
    const auto events = sampleEvents();
    const auto& issuedEvent = events[1];
    const auto row = encodeEvent(issuedEvent);
    const auto decoded = decodeEvent(row.kind, row.atMs, row.payload);
    const auto& issued = std::get<core::TicketIssued>(decoded.body);
    CHECK(issued.ticket == 17);
    CHECK(issued.day == kDay0);
    CHECK(issued.number == "A017");
    CHECK(issued.priority == core::PriorityClass::Appointment);
    REQUIRE(issued.appointment.has_value());
    CHECK(issued.appointment->slotStart == at(10, 0));
    CHECK(row.payload.find("\"day\":\"2026-11-23\"") != std::string::npos);

    const auto& ratingEvent = events.back();
    const auto ratingRow = encodeEvent(ratingEvent);
    const auto rating = std::get<core::RatingRecorded>(
        decodeEvent(ratingRow.kind, ratingRow.atMs, ratingRow.payload).body);
    CHECK(rating.level == core::RatingLevel::VeryDissatisfied);
    CHECK(rating.reasons == std::vector<std::string>{"等待时间过长", "服务态度差"});
    CHECK(rating.comment == "排队太久了 \"quoted\"\n");
}

TEST_CASE("leases and leased tickets decode to their facts; older rows still decode") {
    const auto events = sampleEvents();
    const auto& fromLease = events[3];
    const auto encoded = encodeEvent(fromLease);
    INFO(encoded.payload);
    CHECK(encoded.payload.find(R"("lease":20780000003)") != std::string::npos);
    const auto issued =
        std::get<core::TicketIssued>(decodeEvent(encoded.kind, encoded.atMs, encoded.payload).body);
    CHECK(issued.lease == core::LeaseId{20780000003});
    CHECK(issued.issuedAt == at(9, 12));

    const auto lease = encodeEvent(events[4]);
    CHECK(lease.kind == "numbers_leased");
    const auto back =
        std::get<core::NumbersLeased>(decodeEvent(lease.kind, lease.atMs, lease.payload).body);
    CHECK(back.lease == 20780000003);
    CHECK(back.day == kDay0);
    CHECK(back.serviceId == "a");
    CHECK(back.sourceDevice == "machine-1");
    CHECK(back.firstSequence == 18);
    CHECK(back.count == 50);
    CHECK_THROWS_AS(decodeEvent(lease.kind, lease.atMs,
                                R"({"lease":1,"day":"2026-11-23","service_id":"a",)"
                                R"("source_device":"m","first_sequence":0,"count":5})"),
                    StoreError);

    // A ticket_issued row written before leases existed has neither field.
    const auto plain = encodeEvent(events[2]);
    CHECK(plain.payload.find("lease") == std::string::npos);
    const auto old =
        std::get<core::TicketIssued>(decodeEvent(plain.kind, plain.atMs, plain.payload).body);
    CHECK_FALSE(old.lease.has_value());
    CHECK_FALSE(old.issuedAt.has_value());
}

TEST_CASE("a finish keeps its outcome and note; one journaled before outcomes was completed") {
    const auto finished = encodeEvent(
        core::Event{at(10, 0), core::TicketFinished{17, 1, "s1", "rejected", "不符合条件"}});
    const auto back = std::get<core::TicketFinished>(
        decodeEvent(finished.kind, finished.atMs, finished.payload).body);
    CHECK(back.outcome == "rejected");
    CHECK(back.note == "不符合条件");
    const auto old = std::get<core::TicketFinished>(
        decodeEvent("ticket_finished", finished.atMs, R"({"ticket":17,"window":1,"staff_id":"s1"})")
            .body);
    CHECK(old.outcome == "completed");
    CHECK(old.note.empty());
    CHECK_THROWS_AS(decodeEvent("ticket_finished", finished.atMs,
                                R"({"ticket":17,"window":1,"staff_id":"s1","outcome":""})"),
                    StoreError);
}

TEST_CASE("an identified visit keeps the person key; a row without one is refused") {
    const std::string key(64, 'c');
    const auto row = encodeEvent(core::Event{at(10, 0), core::VisitIdentified{17, 3, key}});
    CHECK(row.kind == "visit_identified");
    CHECK(row.payload == R"({"person_key":")" + key + R"(","ticket":17,"window":3})");
    const auto back =
        std::get<core::VisitIdentified>(decodeEvent(row.kind, row.atMs, row.payload).body);
    CHECK(back.ticket == 17);
    CHECK(back.window == 3);
    CHECK(back.personKey == key);
    CHECK_THROWS_AS(decodeEvent(row.kind, row.atMs, R"({"person_key":"","ticket":17,"window":3})"),
                    StoreError);
}

TEST_CASE("malformed journal rows are refused with a StoreError") {
    const core::Event called{at(9, 0), core::TicketCalled{5, 1, "s1", false, false, {}}};
    const auto good = encodeEvent(called);
    REQUIRE_NOTHROW(decodeEvent(good.kind, good.atMs, good.payload));

    struct Case {
        const char* what;
        std::string kind;
        std::string payload;
    };
    const std::vector<Case> cases{
        {"unknown kind", "ticket_teleported", good.payload},
        {"not JSON", good.kind, "{\"ticket\":5,"},
        {"not an object", good.kind, "[5,1]"},
        {"missing field", good.kind,
         R"({"by_number":false,"routing_credit":[],"silent":false,"staff_id":"s1","ticket":5})"},
        {"wrong type", good.kind,
         R"({"by_number":false,"routing_credit":[],"silent":false,"staff_id":"s1","ticket":5,"window":"1"})"},
        {"unknown field", good.kind,
         R"({"by_number":false,"routing_credit":[],"silent":false,"staff_id":"s1","ticket":5,"window":1,"x":0})"},
        {"negative ticket id", good.kind,
         R"({"by_number":false,"routing_credit":[],"silent":false,"staff_id":"s1","ticket":-5,"window":1})"},
        {"window out of int range", good.kind,
         R"({"by_number":false,"routing_credit":[],"silent":false,"staff_id":"s1","ticket":5,"window":4294967296})"},
        {"day not zero-padded", "day_rolled_over", R"({"from":"2026-1-5","to":"2026-01-06"})"},
        {"day that does not exist", "day_rolled_over",
         R"({"from":"2026-02-30","to":"2026-03-01"})"},
        {"unknown cancel reason", "ticket_cancelled", R"({"reason":"bored","ticket":5})"},
        {"rating level out of range", "rating_recorded",
         R"({"automatic":false,"comment":"","level":6,"reasons":[],"service_id":"a","staff_id":"s1","supplementary":false,"ticket":5,"window":1})"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK_THROWS_AS(decodeEvent(c.kind, good.atMs, c.payload), StoreError);
    }
}

TEST_CASE("an event whose text is not valid UTF-8 cannot be stored") {
    core::RatingRecorded rating;
    rating.ticket = 1;
    rating.comment = "bad \xff byte";
    CHECK_THROWS_AS(encodeEvent({at(9, 0), rating}), StoreError);
}

TEST_CASE("daily reports survive encode, decode, encode unchanged") {
    core::DayStatistics day;
    day.day = kDay0;
    core::GroupStats g;
    g.issued = 12;
    g.served = 9;
    g.noShow = 1;
    g.transferred = 1;
    g.cancelled = 2;
    g.cancelledAtClose = 1;
    g.wait.add(std::chrono::seconds(35));
    g.wait.add(std::chrono::minutes(12));
    g.service.add(std::chrono::seconds(4));
    g.ratings = {1, 0, 2, 3, 3};
    g.automaticRatings = 2;
    g.supplementary = 3;
    g.arrivalsByHour[9] = 7;
    g.arrivalsByHour[10] = 5;
    g.leasedNumbers = 20;
    g.leasedIssued = 4;
    day.hall = g;
    day.byService["a"] = g;
    day.byService["b"] = core::GroupStats{};
    day.byWindow[2] = g;
    day.byWindow[10] = g; // "10" sorts before "2" as a JSON key; the map order must not matter
    day.byStaff["s1"] = g;

    const std::string text = encodeReport(day);
    INFO(text);
    const core::DayStatistics decoded = decodeReport(text);
    CHECK(decoded == day);
    CHECK(decoded.hall.wait.max() == std::chrono::minutes(12));
    CHECK(encodeReport(decoded) == text);
    CHECK(decoded.byService.at("a").leasedIssued == 4);
    // A group without leases is written without the two counts (and reports stored before
    // leases existed decode with zero).
    CHECK(decoded.byService.at("b").leasedNumbers == 0);
    CHECK(text.find(R"("leased_numbers":20)") != std::string::npos);
    // Day-close cancellations likewise: written only when there were some.
    CHECK(decoded.byService.at("a").cancelledAtClose == 1);
    CHECK(decoded.byService.at("b").cancelledAtClose == 0);
    CHECK(text.find(R"("cancelled_at_close":1)") != std::string::npos);

    // Reports stored before 追评 were counted apart decode with none.
    std::string older = encodeReport(day);
    for (std::size_t at; (at = older.find(R"(,"supplementary":3)")) != std::string::npos;)
        older.erase(at, std::string(R"(,"supplementary":3)").size());
    CHECK(decodeReport(older).hall.supplementary == 0);
    CHECK(decodeReport(older).hall.ratedCount() == 9);

    CHECK_THROWS_AS(decodeReport("{}"), StoreError);
    CHECK_THROWS_AS(decodeReport(text.substr(0, text.size() / 2)), StoreError);
    std::string badWindow = text;
    badWindow.replace(badWindow.find("\"10\":"), 5, "\"x\":");
    CHECK_THROWS_AS(decodeReport(badWindow), StoreError);
}
