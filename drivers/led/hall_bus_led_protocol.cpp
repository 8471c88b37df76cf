// The LED strips' commands in our hall bus frames (led_payload.h), one acknowledged transaction
// each (bus_master.h).

#include "drivers/led/led_payload.h"
#include "drivers/led/led_strip_protocol.h"

namespace hall::drivers::led {
namespace {

class HallBusLedProtocol final : public LedStripProtocol {
public:
    explicit HallBusLedProtocol(bus::LineSettings settings) : master_(settings) {}

    std::string_view name() const override { return "hall-bus"; }

    std::optional<std::string> check(const StripCommand& command) const override {
        try {
            (void)encodeCommand(command);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::nullopt;
    }

    bus::TransactResult send(ByteStream& line, std::uint8_t address, std::uint8_t sequence,
                             const StripCommand& command, std::stop_token stop) override {
        const auto encoded = encodeCommand(command); // checked when it was queued
        return master_.transact(line, address, encoded.command, sequence, encoded.payload, stop,
                                /*maxReplyPayload=*/1);
    }

    bus::TransactResult probe(ByteStream& line, std::uint8_t address, std::uint8_t sequence,
                              Probe kind, std::stop_token stop) override {
        return master_.transact(line, address, bus::cmd::kIdentify, sequence, {}, stop, 3,
                                kind == Probe::Recovery ? 1 : 0);
    }

    bus::LineCounters counters() const override { return master_.counters(); }

private:
    bus::BusMaster master_;
};

} // namespace

std::unique_ptr<LedStripProtocol> makeHallBusLedProtocol(bus::LineSettings settings) {
    return std::make_unique<HallBusLedProtocol>(settings);
}

} // namespace hall::drivers::led
