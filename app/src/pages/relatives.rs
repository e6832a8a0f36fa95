use crate::api::anonymous::{series_page, Series};
use crate::components::booking::Booking;
use crate::components::load::{path_param, posted_or_loaded, query_param};
use leptos::prelude::*;

/// `/{kommune}/paaroerende`: a relative's anonymous talks. The first talk gives a token; the same
/// token books the next ones, up to the municipality's cap, and the page always says how many
/// are used. Steps are plain POSTs to this URL, like the booking page's.
#[component]
pub fn RelativesPageView() -> impl IntoView {
    view! { <SeriesPage series=Series::Relatives/> }
}

/// `/{kommune}/raadgivning`: a citizen's anonymous counselling series, the same way, capped by
/// the standard (Ishøj and Vallensbæk 3–5, Odsherred 1–5 talks).
#[component]
pub fn CounsellingPageView() -> impl IntoView {
    view! { <SeriesPage series=Series::Counselling/> }
}

#[component]
fn SeriesPage(series: Series) -> impl IntoView {
    let (kommune, samtale) = (path_param("kommune"), query_param(crate::api::anonymous_form::field::KIND));
    posted_or_loaded(move || async move { series_page(series, &kommune, samtale.as_deref()).await }, |p| view! { <Booking p/> })
}
