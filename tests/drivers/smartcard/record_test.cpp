// The record is personal data: move-only, and wiped when moved from, overwritten or destroyed.

#include "drivers/smartcard/sscard_record.h"

#include <doctest/doctest.h>
#include <type_traits>

using hall::drivers::smartcard::SocialSecurityCardRecord;

static_assert(!std::is_copy_constructible_v<SocialSecurityCardRecord>);
static_assert(!std::is_copy_assignable_v<SocialSecurityCardRecord>);
static_assert(std::is_nothrow_move_constructible_v<SocialSecurityCardRecord>);

namespace {
SocialSecurityCardRecord sample() {
    SocialSecurityCardRecord r;
    r.cardNumber = "A01234567";
    r.holderName = "张晓明";
    r.idNumber = "44030519900307123X";
    r.issuingRegion = "440300";
    r.cardVersion = "3.00";
    return r;
}
} // namespace

TEST_CASE("moving hands the fields over and leaves nothing readable behind") {
    SocialSecurityCardRecord a = sample();
    const char* oldName = a.holderName.data(); // small-string buffer inside `a`
    SocialSecurityCardRecord b = std::move(a);
    CHECK(b.holderName == "张晓明");
    CHECK(b.idNumber == "44030519900307123X");
    CHECK(a.holderName.empty());
    CHECK(a.idNumber.empty());
    // The moved-from object's own buffer was overwritten, not just marked empty.
    CHECK(std::string(oldName, 9).find("张") == std::string::npos);
}

TEST_CASE("move assignment wipes what the target held") {
    SocialSecurityCardRecord a = sample();
    SocialSecurityCardRecord b;
    b.idNumber = "110101198512240026";
    b = std::move(a);
    CHECK(b.idNumber == "44030519900307123X");
    b.wipe();
    CHECK(b.idNumber.empty());
    CHECK(b.holderName.empty());
}

TEST_CASE("the ID number is shown masked") {
    SocialSecurityCardRecord r = sample();
    CHECK(r.maskedIdNumber() == "440305********123X");
    r.idNumber = "123";
    CHECK(r.maskedIdNumber() == "***");
}
