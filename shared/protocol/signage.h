#pragma once
// Information publishing (信息发布): what the hall shows on its screens besides the queue. The
// controller holds content files (images, short text slides), each named by its SHA-256 and
// listed in a manifest with its size and type; a playlist says which file plays where and when;
// an emergency message, when set, takes over every screen until cleared. Screens layer them in a
// fixed order: the emergency message above the call pop-up, above the overlay notices, above the
// playlist.
//
// Every snapshot carries the signage for its device (signageFor): the playlist entries meant for
// its zone and role and the files they name; a change is pushed as a new snapshot. Players fetch
// a file by its id over the controller's TLS port (GET /content/<id>, the device's credential),
// check its SHA-256, keep it on disk and play from there when the link is down.

#include "shared/core/time.h"
#include "shared/protocol/device.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::protocol {

// The types a player shows. Text slides are UTF-8 files of a few lines; videos (MP4 with H.264,
// or WebM with VP8/VP9) are short clips within kMaxContentBytes, played without sound so that they
// never speak over a call.
inline constexpr std::string_view kContentTypes[] = {"image/png", "image/jpeg", "text/plain",
                                                     "video/mp4", "video/webm"};
inline constexpr std::uint64_t kMaxContentBytes = 16u * 1024 * 1024;
inline constexpr std::uint64_t kMaxTextSlideBytes = 2048;

struct ContentItem {
    std::string id;   // the file's SHA-256, 64 lowercase hex digits
    std::string name; // for the hall manager: "办事指南.png"
    std::string type; // one of kContentTypes
    std::uint64_t size = 0;
    bool operator==(const ContentItem&) const = default;
};

// When a playlist entry plays, in the hall's local time; every part left out always holds.
struct Schedule {
    std::vector<int> weekdays{};                                   // 1 Monday … 7 Sunday
    std::optional<int> fromMinute = std::nullopt;                  // day part [from, to), local
    std::optional<int> toMinute = std::nullopt;                    //   minutes 0 … 1440
    std::optional<core::BusinessDay> firstDay = std::nullopt;      // date range, both included
    std::optional<core::BusinessDay> lastDay = std::nullopt;
    bool operator==(const Schedule&) const = default;
};
bool activeAt(const Schedule& schedule, core::LocalTime now);

struct PlaylistEntry {
    std::string content; // a ContentItem id
    int seconds = 10;    // on screen, 3 … 600
    std::vector<std::string> zones{}; // empty: every zone
    std::vector<Role> roles{};        // empty: every role that plays (boards, ticket machines)
    Schedule schedule{};
    bool operator==(const PlaylistEntry&) const = default;
};

struct Emergency {
    std::string textZh;
    std::string textEn;
    core::Timestamp since{};
    bool operator==(const Emergency&) const = default;
};

struct Signage {
    std::vector<ContentItem> content;
    std::vector<PlaylistEntry> playlist;
    std::optional<Emergency> emergency = std::nullopt;
    bool operator==(const Signage&) const = default;
};

// What `device` plays: the entries for its zone and role, in order, and the files they name.
Signage signageFor(const Signage& all, const DeviceIdentity& device);

bool isContentId(std::string_view text);   // 64 lowercase hex digits
std::string contentIdOf(std::string_view bytes); // the file's SHA-256, as an id
bool isContentType(std::string_view type); // one of kContentTypes

// "08:30" → 510; "24:00" → 1440 (a day part's end); nullopt for anything else.
std::optional<int> parseMinute(std::string_view text);
std::string formatMinute(int minute);
// "2026-12-01" → that day; nullopt when it is not a date of the calendar.
std::optional<core::BusinessDay> parseDay(std::string_view text);

} // namespace hall::protocol
