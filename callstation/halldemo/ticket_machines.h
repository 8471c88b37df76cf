#pragma once
// The ticket machines of the demo hall: the day's citizens (hall_sim's arrival model) take their
// tickets at the machines in turn; impatient ones later cancel at a machine; a few try for a
// second ticket and are refused. Sets `issuingOver` when the last citizen has been served by a
// machine, then keeps the machines' connections alive until the day is over.

#include "callstation/halldemo/demo_hall.h"
#include "callstation/halldemo/demo_terminal.h"

#include <cstdint>
#include <vector>

namespace hall::demo {

void runTicketMachines(DemoHall& hall, std::vector<DemoTerminal>& machines, std::uint64_t seed);

} // namespace hall::demo
