//! What the portal counts for its operator (issue 39, item 4), beside the logic that decides it:
//! bookings made and refused. The server's `/metrics` (server/src/metrics.rs) registers these
//! with its own HTTP, limit, error and pool figures and writes them in the Prometheus text format.
//!
//! Every label is a closed enum (`EncodeLabelValue`), never a string, so no label can carry a
//! token, a label, a reference, an address or anything a person typed: that holds by the type,
//! not by care at each call.

use crate::domain::slots::{BookingRefusal, SlotError};
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use std::sync::LazyLock;

/// What a booking was for: the clarifying talk (§ 101a stk. 3), a relative's talk, or a talk of a
/// citizen's anonymous counselling series.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum BookingPurpose {
    clarifying,
    relatives,
    counselling,
}

/// Why a booking's last step was refused. The per-client booking limit is counted apart, among
/// the server's limit refusals.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
#[allow(non_camel_case_types)]
pub enum RefusalReason {
    no_kind,
    no_time,
    in_past,
    too_soon,
    beyond_horizon,
    closed,
    not_a_slot,
    full,
    /// A relative's or counselling series' code has used every talk.
    quota_reached,
    /// The store could not save it (a store error, logged).
    not_saved,
}

impl From<BookingRefusal> for RefusalReason {
    fn from(why: BookingRefusal) -> RefusalReason {
        match why {
            BookingRefusal::NoKind => RefusalReason::no_kind,
            BookingRefusal::NoTime => RefusalReason::no_time,
            BookingRefusal::NotSaved => RefusalReason::not_saved,
            BookingRefusal::Slot(e) => match e {
                SlotError::InPast => RefusalReason::in_past,
                SlotError::TooSoon => RefusalReason::too_soon,
                SlotError::BeyondHorizon => RefusalReason::beyond_horizon,
                SlotError::Closed => RefusalReason::closed,
                SlotError::NotASlot => RefusalReason::not_a_slot,
                SlotError::Full => RefusalReason::full,
            },
        }
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Made {
    purpose: BookingPurpose,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Refused {
    purpose: BookingPurpose,
    reason: RefusalReason,
}

/// The booking counts. One per process: a counter is a shared atomic, and the figures belong to
/// the process an operator scrapes, not to a request.
struct BookingCounts {
    made: Family<Made, Counter>,
    refused: Family<Refused, Counter>,
}

static BOOKINGS: LazyLock<BookingCounts> = LazyLock::new(|| BookingCounts { made: Family::default(), refused: Family::default() });

/// A booking stored (its receipt is on its way).
pub fn booking_made(purpose: BookingPurpose) {
    BOOKINGS.made.get_or_create(&Made { purpose }).inc();
}

/// A booking's last step refused, and why.
pub fn booking_refused(purpose: BookingPurpose, reason: RefusalReason) {
    BOOKINGS.refused.get_or_create(&Refused { purpose, reason }).inc();
}

/// Adds the booking counts to the server's registry (they stay shared: a family is a handle).
pub fn register(registry: &mut Registry) {
    registry.register("rmp_bookings", "Bookings stored, by what they are for", BOOKINGS.made.clone());
    registry.register("rmp_bookings_refused", "Bookings refused at their last step, by what they were for and why", BOOKINGS.refused.clone());
}
