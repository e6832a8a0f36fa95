use crate::api::anonymous::book_page;
use crate::components::booking::Booking;
use crate::components::load::{path_param, posted_or_loaded, query_param};
use leptos::prelude::*;

/// `/{kommune}/book`: choose a kind of talk → a time → read what anonymity means and confirm →
/// receipt with the token. Every step is a plain form, so it works without JavaScript; the token
/// only ever appears in the body of a POST response.
#[component]
pub fn BookPageView() -> impl IntoView {
    let (kommune, samtale) = (path_param("kommune"), query_param(crate::api::anonymous_form::field::KIND));
    posted_or_loaded(move || async move { book_page(&kommune, samtale.as_deref()).await }, |p| view! { <Booking p/> })
}
