// content, playlist and emergency: information publishing (/api/v1/content, /playlist,
// /emergency). Content is named by its SHA-256; people type a unique prefix of it (or, in the
// playlist, the file's name) and hallctl sends the full id. The API replaces the whole playlist
// at once, so one entry is changed by reading the list and writing it back.

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/session.h"
#include "shared/protocol/signage.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

namespace hall::hallctl {

namespace http = boost::beast::http;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Eight hex digits already tell any hall's files apart; fewer would invite ambiguity.
bool isIdPrefix(std::string_view s) {
    return s.size() >= 8 && s.size() <= 64 && std::all_of(s.begin(), s.end(), isHex);
}

const CLI::Validator kIdPrefix(
    [](std::string& s) { return isIdPrefix(s) ? std::string() : "8–64 hex digits of a content id"; }, "ID");

// "HH:MM", 00:00 … 24:00 (the protocol's own reading).
const CLI::Validator kTimeOfDay(
    [](std::string& s) {
        return protocol::parseMinute(s) ? std::string() : "a time of day, HH:MM (00:00 … 24:00)";
    },
    "HH:MM");

// Playlist entries are numbered from 1, as playlist show prints them.
const CLI::Validator kEntryNumber(
    [](std::string& s) {
        const bool number = !s.empty() && s.size() <= 9 && s != std::string(s.size(), '0') &&
                            std::all_of(s.begin(), s.end(), isDigit);
        return number ? std::string() : "an entry's number, 1 or more";
    },
    "INDEX");

// "1-5", "1,3,5", "1-3,6": sorted, each day once; nullopt when not of that form.
std::optional<std::vector<int>> parseWeekdays(const std::string& s) {
    std::vector<int> days;
    std::istringstream parts(s);
    for (std::string part; std::getline(parts, part, ',');) {
        const bool single = part.size() == 1, range = part.size() == 3 && part[1] == '-';
        if (!single && !range) return std::nullopt;
        const int first = part[0] - '0', last = part.back() - '0';
        if (first < 1 || last > 7 || first > last) return std::nullopt;
        for (int d = first; d <= last; ++d)
            days.push_back(d);
    }
    if (days.empty() || s.back() == ',') return std::nullopt;
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

const CLI::Validator kWeekdays(
    [](std::string& s) {
        return parseWeekdays(s) ? std::string() : "days 1 (Monday) … 7, e.g. 1-5 or 1,3,5";
    },
    "DAYS");

// A query value with everything but the unreserved characters as %XX: names with spaces, '&',
// '+' (which the server would read as a space) or Chinese arrive as typed.
std::string percentEncoded(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~')
            out += ch;
        else
            out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
    return out;
}

std::string typeFromExtension(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".txt") return "text/plain";
    if (ext == ".mp4") return "video/mp4";
    if (ext == ".webm") return "video/webm";
    return {};
}

std::string readWhole(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (!ec && size > protocol::kMaxContentBytes)
        throw Failure(ExitCode::Usage, file.string() + " is " + std::to_string(size) +
                                           " bytes; the hall takes at most " +
                                           std::to_string(protocol::kMaxContentBytes));
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    if (!ec && size > 0) bytes << in.rdbuf();
    if (!in || ec) throw Failure(ExitCode::Usage, "cannot read " + file.string());
    if (bytes.str().empty()) throw Failure(ExitCode::Usage, file.string() + " is empty");
    return bytes.str();
}

std::string id12(const json& item, const char* key = "id") {
    return text(item, key).substr(0, 12);
}

// The item `what` names: its id or a unique prefix of it, or (byName) its exact name.
json findContent(const json& content, const std::string& what, bool byName) {
    std::string prefix = what;
    std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::vector<const json*> found;
    for (const auto& c : content)
        if ((isIdPrefix(prefix) && text(c, "id").starts_with(prefix)) || (byName && text(c, "name") == what))
            found.push_back(&c);
    if (found.empty())
        throw Failure(ExitCode::Refused, "no content " +
                                             std::string(byName ? "named or with id " : "with id ") + what +
                                             " (not_found)");
    if (found.size() > 1)
        throw Failure(ExitCode::Usage, "'" + what + "' matches " + std::to_string(found.size()) +
                                           " content items: give more of the id (hallctl content list)");
    return *found.front();
}

std::map<std::string, std::string> contentNames(Session& session) {
    std::map<std::string, std::string> names;
    // Named: a loop over get(…).at(…) would read an answer already destroyed.
    const json answer = session.get("/api/v1/content");
    for (const auto& c : answer.at("content"))
        names[text(c, "id")] = text(c, "name");
    return names;
}

std::string joined(const json& list, const char* separator) {
    std::string out;
    for (const auto& item : list)
        out += (out.empty() ? "" : separator) + item.get<std::string>();
    return out;
}

// [1,2,3,4,5] → "Mon–Fri", [1,3,6,7] → "Mon,Wed,Sat,Sun": runs of three days or more as ranges.
std::string weekdaysText(const json& list) {
    static constexpr const char* kDay[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::vector<int> days;
    for (const auto& d : list)
        days.push_back(d.get<int>());
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::string out;
    for (std::size_t i = 0; i < days.size();) {
        std::size_t j = i;
        while (j + 1 < days.size() && days[j + 1] == days[j] + 1)
            ++j;
        if (!out.empty()) out += ",";
        if (j - i >= 2) {
            out += std::string(kDay[days[i] - 1]) + "–" + kDay[days[j] - 1];
            i = j + 1;
        } else {
            out += kDay[days[i] - 1];
            ++i;
        }
    }
    return out;
}

// "Mon–Fri 08:30–12:00, 2026-12-01…2026-12-31"; a part left out always holds, so a missing
// end of the day part is its end ("08:30–24:00") and an open date range shows open.
std::string whenText(const json& schedule) {
    std::string days = schedule.contains("weekdays") ? weekdaysText(schedule["weekdays"]) : "";
    std::string hours;
    if (schedule.contains("from") || schedule.contains("to"))
        hours =
            schedule.value("from", std::string("00:00")) + "–" + schedule.value("to", std::string("24:00"));
    std::string dates;
    if (schedule.contains("first_day") || schedule.contains("last_day"))
        dates = text(schedule, "first_day") + "…" + text(schedule, "last_day");
    std::string out = days + (!days.empty() && !hours.empty() ? " " : "") + hours;
    out += (!out.empty() && !dates.empty() ? ", " : "") + dates;
    return out.empty() ? "always" : out;
}

void printPlaylist(const json& playlist, const std::map<std::string, std::string>& names) {
    if (playlist.empty()) {
        std::cout << "The playlist is empty.\n";
        return;
    }
    Table table({"#", "CONTENT", "SECONDS", "ZONES", "ROLES", "WHEN"}, {0, 2});
    std::size_t index = 0;
    for (const auto& e : playlist) {
        const auto name = names.find(text(e, "content"));
        const std::string zones = joined(e.value("zones", json::array()), ", ");
        const std::string roles = joined(e.value("roles", json::array()), ", ");
        table.add({std::to_string(++index), name != names.end() ? orDash(name->second) : id12(e, "content"),
                   cell(e, "seconds"), zones.empty() ? "all" : zones, roles.empty() ? "all" : roles,
                   whenText(e.value("schedule", json::object()))});
    }
    table.print(std::cout);
}

json putPlaylist(Session& session, json playlist) {
    return session.send(http::verb::put, "/api/v1/playlist", json{{"playlist", std::move(playlist)}});
}

std::string entries(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " entry" : " entries");
}

void addContentCommands(Commands& commands) {
    CLI::App* content = commands.group(commands.app(), "content", "the files the hall's screens can show");

    struct AddArgs {
        fs::path file{};
        std::string name{}, type{};
    };
    auto a = std::make_shared<AddArgs>();
    CLI::App* add = commands.add(*content, "add", "upload an image, a text slide or a short video", [a](Session& session) {
        const std::string type = a->type.empty() ? typeFromExtension(a->file) : a->type;
        if (type.empty())
            throw Failure(ExitCode::Usage,
                          "cannot tell the type of " + a->file.string() +
                              " from its name: give --type image/png, image/jpeg, text/plain, "
                              "video/mp4 or video/webm");
        const std::string name = a->name.empty() ? a->file.filename().string() : a->name;
        const std::string bytes = readWhole(a->file);
        json item;
        try {
            item = session.sendBytes(http::verb::post, "/api/v1/content?name=" + percentEncoded(name), bytes,
                                     type);
        } catch (const Failure& f) {
            if (f.code() != ExitCode::Refused) throw;
            throw Failure(f.code(), a->file.string() + " refused: " + f.what());
        }
        if (session.jsonOutput()) return printJson(item);
        // The same bytes again: the server keeps the item it has, under its first name.
        std::cout << (text(item, "name") == name ? "added " : "already there: ") << text(item, "name") << ' '
                  << id12(item) << " (" << text(item, "type") << ", " << cell(item, "size") << " bytes)\n";
    });
    add->add_option("FILE", a->file, "a PNG or JPEG image, or a UTF-8 text slide of at most 2,048 bytes")
        ->required()
        ->check(CLI::ExistingFile);
    add->add_option("--name", a->name, "what hallctl and the audit log call it (default: the file's name)");
    add->add_option("--type", a->type, "its type (default: from the extension: .png, .jpg/.jpeg, .txt, .mp4, .webm)")
        ->check(CLI::IsMember(std::vector<std::string>(std::begin(protocol::kContentTypes),
                                                       std::end(protocol::kContentTypes))));

    commands.add(*content, "list", "the files uploaded, with their ids", [](Session& session) {
        const json answer = session.get("/api/v1/content");
        if (session.jsonOutput()) return printJson(answer);
        if (answer.at("content").empty()) {
            std::cout << "No content.\n";
            return;
        }
        Table table({"ID", "NAME", "TYPE", "SIZE"}, {3});
        for (const auto& c : answer["content"])
            table.add({id12(c), cell(c, "name"), cell(c, "type"), cell(c, "size")});
        table.print(std::cout);
    });

    auto id = std::make_shared<std::string>();
    CLI::App* remove = commands.add(
        *content, "remove", "delete a file the playlist no longer plays", [id](Session& session) {
            const json item = findContent(session.get("/api/v1/content").at("content"), *id, false);
            const json answer = session.remove("/api/v1/content/" + text(item, "id"));
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "removed " << text(item, "name") << ' ' << id12(item) << '\n';
        });
    remove->add_option("ID", *id, "its id, or the first 8 or more hex digits of it")
        ->required()
        ->check(kIdPrefix);
}

void addPlaylistCommands(Commands& commands) {
    CLI::App* playlist = commands.group(commands.app(), "playlist", "what the screens play, where and when");

    commands.add(*playlist, "show", "the entries in the order they play", [](Session& session) {
        const json answer = session.get("/api/v1/playlist");
        if (session.jsonOutput()) return printJson(answer);
        printPlaylist(answer.at("playlist"), contentNames(session));
    });

    struct AddArgs {
        std::string content{};
        int seconds = 0;
        std::vector<std::string> zones{}, roles{};
        std::string weekdays{}, from{}, to{}, firstDay{}, lastDay{};
    };
    auto a = std::make_shared<AddArgs>();
    CLI::App* add = commands.add(*playlist, "add", "append an entry to the playlist", [a](Session& session) {
        const json item = findContent(session.get("/api/v1/content").at("content"), a->content, true);
        json entry{{"content", text(item, "id")}, {"seconds", a->seconds}};
        if (!a->zones.empty()) entry["zones"] = a->zones;
        if (!a->roles.empty()) entry["roles"] = a->roles;
        json schedule = json::object();
        if (!a->weekdays.empty()) schedule["weekdays"] = *parseWeekdays(a->weekdays);
        if (!a->from.empty()) schedule["from"] = a->from;
        if (!a->to.empty()) schedule["to"] = a->to;
        if (!a->firstDay.empty()) schedule["first_day"] = a->firstDay;
        if (!a->lastDay.empty()) schedule["last_day"] = a->lastDay;
        if (!schedule.empty()) entry["schedule"] = std::move(schedule);
        json list = session.get("/api/v1/playlist").at("playlist");
        list.push_back(std::move(entry));
        const json answer = putPlaylist(session, std::move(list));
        if (session.jsonOutput()) return printJson(answer);
        const auto& added = answer.at("playlist").back();
        std::cout << "Playlist entry " << answer["playlist"].size() << " added: " << text(item, "name")
                  << ", " << a->seconds << " s, " << whenText(added.value("schedule", json::object()))
                  << "; the playlist has " << entries(answer["playlist"].size()) << ".\n";
    });
    add->add_option("CONTENT", a->content, "the file: its id, 8 or more hex digits of it, or its exact name")
        ->required();
    add->add_option("--seconds", a->seconds, "how long it stays on screen")
        ->required()
        ->check(CLI::Range(3, 600));
    add->add_option("--zones", a->zones, "only the screens of these zones, e.g. north,south (default: all)")
        ->delimiter(',');
    add->add_option("--roles", a->roles,
                    "only devices of these roles, e.g. call_board,ticket_machine (default: all)")
        ->delimiter(',')
        ->check(
            CLI::IsMember({"ticket_machine", "kiosk", "window_pad", "call_board", "led_bridge", "admin"}));
    add->add_option("--weekdays", a->weekdays, "only on these days, 1 Monday … 7 Sunday: 1-5, 1,3,5")
        ->check(kWeekdays);
    add->add_option("--from", a->from, "only from this time of day, HH:MM")->check(kTimeOfDay);
    add->add_option("--to", a->to, "only until this time of day, HH:MM (24:00: the day's end)")
        ->check(kTimeOfDay);
    add->add_option("--first-day", a->firstDay, "not before this day")->check(kDate);
    add->add_option("--last-day", a->lastDay, "not after this day")->check(kDate);

    auto index = std::make_shared<std::size_t>(0);
    CLI::App* remove =
        commands.add(*playlist, "remove", "take an entry out of the playlist", [index](Session& session) {
            json list = session.get("/api/v1/playlist").at("playlist");
            if (*index > list.size())
                throw Failure(ExitCode::Refused, "no playlist entry " + std::to_string(*index) +
                                                     ": the playlist has " + entries(list.size()) +
                                                     " (not_found)");
            const std::string id = text(list[*index - 1], "content");
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(*index - 1));
            const json answer = putPlaylist(session, std::move(list));
            if (session.jsonOutput()) return printJson(answer);
            const auto names = contentNames(session);
            const auto name = names.find(id);
            std::cout << "Playlist entry " << *index << " ("
                      << (name != names.end() ? name->second : id.substr(0, 12))
                      << ") removed; the playlist has " << entries(answer.at("playlist").size()) << ".\n";
        });
    remove->add_option("INDEX", *index, "its number, as playlist show numbers them")
        ->required()
        ->check(kEntryNumber);

