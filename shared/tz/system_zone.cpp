#include "shared/tz/system_zone.h"

#include <date/tz.h>
#include <stdexcept>
#include <string>

namespace hall::tz {

namespace {

// Debian's date-tz is built with USE_OS_TZDB: zones come from the compiled tzdata files under
// /usr/share/zoneinfo, so the rules are those of the installed tzdata package, updated with it.
class SystemZone final : public core::TimeZone {
public:
    SystemZone(const date::time_zone* zone, std::string name)
        : zone_(zone), name_(std::move(name)) {}

    core::Millis offsetAt(core::Timestamp utc) const override {
        // The offset in force at that instant, daylight saving included.
        return zone_->get_info(utc).offset;
    }

    std::string name() const override { return name_; }

private:
    const date::time_zone* zone_; // owned by date's process-wide tzdb, never freed
    std::string name_;
};

} // namespace

std::shared_ptr<const core::TimeZone> loadZone(std::string_view name) {
    const std::string zoneName(name);
    if (zoneName.empty()) throw std::invalid_argument("time zone name is empty");
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(zoneName);
    } catch (const std::runtime_error&) {
        // date reports an unknown name (and an unreadable database) as runtime_error.
        throw std::invalid_argument("unknown time zone \"" + zoneName +
                                    "\" (not in the system tz database)");
    }
    return std::make_shared<SystemZone>(zone, zoneName);
}

} // namespace hall::tz
