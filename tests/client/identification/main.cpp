// doctest under a QCoreApplication: the service delivers through queued calls, so the tests spin
// the application's event loop (event_loop.h) while they wait.
#define DOCTEST_CONFIG_IMPLEMENT
#include <QCoreApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
