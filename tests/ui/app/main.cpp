// doctest runner with a QGuiApplication: the gallery's wiring creates a QQmlApplicationEngine.
#define DOCTEST_CONFIG_IMPLEMENT
#include <QGuiApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
