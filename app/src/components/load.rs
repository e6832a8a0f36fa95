//! How a page gets its data. Pages render on the server only, so they call the `api` functions
//! directly: nothing is serialized into the page, and there is no second way (an `/api`
//! endpoint) to fetch what the page already shows.

use crate::api::{LoadError, Posted};
use crate::components::ServerErrorPage;
use crate::components::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Renders `show` with the data `load` reads; "not found" (404) where there is none, and the
/// server-error page (500) where it could not be read. The render waits for `load` (async SSR).
pub fn loaded<T, V>(
    load: impl std::future::Future<Output = Result<Option<T>, LoadError>> + Send + 'static,
    show: impl FnOnce(T) -> V + Send + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    Suspend::new(async move { found(load.await, show) })
}

/// What the form POST this render answers produced for a page that shows a `T`; `None` on a GET.
pub fn posted<T: Clone + Send + Sync + 'static>() -> Option<T> {
    use_context::<Posted<T>>().map(|Posted(page)| page)
}

/// [`loaded`] for a page with forms: what the POST produced, or else (on a GET) what `load` reads.
pub fn posted_or_loaded<T, F, V>(load: impl FnOnce() -> F + Send + 'static, show: impl FnOnce(T) -> V + Send + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: std::future::Future<Output = Result<Option<T>, LoadError>> + Send + 'static,
    V: IntoView + 'static,
{
    let posted = posted::<Option<T>>();
    loaded(
        async move {
            match posted {
                Some(page) => Ok(page),
                None => load().await,
            }
        },
        show,
    )
}

/// [`loaded`] for data read without waiting (the content files).
pub fn found<T, V: IntoView + 'static>(data: Result<Option<T>, LoadError>, show: impl FnOnce(T) -> V) -> AnyView {
    match data {
        Ok(Some(data)) => show(data).into_any(),
        Ok(None) => view! { <NotFound/> }.into_any(),
        Err(e) => {
            tracing::error!("a page could not be built: {e}");
            view! { <ServerErrorPage/> }.into_any()
        }
    }
}

/// A path parameter of the route (`""` when absent, which no page serves).
pub fn path_param(name: &str) -> String {
    use_params_map().with_untracked(|p| p.get(name)).unwrap_or_default()
}

/// A query-string value.
pub fn query_param(name: &str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(name))
}

/// Every value of a repeated query-string name.
pub fn query_all(name: &str) -> Vec<String> {
    use_query_map().with_untracked(|q| q.get_all(name)).unwrap_or_default()
}
