#pragma once
// Text for the printer's Chinese mode: UTF-8 in, GB18030 out (and back, for the twin's decoder).
// GB18030 is a superset of GBK and GB2312: one byte for ASCII, two bytes (lead 81–FE, trail
// 40–7E / 80–FE) for the common hanzi, four bytes (81–FE 30–39 81–FE 30–39) for the rest of
// Unicode. Conversion goes through glibc's iconv, so the codec needs nothing beyond the C
// library.
//
// A printer's font usually stops at GBK: with allowFourByte off, characters that need four bytes
// are replaced like unencodable ones. A replaced character becomes '?' and is counted, so the
// ticket still prints and the caller can report what was lost. Control characters (C0 and DEL)
// are replaced too: on a printer line they would be commands (ESC, GS, DLE…), never text.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::printer {

struct Gb18030Options {
    bool allowFourByte = true;
};

struct EncodedText {
    std::vector<std::uint8_t> bytes;
    int replaced = 0;  // characters that came out as '?' (invalid UTF-8, unencodable, controls)
    bool ascii = true; // every byte below 0x80: no Chinese mode needed
};

EncodedText utf8ToGb18030(std::string_view utf8, Gb18030Options options = {});

// GB18030 bytes to UTF-8; a byte sequence that is not GB18030 becomes '?' (one per bad byte).
std::string gb18030ToUtf8(std::span<const std::uint8_t> bytes);

// How many columns the text takes on a printer line in the normal font: one for an ASCII
// character, two for anything else (a 24×24 hanzi is two 12×24 half-width cells).
int displayColumns(std::string_view utf8);

// Length of the UTF-8 sequence starting with this byte (1 for a stray continuation byte or an
// invalid lead byte, so a walker always advances).
std::size_t utf8SequenceLength(unsigned char lead);

} // namespace hall::drivers::printer