    commands.add(*playlist, "clear", "empty the playlist", [](Session& session) {
        const json answer = putPlaylist(session, json::array());
        if (session.jsonOutput()) return printJson(answer);
        std::cout << "Playlist cleared.\n";
    });
}

void addEmergencyCommands(Commands& commands) {
    CLI::App* emergency =
        commands.group(commands.app(), "emergency", "the message that takes over every screen until cleared");

    commands.add(*emergency, "show", "the emergency message, if one is set", [](Session& session) {
        const json answer = session.get("/api/v1/emergency");
        if (session.jsonOutput()) return printJson(answer);
        const auto& e = answer.at("emergency");
        if (e.is_null()) {
            std::cout << "No emergency message.\n";
            return;
        }
        std::cout << "Emergency message, on every screen since " << text(e, "since") << ":\n  zh  "
                  << text(e, "text_zh") << '\n';
        if (!text(e, "text_en").empty()) std::cout << "  en  " << text(e, "text_en") << '\n';
    });

    struct SetArgs {
        std::string zh{}, en{};
    };
    auto s = std::make_shared<SetArgs>();
    CLI::App* set = commands.add(
        *emergency, "set", "show a message on every screen, above everything else", [s](Session& session) {
            json body{{"text_zh", s->zh}};
            if (!s->en.empty()) body["text_en"] = s->en;
            const json answer = session.send(http::verb::put, "/api/v1/emergency", body);
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "Emergency message set: every screen shows it until hallctl emergency clear.\n";
        });
    set->add_option("TEXT_ZH", s->zh, "the message in Chinese, at most 500 bytes")->required();
    set->add_option("--en", s->en, "the message in English, at most 500 bytes");

    commands.add(*emergency, "clear", "take the emergency message off the screens", [](Session& session) {
        const json answer = session.remove("/api/v1/emergency");
        if (session.jsonOutput()) return printJson(answer);
        std::cout << "Emergency message cleared.\n";
    });
}

} // namespace

void addSignageCommands(Commands& commands) {
    addContentCommands(commands);
    addPlaylistCommands(commands);
    addEmergencyCommands(commands);
}

} // namespace hall::hallctl
