#include "drivers/keypad/keys.h"

namespace hall::drivers::keypad {
namespace {

struct Named {
    Key key;
    std::string_view name;
};

constexpr Named kKeys[] = {
    {Key::CallNext, "call_next"},
    {Key::Recall, "recall"},
    {Key::NoShow, "no_show"},
    {Key::Transfer, "transfer"},
    {Key::Pause, "pause"},
    {Key::Finish, "finish"},
    {Key::Digit0, "digit_0"},
    {Key::Digit1, "digit_1"},
    {Key::Digit2, "digit_2"},
    {Key::Digit3, "digit_3"},
    {Key::Digit4, "digit_4"},
    {Key::Digit5, "digit_5"},
    {Key::Digit6, "digit_6"},
    {Key::Digit7, "digit_7"},
    {Key::Digit8, "digit_8"},
    {Key::Digit9, "digit_9"},
    {Key::Clear, "clear"},
    {Key::Enter, "enter"},
    {Key::VerySatisfied, "very_satisfied"},
    {Key::Satisfied, "satisfied"},
    {Key::BasicallySatisfied, "basically_satisfied"},
    {Key::Dissatisfied, "dissatisfied"},
    {Key::VeryDissatisfied, "very_dissatisfied"},
};

} // namespace

std::optional<Key> keyFromCode(std::uint8_t code) {
    for (const auto& k : kKeys)
        if (static_cast<std::uint8_t>(k.key) == code) return k.key;
    return std::nullopt;
}

std::string_view keyName(Key key) {
    for (const auto& k : kKeys)
        if (k.key == key) return k.name;
    return "unknown";
}

std::optional<Key> keyFromName(std::string_view name) {
    for (const auto& k : kKeys)
        if (k.name == name) return k.key;
    return std::nullopt;
}

bool isDigit(Key key) {
    return key >= Key::Digit0 && key <= Key::Digit9;
}

char digitChar(Key key) {
    return isDigit(key) ? static_cast<char>('0' + (static_cast<int>(key) - 0x10)) : '\0';
}

std::optional<Key> digitKey(char c) {
    if (c < '0' || c > '9') return std::nullopt;
    return static_cast<Key>(0x10 + (c - '0'));
}

bool isEvaluation(Key key) {
    return key >= Key::VerySatisfied && key <= Key::VeryDissatisfied;
}

int evaluationLevel(Key key) {
    return isEvaluation(key) ? static_cast<int>(key) - 0x30 : 0;
}

} // namespace hall::drivers::keypad
