#pragma once
// What is said for a call, as a sequence of clip names (tokens) of a voice pack.
//
//   zh-CN  请 · A · 零 · 一 · 二 · 号 · 到 · 三 · 号窗口办理
//          qing A ling yi er hao dao san hao_chuangkou_banli
//   en     Number · A · zero · one · two · please go to window · three
//          number A zero one two please_go_to_window three
//
// A recall starts with 再次呼叫 (zaici_hujiao) / "Calling again" (calling_again), so a citizen
// who missed the first call hears that it is the second.
//
// The ticket is read character by character: digits one by one (012 is 零一二 / "zero one
// two", never 十二 / "twelve": a ticket is a code, and "zero" tells 012 from 12), letters by
// name (upper and lower case alike). 1 is 一 (yī), as halls read ticket numbers, not 幺.
//
// The window is a quantity, read as halls say it: 3 → 三, 10 → 十, 12 → 十二, 20 → 二十,
// 105 → 一百零五, 110 → 一百一十, 200 → 二百 (二, the reading of the written number, rather than
// colloquial 两); in English 3 → three, 12 → twelve, 21 → twenty one, 105 → one hundred five.
// Windows 1–999 are read so; any other number (no hall has window 0 or a thousand windows) is
// read digit by digit with a warning.
//
// Nothing here throws on input: a character without a clip (a dash, a full-width digit,
// invalid UTF-8) is skipped and a warning says which and where; a ticket with nothing left to
// read gives no tokens and a warning. Warnings carry no personal data (a ticket number is not).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::audio {

enum class Language { ZhCn, En };

std::string_view languageTag(Language language); // "zh-CN", "en"
std::optional<Language> parseLanguageTag(std::string_view tag);

struct Call {
    std::string ticket;  // "A012"
    unsigned window = 0; // 3
    bool recall = false; // called again: 再次呼叫 · 请 … / Calling again · Number …
};

struct Warning {
    // "unknown_character", "invalid_utf8", "ticket_too_long", "nothing_to_say",
    // "window_out_of_range", "missing_clip" (renderer)
    std::string code;
    std::string message;
};

struct Phrase {
    std::vector<std::string> tokens;
    std::vector<Warning> warnings;
};

inline constexpr std::size_t kMaxTicketBytes = 32;
inline constexpr unsigned kMaxSpokenWindow = 999;
inline constexpr std::string_view kChimeToken = "chime";

Phrase buildPhrase(const Call& call, Language language);

// Every token a pack of this language must have for buildPhrase to be speakable: the chime, the
// template words, digits and number words. Letters are optional (a hall whose tickets use A–F
// need not record Q); a missing one is skipped with a warning when it is needed.
std::span<const std::string_view> requiredTokens(Language language);
// The letter tokens "A".."Z", the same in every language.
std::span<const std::string_view> letterTokens();
// Whether a pack of this language may name this token (required or a letter).
bool isKnownToken(Language language, std::string_view token);

} // namespace hall::drivers::audio
