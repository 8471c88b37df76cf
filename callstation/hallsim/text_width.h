#pragma once
// Terminal column widths of UTF-8 text: Chinese characters take two columns, so padding by
// bytes or code points would break the report's alignment.

#include <string>
#include <string_view>

namespace hall::sim {

// Columns the text occupies in a terminal (East Asian wide and full-width characters count 2,
// combining marks 0). Invalid UTF-8 bytes count 1 each.
int displayWidth(std::string_view utf8);

// Pads with spaces to `width` columns (text already wider is returned unchanged).
std::string padRight(std::string_view utf8, int width);
std::string padLeft(std::string_view utf8, int width);

// Cuts to at most `width` columns, ending with "…" when something was cut.
std::string truncateTo(std::string_view utf8, int width);

} // namespace hall::sim
