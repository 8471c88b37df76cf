// Fuzzes decodeReadReply with arbitrary read replies.
//
// Input: byte 0 picks the command (even: 30 01 text + photo, odd: 30 10 with fingerprint); the
// rest is the reply data after SW3. Invariants: errors are one of the documented codes with the
// documented category; a decoded record encodes (encodeReadReply) to a reply that decodes to
// the same record.
#include "drivers/idcard/id_card_record.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

using namespace hall::drivers;
using namespace hall::drivers::idcard;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

bool same(const IdCardRecord& a, const IdCardRecord& b) {
    return a.cardType == b.cardType && a.sex == b.sex && a.name == b.name &&
           a.englishName == b.englishName && a.nationCode == b.nationCode &&
           a.nationName == b.nationName && a.birthDate == b.birthDate && a.address == b.address &&
           a.idNumber == b.idNumber && a.issuingAuthority == b.issuingAuthority &&
           a.validFrom == b.validFrom && a.validTo == b.validTo &&
           a.nationalityCode == b.nationalityCode && a.passNumber == b.passNumber &&
           a.issueCount == b.issueCount && a.cardVersion == b.cardVersion &&
           a.authorityCode == b.authorityCode && a.renewalCount == b.renewalCount &&
           a.previousCardLink == b.previousCardLink && a.photo.bytes() == b.photo.bytes() &&
           a.fingerprint.bytes() == b.fingerprint.bytes();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const SamCommand command =
        (data[0] & 1) != 0 ? SamCommand::ReadTextPhotoFingerprint : SamCommand::ReadTextPhoto;
    auto record = decodeReadReply(std::span(data + 1, size - 1), command);
    if (!record) {
        const auto& e = record.error();
        const bool known = (e.code == "protocol" && e.category == ErrorCategory::Device) ||
                           (e.code == "misread" && e.category == ErrorCategory::Retry) ||
                           (e.code == "unsupported_card" && e.category == ErrorCategory::Retry);
        check(known && !e.message.empty());
        return 0;
    }
    const auto reply = encodeReadReply(record.value(), command);
    auto again = decodeReadReply(reply.bytes(), command);
    check(again.ok() && same(record.value(), again.value()));
    return 0;
}
