#include "shared/pinyin/system_dictionary.h"

#include <cstdlib>

namespace hall::pinyin {

std::filesystem::path defaultSystemDictionary() {
    if (const char* fromEnvironment = std::getenv(kSystemDictionaryVariable);
        fromEnvironment != nullptr && *fromEnvironment != '\0')
        return fromEnvironment;
    return HALL_PINYIN_DEFAULT_SYSTEM_DICTIONARY;
}

} // namespace hall::pinyin
