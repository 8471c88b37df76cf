#pragma once
// Pinyin → 汉字 conversion for the on-screen keyboard, on libgooglepinyin (the engine of Android's
// PinyinIME and of Qt's own virtual keyboard upstream).
//
// One Engine is one keyboard. The citizen types letters (the composition); the engine offers
// candidates, best first; candidate 0 is the whole composition converted as one sentence, the
// others are words for its first syllables. Choosing a candidate that covers only the first
// syllables fixes them and offers candidates for the rest; the conversion completes when every
// syllable is fixed, and the chosen text is handed back to be typed into the field.
//
// Privacy: the engine learns from choices (a user dictionary that ranks chosen words higher).
// That dictionary lives in memory only (PrivateUserDictionary) and resetSession() throws it
// away with the composition, so the next citizen starts from the system dictionary alone.
//
// Threads: libgooglepinyin keeps process-wide singletons (spelling trie, n-gram model, the user
// dictionary's update clock), so every call into it, from any Engine, is serialised by one
// process-wide lock. Every Engine in a process must use the same system dictionary.

#include "shared/pinyin/system_dictionary.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ime_pinyin {
class MatrixSearch;
}

namespace hall::pinyin {

class PrivateUserDictionary;

// The engine cannot start (missing or unreadable system dictionary, no memfd).
class EngineError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ChooseResult {
    bool accepted = false;  // false: no such candidate; nothing changed
    bool completed = false; // the whole composition is converted and cleared
    std::string text;       // when completed: the UTF-8 text to type into the field
};

class Engine {
public:
    // The engine's search matrix has 40 steps, one per letter; beyond that it silently drops
    // letters, so the composition stops short of it.
    static constexpr std::size_t kMaxLetters = 38;

    // Opens the system dictionary and starts a session. Throws EngineError.
    explicit Engine(const std::filesystem::path& systemDictionary = defaultSystemDictionary());
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Forgets everything: the composition and every word learned since the session began. A
    // fresh, empty user dictionary replaces the old one (a few milliseconds: the system
    // dictionary is reloaded). Call it when a citizen's session ends.
    void resetSession();
    // Whether choices are learned for the rest of the session (the engine could open the
    // in-memory user dictionary). When false the engine still converts, it only never learns.
    bool learnsWithinSession() const;

    // Adds one letter: 'a'–'z' (upper case is folded), or the apostrophe that separates
    // syllables ("xi'an" → 西安 rather than "xian" → 先). Returns false and changes nothing when
    // the character is not one of those, when the composition is full (kMaxLetters), or when the
    // letter cannot continue any pinyin spelling ("i" as a first letter, "zhengwuv").
    bool appendLetter(char letter);
    // Replaces the composition with `letters` (same rules, all or nothing).
    bool setComposition(std::string_view letters);
    // Undoes the last choice when syllables have been fixed, else drops the last letter.
    // Returns false when there is nothing to undo.
    bool backspace();
    // Drops the composition (and choices in progress) without typing anything.
    void clearComposition();

    bool composing() const { return !letters_.empty(); }
    // The letters typed, as typed (lower case).
    const std::string& letters() const { return letters_; }
    // What the keyboard shows above the candidates: the syllables fixed so far as 汉字, then the
    // rest as pinyin with the engine's syllable breaks as apostrophes ("政务ban'li").
    std::string preedit() const;

    std::size_t candidateCount() const;
    // Candidates [first, first + count) clipped to candidateCount(), as UTF-8.
    std::vector<std::string> candidates(std::size_t first, std::size_t count) const;
    // Fixes candidate `index`; see ChooseResult.
    ChooseResult choose(std::size_t index);
    // Ends the composition as shown, without converting the rest: the fixed 汉字 followed by the
    // remaining letters (Enter while composing). Returns "" when not composing.
    std::string commitAsTyped();

private:
    bool searchLetters(const std::string& letters);
    void openSession();
    void closeSession();
    std::size_t spellingCount() const;
    std::string fixedHanzi() const;

    std::string systemDictionary_;
    std::unique_ptr<ime_pinyin::MatrixSearch> search_;
    std::unique_ptr<PrivateUserDictionary> userDictionary_;
    std::string letters_;
};

} // namespace hall::pinyin
