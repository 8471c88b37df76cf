#pragma once
// The social-security card read as data: which application to select, which elementary files,
// which records, how long, in which encoding. The shipped profile is
// drivers/smartcard/profiles/mohrss.toml (compiled in as defaultSsCardProfile()); a site whose
// cards differ gives the device another file instead of a code change.
//
// What the read does with a profile (ISO/IEC 7816-4 commands):
//   1. each `application_select` APDU, e.g. SELECT by DF name 00 A4 04 00 0F "sx1.sh.社会保障"
//      (the SSSE directory of the card's basic application); 9000 or 61xx expected;
//   2. per [[file]]: its `select` APDU if it has one (SELECT by file id, 00 A4 02 00 02 EF 05;
//      files read through their SFI need none), then per field
//      READ RECORD 00 B2 <record> <read_record_p2> <Le>.
//      read_record_p2 = 00: P2 b3..b1 = 000 → P1 is a record *identifier*, and these cards
//      identify each record by the tag of the one field it holds; (SFI << 3) | 4 reads record
//      number P1 of the file with short id SFI without selecting it.
//      Le: "exact" = tag + length byte + value length; "zero" = 00 (up to 256), relying on
//      the card to answer 6Cxx with the right length (T=0 cards do).
//   3. each record comes back as  tag(1) length(1) value(length)  + 9000; the tag must be the
//      field's `tag` (by default its `record`: with identifiers, the record is named by its tag)
//      and the length must not exceed the field's `length`.
//
// Sources and what is not confirmed: the Ministry of Human Resources and Social Security's
// card specification (社会保障(个人)卡规范) is not freely published. The layout in mohrss.toml is
// the one public reader code uses consistently (select "sx1.sh.社会保障", EF05 records 01–07,
// EF06 records 08–0D with the tags and lengths listed there); deriving the issuing region from the
// first six digits of the card identification code (识别码) is what those readers do too.
// Regional variants exist (some read EF05/EF06 through SFI, 00 B2 07 2C …), which is why every
// one of these values is configurable. No public source was found for selecting the directory
// by a short AID instead of its DF name; a card that needs one gets it in `application_select`.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::smartcard {

class ProfileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class FieldEncoding { Ascii, Gbk, Bcd };

// Where a field lands in SocialSecurityCardRecord.
enum class RecordField {
    CardNumber,
    HolderName,
    IdNumber,
    IssuingRegion,
    CardVersion,
    CardType,
    IssueDate,
    ExpiryDate
};

struct FieldSpec {
    RecordField target = RecordField::CardNumber;
    std::uint8_t record = 0; // record identifier / number: P1 of READ RECORD
    std::uint8_t tag = 0;    // the tag the record starts with (profile key `tag`, default `record`)
    std::size_t length = 0;  // the value's maximum length in bytes (1..253)
    FieldEncoding encoding = FieldEncoding::Ascii;
    std::optional<std::size_t> digits; // BCD only: keep this many leading digits
};

struct FileSpec {
    std::string id;                   // "EF05": names the file in messages
    std::vector<std::uint8_t> select; // the SELECT APDU; empty when records are read by SFI
    std::uint8_t readRecordP2 = 0x00;
    std::vector<FieldSpec> fields;
};

enum class LeMode { Exact, Zero };

struct SsCardProfile {
    std::string name;
    std::string description;
    std::vector<std::vector<std::uint8_t>> applicationSelect;
    std::vector<FileSpec> files;
    LeMode le = LeMode::Exact;
};

std::string_view fieldName(RecordField f);      // "card_number", as in the profile file
std::string_view encodingName(FieldEncoding e); // "gbk"

// The model and names above are in hall_drivers_smartcard_codec; reading TOML and the built-in
// profile below are in hall_drivers_smartcard (they need toml++).

// Parses and checks a profile: known keys only, hex APDUs that decode as commands, every
// record field the reader needs (card_number, holder_name, id_number, issuing_region,
// card_version) present once. Throws ProfileError naming the source, the key and the line.
SsCardProfile parseSsCardProfile(std::string_view tomlText, std::string_view sourceName);
SsCardProfile loadSsCardProfile(const std::filesystem::path& path);

// profiles/mohrss.toml as built into the library.
const SsCardProfile& defaultSsCardProfile();
std::string_view defaultSsCardProfileText();

} // namespace hall::drivers::smartcard
