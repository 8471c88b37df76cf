// classifyPayload: appointment codes, e-ID links, everything else — as a table.
#include "drivers/scanner/code_classifier.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace hall::drivers::scanner;

namespace {

ClassifierSettings hallIssuers() {
    return ClassifierSettings{{"eid.example.gov.cn", "*.health.example.cn"}};
}

struct Row {
    std::string payload;
    CodeKind kind;
    std::string bookingId;
    std::string issuerHost;
};

} // namespace

TEST_CASE("the Luhn check digit") {
    CHECK(luhnValid("79927398713")); // the textbook example
    CHECK_FALSE(luhnValid("79927398710"));
    CHECK(luhnValid("202405170012"));
    CHECK_FALSE(luhnValid("202405170013"));
    CHECK_FALSE(luhnValid(""));
    CHECK_FALSE(luhnValid("12a4"));
}

TEST_CASE("classification table") {
    const std::vector<Row> rows = {
        // Appointment codes with our prefix.
        {"HALL-APPT:AB12CD34", CodeKind::Appointment, "AB12CD34", ""},
        {"hall-appt:ab12cd34", CodeKind::Appointment, "AB12CD34", ""}, // Caps Lock inverted
        {"HALL-APPT:123456", CodeKind::Appointment, "123456", ""},     // shortest id
        {"HALL-APPT:" + std::string(32, '7'), CodeKind::Appointment, std::string(32, '7'), ""},
        {"  HALL-APPT:AB12CD34\r\n", CodeKind::Appointment, "AB12CD34", ""}, // stray whitespace
        {"HALL-APPT:12345", CodeKind::Unknown, "", ""},                      // id too short
        {"HALL-APPT:" + std::string(33, '7'), CodeKind::Unknown, "", ""},    // id too long
        {"HALL-APPT:AB-12CD34", CodeKind::Unknown, "", ""},                  // not alphanumeric
        {"HALL-APPT:AB12 CD34", CodeKind::Unknown, "", ""},
        {"HALL-APPT:", CodeKind::Unknown, "", ""},
        {"HALL-APPT AB12CD34", CodeKind::Unknown, "", ""}, // no colon
        {"XHALL-APPT:AB12CD34", CodeKind::Unknown, "", ""},
        // Bare 12-digit booking numbers (Luhn).
        {"202405170012", CodeKind::Appointment, "202405170012", ""},
        {"202405170013", CodeKind::Unknown, "", ""},  // check digit wrong
        {"20240517001", CodeKind::Unknown, "", ""},   // 11 digits
        {"2024051700120", CodeKind::Unknown, "", ""}, // 13 digits (EAN-13)
        {"2024O5170012", CodeKind::Unknown, "", ""},  // a letter O
        // e-ID links.
        {"https://eid.example.gov.cn/v/8f3a9c", CodeKind::EIdLink, "", "eid.example.gov.cn"},
        {"HTTPS://EID.EXAMPLE.GOV.CN/v/8f3a9c", CodeKind::EIdLink, "", "eid.example.gov.cn"},
        {"https://eid.example.gov.cn", CodeKind::EIdLink, "", "eid.example.gov.cn"},
        {"https://eid.example.gov.cn:443/v?c=1#x", CodeKind::EIdLink, "", "eid.example.gov.cn"},
        {"https://eid.example.gov.cn?c=1", CodeKind::EIdLink, "", "eid.example.gov.cn"},
        {"https://hc.health.example.cn/q/1", CodeKind::EIdLink, "", "hc.health.example.cn"},
        {"https://a.b.health.example.cn/q", CodeKind::EIdLink, "", "a.b.health.example.cn"},
        {"http://eid.example.gov.cn/v/8f3a9c", CodeKind::Unknown, "", ""}, // not https
        {"https://health.example.cn/q/1", CodeKind::Unknown, "", ""},      // wildcard: below only
        {"https://evil.example.com/v/1", CodeKind::Unknown, "", ""},       // unknown host
        {"https://eid.example.gov.cn.evil.example/v", CodeKind::Unknown, "", ""},
        {"https://evileid.example.gov.cn/v", CodeKind::Unknown, "", ""},
        {"https://xhealth.example.cn/q", CodeKind::Unknown, "", ""},
        {"https://eid.example.gov.cn@evil.example/v", CodeKind::Unknown, "", ""}, // user-info
        {"https://user@eid.example.gov.cn/v", CodeKind::Unknown, "", ""},
        {"https://eid.example.gov.cn\\@evil.example/", CodeKind::Unknown, "", ""}, // backslash
        {"https://eid.example.gov.cn:8443/v", CodeKind::Unknown, "", ""},          // other port
        {"https://eid.example.gov.cn:/v", CodeKind::Unknown, "", ""},
        {"https://eid.example.gov.cn./v", CodeKind::Unknown, "", ""},           // trailing dot
        {"https://eid.example.gov.cn/v 1", CodeKind::Unknown, "", ""},          // space
        {"https://eid.example.gov.cn/\xe8\xaf\x81", CodeKind::Unknown, "", ""}, // non-ASCII
        {"https://[::1]/v", CodeKind::Unknown, "", ""},
        {"https:///v", CodeKind::Unknown, "", ""},
        {"https://", CodeKind::Unknown, "", ""},
        // Everything else.
        {"6901234567892", CodeKind::Unknown, "", ""}, // EAN-13 product code
        {"", CodeKind::Unknown, "", ""},
        {"   ", CodeKind::Unknown, "", ""},
        {"\xe7\x94\xb5\xe5\xad\x90\xe8\xaf\x81\xe7\x85\xa7", CodeKind::Unknown, "", ""},
    };
    const auto settings = hallIssuers();
    for (const auto& row : rows) {
        CAPTURE(row.payload);
        const auto c = classifyPayload(row.payload, settings);
        CHECK(c.kind == row.kind);
        CHECK(c.bookingId == row.bookingId);
        CHECK(c.issuerHost == row.issuerHost);
    }
}

