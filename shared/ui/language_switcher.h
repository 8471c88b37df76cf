#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <memory>
#include <vector>

class QJSEngine;
class QQmlEngine;
class QTranslator;

namespace hall::ui {

// Switches the app's language at run time. Every QML module ships its translations as
// :/i18n/<module>_<language>.qm (qt_add_translations); switching installs all the files of the
// new language found in the resources, removes the previous ones, and makes the engine
// re-evaluate every qsTr() binding. zh_CN is the hall's language and the default.
//
// One instance per QML engine: QML reaches it as the singleton `LanguageSwitcher` (Hall.Ui),
// C++ through LanguageSwitcher::of(engine) — both get the same object.
class LanguageSwitcher : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)

public:
    static constexpr auto defaultLanguage = "zh_CN";

    // The switcher of `engine`, created (with the default language installed) on first use.
    static LanguageSwitcher* of(QQmlEngine* engine);
    // Called by the QML engine for the singleton.
    static LanguageSwitcher* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    ~LanguageSwitcher() override;

    QString language() const { return language_; }
    // The languages for which the resources hold at least one .qm file, sorted.
    QStringList languages() const;

    // Switches to `code` ("zh_CN", "en"). An unknown code (no :/i18n/*_<code>.qm) is refused
    // with a warning and changes nothing; returns whether the language is now `code`.
    Q_INVOKABLE bool switchTo(const QString& code);
    void setLanguage(const QString& code) { switchTo(code); }

Q_SIGNALS:
    void languageChanged();

private:
    explicit LanguageSwitcher(QQmlEngine* engine);

    QQmlEngine* engine_;
    QString language_;
    std::vector<std::unique_ptr<QTranslator>> installed_;
};

} // namespace hall::ui
