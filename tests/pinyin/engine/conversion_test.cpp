// Pinyin → 汉字 for the words a government service hall types, and choosing candidates.
#include "tests/pinyin/engine/candidates.h"

#include <doctest/doctest.h>

using hall::pinyin::Engine;
using namespace hall::pinyin::testing;

TEST_CASE("hall words are among the first candidates") {
    Engine engine;
    CHECK(contains(firstCandidates(engine, "zhengwu"), "政务"));
    CHECK(contains(firstCandidates(engine, "banli"), "办理"));
    CHECK(contains(firstCandidates(engine, "shenfenzheng"), "身份证"));
    CHECK(contains(firstCandidates(engine, "xi'an"), "西安"));
}

TEST_CASE("choosing a whole-word candidate completes the conversion and clears it") {
    Engine engine;
    REQUIRE(engine.setComposition("banli"));
    const auto index = indexOf(engine, "办理");
    REQUIRE(index);
    const auto result = engine.choose(*index);
    CHECK(result.accepted);
    CHECK(result.completed);
    CHECK(result.text == "办理");
    CHECK_FALSE(engine.composing());
    CHECK(engine.candidateCount() == 0);
    CHECK(engine.preedit().empty());
}

TEST_CASE("typing letter by letter shows syllable breaks, then a partial choice fixes 汉字") {
    Engine engine;
    for (char letter : std::string_view("zhengwu"))
        REQUIRE(engine.appendLetter(letter));
    CHECK(engine.letters() == "zhengwu");
    CHECK(engine.preedit() == "zheng'wu");

    // 证 covers the first syllable only: the rest stays to be converted.
    const auto zheng = indexOf(engine, "证");
    REQUIRE(zheng);
    const auto partial = engine.choose(*zheng);
    CHECK(partial.accepted);
    CHECK_FALSE(partial.completed);
    CHECK(partial.text.empty());
    CHECK(engine.composing());
    CHECK(engine.preedit() == "证wu");

    // Backspace undoes the choice before it deletes letters.
    CHECK(engine.backspace());
    CHECK(engine.preedit() == "zheng'wu");
    CHECK(engine.letters() == "zhengwu");

    REQUIRE(engine.choose(*indexOf(engine, "证")).accepted);
    const auto wu = indexOf(engine, "物");
    REQUIRE(wu);
    const auto done = engine.choose(*wu);
    CHECK(done.completed);
    CHECK(done.text == "证物");
    CHECK_FALSE(engine.composing());
}

TEST_CASE("Enter while composing types what is shown, without converting the rest") {
    Engine engine;
    REQUIRE(engine.setComposition("zhengwu"));
    REQUIRE(engine.choose(*indexOf(engine, "证")).accepted);
    CHECK(engine.commitAsTyped() == "证wu");
    CHECK_FALSE(engine.composing());
    CHECK(engine.commitAsTyped().empty());

    REQUIRE(engine.setComposition("xi'an"));
    CHECK(engine.commitAsTyped() == "xian");
}

TEST_CASE("backspace drops letters one by one and the candidates follow") {
    Engine engine;
    REQUIRE(engine.setComposition("banlix"));
    CHECK(engine.backspace());
    CHECK(engine.letters() == "banli");
    CHECK(contains(engine.candidates(0, kFirstScreen), "办理"));
    for (int i = 0; i < 5; ++i)
        CHECK(engine.backspace());
    CHECK_FALSE(engine.composing());
    CHECK(engine.candidateCount() == 0);
    CHECK_FALSE(engine.backspace());
}

TEST_CASE("the candidate list pages") {
    Engine engine;
    REQUIRE(engine.setComposition("zh"));
    const std::size_t total = engine.candidateCount();
    REQUIRE(total > 40);
    const auto first = engine.candidates(0, 20);
    const auto second = engine.candidates(20, 20);
    CHECK(first.size() == 20);
    CHECK(second.size() == 20);
    CHECK(engine.candidates(0, 40) == [&] {
        auto both = first;
        both.insert(both.end(), second.begin(), second.end());
        return both;
    }());
    CHECK(engine.candidates(total - 1, 10).size() == 1);
    CHECK(engine.candidates(total, 10).empty());
}