TEST_CASE("with no issuers configured no link is an e-ID") {
    const auto c = classifyPayload("https://eid.example.gov.cn/v/8f3a9c", ClassifierSettings{});
    CHECK(c.kind == CodeKind::Unknown);
}

TEST_CASE("issuer host settings are checked") {
    CHECK_FALSE(checkClassifierSettings(hallIssuers()).has_value());
    CHECK_FALSE(checkClassifierSettings({}).has_value());
    for (const char* bad :
         {"", "*.", "https://eid.example.gov.cn", "eid.example.gov.cn/v", "eid.example.gov.cn:443",
          "EID.example.gov.cn", "eid..example", "-eid.example", "*eid.example", "eid example"}) {
        CAPTURE(bad);
        auto error = checkClassifierSettings(ClassifierSettings{{bad}});
        REQUIRE(error.has_value());
        CHECK(error->find("e-ID issuer host") != std::string::npos);
    }
}

TEST_CASE("code kind names") {
    CHECK(codeKindName(CodeKind::Appointment) == "appointment");
    CHECK(codeKindName(CodeKind::EIdLink) == "eid_link");
    CHECK(codeKindName(CodeKind::Unknown) == "unknown");
}

TEST_CASE("one booking-code rule for the QR, the typed code and the controller's key") {
    CHECK(normalBookingId("k7qw2m9xht") == "K7QW2M9XHT"); // typed in lower case
    CHECK(normalBookingId("123456") == "123456");
    CHECK(normalBookingId(std::string(32, 'a')) == std::string(32, 'A'));
    CHECK_FALSE(normalBookingId("12345"));              // too short
    CHECK_FALSE(normalBookingId(std::string(33, '7'))); // too long
    CHECK_FALSE(normalBookingId("AB12/CD34"));          // a '/' would change a request's path
    CHECK_FALSE(normalBookingId("AB12\xC3\xA9"
                                "CD")); // letters outside ASCII
    // What the controller prints is what the scanner reads back.
    const auto read = classifyPayload(bookingQrText("K7QW2M9XHT"), {});
    CHECK(read.kind == CodeKind::Appointment);
    CHECK(read.bookingId == "K7QW2M9XHT");
}
