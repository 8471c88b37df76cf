#pragma once
// Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date
// YYYYMMDD, 3-digit sequence (odd for men), and a check character computed with ISO 7064
// MOD 11-2 over the first 17 digits. Hong Kong/Macao/Taiwan residence permits (810000…,
// 820000…, 830000…) and the 2023 foreigner's permanent-residence card use the same check.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hall::drivers::idcard {

// The check character ('0'..'9' or 'X') for 17 ASCII digits; nullopt for anything else.
std::optional<char> idNumberCheckDigit(std::string_view first17);

// 17 digits, then the matching check character (upper-case 'X', as the card stores it), and a
// plausible birth date at characters 7-14.
bool isValidIdNumber(std::string_view id);

// YYYYMMDD naming a real day of the Gregorian calendar (leap years included).
bool isCalendarDate(std::string_view yyyymmdd);

// A calendar date from 1850 on (the standard's own example number is from 1880) and not after
// today when today is given; without it, not after 2099.
bool isPlausibleBirthDate(std::string_view yyyymmdd,
                          std::optional<std::chrono::year_month_day> today = std::nullopt);

// The number as it may be shown or printed: 18 characters keep the region and the
// last four, "110101********1234"; 15 characters (the old numbers, and foreigners' 2017 cards)
// keep the region and the sequence, "110101******123"; any other length keeps a quarter at each
// end; three or fewer characters are masked completely. Non-ASCII input is masked completely,
// one '*' per character.
std::string maskIdNumber(std::string_view id);

} // namespace hall::drivers::idcard
