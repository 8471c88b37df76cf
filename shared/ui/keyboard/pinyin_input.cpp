#include "shared/ui/keyboard/pinyin_input.h"

#include "shared/pinyin/engine.h"

#include <QLoggingCategory>

namespace hall::ui {
namespace {

Q_LOGGING_CATEGORY(keyboardLog, "hall.keyboard")

bool isPinyinKey(const QString& character) {
    if (character.size() != 1) return false;
    const char16_t c = character.at(0).unicode();
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'\'';
}

} // namespace

PinyinInput::PinyinInput(QObject* parent) : QObject(parent) {
    try {
        engine_ = std::make_unique<hall::pinyin::Engine>();
    } catch (const hall::pinyin::EngineError& error) {
        // The message names the dictionary file, never anything typed.
        qCWarning(keyboardLog) << "pinyin input unavailable:" << error.what();
        layout_ = English;
    }
    candidates_.setEngine(engine_.get());
}

PinyinInput::~PinyinInput() = default;

void PinyinInput::setLayout(Layout layout) {
    if (layout == Pinyin && !engine_) return;
    if (layout == layout_) return;
    if (layout_ == Pinyin) commitComposedAsTyped();
    layout_ = layout;
    setShifted(false);
    Q_EMIT layoutChanged();
}

void PinyinInput::setShifted(bool shifted) {
    if (shifted == shifted_) return;
    shifted_ = shifted;
    Q_EMIT shiftedChanged();
}

QString PinyinInput::composition() const {
    return engine_ ? QString::fromStdString(engine_->letters()) : QString();
}

QString PinyinInput::preedit() const {
    return engine_ ? QString::fromStdString(engine_->preedit()) : QString();
}

bool PinyinInput::composing() const {
    return engine_ && engine_->composing();
}

void PinyinInput::compositionUpdated() {
    candidates_.refresh();
    Q_EMIT compositionChanged();
}

void PinyinInput::commitText(const QString& text) {
    if (!text.isEmpty()) Q_EMIT textCommitted(text);
}

void PinyinInput::commitComposedAsTyped() {
    if (!composing()) return;
    const QString text = QString::fromStdString(engine_->commitAsTyped());
    compositionUpdated();
    commitText(text);
}

void PinyinInput::pressCharacter(const QString& character) {
    if (character.isEmpty()) return;
    if (layout_ == Pinyin && engine_) {
        if (isPinyinKey(character)) {
            if (engine_->appendLetter(static_cast<char>(character.at(0).unicode())))
                compositionUpdated();
            else
                Q_EMIT keyRejected();
            return;
        }
        // Punctuation while composing: the sentence first, as Space would, then the mark.
        if (composing()) pressSpace();
        commitText(character);
        return;
    }
    if (layout_ == English && shifted_) {
        setShifted(false);
        commitText(character.toUpper());
        return;
    }
    commitText(character);
}

void PinyinInput::pressSpace() {
    if (composing()) {
        choose(0); // candidate 0 is the whole composition as one sentence
        return;
    }
    commitText(QStringLiteral(" "));
}

void PinyinInput::pressBackspace() {
    if (composing()) {
        engine_->backspace();
        compositionUpdated();
        return;
    }
    Q_EMIT deleteBackwardRequested();
}

void PinyinInput::pressEnter() {
    if (composing()) {
        commitComposedAsTyped();
        return;
    }
    Q_EMIT enterRequested();
}

bool PinyinInput::choose(int index) {
    if (!engine_ || index < 0) return false;
    const auto result = engine_->choose(static_cast<std::size_t>(index));
    if (!result.accepted) return false;
    compositionUpdated();
    if (result.completed) commitText(QString::fromStdString(result.text));
    return true;
}

void PinyinInput::clearComposition() {
    if (!composing()) return;
    engine_->clearComposition();
    compositionUpdated();
}

void PinyinInput::resetSession() {
    if (engine_) engine_->resetSession();
    compositionUpdated();
    setLayout(engine_ ? Pinyin : English);
    setShifted(false);
}

} // namespace hall::ui
