// The social-security read profile: the shipped one, a variant from a file, and the errors a
// broken profile gets.

#include "drivers/smartcard/hex.h"
#include "drivers/smartcard/sscard_profile.h"

#include <doctest/doctest.h>

using namespace hall::drivers::smartcard;

namespace {
const std::string kData = HALL_SMARTCARD_TEST_DATA;

std::string errorOf(const std::string& toml) {
    try {
        parseSsCardProfile(toml, "test.toml");
    } catch (const ProfileError& e) {
        return e.what();
    }
    return "no error";
}

const std::string kHead =
    "name = \"t\"\napplication_select = [\"00A404000F7378312E73682EC9E7BBE1B1A3D5CF\"]\n";
std::string withFields(const std::string& fields) {
    return kHead + "[[file]]\nid = \"EF05\"\nselect = \"00A4020002EF05\"\nfields = [\n" + fields +
           "]\n";
}
const std::string kRequiredFields =
    "{ target = \"card_number\", record = 7, length = 9, encoding = \"ascii\" },\n"
    "{ target = \"holder_name\", record = 9, length = 30, encoding = \"gbk\" },\n"
    "{ target = \"id_number\", record = 8, length = 18, encoding = \"ascii\" },\n"
    "{ target = \"issuing_region\", record = 1, length = 16, encoding = \"bcd\", digits = 6 },\n"
    "{ target = \"card_version\", record = 3, length = 4, encoding = \"ascii\" },\n";
} // namespace

TEST_CASE("the shipped profile: SSSE select, EF05 and EF06 with the public fields") {
    const SsCardProfile& p = defaultSsCardProfile();
    CHECK(p.name == "mohrss");
    CHECK(p.le == LeMode::Exact);
    REQUIRE(p.applicationSelect.size() == 1);
    CHECK(toHex(p.applicationSelect[0]) ==
          "00 A4 04 00 0F 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF");
    REQUIRE(p.files.size() == 2);
    CHECK(p.files[0].id == "EF05");
    CHECK(toHex(p.files[0].select) == "00 A4 02 00 02 EF 05");
    CHECK(p.files[0].fields.size() == 6);
    CHECK(p.files[1].id == "EF06");
    const FieldSpec& name = p.files[1].fields[1];
    CHECK(name.target == RecordField::HolderName);
    CHECK(name.record == 0x09);
    CHECK(name.tag == 0x09);
    CHECK(name.length == 30);
    CHECK(name.encoding == FieldEncoding::Gbk);
    const FieldSpec& region = p.files[0].fields[0];
    CHECK(region.target == RecordField::IssuingRegion);
    CHECK(region.digits == std::size_t{6});
}

TEST_CASE("a profile from a file: SFI reads, Le 00, tags apart from record numbers") {
    const SsCardProfile p = loadSsCardProfile(kData + "/sfi-le-zero.toml");
    CHECK(p.le == LeMode::Zero);
    CHECK(p.files[0].select.empty());
    CHECK(p.files[0].readRecordP2 == 0x2C);
    CHECK(p.files[1].fields[0].record == 1);
    CHECK(p.files[1].fields[0].tag == 0x08);
}

TEST_CASE("broken profiles are refused with the key and the line") {
    CHECK(errorOf("name = ").find("profile test.toml: ") == 0);
    CHECK(errorOf(kHead).find("missing key 'file'") != std::string::npos);
    CHECK_THROWS_WITH_AS(loadSsCardProfile(kData + "/unknown-key.toml"),
                         doctest::Contains("file[0].fields[0]: missing key 'encoding'"),
                         ProfileError);
    CHECK(errorOf(
              withFields(kRequiredFields +
                         "{ target = \"card_type\", record = 2, length = 1, encoding = \"ascii\", "
                         "colour = 1 },\n"))
              .find("file[0].fields[5].colour: unknown key") != std::string::npos);
    CHECK(
        errorOf(withFields(
                    "{ target = \"shoe_size\", record = 7, length = 9, encoding = \"ascii\" },\n"))
            .find("unknown target 'shoe_size'") != std::string::npos);
    CHECK(errorOf(
              withFields(
                  "{ target = \"card_number\", record = 7, length = 9, encoding = \"utf16\" },\n"))
              .find("unknown encoding 'utf16' (ascii, gbk or bcd)") != std::string::npos);
    CHECK(errorOf(
              withFields(
                  "{ target = \"card_number\", record = 0, length = 9, encoding = \"ascii\" },\n"))
              .find("record: 0 is out of range 1..254") != std::string::npos);
    CHECK(
        errorOf(
            withFields(
                "{ target = \"card_number\", record = 7, length = 254, encoding = \"ascii\" },\n"))
            .find("length: 254 is out of range 1..253") != std::string::npos);
    CHECK(errorOf(withFields("{ target = \"card_number\", record = 7, length = 9, encoding = "
                             "\"ascii\", digits = 2 },\n"))
              .find("only a bcd field can keep leading digits") != std::string::npos);
    CHECK(errorOf(
              withFields(
                  "{ target = \"card_number\", record = 7, length = 9, encoding = \"ascii\" },\n"))
              .find("no field reads 'holder_name'") != std::string::npos);
    CHECK(errorOf(
              withFields(
                  kRequiredFields +
                  "{ target = \"card_number\", record = 7, length = 9, encoding = \"ascii\" },\n"))
              .find("'card_number' is read more than once") != std::string::npos);
    CHECK(
        errorOf("name = \"t\"\napplication_select = [\"00A4 04\"]\n[[file]]\nid=\"x\"\nfields=[]\n")
            .find("application_select[0]: is not a command APDU") != std::string::npos);
    CHECK(
        errorOf("name = \"t\"\napplication_select = [\"00A40G\"]\n[[file]]\nid=\"x\"\nfields=[]\n")
            .find("'G' is not a hex digit") != std::string::npos);
    CHECK(errorOf(kHead + "le = \"maybe\"\n[[file]]\nid=\"x\"\nfields=[]\n")
              .find("le: must be \"exact\" or \"zero\"") != std::string::npos);
    CHECK(errorOf(withFields(kRequiredFields)).find("no error") == 0);
    CHECK_THROWS_WITH_AS(loadSsCardProfile(kData + "/no-such-profile.toml"),
                         doctest::Contains("cannot be opened"), ProfileError);
}
