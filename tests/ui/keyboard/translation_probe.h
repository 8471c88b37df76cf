#pragma once
// Lets the QML test read the module's compiled translations (:/i18n/keyboard_<lang>.qm) without
// switching the whole application's language.

#include <QObject>
#include <QString>

namespace hall::ui::testing {

class TranslationProbe : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    // The translation of `source` in `context` from :/i18n/keyboard_<language>.qm; empty when
    // the file is missing or has no translation for it.
    Q_INVOKABLE QString translate(const QString& language, const QString& context,
                                  const QString& source) const;
};

} // namespace hall::ui::testing
