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

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use kommune::KommuneStartPage;
pub use not_found::NotFound;
pub use book::BookPageView;
pub use manage::ManagePage;
pub use rights::{DeadlinesPageView, RightsGuidePage, RightsOverviewPage, RightsTopicPage};
pub use relatives::RelativesPageView;
pub use standards::{StandardPage, StandardsPage};
pub use catalogue::CataloguePageView;
pub use compare::ComparePageView;
pub use request::RequestPageView;
