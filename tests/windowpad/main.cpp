// doctest runner with a QGuiApplication: the app's objects use timers and the QML engine.
#define DOCTEST_CONFIG_IMPLEMENT
#include <QGuiApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
