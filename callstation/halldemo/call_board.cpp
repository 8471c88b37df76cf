#include "callstation/halldemo/call_board.h"

#include <chrono>

namespace hall::demo {

using namespace std::chrono_literals;

namespace {

// The board's text, as it will also be spoken (the announcer reads the number digit by digit).
std::string callText(const protocol::Call& call) {
    std::string text = call.recall ? "【再次呼叫】" : "【叫号】";
    text += "请 " + call.ticket.number + " 号到 " + std::to_string(call.window) + " 号窗口办理";
    if (call.silent) text += "（静音）";
    return text;
}

} // namespace

void runCallBoard(DemoHall& hall, DemoTerminal board, const core::Zone& zone) {
    std::uint64_t lastSeq = 0;
    // After the day ends the board reads on for a moment: the last calls may still be in flight.
    std::optional<std::chrono::steady_clock::time_point> drainUntil;
    while (!hall.stop.load()) {
        if (hall.dayOver.load() && !drainUntil) drainUntil = std::chrono::steady_clock::now() + 1s;
        if (drainUntil && std::chrono::steady_clock::now() > *drainUntil) break;
        board.keepAlive(hall.stop);
        const auto push = board.connection().nextPush(100ms);
        if (!push) continue;
        if (push->seq <= lastSeq) continue; // covered by the snapshot taken after a gap
        if (lastSeq != 0 && push->seq != lastSeq + 1) {
            // Pushes were lost (the controller dropped this board as too slow, or a reconnect):
            // what the board shows may be stale; the snapshot says where to continue.
            ++hall.tally.boardResyncs;
            hall.log.say(zone.nameZh + "叫号屏：推送序号跳跃（" + std::to_string(lastSeq) +
                         " → " + std::to_string(push->seq) + "），重新同步");
            const auto response = board.request(protocol::GetSnapshot{}, hall.stop);
            const auto* result = std::get_if<protocol::ResponseResult>(&response.outcome);
            const auto* snapshot = result ? std::get_if<protocol::SnapshotResult>(result) : nullptr;
            if (snapshot) lastSeq = snapshot->seq;
            continue;
        }
        lastSeq = push->seq;
        if (const auto* call = std::get_if<protocol::Call>(&push->body)) {
            ++hall.tally.boardCalls;
            hall.log.say(callText(*call) + "  —" + zone.nameZh + "叫号屏");
        }
    }
}

} // namespace hall::demo
