use crate::api::anonymous::{book_page, Posted};
use crate::components::booking::Booking;
use crate::components::load::{loaded, path_param, query_param};
use leptos::prelude::*;

/// `/{kommune}/book`: choose a kind of talk → a time → read what anonymity means and confirm →
/// receipt with the token. Every step is a plain form, so it works without JavaScript; the token
/// only ever appears in the body of a POST response.
#[component]
pub fn BookPageView() -> impl IntoView {
    let posted = use_context::<Posted>().and_then(|p| match p {
        Posted::Book(page) => Some(page),
        _ => None,
    });
    let (kommune, samtale) = (path_param("kommune"), query_param(crate::api::anonymous_form::field::KIND));
    loaded(
        async move {
            match posted {
                Some(page) => Ok(page),
                None => book_page(&kommune, samtale.as_deref()).await,
            }
        },
        |p| view! { <Booking p/> },
    )
}
