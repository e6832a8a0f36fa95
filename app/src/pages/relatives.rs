use crate::api::anonymous::{series_page, Posted, Series};
use crate::components::booking::Booking;
use crate::components::load::{loaded, path_param, query_param};
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
    let posted = use_context::<Posted>().and_then(|p| match (p, series) {
        (Posted::Relatives(page), Series::Relatives) | (Posted::Counselling(page), Series::Counselling) => Some(page),
        _ => None,
    });
    let (kommune, samtale) = (path_param("kommune"), query_param(crate::api::anonymous_form::field::KIND));
    loaded(
        async move {
            match posted {
                Some(page) => Ok(page),
                None => series_page(series, &kommune, samtale.as_deref()).await,
            }
        },
        |p| view! { <Booking p/> },
    )
}
