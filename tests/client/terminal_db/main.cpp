// doctest under a QCoreApplication (the ticket issuer runs on Qt's event loop), with every SQLite
// connection of the process on the fault-injecting VFS: the terminal opens terminal.db without
// naming a VFS, exactly as in the field, and the tests arm a fault when they want the disk to fail.
#define DOCTEST_CONFIG_IMPLEMENT
#include "tests/support/fault_vfs.h"

#include <QCoreApplication>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    faultvfs::installAsDefault();
    QCoreApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
