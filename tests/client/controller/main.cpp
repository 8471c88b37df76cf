// doctest under a QCoreApplication: the client works on Qt's event loop, so the tests spin it
// (tests/support/qt_event_wait.h) while they wait, always with a deadline.
#define DOCTEST_CONFIG_IMPLEMENT
#include <QCoreApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
