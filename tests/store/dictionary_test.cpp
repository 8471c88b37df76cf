// The hall database's data dictionary (docs/store.md) names every table and column the store's
// migrations create, every field of every journal event payload and of the daily report — and
// nothing that no longer exists. A migration or a field added without its documentation fails
// here.
#include "shared/store/event_codec.h"
#include "shared/store/json_fields.h"
#include "shared/store/migrations.h"
#include "shared/store/report_codec.h"
#include "tests/support/data_dictionary.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <utility>
#include <variant>

namespace core = hall::core;
namespace store = hall::store;
namespace testing = hall::testing;

namespace {

const std::string& storeDoc() {
    static const std::string text = testing::readTextFile(HALL_DOCS_DIR "/store.md");
    return text;
}

// Optional fields are omitted from a payload when absent: set them, so that every field shows.
template <typename T> void setOptionals(T&) {}
void setOptionals(core::TicketIssued& e) {
    e.appointment = core::Appointment{"appt-1", core::Timestamp{}};
    e.lease = 1;
    e.issuedAt = core::Timestamp{};
}
void setOptionals(core::TicketTransferred& e) {
    e.toWindow = 2;
    e.note = "note";
    e.returnTo = core::ReturnPoint{1, "a"};
}
void setOptionals(core::TicketCalled& e) {
    e.reason = "reason";
}

// A payload's field names; a nested object's fields as "outer.inner".
void collectFields(const store::Json& object, const std::string& prefix,
                   std::set<std::string>& out) {
    for (const auto& [key, value] : object.items()) {
        out.insert(prefix + key);
        if (value.is_object()) collectFields(value, prefix + key + ".", out);
    }
}

// An event of the variant's alternative I, every optional field set, by kind with its fields.
template <std::size_t I> void addPayload(testing::Dictionary& out) {
    std::variant_alternative_t<I, core::EventBody> body{};
    setOptionals(body);
    const auto row = store::encodeEvent(core::Event{core::Timestamp{}, body});
    collectFields(store::parseJson(row.payload, row.kind), "", out[row.kind]);
}

// One event of every type the journal can hold.
template <std::size_t... I> testing::Dictionary payloadFields(std::index_sequence<I...>) {
    testing::Dictionary out;
    (addPayload<I>(out), ...);
    return out;
}

} // namespace

TEST_CASE("docs/store.md describes every table and column of the hall database") {
    testing::TempDir dir("store-dictionary");
    auto db = store::Database::open(dir.file("hall.db"));
    store::migrate(db); // the schema every hall database has, at the current version
    const auto schema = testing::schemaOf(db);
    REQUIRE(schema.count("events") == 1);

    const auto documented = testing::readDictionary(storeDoc(), "Table", "column");
    for (const auto& difference : testing::differences(schema, documented, "docs/store.md"))
        FAIL_CHECK(difference);
}

TEST_CASE("docs/store.md describes every field of every journal event") {
    const auto payloads =
        payloadFields(std::make_index_sequence<std::variant_size_v<core::EventBody>>{});
    REQUIRE(payloads.count("ticket_issued") == 1);

    const auto documented = testing::readDictionary(storeDoc(), "Event", "field");
    for (const auto& difference :
         testing::differences(payloads, documented, "docs/store.md", "event", "field"))
        FAIL_CHECK(difference);
}

TEST_CASE("docs/store.md describes every field of the daily report") {
    core::GroupStats group;
    group.wait.add(core::Millis(12'000));
    group.service.add(core::Millis(300'000));
    group.cancelledAtClose = 1; // written only when the day's close cancelled some
    group.leasedNumbers = 5;    // the lease counts are written only when there were leases
    group.leasedIssued = 2;
    core::DayStatistics report;
    report.hall = group;
    report.byService["permits"] = group;
    report.byWindow[3] = group;
    report.byStaff["s1"] = group;
    const auto json = store::parseJson(store::encodeReport(report), "daily report");

    // Every group and every histogram in it, wherever it sits, has the one shape documented.
    testing::Dictionary fields;
    for (const auto& [key, value] : json.items())
        fields["report"].insert(key);
    const auto addGroup = [&fields](const store::Json& g) {
        for (const auto& [key, value] : g.items()) {
            fields["group"].insert(key);
            if (value.is_object())
                for (const auto& [histogramKey, unused] : value.items())
                    fields["histogram"].insert(histogramKey);
        }
    };
    addGroup(json.at("hall"));
    for (const char* byKey : {"services", "windows", "staff"})
        for (const auto& [key, g] : json.at(byKey).items())
            addGroup(g);

    const auto documented = testing::readDictionary(storeDoc(), "Report", "field");
    for (const auto& difference :
         testing::differences(fields, documented, "docs/store.md", "report part", "field"))
        FAIL_CHECK(difference);
}
