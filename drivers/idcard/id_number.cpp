#include "drivers/idcard/id_number.h"

#include <algorithm>

namespace hall::drivers::idcard {
namespace {

bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view digits) {
    int n = 0;
    for (const char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

std::optional<std::chrono::year_month_day> parseDate(std::string_view yyyymmdd) {
    if (yyyymmdd.size() != 8 || !allDigits(yyyymmdd)) return std::nullopt;
    const std::chrono::year_month_day date{
        std::chrono::year{number(yyyymmdd.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(number(yyyymmdd.substr(4, 2)))},
        std::chrono::day{static_cast<unsigned>(number(yyyymmdd.substr(6, 2)))}};
    if (!date.ok()) return std::nullopt;
    return date;
}

} // namespace

std::optional<char> idNumberCheckDigit(std::string_view first17) {
    if (first17.size() != 17 || !allDigits(first17)) return std::nullopt;
    // Weight of position i (0-based from the left) is 2^(17-i) mod 11.
    constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    // Check character for sum mod 11: the value that makes the weighted sum with weight 1 for
    // the check position ≡ 1 (mod 11); 10 is written 'X'.
    constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i)
        sum += (first17[i] - '0') * kWeights[i];
    return kCheck[sum % 11];
}

bool isCalendarDate(std::string_view yyyymmdd) {
    return parseDate(yyyymmdd).has_value();
}

bool isPlausibleBirthDate(std::string_view yyyymmdd,
                          std::optional<std::chrono::year_month_day> today) {
    const auto date = parseDate(yyyymmdd);
    if (!date || date->year() < std::chrono::year{1850}) return false;
    return today ? *date <= *today : date->year() <= std::chrono::year{2099};
}

bool isValidIdNumber(std::string_view id) {
    if (id.size() != 18) return false;
    const auto check = idNumberCheckDigit(id.substr(0, 17));
    return check && *check == id[17] && isPlausibleBirthDate(id.substr(6, 8));
}

std::string maskIdNumber(std::string_view id) {
    const bool ascii = std::all_of(id.begin(), id.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
        // One star per UTF-8 character: count the bytes that are not continuation bytes.
        const auto chars = std::count_if(id.begin(), id.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        });
        return std::string(static_cast<std::size_t>(chars), '*');
    }
    std::size_t keepHead = 0;
    std::size_t keepTail = 0;
    if (id.size() == 18) {
        keepHead = 6;
        keepTail = 4;
    } else if (id.size() == 15) {
        keepHead = 6;
        keepTail = 3;
    } else if (id.size() > 3) {
        keepHead = id.size() / 4;
        keepTail = id.size() / 4;
    }
    std::string masked(id);
    std::fill(masked.begin() + static_cast<std::ptrdiff_t>(keepHead),
              masked.end() - static_cast<std::ptrdiff_t>(keepTail), '*');
    return masked;
}

} // namespace hall::drivers::idcard
