//! One module per route.
mod accessibility;
mod home;
mod kommune;
mod not_found;

pub use accessibility::AccessibilityPage;
pub use home::HomePage;
pub use kommune::KommuneStartPage;
pub use not_found::NotFound;
