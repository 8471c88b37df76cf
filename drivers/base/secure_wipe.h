#pragma once
// Personal data (names, ID numbers, addresses, photos) must not outlive the session that needs
// it: buffers that held it are overwritten before their memory goes back to the allocator.
// explicit_bzero is used because a plain memset before free is removed by the optimiser.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hall::drivers {

void secureWipe(void* data, std::size_t size) noexcept;

// Test hook: when set, called right after every wipe with the region just zeroed, while that
// memory still belongs to its owner. A test can check that personal buffers really are zeroed,
// and which ones, without reading freed memory. nullptr (the default) turns it off.
using WipeObserver = void (*)(const void* data, std::size_t size) noexcept;
void setWipeObserver(WipeObserver observer) noexcept;

inline void secureWipe(std::string& s) noexcept {
    // The whole capacity: a string that shrank still holds the old characters past size().
    s.resize(s.capacity());
    secureWipe(s.data(), s.size());
    s.clear();
}

inline void secureWipe(std::vector<std::uint8_t>& v) noexcept {
    v.resize(v.capacity());
    secureWipe(v.data(), v.size());
    v.clear();
}

// A byte buffer for personal data that wipes itself on destruction. Move-only, so no stray copy
// is left behind unwiped.
class SecureBytes {
public:
    SecureBytes() = default;
    explicit SecureBytes(std::vector<std::uint8_t> bytes) : bytes_(std::move(bytes)) {}
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;
    SecureBytes(SecureBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {}
    SecureBytes& operator=(SecureBytes&& other) noexcept {
        if (this != &other) {
            secureWipe(bytes_);
            bytes_ = std::move(other.bytes_);
        }
        return *this;
    }
    ~SecureBytes() { secureWipe(bytes_); }

    const std::vector<std::uint8_t>& bytes() const { return bytes_; }
    std::vector<std::uint8_t>& bytes() { return bytes_; }
    bool empty() const { return bytes_.empty(); }
    std::size_t size() const { return bytes_.size(); }
    void wipe() noexcept { secureWipe(bytes_); }

private:
    std::vector<std::uint8_t> bytes_;
};

} // namespace hall::drivers
