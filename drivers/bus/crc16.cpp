#include "drivers/bus/crc16.h"

#include <array>

namespace hall::drivers::bus {
namespace {

// One entry per byte value: the reflected polynomial applied eight times. Built at compile time,
// so a frame costs one table lookup per byte.
constexpr std::array<std::uint16_t, 256> makeTable() {
    std::array<std::uint16_t, 256> table{};
    for (unsigned i = 0; i < 256; ++i) {
        unsigned crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) != 0 ? (crc >> 1) ^ 0xA001u : crc >> 1;
        table[i] = static_cast<std::uint16_t>(crc);
    }
    return table;
}

constexpr auto kTable = makeTable();

} // namespace

std::uint16_t crc16ModbusUpdate(std::uint16_t crc, std::span<const std::uint8_t> bytes) {
    unsigned c = crc;
    for (const std::uint8_t b : bytes)
        c = (c >> 8) ^ kTable[(c ^ b) & 0xFFu];
    return static_cast<std::uint16_t>(c);
}

std::uint16_t crc16Modbus(std::span<const std::uint8_t> bytes) {
    return crc16ModbusUpdate(0xFFFF, bytes);
}

} // namespace hall::drivers::bus
