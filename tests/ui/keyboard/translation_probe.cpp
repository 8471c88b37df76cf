#include "tests/ui/keyboard/translation_probe.h"

#include <QTranslator>

namespace hall::ui::testing {

QString TranslationProbe::translate(const QString& language, const QString& context,
                                    const QString& source) const {
    QTranslator translator;
    if (!translator.load(QStringLiteral(":/i18n/keyboard_%1.qm").arg(language))) return {};
    return translator.translate(context.toUtf8().constData(), source.toUtf8().constData());
}

} // namespace hall::ui::testing
