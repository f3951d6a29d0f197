// SPDX-License-Identifier: Apache-2.0
import GRDB

/// The schema, as SQL migrations. A migration that has shipped is frozen: never edit one,
/// add a new one after it instead (GRDB `DatabaseMigrator` records which ones ran).
enum Migrations {
    /// All migrations in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2-cdr-queues", migrate: v2QueueColumns)
        return migrator
    }

    /// The first schema: extensions, registrations, CDR, bans and settings.
    @Sendable private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE extension (
                number TEXT PRIMARY KEY NOT NULL,
                display_name TEXT,
                realm TEXT NOT NULL,
                ha1_md5 TEXT NOT NULL,
                ha1_sha256 TEXT NOT NULL,
                ha1_sha512_256 TEXT NOT NULL,
                pinned_algorithm TEXT CHECK (pinned_algorithm IN ('MD5', 'SHA-256', 'SHA-512-256')),
                forward_always TEXT,
                forward_busy TEXT,
                forward_no_answer TEXT,
                forward_no_answer_after_seconds INTEGER,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            -- One row whose counter every change to `extension` bumps, so a running server can
            -- notice CLI changes with a one-row read.
            CREATE TABLE extension_version (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            );
            INSERT INTO extension_version (id, version) VALUES (1, 0);
            CREATE TRIGGER extension_inserted AFTER INSERT ON extension
                BEGIN UPDATE extension_version SET version = version + 1; END;
            CREATE TRIGGER extension_updated AFTER UPDATE ON extension
                BEGIN UPDATE extension_version SET version = version + 1; END;
            CREATE TRIGGER extension_deleted AFTER DELETE ON extension
                BEGIN UPDATE extension_version SET version = version + 1; END;

            CREATE TABLE registration (
                extension TEXT NOT NULL REFERENCES extension(number) ON DELETE CASCADE,
                contact TEXT NOT NULL,
                instance_id TEXT,
                reg_id INTEGER,
                call_id TEXT NOT NULL,
                cseq INTEGER NOT NULL,
                expires_at TEXT NOT NULL,
                q REAL,
                transport TEXT NOT NULL,
                source_address TEXT NOT NULL,
                source_port INTEGER NOT NULL,
                local_listener TEXT NOT NULL,
                user_agent TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (extension, contact)
            );
            CREATE INDEX registration_expires_at ON registration(expires_at);

            CREATE TABLE cdr (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                call_id TEXT NOT NULL,
                caller TEXT NOT NULL,
                callee TEXT NOT NULL,
                started_at TEXT NOT NULL,
                answered_at TEXT,
                ended_at TEXT NOT NULL,
                duration_ms INTEGER NOT NULL,
                final_status INTEGER NOT NULL,
                hangup_side TEXT,
                legs TEXT NOT NULL DEFAULT '[]'
            );

            CREATE TABLE ban (
                address TEXT PRIMARY KEY NOT NULL,
                reason TEXT NOT NULL,
                failures INTEGER NOT NULL,
                banned_until TEXT NOT NULL,
                created_at TEXT NOT NULL
            );

            CREATE TABLE setting (
                key TEXT PRIMARY KEY NOT NULL,
                value BLOB NOT NULL
            );
            """)
    }

    /// Queue calls in the CDR: the queue, how long the caller waited in it, and (for every
    /// answered call) the extension whose phone answered.
    @Sendable private static func v2QueueColumns(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cdr ADD COLUMN answered_by TEXT;
            ALTER TABLE cdr ADD COLUMN queue TEXT;
            ALTER TABLE cdr ADD COLUMN queue_wait_ms INTEGER;
            """)
    }
}
