#include "drivers/audio/phrase.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

namespace hall::drivers::audio {

namespace {

// Token names are the pinyin (zh) or the English words (en) of the clip, so a rendering log
// reads like the sentence it is.
constexpr std::string_view kZhDigits[] = {"ling", "yi",  "er", "san", "si",
                                          "wu",   "liu", "qi", "ba",  "jiu"};
constexpr std::string_view kZhTen = "shi";     // 十
constexpr std::string_view kZhHundred = "bai"; // 百

constexpr std::string_view kEnOnes[] = {"zero",    "one",     "two",       "three",    "four",
                                        "five",    "six",     "seven",     "eight",    "nine",
                                        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view kEnTens[] = {"",      "",      "twenty",  "thirty", "forty",
                                        "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::string_view kEnHundred = "hundred";

constexpr std::string_view kZhRequired[] = {
    "chime", "qing", "hao",         "dao", "hao_chuangkou_banli",
    "shi",   "bai",  "ling",        "yi",  "er",
    "san",   "si",   "wu",          "liu", "qi",
    "ba",    "jiu",  "zaici_hujiao"};
constexpr std::string_view kEnRequired[] = {"chime",    "number",   "please_go_to_window",
                                            "zero",     "one",      "two",
                                            "three",    "four",     "five",
                                            "six",      "seven",    "eight",
                                            "nine",     "ten",      "eleven",
                                            "twelve",   "thirteen", "fourteen",
                                            "fifteen",  "sixteen",  "seventeen",
                                            "eighteen", "nineteen", "twenty",
                                            "thirty",   "forty",    "fifty",
                                            "sixty",    "seventy",  "eighty",
                                            "ninety",   "hundred",  "calling_again"};
constexpr std::string_view kLetters[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I",
                                         "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                                         "S", "T", "U", "V", "W", "X", "Y", "Z"};

std::string_view digitToken(Language language, unsigned d) {
    return language == Language::ZhCn ? kZhDigits[d] : kEnOnes[d];
}

void addDigits(std::vector<std::string>& out, Language language, unsigned n) {
    const std::string s = std::to_string(n);
    for (char c : s)
        out.emplace_back(digitToken(language, static_cast<unsigned>(c - '0')));
}

// 1..999 as a quantity (see phrase.h).
void addZhNumber(std::vector<std::string>& out, unsigned n) {
    const unsigned hundreds = n / 100, tens = (n / 10) % 10, ones = n % 10;
    if (hundreds) {
        out.emplace_back(kZhDigits[hundreds]);
        out.emplace_back(kZhHundred);
        if (tens == 0 && ones == 0) return;
        if (tens == 0) { // 105 一百零五: the empty tens place is said as 零
            out.emplace_back(kZhDigits[0]);
            out.emplace_back(kZhDigits[ones]);
            return;
        }
        out.emplace_back(kZhDigits[tens]); // 110 一百一十: 一 is said after 百
        out.emplace_back(kZhTen);
    } else if (tens) {
        if (tens > 1) out.emplace_back(kZhDigits[tens]); // 12 十二, not 一十二
        out.emplace_back(kZhTen);
    }
    if (ones || n == 0) out.emplace_back(kZhDigits[ones]);
}

void addEnNumber(std::vector<std::string>& out, unsigned n) {
    const unsigned hundreds = n / 100, rest = n % 100;
    if (hundreds) {
        out.emplace_back(kEnOnes[hundreds]);
        out.emplace_back(kEnHundred);
        if (rest == 0) return;
    }
    if (rest < 20) {
        out.emplace_back(kEnOnes[rest]);
    } else {
        out.emplace_back(kEnTens[rest / 10]);
        if (rest % 10) out.emplace_back(kEnOnes[rest % 10]);
    }
}

// Decodes one UTF-8 sequence at s[i]; 0 for an invalid one (overlong, surrogate, cut off).
std::size_t utf8Length(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len;
    char32_t min;
    if (b < 0x80) {
        cp = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        len = 2, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4, cp = b & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (s.size() - i < len) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

std::string describe(char32_t cp, std::string_view bytes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    // Printable characters are shown as well; control characters only by their code.
    if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0))
        return "'" + std::string(bytes) + "' (" + buf + ")";
    return buf;
}

void addTicket(Phrase& p, std::string_view ticket, Language language) {
    std::size_t position = 0; // in characters, from 1, for the message
    for (std::size_t i = 0; i < ticket.size();) {
        ++position;
        char32_t cp = 0;
        const std::size_t len = utf8Length(ticket, i, cp);
        if (len == 0) {
            p.warnings.push_back({"invalid_utf8", "ticket byte " + std::to_string(i + 1) +
                                                      " is not valid UTF-8; skipped"});
            ++i;
            continue;
        }
        if (cp >= '0' && cp <= '9') {
            p.tokens.emplace_back(digitToken(language, static_cast<unsigned>(cp - '0')));
        } else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
            p.tokens.emplace_back(kLetters[(cp | 0x20) - 'a']);
        } else {
            p.warnings.push_back(
                {"unknown_character", "ticket character " + describe(cp, ticket.substr(i, len)) +
                                          " at position " + std::to_string(position) +
                                          " has no clip; skipped"});
        }
        i += len;
    }
}

void addWindow(Phrase& p, unsigned window, Language language) {
    if (window >= 1 && window <= kMaxSpokenWindow) {
        if (language == Language::ZhCn)
            addZhNumber(p.tokens, window);
        else
            addEnNumber(p.tokens, window);
        return;
    }
    p.warnings.push_back(
        {"window_out_of_range", "window " + std::to_string(window) + " is outside 1.." +
                                    std::to_string(kMaxSpokenWindow) + "; read digit by digit"});
    addDigits(p.tokens, language, window);
}

} // namespace

std::string_view languageTag(Language language) {
    return language == Language::ZhCn ? "zh-CN" : "en";
}

std::optional<Language> parseLanguageTag(std::string_view tag) {
    if (tag == "zh-CN") return Language::ZhCn;
    if (tag == "en") return Language::En;
    return std::nullopt;
}

Phrase buildPhrase(const Call& call, Language language) {
    Phrase p;
    if (call.ticket.size() > kMaxTicketBytes) {
        p.warnings.push_back({"ticket_too_long", "ticket of " + std::to_string(call.ticket.size()) +
                                                     " bytes is over " +
                                                     std::to_string(kMaxTicketBytes) +
                                                     "; nothing is said"});
        return p;
    }
    Phrase ticket;
    addTicket(ticket, call.ticket, language);
    p.warnings = std::move(ticket.warnings);
    if (ticket.tokens.empty()) {
        p.warnings.push_back({"nothing_to_say", "the ticket has no character that can be read; "
                                                "nothing is said"});
        return p;
    }
    if (call.recall)
        p.tokens.emplace_back(language == Language::ZhCn ? "zaici_hujiao" : "calling_again");
    if (language == Language::ZhCn) {
        p.tokens.emplace_back("qing");
        p.tokens.insert(p.tokens.end(), ticket.tokens.begin(), ticket.tokens.end());
        p.tokens.emplace_back("hao");
        p.tokens.emplace_back("dao");
        addWindow(p, call.window, language);
        p.tokens.emplace_back("hao_chuangkou_banli");
    } else {
        p.tokens.emplace_back("number");
        p.tokens.insert(p.tokens.end(), ticket.tokens.begin(), ticket.tokens.end());
        p.tokens.emplace_back("please_go_to_window");
        addWindow(p, call.window, language);
    }
    return p;
}

std::span<const std::string_view> requiredTokens(Language language) {
    if (language == Language::ZhCn) return kZhRequired;
    return kEnRequired;
}

std::span<const std::string_view> letterTokens() {
    return kLetters;
}

bool isKnownToken(Language language, std::string_view token) {
    const auto req = requiredTokens(language);
    return std::find(req.begin(), req.end(), token) != req.end() ||
           std::find(std::begin(kLetters), std::end(kLetters), token) != std::end(kLetters);
}

} // namespace hall::drivers::audio
