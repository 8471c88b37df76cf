#include "shared/ui/qr_image_provider.h"

#include <QUrl>
#include <memory>
#include <qrencode.h>

namespace hall::ui {

namespace {

constexpr int kQuietZone = 4; // modules of white around the symbol, as ISO/IEC 18004 asks

} // namespace

QImage QrImageProvider::render(const QByteArray& payload, int sidePixels) {
    if (payload.isEmpty()) return {};
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(payload.size()),
                          reinterpret_cast<const unsigned char*>(payload.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) return {};
    const int modules = code->width + 2 * kQuietZone;
    const int scale = std::max(1, sidePixels / modules);
    QImage image(modules * scale, modules * scale, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x) {
            if ((code->data[y * code->width + x] & 1) == 0) continue; // bit 0: dark module
            for (int dy = 0; dy < scale; ++dy) {
                uchar* line = image.scanLine((y + kQuietZone) * scale + dy);
                std::fill_n(line + (x + kQuietZone) * scale, scale, uchar{0});
            }
        }
    return image;
}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const QByteArray payload = QUrl::fromPercentEncoding(id.toUtf8()).toUtf8();
    const int side = requestedSize.isValid() ? std::min(requestedSize.width(), requestedSize.height())
                                             : 400;
    QImage image = render(payload, side);
    if (size) *size = image.size();
    return image;
}

} // namespace hall::ui
