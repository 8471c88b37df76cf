#include "drivers/scanner/evdev_locator.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <dirent.h>
#include <fstream>
#include <linux/input-event-codes.h>
#include <sstream>
#include <stdlib.h>

namespace hall::drivers::scanner {
namespace {

std::optional<std::string> readLine(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::string line;
    std::getline(in, line);
    return line;
}

std::optional<std::uint16_t> readHex16(const std::filesystem::path& file) {
    auto text = readLine(file);
    if (!text || text->empty()) return std::nullopt;
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value, 16);
    if (ec != std::errc() || value > 0xFFFF) return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

// "event12" → 12
std::optional<unsigned> eventNumber(const std::string& name) {
    if (!name.starts_with("event") || name.size() == 5) return std::nullopt;
    unsigned n = 0;
    auto [end, ec] = std::from_chars(name.data() + 5, name.data() + name.size(), n);
    if (ec != std::errc() || end != name.data() + name.size()) return std::nullopt;
    return n;
}

} // namespace

bool keyBitmapHas(const std::string& bitmapText, unsigned key) {
    std::istringstream words(bitmapText);
    std::vector<std::string> hex;
    for (std::string w; words >> w;)
        hex.push_back(w);
    // The kernel prints unsigned longs, most significant first.
    constexpr unsigned kBits = sizeof(unsigned long) * CHAR_BIT;
    const std::size_t index = key / kBits;
    if (index >= hex.size()) return false;
    const std::string& word = hex[hex.size() - 1 - index];
    unsigned long value = 0;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value, 16);
    if (ec != std::errc()) return false;
    return ((value >> (key % kBits)) & 1UL) != 0;
}

std::vector<EvdevNode> listEvdevNodes(const std::filesystem::path& sysfsRoot) {
    // POSIX directory calls rather than std::filesystem iterators: they are what umockdev's
    // preload library redirects into its emulated /sys, so tests see the emulated tree.
    const std::filesystem::path classDir = sysfsRoot / "class" / "input";
    std::vector<std::pair<unsigned, EvdevNode>> found;
    DIR* dir = ::opendir(classDir.c_str());
    if (!dir) return {};
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        auto number = eventNumber(name);
        if (!number) continue;
        char* real = ::realpath((classDir / name).c_str(), nullptr);
        if (!real) continue;
        const std::filesystem::path inputDir = std::filesystem::path(real).parent_path();
        ::free(real);
        auto vendor = readHex16(inputDir / "id" / "vendor");
        auto product = readHex16(inputDir / "id" / "product");
        if (!vendor || !product) continue;
        EvdevNode node;
        node.devicePath = "/dev/input/" + name;
        node.name = readLine(inputDir / "name").value_or("");
        node.vendor = *vendor;
        node.product = *product;
        if (auto keys = readLine(inputDir / "capabilities" / "key")) {
            node.typesDigits = true;
            for (unsigned k = KEY_1; k <= KEY_0; ++k)
                node.typesDigits = node.typesDigits && keyBitmapHas(*keys, k);
        }
        found.emplace_back(*number, std::move(node));
    }
    ::closedir(dir);
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<EvdevNode> nodes;
    for (auto& [n, node] : found)
        nodes.push_back(std::move(node));
    return nodes;
}

} // namespace hall::drivers::scanner
