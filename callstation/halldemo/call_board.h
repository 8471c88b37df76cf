#pragma once
// A call board (叫号屏) of one zone: shows every call of the zone's windows as it is pushed —
// "请 A012 号到 3 号窗口办理" — and, like any terminal written to the protocol, asks for a
// snapshot when the push sequence has a gap. Runs until the day is over.

#include "shared/core/hall_config.h"
#include "callstation/halldemo/demo_hall.h"
#include "callstation/halldemo/demo_terminal.h"

namespace hall::demo {

void runCallBoard(DemoHall& hall, DemoTerminal board, const core::Zone& zone);

} // namespace hall::demo
