//! One module per route.
mod accessibility;
pub(crate) mod book;
mod home;
mod kommune;
pub(crate) mod manage;
pub(crate) mod relatives;
mod rights;
mod not_found;
mod standards;
mod catalogue;
mod compare;
mod request;
/// The case worker's page, server-rendered only like the other staff pages.
#[cfg(feature = "ssr")]
mod staff_cases;
#[cfg(not(feature = "ssr"))]
mod staff_cases {
    use leptos::prelude::*;

    #[component]
    pub fn StaffCasesPage() -> impl IntoView {}
}
/// The staff pages render on the server only: they load no script (see `app::shell`), so the
/// browser's WASM carries none of their code and stays small for citizens.
#[cfg(feature = "ssr")]
mod staff;
#[cfg(not(feature = "ssr"))]
mod staff {
    use leptos::prelude::*;

    #[component]
    pub fn StaffStartPage() -> impl IntoView {}
    #[component]
    pub fn StaffCalendarPage() -> impl IntoView {}
    #[component]
    pub fn StaffOpeningPage() -> impl IntoView {}
    #[component]
    pub fn StaffAccountsPage() -> impl IntoView {}
}

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use kommune::KommuneStartPage;
pub use not_found::NotFound;
pub use book::BookPageView;
pub use manage::ManagePage;
pub use rights::{DeadlinesPageView, RightsGuidePage, RightsOverviewPage, RightsTopicPage};
pub use relatives::{CounsellingPageView, RelativesPageView};
pub use standards::{StandardPage, StandardsPage};
pub use catalogue::CataloguePageView;
pub use compare::ComparePageView;
pub use request::RequestPageView;
pub use staff_cases::StaffCasesPage;
pub use staff::{StaffAccountsPage, StaffCalendarPage, StaffOpeningPage, StaffStartPage};
