//! A posted form's fields, shared by both sides' typed forms (`anonymous_form`, `staff_form`):
//! neither side names the other to read a field.

/// A ticked checkbox's value, on either side's forms.
pub const TICKED: &str = "ja";

/// A form's fields as posted: name → value (the last value where a name repeats).
pub type Fields = std::collections::HashMap<String, String>;

/// A field's value as posted.
pub(super) fn text<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.get(name).map(String::as_str)
}

/// A non-empty value, trimmed.
pub(super) fn given<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    text(fields, name).map(str::trim).filter(|v| !v.is_empty())
}
