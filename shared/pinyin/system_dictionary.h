#pragma once
// Where the engine's system dictionary (libgooglepinyin's dict_pinyin.dat, read-only, shared by
// every session) is found.

#include <filesystem>

namespace hall::pinyin {

// The environment variable that overrides the built-in path at run time (a terminal image that
// ships the dictionary elsewhere).
inline constexpr const char* kSystemDictionaryVariable = "HALL_PINYIN_SYSTEM_DICTIONARY";

// $HALL_PINYIN_SYSTEM_DICTIONARY when set and not empty, else the file CMake found at configure
// time.
std::filesystem::path defaultSystemDictionary();

} // namespace hall::pinyin
