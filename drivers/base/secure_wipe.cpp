#include "drivers/base/secure_wipe.h"

#include <atomic>
#include <string.h>

namespace hall::drivers {
namespace {
std::atomic<WipeObserver> wipeObserver{nullptr};
} // namespace

void secureWipe(void* data, std::size_t size) noexcept {
    if (data == nullptr || size == 0) return;
    explicit_bzero(data, size);
    if (const WipeObserver observer = wipeObserver.load(std::memory_order_acquire)) {
        observer(data, size);
    }
}

void setWipeObserver(WipeObserver observer) noexcept {
    wipeObserver.store(observer, std::memory_order_release);
}

} // namespace hall::drivers
