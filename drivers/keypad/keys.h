#pragma once
// The keys of the hall's hardware keypads, as their codes travel in POLL replies on the hall bus
// (docs/bus-protocol.md, "Keypads"):
//
//   caller keypad (呼叫器), at the clerk's hand
//     01 call_next 叫号   02 recall 重呼   03 no_show 过号   04 transfer 转移
//     05 pause 暂停       06 finish 办结
//     10..19 digits 0..9 (number entry)   1A clear 清除   1B enter 确认
//   evaluator (评价器), five keys for the citizen (好差评, the five levels)
//     31 very_satisfied 非常满意   32 satisfied 满意   33 basically_satisfied 基本满意
//     34 dissatisfied 不满意       35 very_dissatisfied 非常不满意

#include <cstdint>
#include <optional>
#include <string_view>

namespace hall::drivers::keypad {

enum class Key : std::uint8_t {
    CallNext = 0x01,
    Recall = 0x02,
    NoShow = 0x03,
    Transfer = 0x04,
    Pause = 0x05,
    Finish = 0x06,
    Digit0 = 0x10,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    Clear = 0x1A,
    Enter = 0x1B,
    VerySatisfied = 0x31,
    Satisfied = 0x32,
    BasicallySatisfied = 0x33,
    Dissatisfied = 0x34,
    VeryDissatisfied = 0x35,
};

// The key a code stands for; nullopt for a code no keypad sends.
std::optional<Key> keyFromCode(std::uint8_t code);
std::string_view keyName(Key key); // "call_next", "digit_3", "very_satisfied"
std::optional<Key> keyFromName(std::string_view name);

bool isDigit(Key key);
char digitChar(Key key); // '0'..'9' for a digit key
std::optional<Key> digitKey(char c);
bool isEvaluation(Key key);
// 1 (非常满意) .. 5 (非常不满意) for an evaluator key, 0 otherwise.
int evaluationLevel(Key key);

} // namespace hall::drivers::keypad
