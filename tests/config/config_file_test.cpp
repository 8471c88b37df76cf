// Loading from a file: a readable file is parsed, an unreadable one is one error naming it.

#include "tests/config/config_test_support.h"

#include <filesystem>
#include <fstream>
#include "tests/support/temp_dir.h"

using namespace hall;
namespace fs = std::filesystem;
using hall::testing::TempDir;
using config::test::configOf;
using config::test::errorsOf;

namespace {

} // namespace

TEST_CASE("a hall file is loaded, and its errors name the file") {
    TempDir dir;
    const auto file = dir.path() / "hall.toml";
    {
        std::ofstream out(file);
        out << config::test::kMinimalHall;
    }
    CHECK(configOf(config::loadHallConfig(file)).services.size() == 2);

    {
        std::ofstream out(file);
        out << "name = \n";
    }
    const auto errors = errorsOf(config::loadHallConfig(file));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == file.string());
    CHECK(errors[0].message.find("line 1") != std::string::npos);
}

TEST_CASE("a missing file is one error with the file name as field") {
    TempDir dir;
    const auto file = dir.path() / "absent.toml";
    const auto errors = errorsOf(config::loadHallConfig(file));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == file.string());
    CHECK(errors[0].message.find("cannot read") != std::string::npos);
}

TEST_CASE("a directory is not a hall file") {
    TempDir dir;
    const auto errors = errorsOf(config::loadHallConfig(dir.path()));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == dir.path().string());
}
