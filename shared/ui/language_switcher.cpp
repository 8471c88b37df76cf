#include "shared/ui/language_switcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QTranslator>
#include <QtDebug>

namespace hall::ui {

namespace {

// qt_add_translations puts every module's .qm files under this resource prefix.
constexpr auto translationsDir = ":/i18n";

// "ui_zh_CN.qm" → "zh_CN", "keyboard_en.qm" → "en": the file name ends in a lower-case language
// code, optionally followed by an upper-case region.
QString languageOf(const QString& fileName) {
    static const QRegularExpression pattern(QStringLiteral(R"(_([a-z]{2,3}(?:_[A-Z]{2})?)\.qm$)"));
    const auto match = pattern.match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

QStringList filesOf(const QString& code) {
    QStringList files;
    const auto entries = QDir(QString::fromLatin1(translationsDir))
                             .entryList({QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const auto& entry : entries)
        if (languageOf(entry) == code)
            files.append(QString::fromLatin1(translationsDir) + QLatin1Char('/') + entry);
    return files;
}

} // namespace

LanguageSwitcher::LanguageSwitcher(QQmlEngine* engine) : QObject(engine), engine_(engine) {
    setObjectName(QStringLiteral("hallLanguageSwitcher"));
}

LanguageSwitcher::~LanguageSwitcher() {
    for (const auto& translator : installed_)
        QCoreApplication::removeTranslator(translator.get());
}

LanguageSwitcher* LanguageSwitcher::of(QQmlEngine* engine) {
    if (auto* existing = engine->findChild<LanguageSwitcher*>(
            QStringLiteral("hallLanguageSwitcher"), Qt::FindDirectChildrenOnly))
        return existing;
    auto* created = new LanguageSwitcher(engine);
    // The engine owns it as its child; QML must not delete it when a singleton is released.
    QJSEngine::setObjectOwnership(created, QJSEngine::CppOwnership);
    created->switchTo(QString::fromLatin1(defaultLanguage));
    return created;
}

LanguageSwitcher* LanguageSwitcher::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return of(qmlEngine);
}

QStringList LanguageSwitcher::languages() const {
    QStringList codes;
    const auto entries =
        QDir(QString::fromLatin1(translationsDir)).entryList({QStringLiteral("*.qm")}, QDir::Files);
    for (const auto& entry : entries) {
        const auto code = languageOf(entry);
        if (!code.isEmpty() && !codes.contains(code)) codes.append(code);
    }
    codes.sort();
    return codes;
}

bool LanguageSwitcher::switchTo(const QString& code) {
    if (code == language_) return true;
    const auto files = filesOf(code);
    if (files.isEmpty()) {
        qWarning().noquote() << "LanguageSwitcher: no translations for language" << code
                             << "in the resources; staying with" << language_;
        return false;
    }
    std::vector<std::unique_ptr<QTranslator>> loaded;
    for (const auto& file : files) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(file)) {
            qWarning().noquote() << "LanguageSwitcher: cannot load" << file << "; staying with"
                                 << language_;
            return false;
        }
        loaded.push_back(std::move(translator));
    }
    for (const auto& translator : installed_)
        QCoreApplication::removeTranslator(translator.get());
    installed_ = std::move(loaded);
    for (const auto& translator : installed_)
        QCoreApplication::installTranslator(translator.get());
    language_ = code;
    engine_->retranslate();
    Q_EMIT languageChanged();
    return true;
}

} // namespace hall::ui
