// Phrase templates: what is said for a call in zh-CN and en, how windows are read, and that
// characters without a clip are skipped with a warning.
#include "drivers/audio/phrase.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace hall::drivers::audio;

namespace {

using Tokens = std::vector<std::string>;

Tokens zh(const std::string& ticket, unsigned window) {
    return buildPhrase({ticket, window}, Language::ZhCn).tokens;
}

Tokens en(const std::string& ticket, unsigned window) {
    return buildPhrase({ticket, window}, Language::En).tokens;
}

// The window part of a zh phrase: qing A yi hao dao [window] hao_chuangkou_banli.
Tokens zhWindow(unsigned window) {
    const auto t = zh("A1", window);
    return Tokens(t.begin() + 5, t.end() - 1);
}

// The window part of an en phrase: number A one please_go_to_window [window].
Tokens enWindow(unsigned window) {
    const auto t = en("A1", window);
    return Tokens(t.begin() + 4, t.end());
}

std::vector<std::string> codes(const Phrase& p) {
    std::vector<std::string> out;
    for (const auto& w : p.warnings)
        out.push_back(w.code);
    return out;
}

} // namespace

TEST_CASE("请 A012 号 到 三 号窗口办理") {
    const auto p = buildPhrase({"A012", 3}, Language::ZhCn);
    CHECK(p.tokens ==
          Tokens{"qing", "A", "ling", "yi", "er", "hao", "dao", "san", "hao_chuangkou_banli"});
    CHECK(p.warnings.empty());
}

TEST_CASE("Number A zero one two, please go to window three") {
    const auto p = buildPhrase({"A012", 3}, Language::En);
    CHECK(p.tokens == Tokens{"number", "A", "zero", "one", "two", "please_go_to_window", "three"});
    CHECK(p.warnings.empty());
}

TEST_CASE("ticket digits are read one by one, letters by name in either case") {
    CHECK(zh("b907", 1) ==
          Tokens{"qing", "B", "jiu", "ling", "qi", "hao", "dao", "yi", "hao_chuangkou_banli"});
    CHECK(en("VIP10", 1) ==
          Tokens{"number", "V", "I", "P", "one", "zero", "please_go_to_window", "one"});
    CHECK(en("1000", 2) ==
          Tokens{"number", "one", "zero", "zero", "zero", "please_go_to_window", "two"});
}

TEST_CASE("window numbers are read as halls say them (zh)") {
    CHECK(zhWindow(3) == Tokens{"san"});
    CHECK(zhWindow(10) == Tokens{"shi"});
    CHECK(zhWindow(12) == Tokens{"shi", "er"});
    CHECK(zhWindow(20) == Tokens{"er", "shi"});
    CHECK(zhWindow(21) == Tokens{"er", "shi", "yi"});
    CHECK(zhWindow(100) == Tokens{"yi", "bai"});
    CHECK(zhWindow(105) == Tokens{"yi", "bai", "ling", "wu"});
    CHECK(zhWindow(110) == Tokens{"yi", "bai", "yi", "shi"});
    CHECK(zhWindow(112) == Tokens{"yi", "bai", "yi", "shi", "er"});
    CHECK(zhWindow(200) == Tokens{"er", "bai"});
    CHECK(zhWindow(999) == Tokens{"jiu", "bai", "jiu", "shi", "jiu"});
}

TEST_CASE("window numbers are read as halls say them (en)") {
    CHECK(enWindow(3) == Tokens{"three"});
    CHECK(enWindow(12) == Tokens{"twelve"});
    CHECK(enWindow(19) == Tokens{"nineteen"});
    CHECK(enWindow(20) == Tokens{"twenty"});
    CHECK(enWindow(21) == Tokens{"twenty", "one"});
    CHECK(enWindow(100) == Tokens{"one", "hundred"});
    CHECK(enWindow(105) == Tokens{"one", "hundred", "five"});
    CHECK(enWindow(110) == Tokens{"one", "hundred", "ten"});
    CHECK(enWindow(999) == Tokens{"nine", "hundred", "ninety", "nine"});
}

TEST_CASE("every window 1..999 uses only tokens a pack must have") {
    for (auto language : {Language::ZhCn, Language::En}) {
        const auto required = requiredTokens(language);
        for (unsigned w = 1; w <= kMaxSpokenWindow; ++w) {
            const auto p = buildPhrase({"Z9", w}, language);
            CHECK(p.warnings.empty());
            for (const auto& t : p.tokens) {
                const bool known =
                    std::find(required.begin(), required.end(), t) != required.end() || t == "Z";
                CHECK_MESSAGE(known, "window ", w, " token ", t);
            }
        }
    }
}

TEST_CASE("a window out of range is read digit by digit, with a warning") {
    const auto p = buildPhrase({"A1", 1024}, Language::ZhCn);
    CHECK(Tokens(p.tokens.begin() + 5, p.tokens.end() - 1) == Tokens{"yi", "ling", "er", "si"});
    CHECK(codes(p) == std::vector<std::string>{"window_out_of_range"});
    CHECK(codes(buildPhrase({"A1", 0}, Language::En)) ==
          std::vector<std::string>{"window_out_of_range"});
}

