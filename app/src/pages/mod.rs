//! One module per route. Pages render on the server only (islands mode): they read their data
//! through `load` and never reach the browser as code.
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
mod staff_cases;
mod staff;
pub(crate) mod load;

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
