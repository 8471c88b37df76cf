#include "drivers/led/led_payload.h"

#include "drivers/led/gb2312.h"

#include <stdexcept>

namespace hall::drivers::led {
namespace {

template <class... F> struct Overload : F... { using F::operator()...; };
template <class... F> Overload(F...) -> Overload<F...>;

using Decoded = std::variant<StripCommand, bus::Status>;

Decoded bad() {
    return bus::Status::BadPayload;
}

// A decoded command must pass the same checks as an encoded one: the twin refuses what the
// controller would never send.
Decoded checked(StripCommand c) {
    if (checkCommand(c)) return bad();
    return c;
}

} // namespace

EncodedCommand encodeCommand(const StripCommand& command) {
    if (auto why = checkCommand(command)) throw std::invalid_argument(*why);
    return std::visit(
        Overload{
            [](const Text& t) {
                auto gb = toGb2312(t.utf8);
                if (gb.size() > kMaxTextBytes)
                    throw std::invalid_argument("text is " + std::to_string(gb.size()) +
                                                " bytes in GB2312; a strip takes " +
                                                std::to_string(kMaxTextBytes) +
                                                " (100 hanzi or 200 ASCII characters)");
                return EncodedCommand{bus::cmd::kText, std::move(gb)};
            },
            [](const State& s) {
                EncodedCommand e{bus::cmd::kState, {}};
                e.payload.reserve(1 + s.ticket.size());
                e.payload.push_back(static_cast<std::uint8_t>(s.mode));
                for (const char c : s.ticket)
                    e.payload.push_back(static_cast<std::uint8_t>(c));
                return e;
            },
            [](const Colour& c) {
                return EncodedCommand{bus::cmd::kColour, {c.rgb.r, c.rgb.g, c.rgb.b}};
            },
            [](const Brightness& b) {
                return EncodedCommand{bus::cmd::kBrightness, {b.percent}};
            },
            [](const Blink& b) {
                return EncodedCommand{bus::cmd::kBlink,
                                      {static_cast<std::uint8_t>(b.on ? 1 : 0),
                                       static_cast<std::uint8_t>(b.period.count() / 10)}};
            },
            [](const Scroll& s) {
                return EncodedCommand{bus::cmd::kScroll,
                                      {static_cast<std::uint8_t>(s.mode), s.speed}};
            },
        },
        command);
}

std::variant<StripCommand, bus::Status> decodeCommand(std::uint8_t command,
                                                      std::span<const std::uint8_t> p) {
    switch (command) {
    case bus::cmd::kText: {
        if (p.size() > kMaxTextBytes) return bad();
        auto text = fromGb2312(std::vector<std::uint8_t>(p.begin(), p.end()));
        if (!text) return bus::Status::NoGlyph;
        return checked(Text{std::move(*text)});
    }
    case bus::cmd::kState: {
        if (p.empty() || p[0] > 3) return bad();
        return checked(State{static_cast<StripMode>(p[0]), std::string(p.begin() + 1, p.end())});
    }
    case bus::cmd::kColour:
        if (p.size() != 3) return bad();
        return Decoded(Colour{Rgb{p[0], p[1], p[2]}});
    case bus::cmd::kBrightness:
        if (p.size() != 1) return bad();
        return checked(Brightness{p[0]});
    case bus::cmd::kBlink:
        if (p.size() != 2 || p[0] > 1) return bad();
        return checked(Blink{p[0] == 1, std::chrono::milliseconds(p[1] * 10)});
    case bus::cmd::kScroll:
        if (p.size() != 2 || p[0] > 2) return bad();
        return checked(Scroll{static_cast<ScrollMode>(p[0]), p[1]});
    default:
        return bus::Status::UnknownCommand;
    }
}

} // namespace hall::drivers::led
