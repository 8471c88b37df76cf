#pragma once
// The hall of the crash test, shared by the worker that gets killed and the test that checks
// what survived: one service (A00001…, quota far above what a test issues), one window, one clerk.

#include "shared/core/hall_config.h"

namespace hall::store::testing {

inline core::HallConfig crashHall() {
    core::HallConfig c;
    c.name = "crash test hall";
    c.zones = {{"main", "主厅", "Main hall"}};
    core::Service a;
    a.id = "a";
    a.prefix = "A";
    a.nameZh = "综合业务";
    a.nameEn = "General";
    a.dailyQuota = 99999;
    a.numberWidth = 5;
    c.services = {a};
    core::Window w;
    w.number = 1;
    w.name = "1号窗口";
    w.zoneId = "main";
    w.services = {{"a", 1}};
    c.windows = {w};
    core::Staff s;
    s.id = "s1";
    s.name = "clerk s1";
    s.staffNumber = "N-s1";
    c.staff = {s};
    return c;
}

} // namespace hall::store::testing
