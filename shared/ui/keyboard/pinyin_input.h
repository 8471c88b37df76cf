#pragma once
// The on-screen keyboard's input logic (PinyinKeyboard.qml is its face): which layout is up, what
// a key press does in it, the pinyin composition and its candidates. It types nothing itself: it
// emits textCommitted / deleteBackwardRequested / enterRequested, and the keyboard applies them
// to its target field.
//
//   Pinyin   letters compose; a candidate (or Space: the whole sentence) types 汉字;
//            Backspace undoes the last choice, then letters; Enter types the letters as shown.
//   English  letters type themselves; Shift makes the next one upper case.
//   Symbols  digits and symbols type themselves.
// With nothing composed, Space, Backspace and Enter act on the field.
//
// Privacy: one session per citizen. resetSession() forgets the composition and every word the
// engine learned (shared/pinyin/engine.h); the app calls it when a citizen's session ends.

#include "shared/ui/keyboard/candidate_list_model.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace hall::pinyin {
class Engine;
}

namespace hall::ui {

class PinyinInput : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Layout layout READ layout WRITE setLayout NOTIFY layoutChanged)
    Q_PROPERTY(bool shifted READ shifted WRITE setShifted NOTIFY shiftedChanged)
    Q_PROPERTY(QString composition READ composition NOTIFY compositionChanged)
    Q_PROPERTY(QString preedit READ preedit NOTIFY compositionChanged)
    Q_PROPERTY(bool composing READ composing NOTIFY compositionChanged)
    Q_PROPERTY(hall::ui::CandidateListModel* candidates READ candidates CONSTANT)
    Q_PROPERTY(bool pinyinAvailable READ pinyinAvailable CONSTANT)

public:
    enum Layout { Pinyin, English, Symbols };
    Q_ENUM(Layout)

    explicit PinyinInput(QObject* parent = nullptr);
    ~PinyinInput() override;

    Layout layout() const { return layout_; }
    // Leaving the pinyin layout types what is composed, as shown (nothing typed is lost).
    void setLayout(Layout layout);
    bool shifted() const { return shifted_; }
    void setShifted(bool shifted);

    QString composition() const;
    QString preedit() const;
    bool composing() const;
    CandidateListModel* candidates() { return &candidates_; }
    // False when the pinyin engine could not start (its dictionary is missing): the keyboard
    // then offers English and symbols only.
    bool pinyinAvailable() const { return engine_ != nullptr; }

    // A character key: a letter, a digit or a symbol, as labelled (letters in lower case).
    Q_INVOKABLE void pressCharacter(const QString& character);
    Q_INVOKABLE void pressSpace();
    Q_INVOKABLE void pressBackspace();
    Q_INVOKABLE void pressEnter();
    // Picks candidate `index` of the bar; false when there is no such candidate.
    Q_INVOKABLE bool choose(int index);
    // Drops the composition without typing it (the field lost the keyboard).
    Q_INVOKABLE void clearComposition();
    // Forgets everything of the session (composition, learned words); back to the pinyin layout.
    Q_INVOKABLE void resetSession();

Q_SIGNALS:
    void layoutChanged();
    void shiftedChanged();
    void compositionChanged();
    void textCommitted(const QString& text);
    void deleteBackwardRequested();
    void enterRequested();
    // A key did nothing (not a pinyin spelling, composition full): the keyboard may show it.
    void keyRejected();

private:
    void compositionUpdated();
    void commitComposedAsTyped();
    void commitText(const QString& text);

    std::unique_ptr<hall::pinyin::Engine> engine_;
    CandidateListModel candidates_;
    Layout layout_ = Pinyin;
    bool shifted_ = false;
};

} // namespace hall::ui
