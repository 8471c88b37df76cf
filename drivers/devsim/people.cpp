#include "drivers/devsim/people.h"

#include <fstream>
#include <stdexcept>

namespace hall::devsim {
namespace {

using hall::drivers::idcard::CardType;
using hall::drivers::idcard::IdCardRecord;
using hall::drivers::idcard::Sex;

std::string text(const nlohmann::json& p, const char* field) {
    auto it = p.find(field);
    return it != p.end() && it->is_string() ? it->get<std::string>() : std::string();
}

CardType cardTypeOf(const std::string& card) {
    if (card == "resident") return CardType::Resident;
    if (card == "foreigner") return CardType::ForeignerPermanent;
    if (card == "foreigner_2023") return CardType::ForeignerPermanent2023;
    if (card == "hk_macao_taiwan") return CardType::HkMacaoTaiwanPermit;
    throw std::invalid_argument("unknown card type '" + card + "'");
}

Sex sexOf(const std::string& sex) {
    if (sex == "male") return Sex::Male;
    if (sex == "female") return Sex::Female;
    if (sex == "unspecified") return Sex::Unspecified;
    return Sex::Unknown;
}

} // namespace

PeopleFixture PeopleFixture::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read people fixture " + file.string());
    PeopleFixture fixture;
    try {
        auto doc = nlohmann::json::parse(in);
        fixture.people_ = doc.at("people");
        if (!fixture.people_.is_array()) throw std::runtime_error("'people' is not a list");
        for (const auto& p : fixture.people_)
            if (text(p, "key").empty()) throw std::runtime_error("a person without a 'key'");
    } catch (const std::exception& e) {
        throw std::runtime_error("people fixture " + file.string() + ": " + e.what());
    }
    return fixture;
}

std::vector<std::string> PeopleFixture::keys() const {
    std::vector<std::string> out;
    for (const auto& p : people_)
        out.push_back(text(p, "key"));
    return out;
}

const nlohmann::json& PeopleFixture::person(const std::string& key) const {
    for (const auto& p : people_)
        if (text(p, "key") == key) return p;
    throw std::invalid_argument("no person '" + key + "' in the fixture");
}

IdCardRecord PeopleFixture::idCard(const std::string& key) const {
    const auto& p = person(key);
    IdCardRecord r;
    r.cardType = cardTypeOf(text(p, "card"));
    r.sex = sexOf(text(p, "sex"));
    r.name = text(p, "name");
    r.englishName = text(p, "english_name");
    r.nationCode = text(p, "nation");
    r.birthDate = text(p, "birth");
    r.address = text(p, "address");
    r.idNumber = text(p, "id_number");
    r.issuingAuthority = text(p, "authority");
    r.validFrom = text(p, "valid_from");
    r.validTo = text(p, "valid_to");
    r.nationalityCode = text(p, "nationality");
    r.passNumber = text(p, "pass_number");
    r.issueCount = text(p, "issue_count");
    if (r.cardType == CardType::ForeignerPermanent) {
        // The 2017 card's own fields: version 01, the authority code where the card was applied
        // for.
        r.cardVersion = "01";
        r.authorityCode = r.issuingAuthority;
        r.issuingAuthority.clear();
    }
    // A photo the size of a real one; its content is not a WLT image (no decoder ships anyway).
    std::vector<std::uint8_t> photo(hall::drivers::idcard::kPhotoSize);
    for (std::size_t i = 0; i < photo.size(); ++i)
        photo[i] = static_cast<std::uint8_t>(i * 7 + 3);
    r.photo = hall::drivers::SecureBytes(std::move(photo));
    return r;
}

SsCardPerson PeopleFixture::socialSecurityCard(const std::string& key) const {
    const auto& p = person(key);
    auto ssc = p.find("social_security");
    if (ssc == p.end() || !ssc->is_object())
        throw std::invalid_argument("'" + key + "' has no social-security card in the fixture");
    SsCardPerson card;
    card.cardNumber = text(*ssc, "card_number");
    card.name = text(p, "name");
    card.idNumber = text(p, "id_number");
    card.region = text(*ssc, "region");
    if (auto v = text(*ssc, "version"); !v.empty()) card.version = v;
    return card;
}

} // namespace hall::devsim
