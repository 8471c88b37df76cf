#pragma once
// Schema versions of the store. The version lives in the file header (`PRAGMA user_version`);
// each step moves the schema one version up inside its own transaction, so a crash during a
// migration leaves the file at the last completed version and the next open resumes from there.

#include "shared/store/database.h"

#include <span>

namespace hall::store {

struct Migration {
    int version;             // the schema version after this step
    const char* description; // for error messages
    const char* sql;
};

std::span<const Migration> migrations(); // ascending, versions 1, 2, … without gaps
int currentSchemaVersion();              // the last step's version: what this code writes
int schemaVersion(Database& db);

// Applies the missing steps. Throws StoreError when the file is newer than this code (it would
// otherwise be read with the wrong schema) or when a step fails (that step leaves no trace).
void migrate(Database& db);

} // namespace hall::store
