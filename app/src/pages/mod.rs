//! One module per route. Pages render on the server only (islands mode): they read their data
//! through `components::load` and never reach the browser as code. A page names no other page:
//! what two pages share is in `components` (`app/tests/layers.rs`).
mod accessibility;
mod book;
mod home;
mod kommune;
mod manage;
mod relatives;
mod rights;
mod standards;
mod catalogue;
mod compare;
mod evaluation;
mod staff_evaluation;
mod messages;
mod staff_messages;
mod request;
mod staff_cases;
mod staff;

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use kommune::KommuneStartPage;
pub use book::BookPageView;
pub use manage::ManagePage;
pub use rights::{DeadlinesPageView, RightsGuidePage, RightsOverviewPage, RightsTopicPage};
pub use relatives::{CounsellingPageView, RelativesPageView};
pub use standards::{StandardPage, StandardsPage};
pub use catalogue::CataloguePageView;
pub use compare::ComparePageView;
pub use evaluation::EvaluationPageView;
pub use messages::WritePageView;
pub use staff_messages::StaffInboxPage;
pub use staff_evaluation::{StaffCodesPage, StaffReportPage};
pub use request::RequestPageView;
pub use staff_cases::{StaffCasesPage, StaffGuaranteePage};
pub use staff::{StaffAccountsPage, StaffCalendarPage, StaffOpeningPage, StaffStartPage};
