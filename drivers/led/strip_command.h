#pragma once
// What an LED window strip can be told, whatever protocol carries it. A strip has five
// independent settings ("slots"); a new command for a slot replaces the one before it:
//
//   content     Text (free text, shown as given) or State (the strip's own template for
//               serving A012 / paused / closed / idle); the last one sent is what it shows
//   colour      of the text, RGB (dual-colour strips map it to red, green or yellow)
//   brightness  0..100 %
//   blink       on/off and period
//   scroll      static, scrolling left, or up; speed 1..10
//
// Priorities order the bus manager's queue (led_strip_bus.h): a call beats a state change,
// which beats text, which beats cosmetics.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace hall::drivers::led {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

inline constexpr Rgb kRed{255, 0, 0};
inline constexpr Rgb kGreen{0, 255, 0};
inline constexpr Rgb kYellow{255, 255, 0}; // red + green on dual-colour strips
inline constexpr Rgb kBlue{0, 0, 255};
inline constexpr Rgb kWhite{255, 255, 255};

// "red", "green", "yellow", "blue", "white", or "#rrggbb" for any other colour.
std::string colourName(Rgb colour);
// The inverse: a name above or "#rrggbb"; nullopt for anything else.
std::optional<Rgb> parseColour(std::string_view text);

struct Text {
    std::string utf8; // at most kMaxTextBytes once encoded for the strip's font (GB2312)
    bool operator==(const Text&) const = default;
};

enum class StripMode : std::uint8_t { Idle = 0, Serving = 1, Paused = 2, Closed = 3 };
std::string_view modeName(StripMode mode); // "idle", "serving", "paused", "closed"

struct State {
    StripMode mode = StripMode::Idle;
    std::string ticket; // Serving only: the number being served, 1..8 of A-Z 0-9 '-'
    bool operator==(const State&) const = default;
};

struct Colour {
    Rgb rgb;
    bool operator==(const Colour&) const = default;
};

struct Brightness {
    std::uint8_t percent = 100; // 0..100
    bool operator==(const Brightness&) const = default;
};

struct Blink {
    bool on = false;
    std::chrono::milliseconds period{500}; // a whole on+off cycle, 100..2550 ms, 10 ms steps
    bool operator==(const Blink&) const = default;
};

enum class ScrollMode : std::uint8_t { Static = 0, Left = 1, Up = 2 };
std::string_view scrollModeName(ScrollMode mode);

struct Scroll {
    ScrollMode mode = ScrollMode::Static;
    std::uint8_t speed = 5; // 1 (slow) .. 10
    bool operator==(const Scroll&) const = default;
};

using StripCommand = std::variant<Text, State, Colour, Brightness, Blink, Scroll>;

enum class Slot : std::uint8_t { Content, Colour, Brightness, Blink, Scroll };
inline constexpr std::size_t kSlotCount = 5;
Slot slotOf(const StripCommand& command);
std::string_view slotName(Slot slot);

// What one strip shows (or is meant to), slot by slot.
using StripContent = std::array<std::optional<StripCommand>, kSlotCount>;

enum class Priority : std::uint8_t { Low = 0, Normal = 1, High = 2, Call = 3 };
std::string_view priorityName(Priority priority);
// Brightness Low; colour, blink, scroll and text Normal; state High. A call (text, colour and
// blink together, LedStripBus::showCall) is Call.
Priority defaultPriority(const StripCommand& command);

// Checks what holds for every protocol: ranges, the ticket's characters, no control characters
// in text. nullopt when fine, else why not (for the caller; no personal data in it).
std::optional<std::string> checkCommand(const StripCommand& command);

// One line for logs and twins: `text "请A012号到3号窗口"`, `colour red`, `blink on 500ms`.
std::string describe(const StripCommand& command);

} // namespace hall::drivers::led
