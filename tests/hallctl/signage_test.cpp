// content, playlist and emergency against the real callstationd: files uploaded and listed, a
// type that does not match the bytes refused, playlist entries with schedules shown as people
// read them, refusals that change nothing, and the emergency message set and cleared.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

#include <fstream>

using namespace hall::testing;
using nlohmann::json;

namespace {

void write(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

// The server checks a PNG's signature only, so the signature and a few bytes are a PNG to it.
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "not really pixels";

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

json contentList(const std::filesystem::path& dataDir) {
    return jsonOf(hallctl(dataDir, {"content", "list", "--json"})).at("content");
}

} // namespace

TEST_CASE("hallctl signage: content add and list; a type that does not match the bytes is refused") {
    TempDir dir("hallctl-content");
    DaemonProcess daemon(dir.path());
    write(dir.file("quiet.txt"), "请保持安静\nPlease keep quiet\n");
    write(dir.file("map.png"), kPng);
    write(dir.file("notes.txt"), "just text\n");
    write(dir.file("map.gif"), "GIF89a");

    auto text = hallctl(dir.path(), {"content", "add", dir.file("quiet.txt").string()});
    REQUIRE_MESSAGE(text.exitCode == 0, describe(text));
    CHECK(text.out.starts_with("added quiet.txt "));
    CHECK(text.out.ends_with(" (text/plain, 34 bytes)\n"));
    // A name with a space, '&' and '+' arrives as typed (the query is percent-encoded).
    const json png = jsonOf(hallctl(dir.path(), {"content", "add", dir.file("map.png").string(), "--name",
                                                 "大厅 map & guide+.png", "--json"}));
    CHECK(png["name"] == "大厅 map & guide+.png");
    CHECK(png["type"] == "image/png");
    CHECK(png["size"] == kPng.size());
    const std::string pngId = png["id"];
    CHECK(pngId.size() == 64);

    auto list = hallctl(dir.path(), {"content", "list"});
    REQUIRE_MESSAGE(list.exitCode == 0, describe(list));
    CHECK(list.out.starts_with("ID            NAME"));
    CHECK_MESSAGE(has(list.out, "\n" + pngId.substr(0, 12) + "  大厅 map & guide+.png  image/png     25\n"),
                  list.out);
    CHECK_MESSAGE(has(list.out, "  quiet.txt              text/plain    34\n"), list.out);
    CHECK(contentList(dir.path()).size() == 2);

    // Text with --type image/png: the server checks the bytes and names what is wrong.
    auto mismatch =
        hallctl(dir.path(), {"content", "add", dir.file("notes.txt").string(), "--type", "image/png"});
    CHECK_MESSAGE(mismatch.exitCode == 1, describe(mismatch));
    CHECK(mismatch.out.empty());
    CHECK(has(mismatch.err, "notes.txt refused"));
    CHECK(has(mismatch.err, "is not a PNG file (bad_content)"));
    // A type hallctl cannot guess, or does not know: nothing is sent.
    auto unknown = hallctl(dir.path(), {"content", "add", dir.file("map.gif").string()});
    CHECK_MESSAGE(unknown.exitCode == 2, describe(unknown));
    CHECK(has(unknown.err, "--type"));
    CHECK(hallctl(dir.path(), {"content", "add", dir.file("map.gif").string(), "--type", "image/gif"})
              .exitCode == 2);
    CHECK(contentList(dir.path()).size() == 2);
}

TEST_CASE("hallctl signage: playlist entries with schedules; refusals change nothing; removal in order") {
    TempDir dir("hallctl-playlist");
    DaemonProcess daemon(dir.path());
    write(dir.file("quiet.txt"), "请保持安静\n");
    write(dir.file("map.png"), kPng);
    const std::string textId =
        jsonOf(hallctl(dir.path(), {"content", "add", dir.file("quiet.txt").string(), "--json"}))["id"];
    const std::string pngId =
        jsonOf(hallctl(dir.path(), {"content", "add", dir.file("map.png").string(), "--json"}))["id"];

    // By name, with every part of a schedule…
    auto scheduled =
        hallctl(dir.path(), {"playlist", "add", "map.png", "--seconds", "15", "--zones", "north", "--roles",
                             "call_board,ticket_machine", "--weekdays", "1-5", "--from", "08:30", "--to",
                             "12:00", "--first-day", "2026-12-01", "--last-day", "2026-12-31"});
    REQUIRE_MESSAGE(scheduled.exitCode == 0, describe(scheduled));
    CHECK(scheduled.out ==
          "Playlist entry 1 added: map.png, 15 s, Mon–Fri 08:30–12:00, 2026-12-01…2026-12-31; "
          "the playlist has 1 entry.\n");
    // …and by a prefix of the id, always.
    auto always = hallctl(
        dir.path(), {"playlist", "add", textId.substr(0, 8), "--seconds", "10", "--weekdays", "1,3,6-7"});
    REQUIRE_MESSAGE(always.exitCode == 0, describe(always));

    auto show = hallctl(dir.path(), {"playlist", "show"});
    REQUIRE_MESSAGE(show.exitCode == 0, describe(show));
    CHECK(show.out == "#  CONTENT    SECONDS  ZONES  ROLES                       WHEN\n"
                      "1  map.png         15  north  call_board, ticket_machine  Mon–Fri 08:30–12:00, "
                      "2026-12-01…2026-12-31\n"
                      "2  quiet.txt       10  all    all                         Mon,Wed,Sat,Sun\n");
    const json before = jsonOf(hallctl(dir.path(), {"playlist", "show", "--json"}));
    REQUIRE(before.at("playlist").size() == 2);
    CHECK(before["playlist"][0]["content"] == pngId);
    CHECK(before["playlist"][0]["schedule"]["weekdays"] == json{1, 2, 3, 4, 5});
    CHECK(before["playlist"][0]["roles"] == json{"call_board", "ticket_machine"});

    // A day part that ends before it starts: the server names the field; the list is as it was.
    auto backwards = hallctl(
        dir.path(), {"playlist", "add", "map.png", "--seconds", "10", "--from", "12:00", "--to", "08:00"});
    CHECK_MESSAGE(backwards.exitCode == 1, describe(backwards));
    CHECK_MESSAGE(
        has(backwards.err, "playlist[2].schedule: field 'to' must be later than from (bad_request)"),
        backwards.err);
    CHECK(backwards.out.empty());
    // No time of day at all: refused before anything is sent.
    auto noTime = hallctl(dir.path(), {"playlist", "add", "map.png", "--seconds", "10", "--from", "25:00"});
    CHECK_MESSAGE(noTime.exitCode == 2, describe(noTime));
    CHECK(has(noTime.err, "HH:MM"));
    auto nothing = hallctl(dir.path(), {"playlist", "add", "nothing.png", "--seconds", "10"});
    CHECK_MESSAGE(nothing.exitCode == 1, describe(nothing));
    CHECK(has(nothing.err, "(not_found)"));
    CHECK(jsonOf(hallctl(dir.path(), {"playlist", "show", "--json"})) == before);

    // The PNG still plays: the server will not delete it.
    auto inUse = hallctl(dir.path(), {"content", "remove", pngId.substr(0, 12)});
    CHECK_MESSAGE(inUse.exitCode == 1, describe(inUse));
    CHECK(has(inUse.err, "(in_use)"));
    CHECK(contentList(dir.path()).size() == 2);

    auto outOfRange = hallctl(dir.path(), {"playlist", "remove", "3"});
    CHECK_MESSAGE(outOfRange.exitCode == 1, describe(outOfRange));
    auto removedEntry = hallctl(dir.path(), {"playlist", "remove", "1"});
    REQUIRE_MESSAGE(removedEntry.exitCode == 0, describe(removedEntry));
    CHECK(removedEntry.out == "Playlist entry 1 (map.png) removed; the playlist has 1 entry.\n");
    auto removedFile = hallctl(dir.path(), {"content", "remove", pngId.substr(0, 12)});
    REQUIRE_MESSAGE(removedFile.exitCode == 0, describe(removedFile));
    CHECK(removedFile.out == "removed map.png " + pngId.substr(0, 12) + "\n");
    const json left = contentList(dir.path());
    REQUIRE(left.size() == 1);
    CHECK(left[0]["id"] == textId);
    auto again = hallctl(dir.path(), {"content", "remove", pngId});
    CHECK_MESSAGE(again.exitCode == 1, describe(again));
    CHECK(has(again.err, "(not_found)"));

    auto cleared = hallctl(dir.path(), {"playlist", "clear"});
    REQUIRE_MESSAGE(cleared.exitCode == 0, describe(cleared));
    CHECK(hallctl(dir.path(), {"playlist", "show"}).out == "The playlist is empty.\n");
}

TEST_CASE("hallctl signage: emergency set, show and clear") {
    TempDir dir("hallctl-emergency");
    DaemonProcess daemon(dir.path());

    CHECK(hallctl(dir.path(), {"emergency", "show"}).out == "No emergency message.\n");
    auto set =
        hallctl(dir.path(), {"emergency", "set", "大厅暂停服务，请有序离开", "--en", "The hall is closed"});
    REQUIRE_MESSAGE(set.exitCode == 0, describe(set));

    auto show = hallctl(dir.path(), {"emergency", "show"});
    REQUIRE_MESSAGE(show.exitCode == 0, describe(show));
    CHECK(show.out.starts_with("Emergency message, on every screen since "));
    CHECK(has(show.out, "\n  zh  大厅暂停服务，请有序离开\n  en  The hall is closed\n"));
    const json shown = jsonOf(hallctl(dir.path(), {"emergency", "show", "--json"}));
    CHECK(shown["emergency"]["text_zh"] == "大厅暂停服务，请有序离开");
    CHECK(shown["emergency"]["since"].get<std::string>().ends_with("Z"));

    const json cleared = jsonOf(hallctl(dir.path(), {"emergency", "clear", "--json"}));
    CHECK(cleared["emergency"].is_null());
    CHECK(hallctl(dir.path(), {"emergency", "show"}).out == "No emergency message.\n");
    CHECK(has(hallctl(dir.path(), {"audit"}).out, "emergency_clear"));
}
