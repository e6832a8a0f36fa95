//! One module per route.
mod accessibility;
mod book;
mod home;
mod kommune;
mod manage;
mod not_found;

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use kommune::KommuneStartPage;
pub use not_found::NotFound;
pub use book::BookPageView;
pub use manage::ManagePage;
