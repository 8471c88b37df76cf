#pragma once
// CRC-16/MODBUS, the check of every frame on the hall bus (docs/bus-protocol.md):
// polynomial 0x8005 processed bit-reflected (0xA001), initial value 0xFFFF, no final XOR.
// Check value: the ASCII bytes "123456789" give 0x4B37. On the wire the low byte goes first,
// as in Modbus RTU: 0x4B37 is sent 37 4B.

#include <cstdint>
#include <span>

namespace hall::drivers::bus {

std::uint16_t crc16Modbus(std::span<const std::uint8_t> bytes);

// Continues a CRC over more bytes: crc16Modbus(a + b) == crc16ModbusUpdate(crc16Modbus(a), b).
std::uint16_t crc16ModbusUpdate(std::uint16_t crc, std::span<const std::uint8_t> bytes);

} // namespace hall::drivers::bus
