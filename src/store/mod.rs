//! IndexedDB: the schema (pure) and everything that reads or writes the database.

pub mod schema;
