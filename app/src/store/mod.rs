//! Storage (server only). Two stores that cannot be mixed up (SEL § 101a stk. 7: anonymous
//! treatment runs apart from § 101 treatment):
//!
//! - [`AnonStore`]: the anonymous store — slots, anonymous bookings keyed by a keyed hash of the
//!   person's token, categorical outcomes. Its own SQLite file and migrations.
//! - [`CaseStore`]: the case store — identified requests for treatment. Another file, other
//!   migrations.
//!
//! - [`StaffStore`]: staff accounts and sessions, a third file; neither of the others holds a
//!   staff identity.
//!
//! They are distinct types with no shared tables, ids or functions that take both; the only code
//! they share is how a SQLite file is opened.

mod anon;
mod case;
mod sqlite;
mod staff;

pub use anon::{
    AnonStore, BookError, Booked, BookingView, CalendarEntry, ExtraSlotView, HolderTalks, MonthlyCount, NewHolder, Purged, RemoveSlot, SlotRef,
    TokenSecret,
};
pub use case::{CaseStore, Filed, NewRequest, StatusChange, StoredEvent, StoredRequest, ACTOR_CITIZEN, ACTOR_SYSTEM, DEFAULT_RETENTION_DAYS};
pub use staff::{AccountError, AccountView, NewSession, StaffScope, StaffStore, SESSION_IDLE, SESSION_MAX};
pub use sqlite::{StoreError, TableSchema};
