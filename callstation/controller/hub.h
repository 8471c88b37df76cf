#pragma once
// The network thread's picture of the hall and of who is connected: the latest HallView, the
// notices, the authenticated terminal sessions and their devices' health. It turns every change
// the engine publishes into pushes for the terminals that should see it (docs/protocol.md,
// "Pushes"): call boards the windows of their zone, window pads their own window, LED bridges
// and admin tools every window, everyone the queue state and the notices.
//
// Used from the network thread only; sessions are held weakly, so a closed connection simply
// drops out of the broadcast.
// Pushes are framed for everyone at once; a connection writes at once (TLS and a send) when an
// answer, a call, a window or a notice waits. The queue counts, which go to every terminal, are
// what could crowd the one network thread out: they go out at most once per kQueuePushInterval
// (the first change at once, a burst's latest at the end of the interval), their writes are
// started a few connections per turn (schedule()), so that no answer or call waits behind
// hundreds of them, and a count still waiting is replaced by a newer one.

#include "callstation/netclient/asio.h"
#include "shared/core/hall_config.h"
#include "shared/core/time.h"
#include "shared/protocol/hall_view.h"
#include "shared/protocol/messages.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hall::controller {

class TerminalSession;

struct DeviceHealth {
    bool online = false;                       // at least one authenticated connection now
    int connections = 0;                       // authenticated connections now
    core::Timestamp lastSeen{};                // last frame received from it
    std::vector<protocol::DeviceFault> faults; // as of the last heartbeat
    std::string address;                       // peer address of its latest connection
};

struct HubCounters {
    std::uint64_t pushes = 0;
    std::uint64_t slowConsumersDropped = 0;
};

class Hub {
public:
    // Boards and pads show counts and estimated waits; a tenth of a second is not seen.
    static constexpr std::chrono::milliseconds kQueuePushInterval{100};

    Hub(core::HallConfig config, protocol::HallView initial, boost::asio::any_io_executor network);

    void setConfig(core::HallConfig config); // a reload; the next change is pushed as usual
    const core::HallConfig& config() const { return config_; }

    // Calls first: they are what a waiting citizen listens for; the window state follows.
    void announce(const std::vector<protocol::Call>& calls);
    // The engine changed: push the difference to everyone who sees it.
    void update(protocol::HallView view);
    void setNotices(std::vector<protocol::Notice> notices); // pushes the new and changed ones
    const std::vector<protocol::Notice>& notices() const { return notices_; }
    // Content, playlist or emergency changed: every terminal gets a new snapshot with its part
    // (an emergency message must reach every screen at once).
    void setSignage(protocol::Signage signage);
    const protocol::Signage& signage() const { return signage_; }

    // What this device's terminal shows: the queues, the windows it sees, the notices.
    protocol::Snapshot snapshotFor(const protocol::DeviceIdentity& device) const;
    const protocol::HallView& view() const { return view_; }
    bool sees(const protocol::DeviceIdentity& device, int window) const;

    void attach(const std::shared_ptr<TerminalSession>& session, core::Timestamp now);
    void detach(const TerminalSession& session);
    void heard(const std::string& device, core::Timestamp now, const std::string& address);
    void reportFaults(const std::string& device, std::vector<protocol::DeviceFault> faults);
    void closeDevice(const std::string& device); // revoked: its connections close now
    void closeAll();
    // `session` has only queue counts waiting: its write starts on a later turn (see above).
    void schedule(std::weak_ptr<TerminalSession> session);

    const std::map<std::string, DeviceHealth>& health() const { return health_; }
    std::size_t authenticatedConnections() const { return sessions_.size(); }
    HubCounters& counters() { return counters_; }

private:
    void broadcast(const protocol::PushBody& body, std::optional<int> window);
    void startScheduledWrites();
    void paceQueueCounts();
    void sendQueueCounts(std::chrono::steady_clock::time_point now);

    core::HallConfig config_;
    protocol::HallView view_;
    std::vector<protocol::Notice> notices_;
    protocol::Signage signage_;
    std::vector<std::weak_ptr<TerminalSession>> sessions_;
    std::map<std::string, DeviceHealth> health_;
    HubCounters counters_;
    protocol::QueueState queuesSent_; // the counts last pushed
    std::chrono::steady_clock::time_point queuesSentAt_{};
    boost::asio::any_io_executor network_;
    boost::asio::steady_timer queueTimer_;
    bool queueTimerArmed_ = false;
    std::deque<std::weak_ptr<TerminalSession>> scheduled_;
};

} // namespace hall::controller
