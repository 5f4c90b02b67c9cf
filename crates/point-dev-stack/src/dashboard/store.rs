//! The dev dashboard's SQLite database: organizations, their Okta integrations, members and the
//! figures their dashboards show.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// The Okta integration an organization's admin saved under Organization → Integrations → Okta.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OktaIntegration {
    pub organization_id: String,
    pub organization_name: String,
    /// "Native App: Okta Client ID (Native App)".
    pub client_id: String,
    /// "Native App: Okta Domain (Native App)", as the admin pasted it.
    pub okta_domain: String,
    /// The Okta app requires DPoP-bound tokens ("Require Demonstrating Proof of Possession").
    pub dpop: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub email: String,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub unit: String,
    /// Change against the previous period, in percent.
    pub change_percent: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub at: String,
    pub actor: String,
    pub summary: String,
}

/// The dashboard database. One connection behind a mutex: every query is a few microseconds.
pub struct Store {
    db: Mutex<Connection>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS organizations (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS email_domains (
    domain          TEXT PRIMARY KEY COLLATE NOCASE,
    organization_id TEXT NOT NULL REFERENCES organizations(id)
);
CREATE TABLE IF NOT EXISTS okta_integrations (
    organization_id TEXT PRIMARY KEY REFERENCES organizations(id),
    client_id       TEXT NOT NULL,
    okta_domain     TEXT NOT NULL,
    dpop            INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS members (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    okta_user_id    TEXT NOT NULL,
    email           TEXT NOT NULL COLLATE NOCASE,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    PRIMARY KEY (organization_id, okta_user_id)
);
CREATE TABLE IF NOT EXISTS metrics (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    position        INTEGER NOT NULL,
    key             TEXT NOT NULL,
    label           TEXT NOT NULL,
    value           REAL NOT NULL,
    unit            TEXT NOT NULL,
    change_percent  REAL NOT NULL,
    PRIMARY KEY (organization_id, key)
);
CREATE TABLE IF NOT EXISTS activity (
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    summary         TEXT NOT NULL
);
";

pub type StoreResult<T> = Result<T, rusqlite::Error>;

impl Store {
    /// Opens (creating if needed) the database file and its schema.
    pub fn open(path: &Path) -> StoreResult<Self> {
        let db = Connection::open(path)?;
        db.execute_batch("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;")?;
        db.execute_batch(SCHEMA)?;
        // A database from before the DPoP column: add it (already there: nothing to do).
        let _ = db.execute_batch(
            "ALTER TABLE okta_integrations ADD COLUMN dpop INTEGER NOT NULL DEFAULT 0",
        );
        Ok(Self { db: Mutex::new(db) })
    }

    fn db(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite itself consistent; keep serving.
        self.db
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Seeds the dev organization ("Example Corp", example.com) with its Okta integration for the
    /// given provider, a second one ("Globex", globex.test) whose Okta app requires DPoP
    /// (`dpop_client_id`), and a third that has not connected Okta yet ("Initech").
    pub fn seed_dev(
        &self,
        okta_domain: &str,
        client_id: &str,
        dpop_client_id: &str,
    ) -> StoreResult<()> {
        let mut db = self.db();
        let tx = db.transaction()?;
        tx.execute_batch(
            "DELETE FROM activity; DELETE FROM metrics; DELETE FROM members;
             DELETE FROM okta_integrations; DELETE FROM email_domains; DELETE FROM organizations;",
        )?;
        tx.execute(
            "INSERT INTO organizations (id, name) VALUES
               ('org_example', 'Example Corp'), ('org_globex', 'Globex'), ('org_initech', 'Initech')",
            [],
        )?;
        tx.execute(
            "INSERT INTO email_domains (domain, organization_id) VALUES
               ('example.com', 'org_example'), ('globex.test', 'org_globex'),
               ('initech.test', 'org_initech')",
            [],
        )?;
        tx.execute(
            "INSERT INTO okta_integrations (organization_id, client_id, okta_domain, dpop) VALUES
               ('org_example', ?1, ?2, 0), ('org_globex', ?3, ?2, 1)",
            params![client_id, okta_domain, dpop_client_id],
        )?;
        tx.execute(
            "INSERT INTO members (organization_id, okta_user_id, email, name, role) VALUES
               ('org_example', '00u1alice0example0001', 'alice@example.com', 'Alice Anderson', 'Operations lead'),
               ('org_example', '00u1bob00example00002', 'bob@example.com', 'Bob Brown', 'Analyst'),
               ('org_globex', '00u1carol0globex00003', 'carol@globex.test', 'Carol Chen', 'Plant manager')",
            [],
        )?;
        tx.execute(
            "INSERT INTO metrics VALUES ('org_globex', 0, 'units_shipped', 'Units shipped', 5120.0, 'units', 3.4)",
            [],
        )?;
        tx.execute(
            "INSERT INTO activity VALUES ('org_globex', '2026-11-24T09:10:00Z', 'Carol Chen', 'Signed off the November production plan')",
            [],
        )?;
        let metrics: [(&str, &str, f64, &str, f64); 4] = [
            ("open_orders", "Open orders", 128.0, "orders", 6.2),
            ("on_time_rate", "On-time delivery", 96.4, "%", 1.1),
            ("revenue_mtd", "Revenue this month", 482_350.0, "USD", 8.7),
            (
                "tickets_open",
                "Open support tickets",
                17.0,
                "tickets",
                -12.5,
            ),
        ];
        for (position, (key, label, value, unit, change)) in metrics.iter().enumerate() {
            tx.execute(
                "INSERT INTO metrics VALUES ('org_example', ?1, ?2, ?3, ?4, ?5, ?6)",
                params![position as i64, key, label, value, unit, change],
            )?;
        }
        let activity = [
            (
                "2026-11-24T08:05:00Z",
                "Alice Anderson",
                "Approved purchase order PO-20931",
            ),
            (
                "2026-11-24T07:42:00Z",
                "Dana Diaz",
                "Closed 6 support tickets",
            ),
            (
                "2026-11-23T16:18:00Z",
                "Bob Brown",
                "Published the weekly operations report",
            ),
        ];
        for (at, actor, summary) in activity {
            tx.execute(
                "INSERT INTO activity VALUES ('org_example', ?1, ?2, ?3)",
                params![at, actor, summary],
            )?;
        }
        tx.commit()
    }

    /// The Okta integration of the organization that owns the email's domain, if it connected one.
    pub fn okta_integration_for_domain(
        &self,
        domain: &str,
    ) -> StoreResult<Option<OktaIntegration>> {
        self.db()
            .query_row(
                "SELECT o.id, o.name, i.client_id, i.okta_domain, i.dpop
                 FROM email_domains d
                 JOIN organizations o ON o.id = d.organization_id
                 JOIN okta_integrations i ON i.organization_id = o.id
                 WHERE d.domain = ?1",
                [domain],
                |row| {
                    Ok(OktaIntegration {
                        organization_id: row.get(0)?,
                        organization_name: row.get(1)?,
                        client_id: row.get(2)?,
                        okta_domain: row.get(3)?,
                        dpop: row.get(4)?,
                    })
                },
            )
            .optional()
    }

    /// The organization whose Okta integration uses this client ID.
    pub fn organization_for_client(&self, client_id: &str) -> StoreResult<Option<Organization>> {
        self.db()
            .query_row(
                "SELECT o.id, o.name FROM okta_integrations i
                 JOIN organizations o ON o.id = i.organization_id
                 WHERE i.client_id = ?1",
                [client_id],
                |row| {
                    Ok(Organization {
                        id: row.get(0)?,
                        name: row.get(1)?,
                    })
                },
            )
            .optional()
    }

    /// The organization and member record of an Okta user.
    pub fn membership(&self, okta_user_id: &str) -> StoreResult<Option<(Organization, Member)>> {
        self.db()
            .query_row(
                "SELECT o.id, o.name, m.email, m.name, m.role FROM members m
                 JOIN organizations o ON o.id = m.organization_id
                 WHERE m.okta_user_id = ?1",
                [okta_user_id],
                |row| {
                    Ok((
                        Organization {
                            id: row.get(0)?,
                            name: row.get(1)?,
                        },
                        Member {
                            email: row.get(2)?,
                            name: row.get(3)?,
                            role: row.get(4)?,
                        },
                    ))
                },
            )
            .optional()
    }

    pub fn metrics(&self, organization_id: &str) -> StoreResult<Vec<Metric>> {
        let db = self.db();
        let mut statement = db.prepare(
            "SELECT key, label, value, unit, change_percent FROM metrics
             WHERE organization_id = ?1 ORDER BY position",
        )?;
        let rows = statement.query_map([organization_id], |row| {
            Ok(Metric {
                key: row.get(0)?,
                label: row.get(1)?,
                value: row.get(2)?,
                unit: row.get(3)?,
                change_percent: row.get(4)?,
            })
        })?;
        rows.collect()
    }

    pub fn activity(&self, organization_id: &str) -> StoreResult<Vec<Activity>> {
        let db = self.db();
        let mut statement = db.prepare(
            "SELECT at, actor, summary FROM activity WHERE organization_id = ?1 ORDER BY at DESC",
        )?;
        let rows = statement.query_map([organization_id], |row| {
            Ok(Activity {
                at: row.get(0)?,
                actor: row.get(1)?,
                summary: row.get(2)?,
            })
        })?;
        rows.collect()
    }
}
