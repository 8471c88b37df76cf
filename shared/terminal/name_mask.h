#pragma once
// A person's name as it may appear on a citizen-facing screen or slip: enough to
// let the citizen recognise their own card, not enough to learn who is standing at the kiosk.
//
// Chinese names (any character at or above U+2E80: CJK radicals, kana, hangul, ideographs,
// the extension planes) count characters, not bytes, and keep:
//   1 character   nothing                      "*"
//   2 characters  the surname                  李明   → 李*
//   3 or more     the first and the last       王秀兰 → 王*兰, 欧阳娜娜 → 欧**娜
// Separators between name parts (the middle dot of transcribed minority and foreign names,
// U+00B7 / U+30FB / U+2022, spaces, commas, hyphens, apostrophes, full stops) are kept and
// do not count: 阿依古丽·买买提 → 阿***·**提.
//
// Latin names (foreigners' cards: "ZHANG, SAN", "O'BRIEN MARY-ANN") keep the first letter of
// every word and mask the rest letter by letter, separators kept: "S****, J***".
//
// Leading and trailing ASCII whitespace is dropped. Text that is not valid UTF-8 gives "*"
// (never the bytes). Works on UTF-8 directly so the full name never enters a QString.

#include <string>
#include <string_view>

namespace hall::client {

std::string maskPersonName(std::string_view utf8);

} // namespace hall::client
