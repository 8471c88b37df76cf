// doctest runner with a QCoreApplication (QProcess needs an event dispatcher).
#define DOCTEST_CONFIG_IMPLEMENT
#include <QCoreApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
