#include "bench/bench_hall.h"

#include <stdexcept>
#include <string>

namespace hall::bench {

using namespace std::chrono;

core::HallConfig benchHall(int windows, int services) {
    if (services < 1 || services > 26) throw std::invalid_argument("1 to 26 services");
    core::HallConfig c;
    c.name = "benchmark hall";
    c.zones = {{"z1", "一区", "Zone 1"}, {"z2", "二区", "Zone 2"}};
    for (int i = 0; i < services; ++i) {
        core::Service s;
        s.id = "s" + std::string(i < 10 ? "0" : "") + std::to_string(i);
        s.prefix = std::string(1, static_cast<char>('A' + i));
        s.nameZh = "业务" + std::to_string(i);
        s.nameEn = "Service " + std::to_string(i);
        s.numberWidth = 6;
        c.services.push_back(s);
    }
    for (int w = 1; w <= windows; ++w) {
        core::Window window;
        window.number = w;
        window.name = std::to_string(w) + "号窗口";
        window.zoneId = w % 2 == 0 ? "z2" : "z1";
        window.routing = w % 2 == 0 ? core::RoutingPolicy::Weighted : core::RoutingPolicy::Ordered;
        const int offsets[] = {0, 7, 13};
        const int weights[] = {3, 2, 1};
        for (int k = 0; k < 3; ++k) {
            const std::string& id = c.services[(w + offsets[k]) % services].id;
            bool listed = false;
            for (const auto& ws : window.services)
                listed = listed || ws.serviceId == id;
            if (!listed) window.services.push_back({id, weights[k]});
        }
        c.windows.push_back(window);

        core::Staff staff;
        staff.id = "st" + std::to_string(w);
        staff.name = "clerk " + std::to_string(w);
        staff.staffNumber = "N" + std::to_string(w);
        c.staff.push_back(staff);
    }
    return c;
}

std::shared_ptr<const core::TimeZone> benchZone() {
    return std::make_shared<core::FixedOffsetZone>(hours(8));
}

core::Timestamp benchMorning() {
    // 08:00 local is 00:00 UTC in a +08:00 hall.
    return core::Timestamp(sys_days{year{2026} / 11 / 23}) + hours(8) - hours(8);
}

} // namespace hall::bench
