// Display widths: the report's columns line up only if Chinese characters count two columns.

#include "callstation/hallsim/text_width.h"

#include <doctest/doctest.h>

using namespace hall::sim;

TEST_CASE("Chinese characters take two columns, ASCII one") {
    CHECK(displayWidth("") == 0);
    CHECK(displayWidth("A001") == 4);
    CHECK(displayWidth("社保业务") == 8);
    CHECK(displayWidth("A 社保业务") == 10);
    CHECK(displayWidth("（工号 BJ1001）") == 2 + 4 + 1 + 6 + 2); // full-width parentheses
    CHECK(displayWidth("e\xCC\x81") == 1);                       // e + combining acute accent
    CHECK(displayWidth("\xE4\xB8") == 2);                        // a cut sequence: one per byte
}

TEST_CASE("padding aligns mixed text to the same column") {
    const auto a = padRight("A 社保业务", 14);
    const auto b = padRight("Window 12", 14);
    CHECK(displayWidth(a) == 14);
    CHECK(displayWidth(b) == 14);
    CHECK(padLeft("满意", 6) == "  满意");
    CHECK(padRight("toolong", 3) == "toolong");
}

TEST_CASE("truncation keeps whole characters and marks the cut") {
    CHECK(truncateTo("社保医保综合窗口", 9) == "社保医保…");
    CHECK(displayWidth(truncateTo("社保医保综合窗口", 9)) <= 9);
    CHECK(truncateTo("短", 9) == "短");
}
