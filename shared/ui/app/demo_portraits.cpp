#include "shared/ui/app/demo_portraits.h"

#include "shared/client/mock_backend.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace hall::ui {

namespace {

// 3:4, as an ID photo.
QByteArray portrait(int seed) {
    QImage image(300, 400, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((200 + 37 * seed) % 360, 40, 235));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x1f, 0x2d, 0x4a)); // the uniform
    p.drawRoundedRect(QRectF(30, 280, 240, 180), 110, 90);
    QPainterPath collar;
    collar.moveTo(120, 282);
    collar.lineTo(150, 340);
    collar.lineTo(180, 282);
    collar.closeSubpath();
    p.setBrush(Qt::white);
    p.drawPath(collar);
    p.setBrush(QColor(0xe8, 0xc0, 0x9e)); // neck and face
    p.drawRect(QRectF(130, 230, 40, 60));
    p.drawEllipse(QRectF(95, 110, 110, 140));
    p.setBrush(QColor(0x2b, 0x22, 0x1c)); // hair
    p.drawChord(QRectF(90, 100, 120, 110), 0, 180 * 16);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 85);
    return bytes;
}

} // namespace

void addDemoPortraits(client::MockBackend& mock) {
    const auto& staff = mock.engine().config().staff;
    for (std::size_t i = 0; i < staff.size(); ++i)
        if (!staff[i].photoRef.empty())
            mock.addContent(QString::fromStdString(staff[i].photoRef), QStringLiteral("image/jpeg"),
                            portrait(static_cast<int>(i)));
}

} // namespace hall::ui