TEST_CASE("unknown characters are skipped with a warning, never a crash") {
    SUBCASE("punctuation and spaces") {
        const auto p = buildPhrase({"A-01 2", 3}, Language::ZhCn);
        CHECK(p.tokens ==
              Tokens{"qing", "A", "ling", "yi", "er", "hao", "dao", "san", "hao_chuangkou_banli"});
        REQUIRE(p.warnings.size() == 2);
        CHECK(p.warnings[0].code == "unknown_character");
        CHECK(p.warnings[0].message ==
              "ticket character '-' (U+002D) at position 2 has no clip; skipped");
        CHECK(p.warnings[1].message.find("U+0020") != std::string::npos);
        CHECK(p.warnings[1].message.find("position 5") != std::string::npos);
    }
    SUBCASE("non-ASCII characters: full-width digits, Chinese, emoji") {
        const auto p = buildPhrase({"A\xEF\xBC\x91"
                                    "2\xE5\x8F\xB7\xF0\x9F\x98\x80",
                                    3},
                                   Language::En);
        CHECK(p.tokens == Tokens{"number", "A", "two", "please_go_to_window", "three"});
        REQUIRE(p.warnings.size() == 3);
        CHECK(p.warnings[0].message.find("U+FF11") != std::string::npos);
        CHECK(p.warnings[0].message.find("position 2") != std::string::npos);
        CHECK(p.warnings[1].message.find("U+53F7") != std::string::npos);
        CHECK(p.warnings[1].message.find("position 4") != std::string::npos);
        CHECK(p.warnings[2].message.find("U+1F600") != std::string::npos);
    }
    SUBCASE("control characters are shown by code only") {
        const auto p = buildPhrase({std::string("A\x07") + "1", 3}, Language::En);
        REQUIRE(p.warnings.size() == 1);
        CHECK(p.warnings[0].message ==
              "ticket character U+0007 at position 2 has no clip; skipped");
    }
    SUBCASE("invalid UTF-8: stray continuation, cut-off sequence, overlong, surrogate") {
        for (const std::string bad : {"\x80", "\xE5\x8F", "\xC0\xB1", "\xED\xA0\x80", "\xFF"}) {
            const auto p = buildPhrase({"A" + bad + "7", 3}, Language::ZhCn);
            CHECK(p.tokens ==
                  Tokens{"qing", "A", "qi", "hao", "dao", "san", "hao_chuangkou_banli"});
            REQUIRE_FALSE(p.warnings.empty());
            for (const auto& w : p.warnings)
                CHECK(w.code == "invalid_utf8");
        }
    }
}

TEST_CASE("a ticket with nothing to read, or too long, gives no tokens and says why") {
    auto p = buildPhrase({"", 3}, Language::ZhCn);
    CHECK(p.tokens.empty());
    CHECK(codes(p) == std::vector<std::string>{"nothing_to_say"});

    p = buildPhrase({"#-#", 3}, Language::En);
    CHECK(p.tokens.empty());
    CHECK(codes(p) == std::vector<std::string>{"unknown_character", "unknown_character",
                                               "unknown_character", "nothing_to_say"});

    p = buildPhrase({std::string(kMaxTicketBytes + 1, '1'), 3}, Language::En);
    CHECK(p.tokens.empty());
    CHECK(codes(p) == std::vector<std::string>{"ticket_too_long"});
    CHECK(buildPhrase({std::string(kMaxTicketBytes, '1'), 3}, Language::En).tokens.size() ==
          kMaxTicketBytes + 3);
}

TEST_CASE("language tags and known tokens") {
    CHECK(parseLanguageTag("zh-CN") == Language::ZhCn);
    CHECK(parseLanguageTag("en") == Language::En);
    CHECK_FALSE(parseLanguageTag("fr").has_value());
    CHECK(languageTag(Language::ZhCn) == "zh-CN");
    CHECK(isKnownToken(Language::ZhCn, "hao_chuangkou_banli"));
    CHECK(isKnownToken(Language::ZhCn, "Q"));
    CHECK(isKnownToken(Language::En, "chime"));
    CHECK_FALSE(isKnownToken(Language::En, "qing"));
    CHECK_FALSE(isKnownToken(Language::ZhCn, "three"));
    CHECK(letterTokens().size() == 26);
}

TEST_CASE("a recall says it is the second call before the call itself") {
    CHECK(buildPhrase({"A012", 3, true}, Language::ZhCn).tokens ==
          Tokens{"zaici_hujiao", "qing", "A", "ling", "yi", "er", "hao", "dao", "san",
                 "hao_chuangkou_banli"});
    CHECK(buildPhrase({"A012", 3, true}, Language::En).tokens ==
          Tokens{"calling_again", "number", "A", "zero", "one", "two", "please_go_to_window",
                 "three"});
}
