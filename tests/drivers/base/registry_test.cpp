// The one hardware table and what is generated from it.
#include "drivers/base/registry.h"

#include <doctest/doctest.h>
#include <set>
#include <stdexcept>
#include <string>

using namespace hall::drivers;

TEST_CASE("every descriptor has a unique id, a name, a transport and is found by id") {
    std::set<std::string_view> ids;
    for (const auto& d : allDescriptors()) {
        CHECK_MESSAGE(ids.insert(d.id).second, "duplicate id ", d.id);
        CHECK(!d.displayName.empty());
        CHECK(!d.transports.empty());
        CHECK(findDescriptor(d.id) == &d);
    }
    CHECK(findDescriptor("idcard.no-such-model") == nullptr);
    CHECK(&requireDescriptor("idcard.sam-serial") == findDescriptor("idcard.sam-serial"));
    CHECK_THROWS_AS(requireDescriptor("idcard.no-such-model"), std::logic_error);
}

TEST_CASE("a USB id maps to exactly one descriptor and gets a udev rule") {
    std::set<std::pair<std::uint16_t, std::uint16_t>> seen;
    const std::string rules = udevRules("hall");
    for (const auto& d : allDescriptors()) {
        for (const auto& u : d.usbIds) {
            CHECK_MESSAGE(seen.insert({u.vendor, u.product}).second, "USB id listed twice in ",
                          d.id);
            CHECK(findByUsbId(u.vendor, u.product) == &d);
            char vid[5], pid[5];
            std::snprintf(vid, sizeof vid, "%04x", u.vendor);
            std::snprintf(pid, sizeof pid, "%04x", u.product);
            CHECK(rules.find(std::string("ATTRS{idVendor}==\"") + vid + "\", ATTRS{idProduct}==\"" +
                             pid) != std::string::npos);
        }
    }
    CHECK(rules.find("GROUP=\"hall\"") != std::string::npos);
    CHECK(findByUsbId(0xffff, 0xffff) == nullptr);
}

TEST_CASE("the hardware list names every driver under its kind") {
    const std::string md = hardwareListMarkdown();
    for (const auto& d : allDescriptors()) {
        auto row = md.find("`" + std::string(d.id) + "`");
        REQUIRE(row != std::string::npos);
        auto heading = md.rfind("\n## ", row);
        REQUIRE(heading != std::string::npos);
        CHECK(md.compare(heading + 4, kindName(d.kind).size(), kindName(d.kind)) == 0);
    }
}
