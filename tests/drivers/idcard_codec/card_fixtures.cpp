#include "tests/drivers/idcard_codec/card_fixtures.h"

#include <stdexcept>

namespace idcard_test {

TextBlock::TextBlock() {
    for (std::size_t i = 0; i < bytes_.size(); i += 2)
        bytes_[i] = 0x20;
}

TextBlock& TextBlock::put(std::size_t offset, std::size_t size, std::u16string_view text) {
    if (text.size() * 2 > size) throw std::logic_error("fixture text does not fit its slot");
    for (std::size_t i = 0; i < text.size(); ++i) {
        bytes_[offset + 2 * i] = static_cast<std::uint8_t>(text[i] & 0xFF);
        bytes_[offset + 2 * i + 1] = static_cast<std::uint8_t>(text[i] >> 8);
    }
    return *this;
}

TextBlock& TextBlock::raw(std::size_t offset, std::initializer_list<std::uint8_t> bytes) {
    for (const auto b : bytes)
        bytes_[offset++] = b;
    return *this;
}

std::string withCheckDigit(std::string_view first17) {
    // a_1 = (12 - (sum of a_i * W_i) mod 11) mod 11, W_i = 2^(i-1) mod 11 counted from the right.
    int sum = 0;
    int weight = 2; // the rightmost of the 17 digits sits at position 2
    for (std::size_t i = 17; i-- > 0;) {
        sum += (first17[i] - '0') * weight;
        weight = weight * 2 % 11;
    }
    const int check = (12 - sum % 11) % 11;
    return std::string(first17) + (check == 10 ? 'X' : static_cast<char>('0' + check));
}

namespace {
std::u16string ascii16(std::string_view s) {
    return std::u16string(s.begin(), s.end());
}
} // namespace

TextBlock residentText() {
    TextBlock t;
    t.put(0, 30, u"王小红")
        .put(30, 2, u"2")
        .put(32, 4, u"01")
        .put(36, 16, u"19491231")
        .put(52, 70, u"北京市朝阳区示例路1号院2号楼3单元401室")
        .put(122, 36, u"11010519491231002X")
        .put(158, 30, u"北京市公安局朝阳分局")
        .put(188, 16, u"20150101")
        .put(204, 16, u"长期");
    return t;
}

TextBlock foreignerText() {
    TextBlock t;
    t.put(0, 120, u"ZHANG, MARIA ELENA")
        .put(120, 2, u"2")
        .put(122, 30, u"CAN310080010124")
        .put(152, 6, u"CAN")
        .put(158, 30, u"张玛丽")
        .put(188, 16, u"20170601")
        .put(204, 16, u"20270601")
        .put(220, 16, u"19800101")
        .put(236, 4, u"01")
        .put(240, 8, u"1100")
        .put(248, 2, u"I");
    return t;
}

TextBlock foreigner2023Text() {
    // 42 characters: 35 in the first slot, 7 in the continuation.
    const std::u16string english = u"WILLIAMSON-FITZGERALD, ALEXANDRA CATHERINE";
    TextBlock t;
    t.put(0, 30, u"李安娜")
        .put(30, 2, u"2")
        .put(32, 4, u"00")
        .put(36, 16, u"19850615")
        .put(52, 70, english.substr(0, 35))
        .put(122, 36, ascii16(withCheckDigit("91112419850615002")))
        .put(188, 16, u"20230601")
        .put(204, 16, u"20330601")
        .put(220, 22, english.substr(35))
        .put(242, 6, u"CAN")
        .put(248, 2, u"Y")
        .put(250, 6, u"123");
    return t;
}

TextBlock hkmtText() {
    TextBlock t;
    t.put(0, 30, u"陈大文")
        .put(30, 2, u"1")
        .put(36, 16, u"19880808")
        .put(52, 70, u"广东省深圳市福田区示例大道8号")
        .put(122, 36, ascii16(withCheckDigit("81000019880808123")))
        .put(158, 30, u"深圳市公安局福田分局")
        .put(188, 16, u"20200101")
        .put(204, 16, u"20250101")
        .put(220, 18, u"H12345678")
        .put(238, 4, u"01")
        .put(248, 2, u"J");
    return t;
}

std::vector<std::uint8_t> photoBytes() {
    std::vector<std::uint8_t> p(1024);
    for (std::size_t i = 0; i < p.size(); ++i)
        p[i] = static_cast<std::uint8_t>(i * 7 + 3);
    return p;
}

std::vector<std::uint8_t> readReply(const TextBlock& text, const std::vector<std::uint8_t>& photo) {
    std::vector<std::uint8_t> d{0x01, 0x00, static_cast<std::uint8_t>(photo.size() >> 8),
                                static_cast<std::uint8_t>(photo.size() & 0xFF)};
    d.insert(d.end(), text.bytes().begin(), text.bytes().end());
    d.insert(d.end(), photo.begin(), photo.end());
    return d;
}

std::vector<std::uint8_t> readReplyWithFingerprint(const TextBlock& text,
                                                   const std::vector<std::uint8_t>& photo,
                                                   const std::vector<std::uint8_t>& fingerprint) {
    std::vector<std::uint8_t> d{0x01,
                                0x00,
                                static_cast<std::uint8_t>(photo.size() >> 8),
                                static_cast<std::uint8_t>(photo.size() & 0xFF),
                                static_cast<std::uint8_t>(fingerprint.size() >> 8),
                                static_cast<std::uint8_t>(fingerprint.size() & 0xFF)};
    d.insert(d.end(), text.bytes().begin(), text.bytes().end());
    d.insert(d.end(), photo.begin(), photo.end());
    d.insert(d.end(), fingerprint.begin(), fingerprint.end());
    return d;
}

} // namespace idcard_test
