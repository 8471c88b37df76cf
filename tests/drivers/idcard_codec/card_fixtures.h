#pragma once
// Fictitious cardholders, laid out byte by byte the way a reader returns them. The builders
// here place UTF-16 literals at literal offsets, independently of the codec's own layout
// tables and UTF conversion, so decoding is checked against a second description of the format.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace idcard_test {

// A 256-byte text block, U+0020 padded, written field by field.
class TextBlock {
public:
    TextBlock();
    // Writes text (UTF-16) at byte offset; the slot is size bytes and must hold it.
    TextBlock& put(std::size_t offset, std::size_t size, std::u16string_view text);
    TextBlock& raw(std::size_t offset, std::initializer_list<std::uint8_t> bytes);
    const std::array<std::uint8_t, 256>& bytes() const { return bytes_; }

private:
    std::array<std::uint8_t, 256> bytes_{};
};

// The text blocks of the fixture people.
TextBlock residentText();  // 王小红, 11010519491231002X (the GB 11643 example number), 长期
TextBlock foreignerText(); // 'I': ZHANG, MARIA ELENA / 张玛丽, CAN
TextBlock foreigner2023Text(); // 'Y': a 42-character English name over both slots
TextBlock hkmtText();          // 'J': 陈大文, 810000… permit, pass H12345678

// A recognisable 1024-byte photo block (not a real WLT image).
std::vector<std::uint8_t> photoBytes();

// Reply data for 30 01: 01 00 | 04 00 | text | photo.
std::vector<std::uint8_t> readReply(const TextBlock& text, const std::vector<std::uint8_t>& photo);
// Reply data for 30 10: lengths of all three, then the blocks.
std::vector<std::uint8_t> readReplyWithFingerprint(const TextBlock& text,
                                                   const std::vector<std::uint8_t>& photo,
                                                   const std::vector<std::uint8_t>& fingerprint);

// The 18-character number for a 17-digit body, check character computed by the standard's
// weights here in the test (not by the codec).
std::string withCheckDigit(std::string_view first17);

} // namespace idcard_test
