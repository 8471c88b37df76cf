#include "drivers/led/strip_command.h"

#include <cstdio>

namespace hall::drivers::led {
namespace {

template <class... F> struct Overload : F... { using F::operator()...; };
template <class... F> Overload(F...) -> Overload<F...>;

struct NamedColour {
    std::string_view name;
    Rgb rgb;
};
constexpr NamedColour kNamed[] = {
    {"red", kRed}, {"green", kGreen}, {"yellow", kYellow}, {"blue", kBlue}, {"white", kWhite},
};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool ticketChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

} // namespace

std::string colourName(Rgb colour) {
    for (const auto& n : kNamed)
        if (n.rgb == colour) return std::string(n.name);
    char s[8];
    std::snprintf(s, sizeof s, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return s;
}

std::optional<Rgb> parseColour(std::string_view text) {
    for (const auto& n : kNamed)
        if (n.name == text) return n.rgb;
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::uint8_t v[3];
    for (int i = 0; i < 3; ++i) {
        const int hi = hexDigit(text[static_cast<std::size_t>(1 + 2 * i)]);
        const int lo = hexDigit(text[static_cast<std::size_t>(2 + 2 * i)]);
        if (hi < 0 || lo < 0) return std::nullopt;
        v[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Rgb{v[0], v[1], v[2]};
}

std::string_view modeName(StripMode mode) {
    switch (mode) {
    case StripMode::Idle:
        return "idle";
    case StripMode::Serving:
        return "serving";
    case StripMode::Paused:
        return "paused";
    case StripMode::Closed:
        return "closed";
    }
    return "unknown";
}

std::string_view scrollModeName(ScrollMode mode) {
    switch (mode) {
    case ScrollMode::Static:
        return "static";
    case ScrollMode::Left:
        return "left";
    case ScrollMode::Up:
        return "up";
    }
    return "unknown";
}

Slot slotOf(const StripCommand& command) {
    return std::visit(Overload{
                          [](const Text&) { return Slot::Content; },
                          [](const State&) { return Slot::Content; },
                          [](const Colour&) { return Slot::Colour; },
                          [](const Brightness&) { return Slot::Brightness; },
                          [](const Blink&) { return Slot::Blink; },
                          [](const Scroll&) { return Slot::Scroll; },
                      },
                      command);
}

std::string_view slotName(Slot slot) {
    switch (slot) {
    case Slot::Content:
        return "content";
    case Slot::Colour:
        return "colour";
    case Slot::Brightness:
        return "brightness";
    case Slot::Blink:
        return "blink";
    case Slot::Scroll:
        return "scroll";
    }
    return "unknown";
}

std::string_view priorityName(Priority priority) {
    switch (priority) {
    case Priority::Low:
        return "low";
    case Priority::Normal:
        return "normal";
    case Priority::High:
        return "high";
    case Priority::Call:
        return "call";
    }
    return "unknown";
}

Priority defaultPriority(const StripCommand& command) {
    if (std::holds_alternative<Brightness>(command)) return Priority::Low;
    if (std::holds_alternative<State>(command)) return Priority::High;
    return Priority::Normal;
}

std::optional<std::string> checkCommand(const StripCommand& command) {
    return std::visit(
        Overload{
            [](const Text& t) -> std::optional<std::string> {
                for (std::size_t i = 0; i < t.utf8.size(); ++i) {
                    const auto c = static_cast<unsigned char>(t.utf8[i]);
                    if (c < 0x20 || c == 0x7F)
                        return "text holds a control character at byte " + std::to_string(i) +
                               ": strips show printable characters only";
                }
                return std::nullopt;
            },
            [](const State& s) -> std::optional<std::string> {
                if (s.mode != StripMode::Serving) {
                    if (!s.ticket.empty())
                        return "a ticket number goes with the serving state only";
                    return std::nullopt;
                }
                if (s.ticket.empty() || s.ticket.size() > 8)
                    return "the ticket number being served must have 1..8 characters";
                for (const char c : s.ticket)
                    if (!ticketChar(c)) return "a ticket number holds A-Z, 0-9 and '-' only";
                return std::nullopt;
            },
            [](const Colour&) -> std::optional<std::string> { return std::nullopt; },
            [](const Brightness& b) -> std::optional<std::string> {
                if (b.percent > 100)
                    return "brightness " + std::to_string(b.percent) + " is outside 0..100 %";
                return std::nullopt;
            },
            [](const Blink& b) -> std::optional<std::string> {
                if (b.period.count() < 100 || b.period.count() > 2550 || b.period.count() % 10 != 0)
                    return "blink period " + std::to_string(b.period.count()) +
                           " ms is outside 100..2550 ms in 10 ms steps";
                return std::nullopt;
            },
            [](const Scroll& s) -> std::optional<std::string> {
                if (s.speed < 1 || s.speed > 10)
                    return "scroll speed " + std::to_string(s.speed) + " is outside 1..10";
                if (static_cast<std::uint8_t>(s.mode) > 2)
                    return std::string("unknown scroll mode");
                return std::nullopt;
            },
        },
        command);
}

std::string describe(const StripCommand& command) {
    return std::visit(
        Overload{
            [](const Text& t) { return "text \"" + t.utf8 + "\""; },
            [](const State& s) {
                return "state " + std::string(modeName(s.mode)) +
                       (s.ticket.empty() ? "" : " " + s.ticket);
            },
            [](const Colour& c) { return "colour " + colourName(c.rgb); },
            [](const Brightness& b) { return "brightness " + std::to_string(b.percent) + "%"; },
            [](const Blink& b) {
                return std::string("blink ") + (b.on ? "on " : "off ") +
                       std::to_string(b.period.count()) + "ms";
            },
            [](const Scroll& s) {
                return "scroll " + std::string(scrollModeName(s.mode)) + " speed " +
                       std::to_string(s.speed);
            },
        },
        command);
}

} // namespace hall::drivers::led
