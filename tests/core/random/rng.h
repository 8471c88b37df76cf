#pragma once
// A small deterministic generator for the randomised suites. std::uniform_int_distribution's
// output differs between standard libraries; this one gives the same sequence everywhere, so a
// printed seed reproduces a failure on any machine.

#include <cstddef>
#include <cstdint>

namespace hall::core::testing {

// splitmix64: also used to derive each sequence's seed from the master seed.
inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        return splitmix64(state_);
    }
    // Uniform in [lo, hi] (inclusive); the modulo bias is irrelevant at these ranges.
    int uniform(int lo, int hi) {
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return static_cast<int>(lo + static_cast<std::int64_t>(next() % span));
    }
    std::int64_t uniform64(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo + 1);
        return lo + static_cast<std::int64_t>(next() % span);
    }
    // True with probability percent / 100.
    bool chance(int percent) { return uniform(0, 99) < percent; }
    template <typename C> const auto& pick(const C& items) {
        return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
    }

private:
    std::uint64_t state_;
};

} // namespace hall::core::testing
