#include "drivers/idcard/sam_status.h"

#include <cstdio>
#include <string>

namespace hall::drivers::idcard {
namespace {

std::string sw3Text(std::uint8_t sw3) {
    char s[16];
    std::snprintf(s, sizeof s, " (SW3 0x%02X)", sw3);
    return s;
}

struct StatusInfo {
    SamStatus status;
    std::string_view name;
    ErrorCategory category;
    std::string_view message; // what happened and what to do; SW3 is appended
};

// One row per documented SW3. Messages are for the technician at the box.
constexpr StatusInfo kStatuses[] = {
    {SamStatus::Ok, "ok", ErrorCategory::Device,
     "the SAM reported success where a different answer was expected"},
    {SamStatus::CardFound, "card_found", ErrorCategory::Device,
     "the SAM reported 'card found' where a different answer was expected"},
    {SamStatus::NoContent, "no_content", ErrorCategory::Retry,
     "the card holds no content for the requested item"},
    {SamStatus::ChecksumError, "reader_checksum_error", ErrorCategory::Device,
     "the SAM module received our frame with a wrong checksum: bytes are corrupted on the way "
     "to the reader; check the cable, the baud rate and that nothing else writes to the port"},
    {SamStatus::LengthError, "reader_length_error", ErrorCategory::Device,
     "the SAM module received our frame with a wrong length: bytes are lost on the way to the "
     "reader; check the baud rate and that nothing else writes to the port"},
    {SamStatus::BadCommand, "bad_command", ErrorCategory::Device,
     "the SAM module rejected the command: the reader's firmware does not support it"},
    {SamStatus::NoAuthority, "no_authority", ErrorCategory::Device,
     "the SAM module refused the operation as not permitted for this reader"},
    {SamStatus::UnknownError, "sam_unknown_error", ErrorCategory::Device,
     "the SAM module reported an unidentified error; power-cycle the reader"},
    {SamStatus::CardRejectedSam, "card_rejected_sam", ErrorCategory::Retry,
     "the card failed to authenticate the SAM module, usually because the card moved; hold it "
     "still (if every card fails, the SAM module is faulty)"},
    {SamStatus::SamRejectedCard, "sam_rejected_card", ErrorCategory::Retry,
     "the SAM module failed to authenticate the card: it moved, or it is not a genuine card"},
    {SamStatus::VerifyFailed, "verify_failed", ErrorCategory::Retry,
     "the card's data failed verification; place the card again"},
    {SamStatus::CardNotFoundYet, "card_not_found_yet", ErrorCategory::Retry,
     "the card was addressed before it was found; the read restarts with 'find card'"},
    {SamStatus::UnknownCardType, "unknown_card_type", ErrorCategory::Retry,
     "the card on the reader is not an identity card the SAM module can read"},
    {SamStatus::ReadFailed, "read_failed", ErrorCategory::Retry,
     "reading the card failed: it moved or was taken away; hold it still on the reader"},
    {SamStatus::RandomFailed, "random_failed", ErrorCategory::Retry,
     "the SAM module could not get a challenge from the card: it moved; place it again"},
    {SamStatus::WriteFailed, "write_failed", ErrorCategory::Device,
     "the SAM module reported a card write failure, which this driver never requests: the "
     "reader is confused; power-cycle it"},
    {SamStatus::SelfTestFailed, "sam_self_test_failed", ErrorCategory::Device,
     "the SAM module failed its self-test and accepts no commands; power-cycle the reader and "
     "replace it if this persists"},
    {SamStatus::LoginFailed, "sam_login_failed", ErrorCategory::Device,
     "the SAM module's login failed; power-cycle the reader and replace it if this persists"},
    {SamStatus::SamNotAuthorised, "sam_not_authorised", ErrorCategory::Device,
     "the SAM module has no production keys (not issued for use); the reader must be replaced "
     "or re-issued by its vendor"},
    {SamStatus::FindFailed, "no_card", ErrorCategory::Retry, "no card on the reader"},
    {SamStatus::SelectFailed, "select_failed", ErrorCategory::Retry,
     "selecting the card failed: it moved; hold it still on the reader"},
};

const StatusInfo* info(std::uint8_t sw3) {
    for (const auto& row : kStatuses) {
        if (static_cast<std::uint8_t>(row.status) == sw3) return &row;
    }
    return nullptr;
}

} // namespace

std::optional<SamStatus> samStatusFrom(std::uint8_t sw3) {
    if (const auto* row = info(sw3)) return row->status;
    return std::nullopt;
}

std::string_view statusName(SamStatus status) {
    if (const auto* row = info(static_cast<std::uint8_t>(status))) return row->name;
    return "unknown_status";
}

bool isSuccess(std::uint8_t sw3) {
    return sw3 == static_cast<std::uint8_t>(SamStatus::Ok) ||
           sw3 == static_cast<std::uint8_t>(SamStatus::CardFound);
}

DeviceError statusError(std::uint8_t sw3) {
    const auto* row = info(sw3);
    if (row == nullptr) {
        return deviceError("unknown_status", "the SAM module answered with an undocumented status" +
                                                 sw3Text(sw3) +
                                                 "; the reader may not be a GA 467 "
                                                 "SAM reader");
    }
    std::string code(isSuccess(sw3) ? "unexpected_status" : row->name);
    return {row->category, std::move(code), std::string(row->message) + sw3Text(sw3)};
}

std::optional<DeviceError> checkStatus(SamCommand command, std::uint8_t sw3) {
    const auto found = static_cast<std::uint8_t>(SamStatus::CardFound);
    const auto okay = static_cast<std::uint8_t>(SamStatus::Ok);
    bool ok = sw3 == okay;
    if (command == SamCommand::FindCard) ok = sw3 == found;
    if (command == SamCommand::SelectCard) ok = sw3 == okay || sw3 == found;
    if (ok) return std::nullopt;
    return statusError(sw3);
}

} // namespace hall::drivers::idcard
