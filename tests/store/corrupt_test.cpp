// A damaged file is refused at open with a message that says so and points to the backup,
// instead of being replayed into a wrong state.

#include "tests/store/store_fixture.h"

#include <fstream>

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

void overwrite(const fs::path& file, std::uintmax_t offset, std::size_t count, char byte) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(f.good());
    f.seekp(static_cast<std::streamoff>(offset));
    const std::string garbage(count, byte);
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    REQUIRE(f.good());
}

void checkCorruptMessage(const StoreError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.find("corrupt") != std::string::npos);
    CHECK(message.find("backup") != std::string::npos);
    CHECK(message.find("hall.db") != std::string::npos);
}

} // namespace

TEST_CASE("a file damaged in the middle is refused at open") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    {
        auto store = openStore(optionsAt(file), at(8, 0));
        runSmallDay(store, 0, 200); // enough rows for a file of many pages
    }
    // Closing the last connection checkpoints the log into the file and removes it.
    REQUIRE_FALSE(fs::exists(dir.file("hall.db-wal")));
    const auto size = fs::file_size(file);
    constexpr std::uintmax_t kPage = 4096; // SQLite's default page size
    REQUIRE(size >= 8 * kPage);
    // One whole page in the middle: whatever b-tree page it is, its header is now invalid.
    overwrite(file, (size / kPage / 2) * kPage, kPage, '\xA5');

    try {
        (void)openStore(optionsAt(file), at(12, 0));
        FAIL("a damaged file was opened");
    } catch (const StoreError& e) {
        checkCorruptMessage(e);
    }
}

TEST_CASE("a file that is not a database is refused at open") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    {
        std::ofstream f(file, std::ios::binary);
        for (int i = 0; i < 1000; ++i)
            f << "this is not an SQLite database\n";
    }
    try {
        (void)openStore(optionsAt(file), at(8, 0));
        FAIL("a text file was opened as the store");
    } catch (const StoreError& e) {
        checkCorruptMessage(e);
    }
}
