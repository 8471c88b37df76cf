// doctest runner with the QGuiApplication a QML engine needs.
#define DOCTEST_CONFIG_IMPLEMENT
#include <QGuiApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
