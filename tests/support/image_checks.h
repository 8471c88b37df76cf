#pragma once
// What a screenshot test asks of a rendering: that it is one (text, buttons and banners in many
// colours; a blank or failed render has one or two).

#include <QImage>
#include <QSet>

namespace hall::testing {

inline int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace hall::testing
