#pragma once
// The fixture of fictitious people the twins hand out (people.json): one entry per person, the
// fields of whichever cards they hold. Loaded once; the twins get records built from it.

#include "drivers/idcard/id_card_record.h"
#include "drivers/smartcard/twin/sscard_applet.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hall::devsim {

class PeopleFixture {
public:
    // Throws std::runtime_error naming the file and the problem.
    static PeopleFixture load(const std::filesystem::path& file);

    std::vector<std::string> keys() const;
    // Throws std::invalid_argument for an unknown key or a person without that card.
    hall::drivers::idcard::IdCardRecord idCard(const std::string& key) const;
    SsCardPerson socialSecurityCard(const std::string& key) const;

private:
    const nlohmann::json& person(const std::string& key) const;
    nlohmann::json people_;
};

} // namespace hall::devsim
