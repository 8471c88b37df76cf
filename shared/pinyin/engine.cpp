#include "shared/pinyin/engine.h"

#include "shared/pinyin/private_user_dictionary.h"
#include "shared/pinyin/utf16.h"

#include <algorithm>
#include <matrixsearch.h>
#include <mutex>
#include <system_error>

namespace hall::pinyin {
namespace {

static_assert(Engine::kMaxLetters < ime_pinyin::kMaxSearchSteps,
              "the engine drops letters beyond its search steps");

// libgooglepinyin's singletons are shared by every MatrixSearch in the process (engine.h).
std::mutex& libraryLock() {
    static std::mutex lock;
    return lock;
}

// Room for the longest candidate: a sentence has at most one character per search step.
constexpr std::size_t kCandidateBufferUnits = ime_pinyin::kMaxSearchSteps + 1;

// The characters a composition may hold; upper case folds to lower (the engine would read an
// upper-case letter as a request for a fixed spelling, which the keyboard never means).
bool normaliseLetter(char letter, char& normalised) {
    if (letter >= 'A' && letter <= 'Z') letter = static_cast<char>(letter - 'A' + 'a');
    if ((letter >= 'a' && letter <= 'z') || letter == '\'') {
        normalised = letter;
        return true;
    }
    return false;
}

std::string withoutApostrophes(std::string_view letters) {
    std::string out;
    std::copy_if(letters.begin(), letters.end(), std::back_inserter(out),
                 [](char c) { return c != '\''; });
    return out;
}

} // namespace

Engine::Engine(const std::filesystem::path& systemDictionary)
    : systemDictionary_(systemDictionary.string()) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(systemDictionary, error))
        throw EngineError("pinyin system dictionary not found: " + systemDictionary_);
    std::lock_guard guard(libraryLock());
    openSession();
}

Engine::~Engine() {
    std::lock_guard guard(libraryLock());
    closeSession();
}

void Engine::openSession() {
    userDictionary_ = std::make_unique<PrivateUserDictionary>();
    search_ = std::make_unique<ime_pinyin::MatrixSearch>();
    if (!search_->init(systemDictionary_.c_str(), userDictionary_->path().c_str())) {
        closeSession();
        throw EngineError("cannot open the pinyin system dictionary " + systemDictionary_);
    }
    letters_.clear();
}

void Engine::closeSession() {
    // The engine first, while the user dictionary's descriptor still names the memory it writes
    // back to (private_user_dictionary.h).
    if (search_) {
        search_->close();
        search_.reset();
    }
    userDictionary_.reset();
    letters_.clear();
}

void Engine::resetSession() {
    std::lock_guard guard(libraryLock());
    closeSession();
    openSession();
}

bool Engine::learnsWithinSession() const {
    std::lock_guard guard(libraryLock());
    // The engine writes the dictionary's header when it opens it; an empty file means it could
    // not (no /proc), and it runs without a user dictionary.
    return userDictionary_ && userDictionary_->sizeBytes() > 0;
}

bool Engine::searchLetters(const std::string& letters) {
    if (letters.empty()) {
        search_->reset_search();
        return true;
    }
    search_->search(letters.data(), letters.size());
    std::size_t decoded = 0;
    const char* kept = search_->get_pystr(&decoded);
    return decoded == letters.size() && kept != nullptr && std::string_view(kept) == letters;
}

bool Engine::appendLetter(char letter) {
    std::lock_guard guard(libraryLock());
    char normalised = 0;
    if (!normaliseLetter(letter, normalised) || letters_.size() >= kMaxLetters) return false;
    std::string next = letters_ + normalised;
    if (searchLetters(next)) {
        letters_ = std::move(next);
        return true;
    }
    searchLetters(letters_); // the engine keeps the prefix and any syllables fixed on it
    return false;
}

bool Engine::setComposition(std::string_view letters) {
    std::lock_guard guard(libraryLock());
    if (letters.size() > kMaxLetters) return false;
    std::string next;
    for (char letter : letters) {
        char normalised = 0;
        if (!normaliseLetter(letter, normalised)) return false;
        next += normalised;
    }
    // A new composition starts a new search: choices in progress do not carry over.
    search_->reset_search();
    if (searchLetters(next)) {
        letters_ = std::move(next);
        return true;
    }
    search_->reset_search();
    searchLetters(letters_);
    return false;
}

