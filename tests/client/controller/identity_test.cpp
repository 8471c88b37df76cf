#include "shared/terminal/terminal_identity.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>

using hall::client::IdentityError;
using hall::client::TerminalIdentity;
using hall::client::TerminalIdentityStore;

TEST_CASE("the enrollment is stored with a 0600 credential and read back") {
    hall::testing::TempDir dir("identity");
    TerminalIdentityStore store(dir.path() / "terminal");
    CHECK_FALSE(store.load());
    TerminalIdentity identity;
    identity.credential = "secret-credential";
    identity.device.device = "pad-07";
    identity.device.role = hall::protocol::Role::WindowPad;
    identity.device.window = 7;
    store.save(identity);

    struct stat info {};
    REQUIRE(::stat(store.credentialFile().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK_FALSE(std::filesystem::exists(store.credentialFile().string() + ".tmp"));

    auto loaded = TerminalIdentityStore(dir.path() / "terminal").load();
    REQUIRE(loaded);
    CHECK(loaded->credential == "secret-credential");
    CHECK(loaded->device.device == "pad-07");
    CHECK(loaded->device.role == hall::protocol::Role::WindowPad);
    CHECK(loaded->device.window == 7);

    store.erase();
    CHECK_FALSE(store.load());
}

TEST_CASE("a damaged identity file is an error, not an enrollment") {
    hall::testing::TempDir dir("identity");
    TerminalIdentityStore store(dir.path());
    std::ofstream(store.credentialFile()) << "x";
    std::ofstream(store.identityFile()) << "{\"name\":\"k\",\"role\":\"wizard\"}";
    CHECK_THROWS_AS(store.load(), IdentityError);
    CHECK_THROWS_AS(store.save(TerminalIdentity{}), IdentityError);
}
