#include "shared/technician/pin_rules.h"

#include <doctest/doctest.h>

using namespace hall::technician;

TEST_CASE("PINs of 6 to 12 digits that are neither repeats nor runs are accepted") {
    for (const char* pin : {"472913", "100200", "01234599", "902837465102", "135790"}) {
        CAPTURE(pin);
        CHECK_FALSE(pinRuleViolation(pin).has_value());
    }
}

TEST_CASE("PINs breaking a rule are refused with the reason") {
    CHECK(pinRuleViolation("47291") == "the PIN must have 6 to 12 digits");
    CHECK(pinRuleViolation("4729134729134") == "the PIN must have 6 to 12 digits");
    CHECK(pinRuleViolation("") == "the PIN must have 6 to 12 digits");
    CHECK(pinRuleViolation("47291a") == "the PIN must contain digits only");
    CHECK(pinRuleViolation("472 913") == "the PIN must contain digits only");
    CHECK(pinRuleViolation("000000") == "the PIN must not repeat one digit");
    CHECK(pinRuleViolation("777777777777") == "the PIN must not repeat one digit");
    for (const char* run : {"123456", "987654", "890123", "3210987", "456789012345"}) {
        CAPTURE(run);
        CHECK(pinRuleViolation(run) == "the PIN must not be a straight run of digits");
    }
}

TEST_CASE("the entry shape check only looks at digits and length") {
    CHECK(looksLikePin("1"));
    CHECK(looksLikePin("123456789012"));
    CHECK_FALSE(looksLikePin(""));
    CHECK_FALSE(looksLikePin("1234567890123"));
    CHECK_FALSE(looksLikePin("12a4"));
}
