#pragma once
// The nation (民族) codes of GB/T 3304, as the resident ID card stores them: two ASCII digits in
// the text block ("01" = 汉). 01–56 are the 56 groups; 97 "其他" (other) and 98
// "外国血统中国籍人士" (Chinese citizens of foreign origin) are also issued. Names are as printed
// on the card, without the suffix 族.

#include <optional>
#include <span>
#include <string_view>

namespace hall::drivers::idcard {

struct Nation {
    std::string_view code; // "01"
    std::string_view name; // "汉", UTF-8
};

std::span<const Nation> nations(); // in code order
std::optional<std::string_view> nationName(std::string_view code);
std::optional<std::string_view> nationCode(std::string_view name);

} // namespace hall::drivers::idcard