bool Engine::backspace() {
    std::lock_guard guard(libraryLock());
    if (letters_.empty()) return false;
    if (search_->get_fixedlen() > 0) {
        search_->cancel_last_choice();
        return true;
    }
    letters_.pop_back();
    searchLetters(letters_);
    return true;
}

void Engine::clearComposition() {
    std::lock_guard guard(libraryLock());
    letters_.clear();
    search_->reset_search();
}

std::size_t Engine::spellingCount() const {
    const ime_pinyin::uint16* starts = nullptr;
    return search_->get_spl_start(starts);
}

std::string Engine::fixedHanzi() const {
    const std::size_t fixed = search_->get_fixedlen();
    if (fixed == 0) return {};
    ime_pinyin::char16 buffer[kCandidateBufferUnits] = {};
    if (search_->get_candidate(0, buffer, kCandidateBufferUnits) == nullptr) return {};
    buffer[std::min(fixed, kCandidateBufferUnits - 1)] = 0;
    return utf16ToUtf8(buffer);
}

std::string Engine::preedit() const {
    std::lock_guard guard(libraryLock());
    if (letters_.empty()) return {};
    const ime_pinyin::uint16* starts = nullptr;
    const std::size_t spellings = search_->get_spl_start(starts);
    const std::size_t fixed = std::min<std::size_t>(search_->get_fixedlen(), spellings);
    std::string shown = fixedHanzi();
    std::string rest;
    for (std::size_t i = fixed; i < spellings; ++i) {
        if (!rest.empty()) rest += '\'';
        rest += withoutApostrophes(
            std::string_view(letters_).substr(starts[i], starts[i + 1] - starts[i]));
    }
    // A trailing apostrophe the citizen typed is not a syllable of its own but is shown.
    if (starts[spellings] < letters_.size()) rest += letters_.substr(starts[spellings]);
    return shown + rest;
}

std::size_t Engine::candidateCount() const {
    std::lock_guard guard(libraryLock());
    return letters_.empty() ? 0 : search_->get_candidate_num();
}

std::vector<std::string> Engine::candidates(std::size_t first, std::size_t count) const {
    std::lock_guard guard(libraryLock());
    std::vector<std::string> out;
    if (letters_.empty()) return out;
    const std::size_t total = search_->get_candidate_num();
    for (std::size_t i = first; i < total && i - first < count; ++i) {
        ime_pinyin::char16 buffer[kCandidateBufferUnits] = {};
        if (search_->get_candidate(i, buffer, kCandidateBufferUnits) == nullptr) break;
        out.push_back(utf16ToUtf8(buffer));
    }
    return out;
}

ChooseResult Engine::choose(std::size_t index) {
    std::lock_guard guard(libraryLock());
    // The library asserts (aborts the process) on an index past its list.
    if (letters_.empty() || index >= search_->get_candidate_num()) return {};
    search_->choose(index);
    ChooseResult result;
    result.accepted = true;
    if (search_->get_fixedlen() >= spellingCount()) {
        ime_pinyin::char16 buffer[kCandidateBufferUnits] = {};
        if (search_->get_candidate(0, buffer, kCandidateBufferUnits) != nullptr)
            result.text = utf16ToUtf8(buffer);
        result.completed = true;
        letters_.clear();
        search_->reset_search();
    }
    return result;
}

std::string Engine::commitAsTyped() {
    std::lock_guard guard(libraryLock());
    if (letters_.empty()) return {};
    const ime_pinyin::uint16* starts = nullptr;
    const std::size_t spellings = search_->get_spl_start(starts);
    const std::size_t fixed = std::min<std::size_t>(search_->get_fixedlen(), spellings);
    std::string text = fixedHanzi() + withoutApostrophes(std::string_view(letters_).substr(
                                          std::min<std::size_t>(starts[fixed], letters_.size())));
    letters_.clear();
    search_->reset_search();
    return text;
}

} // namespace hall::pinyin
