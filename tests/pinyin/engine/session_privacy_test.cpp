// Nothing one citizen types is remembered for the next: words learned in a session are gone after
// resetSession() and in any later engine, and no file is ever written.
#include "tests/pinyin/engine/candidates.h"
#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <optional>
#include <string>

using hall::pinyin::Engine;
using hall::testing::TempDir;
using namespace hall::pinyin::testing;

namespace {

// 征武 is no word: the dictionary only offers it as 征 + 武 chosen one after the other. Once
// chosen, the engine learns it as a word for "zhengwu".
constexpr std::string_view kUnusualWord = "征武";

void chooseUnusualWord(Engine& engine) {
    REQUIRE(engine.setComposition("zhengwu"));
    const auto zheng = indexOf(engine, "征");
    REQUIRE(zheng);
    REQUIRE_FALSE(engine.choose(*zheng).completed);
    const auto wu = indexOf(engine, "武");
    REQUIRE(wu);
    const auto result = engine.choose(*wu);
    REQUIRE(result.completed);
    REQUIRE(result.text == kUnusualWord);
}

std::size_t entriesIn(const std::filesystem::path& directory) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory))
        ++count;
    return count;
}

// Points a variable at a test directory for one scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

} // namespace

TEST_CASE("a word learned in one session is not offered after the session is reset") {
    Engine engine;
    REQUIRE(engine.learnsWithinSession());
    const auto before = firstCandidates(engine, "zhengwu");
    REQUIRE_FALSE(indexOf(engine, kUnusualWord)); // not a dictionary word

    chooseUnusualWord(engine);
    chooseUnusualWord(engine);
    // Within the session the engine has learned it (so the check below can fail)...
    CHECK(contains(firstCandidates(engine, "zhengwu"), kUnusualWord));

    engine.resetSession();
    // ...and after the reset it is as if nobody had typed it.
    CHECK_FALSE(engine.composing());
    CHECK(firstCandidates(engine, "zhengwu") == before);
    CHECK_FALSE(indexOf(engine, kUnusualWord));
    CHECK(engine.learnsWithinSession());
}

TEST_CASE("a new engine does not inherit what an earlier one learned") {
    std::vector<std::string> before;
    {
        Engine first;
        before = firstCandidates(first, "zhengwu");
        chooseUnusualWord(first);
        chooseUnusualWord(first);
        REQUIRE(contains(firstCandidates(first, "zhengwu"), kUnusualWord));
    }
    Engine second;
    CHECK(firstCandidates(second, "zhengwu") == before);
    CHECK_FALSE(indexOf(second, kUnusualWord));
}

TEST_CASE("two engines side by side learn separately") {
    Engine kiosk;
    Engine other;
    const auto before = firstCandidates(other, "zhengwu");
    chooseUnusualWord(kiosk);
    chooseUnusualWord(kiosk);
    REQUIRE(contains(firstCandidates(kiosk, "zhengwu"), kUnusualWord));
    CHECK(firstCandidates(other, "zhengwu") == before);
}

TEST_CASE("no file is written: not in the working, temporary or home directory") {
    TempDir work("hall-pinyin-cwd");
    TempDir temporary("hall-pinyin-tmp");
    TempDir home("hall-pinyin-home");
    const auto previousDirectory = std::filesystem::current_path();
    std::filesystem::current_path(work.path());
    {
        ScopedEnvironment tmpdir("TMPDIR", temporary.path().string());
        ScopedEnvironment homeDirectory("HOME", home.path().string());
        Engine engine;
        chooseUnusualWord(engine);
        engine.resetSession();
        chooseUnusualWord(engine);
    }
    std::filesystem::current_path(previousDirectory);
    CHECK(entriesIn(work.path()) == 0);
    CHECK(entriesIn(temporary.path()) == 0);
    CHECK(entriesIn(home.path()) == 0);
}

TEST_CASE("the in-memory dictionary is released with its session") {
    const auto openDescriptors = [] { return entriesIn("/proc/self/fd"); };
    const std::size_t before = openDescriptors();
    {
        Engine engine;
        for (int i = 0; i < 5; ++i)
            engine.resetSession();
        CHECK(openDescriptors() == before + 1);
    }
    CHECK(openDescriptors() == before);
}

TEST_CASE("the system dictionary can be overridden, and a missing one is a clear error") {
    CHECK(std::filesystem::is_regular_file(hall::pinyin::defaultSystemDictionary()));
    TempDir directory("hall-pinyin-dict");
    const auto missing = directory.file("dict_pinyin.dat");
    CHECK_THROWS_AS(Engine{missing}, hall::pinyin::EngineError);
    {
        ScopedEnvironment override(hall::pinyin::kSystemDictionaryVariable, missing.string());
        CHECK(hall::pinyin::defaultSystemDictionary() == missing);
        CHECK_THROWS_AS(Engine{}, hall::pinyin::EngineError);
    }
    CHECK_NOTHROW(Engine{});
}
