// The gateway's schema as numbered migrations, the same on SQLite and PostgreSQL.
#pragma once

#include "kiosk/programs/gateway/sql_database.hpp"

namespace kiosk {

// The newest schema version this program knows.
int latestSchemaVersion();

// Brings the database up to `target` (default: the newest), one migration per version, all in
// one transaction: a crash leaves the old version whole. A database made by a newer program
// (a version above the newest known) is refused rather than written to.
Status migrateSchema(SqlDatabase& db, int target = 0);

// 0 for a database that has no version table yet (empty, or made before migrations existed).
Result<int> schemaVersion(SqlDatabase& db);

} // namespace kiosk
