// terminal.db's data dictionary (docs/terminals.md) names every table and column the terminal
// creates, and nothing that no longer exists.
#include "shared/terminal/lease_pool.h"
#include "tests/support/data_dictionary.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

namespace client = hall::client;
namespace store = hall::store;
namespace testing = hall::testing;

TEST_CASE("docs/terminals.md describes every table and column of terminal.db") {
    testing::TempDir dir("terminal-db-dictionary");
    auto db = store::Database::open(dir.file("terminal.db"));
    // Created as the terminal creates them: by the outbox and the lease pool on its file.
    client::Outbox outbox(db);
    client::LeasePool pool(db, outbox);
    const auto schema = testing::schemaOf(db);
    REQUIRE(schema.count("outbox") == 1);

    const auto documented = testing::readDictionary(
        testing::readTextFile(HALL_DOCS_DIR "/terminals.md"), "Table", "column");
    for (const auto& difference : testing::differences(schema, documented, "docs/terminals.md"))
        FAIL_CHECK(difference);
}
