#include "drivers/smartcard/sscard_profile.h"

namespace hall::drivers::smartcard {

std::string_view fieldName(RecordField f) {
    switch (f) {
    case RecordField::CardNumber:
        return "card_number";
    case RecordField::HolderName:
        return "holder_name";
    case RecordField::IdNumber:
        return "id_number";
    case RecordField::IssuingRegion:
        return "issuing_region";
    case RecordField::CardVersion:
        return "card_version";
    case RecordField::CardType:
        return "card_type";
    case RecordField::IssueDate:
        return "issue_date";
    case RecordField::ExpiryDate:
        return "expiry_date";
    }
    return "unknown";
}

std::string_view encodingName(FieldEncoding e) {
    switch (e) {
    case FieldEncoding::Ascii:
        return "ascii";
    case FieldEncoding::Gbk:
        return "gbk";
    case FieldEncoding::Bcd:
        return "bcd";
    }
    return "unknown";
}

} // namespace hall::drivers::smartcard
