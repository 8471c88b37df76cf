#pragma once
// What terminals see of the hall, the pushes that bring a terminal from one view to the next, and
// the answers to their engine requests.
// The controller computes it on the engine's thread after every commit and hands it to the
// network thread, which keeps the latest view, answers snapshots from it and pushes the
// difference to every connected terminal; the terminals' mock backend does the same with its
// in-memory engine, so screens see exactly the pushes a real hall sends.

#include "shared/core/engine.h"
#include "shared/protocol/messages.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace hall::protocol {

struct HallView {
    QueueState queues;
    std::vector<WindowView> windows; // in configuration order
    bool operator==(const HallView&) const = default;
};

// The window `number` of a view's (or snapshot's) windows; null when it has none.
const WindowView* findWindow(const std::vector<WindowView>& windows, int number);

// The missed tickets a view carries: enough for every zone's board to fill its list.
inline constexpr std::size_t kMissedShown = 20;

// The rated visits each staff member served, by level (index: level - 1), over some days.
using RatingTally = std::map<std::string, std::array<int, core::kRatingLevels>>;
void addRatings(RatingTally& tally, const core::DayStatistics& day);

// `earlier`: the ratings of the kStaffRatingDays - 1 days before today (the engine holds only
// today's and a few more): with today's, each window's staffRating.
HallView viewOf(const core::Engine& engine, core::Timestamp now, const RatingTally& earlier = {});
// The configuration a terminal shows (names, hours, windows), for every snapshot; each window's
// direction as seen from `device` (a call board's own hints, else the window's); a staff
// member's photo found among `content` (the content store's files) by its name or id.
HallInfo hallInfo(const core::HallConfig& config, std::string_view device,
                  const std::vector<ContentItem>& content);

// The calls that these events announce (call next, call by number, recall), each with its
// ticket as it is in `engine` now, in event order.
std::vector<Call> callsIn(const std::vector<core::Event>& events, const core::Engine& engine);

// The pushes that bring a terminal holding `before` to `after`: one queue push if any count or
// estimate changed, one window push per window that changed.
std::vector<PushBody> changesBetween(const HallView& before, const HallView& after);

// A terminal's engine request takes one path in callstationd and in the mock backend, so a screen
// that works on the mock works on the controller. stampConnection() fills in what the connection
// decides, never the terminal: the issuing or leasing device, and a window pad's window on its
// rating (the engine takes that only for a ticket served there). After protocol::authorize and
// the engine, answerFor() gives the answer: the ticket as it stands now (with its place in line
// for an issue), the lease granted, or the refusal.
void stampConnection(core::Command& command, const DeviceIdentity& device);
Outcome answerFor(const core::Result<core::Decision>& result, const core::Command& command,
                  const core::Engine& engine, core::Timestamp now);

} // namespace hall::protocol
