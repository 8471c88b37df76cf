// What the engine refuses: anything but letters and the syllable apostrophe, letters that
// continue no pinyin, compositions past the engine's length, and candidates that do not exist.
// A refusal changes nothing.
#include "tests/pinyin/engine/candidates.h"

#include <doctest/doctest.h>
#include <string>

using hall::pinyin::Engine;
using namespace hall::pinyin::testing;

TEST_CASE("non-letters are refused and leave the composition as it was") {
    Engine engine;
    REQUIRE(engine.setComposition("ban"));
    for (char refused : std::string("1 ,.\n\t-\x80\xff")) {
        CAPTURE(static_cast<int>(static_cast<unsigned char>(refused)));
        CHECK_FALSE(engine.appendLetter(refused));
        CHECK(engine.letters() == "ban");
    }
    CHECK_FALSE(engine.appendLetter('\0'));
    CHECK_FALSE(engine.setComposition("a1b"));
    CHECK_FALSE(engine.setComposition("政务"));
    CHECK(engine.letters() == "ban");
    CHECK(contains(engine.candidates(0, kFirstScreen), "办"));
}

TEST_CASE("letters that continue no pinyin spelling are refused") {
    Engine engine;
    CHECK_FALSE(engine.appendLetter('i')); // no syllable starts with i, u or v
    CHECK_FALSE(engine.appendLetter('v'));
    CHECK_FALSE(engine.appendLetter('\''));
    CHECK_FALSE(engine.composing());
    REQUIRE(engine.setComposition("zhengwu"));
    CHECK_FALSE(engine.appendLetter('v'));
    CHECK(engine.letters() == "zhengwu");
    CHECK(contains(engine.candidates(0, kFirstScreen), "政务"));
    CHECK_FALSE(engine.setComposition("zhengwuv"));
    CHECK(engine.letters() == "zhengwu");
}

TEST_CASE("upper case is folded to lower case") {
    Engine engine;
    REQUIRE(engine.setComposition("BanLi"));
    CHECK(engine.letters() == "banli");
    CHECK(contains(engine.candidates(0, kFirstScreen), "办理"));
}

TEST_CASE("a very long composition stops at the engine's limit, whole and converted") {
    Engine engine;
    const std::string phrase = "zhengwubanlishenfenzheng"; // 24 letters
    std::string typed;
    std::size_t accepted = 0;
    for (int round = 0; round < 10; ++round)
        for (char letter : phrase)
            if (engine.appendLetter(letter)) ++accepted;
    CHECK(accepted <= Engine::kMaxLetters);
    CHECK(accepted == engine.letters().size());
    CHECK(engine.candidateCount() > 0);
    const auto sentence = engine.candidates(0, 1);
    REQUIRE(sentence.size() == 1);
    CHECK(sentence.front().rfind("政务办理身份证", 0) == 0);

    CHECK_FALSE(engine.setComposition(std::string(1000, 'a')));
    CHECK_FALSE(engine.setComposition(std::string(Engine::kMaxLetters + 1, 'a')));
    CHECK(engine.letters().size() == accepted);
}

TEST_CASE("choosing a candidate that does not exist is refused") {
    Engine engine;
    CHECK_FALSE(engine.choose(0).accepted); // nothing composed
    REQUIRE(engine.setComposition("banli"));
    const std::size_t total = engine.candidateCount();
    CHECK_FALSE(engine.choose(total).accepted);
    CHECK_FALSE(engine.choose(static_cast<std::size_t>(-1)).accepted);
    CHECK(engine.letters() == "banli");
    CHECK(engine.candidateCount() == total);
}

TEST_CASE("clearing the composition types nothing") {
    Engine engine;
    REQUIRE(engine.setComposition("banli"));
    engine.clearComposition();
    CHECK_FALSE(engine.composing());
    CHECK(engine.preedit().empty());
    CHECK(engine.candidates(0, kFirstScreen).empty());
    CHECK(engine.commitAsTyped().empty());
}
