#include "shared/terminal/citizen_messages.h"

namespace hall::client {
namespace {

struct Row {
    IdentificationSource source;
    std::string_view code;
    std::string_view message;
};

using S = IdentificationSource;

// The ID-card codes come from the SAM status table (drivers/idcard/sam_status.cpp), the frame
// codec and the record decoder; the smart-card ones from card_session.cpp / sscard_read.cpp;
// the scanner ones from payload_assembler.cpp / key_decoder.cpp.
constexpr Row kRows[] = {
    // The card moved during the read: the SAM's own words for it.
    {S::IdCard, "read_failed", "读卡失败，请将身份证平放在读卡区，不要移动"},
    {S::IdCard, "select_failed", "读卡失败，请将身份证平放在读卡区，不要移动"},
    {S::IdCard, "random_failed", "读卡失败，请将身份证平放在读卡区，不要移动"},
    {S::IdCard, "card_rejected_sam", "读卡失败，请将身份证平放在读卡区，不要移动"},
    {S::IdCard, "card_not_found_yet", "请将身份证平放在读卡区"},
    // Garbled on the way or failing its own checks: read it again.
    {S::IdCard, "misread", "读卡失败，请重新放置"},
    {S::IdCard, "bad_checksum", "读卡失败，请重新放置"},
    {S::IdCard, "truncated", "读卡失败，请重新放置"},
    {S::IdCard, "verify_failed", "读卡失败，请重新放置"},
    {S::IdCard, "no_content", "读卡失败，请重新放置"},
    // The driver gave up on this placement.
    {S::IdCard, "place_again", "请取走身份证，再重新平放在读卡区"},
    // Not a card this reader can read.
    {S::IdCard, "sam_rejected_card", "无法识别此证件，请使用有效的身份证件"},
    {S::IdCard, "unknown_card_type", "无法识别此证件，请使用有效的身份证件"},
    {S::IdCard, "unsupported_card", "暂不支持此类证件，请到人工窗口办理"},

    {S::SocialSecurityCard, "not_social_security_card", "无法识别此卡，请插入社会保障卡"},
    {S::SocialSecurityCard, "bad_atr", "无法识别此卡，请插入社会保障卡"},
    {S::SocialSecurityCard, "card_unresponsive", "读卡失败，请将社保卡芯片朝前重新插入"},

    {S::QrCode, kUnrecognisedCode, "无法识别此二维码，请出示预约码或电子证照二维码"},
    {S::QrCode, "code_too_long", "无法识别此二维码，请出示预约码或电子证照二维码"},
};

constexpr std::string_view generalMessage(IdentificationSource source) {
    switch (source) {
    case S::IdCard:
        return "请将身份证平放在读卡区";
    case S::SocialSecurityCard:
        return "读卡失败，请取出社保卡后重新插入";
    case S::QrCode:
        return "扫码失败，请将二维码对准扫码窗口重新扫码";
    }
    return "识别失败，请重试";
}

} // namespace

std::string_view citizenMessage(IdentificationSource source, std::string_view code) {
    for (const auto& row : kRows)
        if (row.source == source && row.code == code) return row.message;
    return generalMessage(source);
}

} // namespace hall::client
