// --demo-clock's text, as callstationd and the terminal apps read it.
#include "shared/core/time.h"

#include <doctest/doctest.h>

using namespace hall::core;

TEST_CASE("demo clock: a reading and a speed, perhaps the real instant of the reading") {
    const auto plain = parseDemoClock("08:20@1200");
    REQUIRE(plain);
    CHECK(plain->startSecond == 8 * 3600 + 20 * 60);
    CHECK(plain->speed == 1200);
    CHECK_FALSE(plain->readAt);
    CHECK(plain->elapsedAt(Timestamp(Millis(5000))) == Millis(0));

    const auto joined = parseDemoClock("09:58:12@2000@1796545612345");
    REQUIRE(joined);
    CHECK(joined->startSecond == 9 * 3600 + 58 * 60 + 12);
    REQUIRE(joined->readAt);
    // 150 ms of real time after the reading, 300 s of hall time have passed.
    CHECK(joined->elapsedAt(Timestamp(Millis(1796545612345 + 150))) == Millis(300000));
    CHECK(joined->elapsedAt(Timestamp(Millis(1796545612345 - 10))) == Millis(0));
}

TEST_CASE("demo clock: anything else is refused") {
    for (const char* bad : {"", "08:20", "8@1200", "24:00@10", "08:60@10", "08:20:60@10", "08:20@0",
                            "08:20@100001", "08:20@1200x", "08:20@1200@", "08:20@1200@-5",
                            "08:20@1200@12x", "08:20:05x@10", "a:b@10"})
        CHECK_MESSAGE(!parseDemoClock(bad), bad);
}
