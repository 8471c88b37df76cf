#pragma once
// Sees every secureWipe (drivers/base/secure_wipe.h's test hook) while it is alive: which
// regions were overwritten and whether they read all zero right after, while the memory still
// belonged to its owner. A test takes a buffer's address while the session holds it, wipes,
// and asks wasWiped(address, size) — no freed memory is ever read.

#include "drivers/base/secure_wipe.h"

#include <cstddef>
#include <mutex>
#include <vector>

namespace identification_test {

class WipeWatch {
public:
    WipeWatch() {
        clear();
        hall::drivers::setWipeObserver(&observe);
    }
    ~WipeWatch() { hall::drivers::setWipeObserver(nullptr); }
    WipeWatch(const WipeWatch&) = delete;
    WipeWatch& operator=(const WipeWatch&) = delete;

    void clear() {
        std::lock_guard lock(mutex());
        regions().clear();
        regions().reserve(65536);
    }

    // A wipe started at data, covered at least size bytes, and left them all zero.
    bool wasWiped(const void* data, std::size_t size) const {
        std::lock_guard lock(mutex());
        for (const auto& r : regions())
            if (r.data == data && r.size >= size && r.zeroed) return true;
        return false;
    }

private:
    struct Region {
        const void* data;
        std::size_t size;
        bool zeroed;
    };

    static void observe(const void* data, std::size_t size) noexcept {
        const auto* bytes = static_cast<const unsigned char*>(data);
        bool zeroed = true;
        for (std::size_t i = 0; i < size; ++i)
            zeroed = zeroed && bytes[i] == 0;
        std::lock_guard lock(mutex());
        if (regions().size() < regions().capacity()) regions().push_back({data, size, zeroed});
    }
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    static std::vector<Region>& regions() {
        static std::vector<Region> r;
        return r;
    }
};

} // namespace identification_test
