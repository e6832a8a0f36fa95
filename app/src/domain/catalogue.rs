//! The catalogue's filters: parsed from GET parameters (so a filtered list is a link anyone can
//! share), checked, and applied to the services. Plain Rust, no I/O: a service is seen through
//! [`Offer`], which the content's `Service` gives (`Service::offer`).

use crate::domain::kommune::Kommune;
use serde::{Deserialize, Serialize};

/// The parameters as they came in the URL, echoed back so the form shows what was asked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RawFilter {
    pub kommune: Option<String>,
    pub kind: Option<String>,
    pub substance: Option<String>,
    pub age: Option<String>,
    pub anonymous: Option<String>,
    pub q: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub kommune: Option<Kommune>,
    pub kind: Option<String>,
    pub substance: Option<String>,
    pub age: Option<u32>,
    pub anonymous_only: bool,
}

/// What is wrong with a parameter; the page says it in Danish next to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FilterError {
    UnknownKommune,
    UnknownKind,
    UnknownSubstance,
    BadAge,
}

/// An empty parameter (the form's "Alle") means no filter.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Parses the parameters. A bad value is reported and ignored, so the page still lists services.
pub fn parse(raw: &RawFilter, installed: &[Kommune], kinds: &[&str], substances: &[&str]) -> (Filter, Vec<FilterError>) {
    let mut errors = Vec::new();
    let mut f = Filter::default();
    if let Some(k) = given(&raw.kommune) {
        match installed.iter().copied().find(|i| i.slug() == k) {
            Some(k) => f.kommune = Some(k),
            None => errors.push(FilterError::UnknownKommune),
        }
    }
    if let Some(k) = given(&raw.kind) {
        if kinds.contains(&k) {
            f.kind = Some(k.to_string());
        } else {
            errors.push(FilterError::UnknownKind);
        }
    }
    if let Some(s) = given(&raw.substance) {
        if substances.contains(&s) {
            f.substance = Some(s.to_string());
        } else {
            errors.push(FilterError::UnknownSubstance);
        }
    }
    if let Some(a) = given(&raw.age) {
        match a.parse::<u32>() {
            Ok(a) if a <= 120 => f.age = Some(a),
            _ => errors.push(FilterError::BadAge),
        }
    }
    f.anonymous_only = given(&raw.anonymous).is_some();
    (f, errors)
}

/// What the filters look at in a service.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Offer<'a> {
    /// Slugs of the municipalities that offer it.
    pub kommuner: &'a [String],
    /// Kind id, e.g. "ambulant".
    pub kind: &'a str,
    /// "alcohol" and/or "drugs".
    pub substances: &'a [String],
    pub min_age: Option<u32>,
    pub max_age: Option<u32>,
    /// `None` where the source does not say.
    pub anonymous: Option<bool>,
}

/// Whether a service passes the filters. `target_min_age` is the lowest age of the target group
/// of the document the service comes from, used when the service states no age of its own.
pub fn matches(s: &Offer, f: &Filter, target_min_age: Option<u32>) -> bool {
    if let Some(k) = f.kommune {
        if !s.kommuner.iter().any(|x| x == k.slug()) {
            return false;
        }
    }
    if let Some(kind) = &f.kind {
        if s.kind != kind {
            return false;
        }
    }
    if let Some(sub) = &f.substance {
        if !s.substances.contains(sub) {
            return false;
        }
    }
    if let Some(age) = f.age {
        if s.min_age.or(target_min_age).is_some_and(|min| age < min) || s.max_age.is_some_and(|max| age > max) {
            return false;
        }
    }
    if f.anonymous_only && s.anonymous != Some(true) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [&str; 3] = ["ambulant", "day", "anonymous-counselling"];
    const SUBSTANCES: [&str; 2] = ["alcohol", "drugs"];

    /// A service's data, owned, to lend as an [`Offer`].
    struct Service {
        kommuner: Vec<String>,
        kind: String,
        substances: Vec<String>,
        min_age: Option<u32>,
        max_age: Option<u32>,
        anonymous: Option<bool>,
    }

    impl Service {
        fn offer(&self) -> Offer<'_> {
            Offer {
                kommuner: &self.kommuner,
                kind: &self.kind,
                substances: &self.substances,
                min_age: self.min_age,
                max_age: self.max_age,
                anonymous: self.anonymous,
            }
        }
    }

    fn service(kommune: &str, kind: &str, min_age: Option<u32>, max_age: Option<u32>, anonymous: Option<bool>) -> Service {
        Service { kommuner: vec![kommune.into()], kind: kind.into(), substances: vec!["drugs".into()], min_age, max_age, anonymous }
    }

    fn raw(pairs: &[(&str, &str)]) -> RawFilter {
        let get = |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string());
        RawFilter { kommune: get("kommune"), kind: get("kind"), substance: get("substance"), age: get("age"), anonymous: get("anonym"), q: get("q") }
    }

    // The municipalities are content, installed once per process; the tests that filter on one
    // are with the content (`content::catalogue`). Here none is installed: `&[]`.

    #[test]
    fn empty_parameters_mean_no_filter() {
        let (f, errors) = parse(&raw(&[("kommune", ""), ("kind", " "), ("age", "")]), &[], &KINDS, &SUBSTANCES);
        assert_eq!(f, Filter::default());
        assert!(errors.is_empty());
    }

    #[test]
    fn bad_values_are_reported_not_fatal() {
        let (f, errors) = parse(&raw(&[("kommune", "koebenhavn"), ("kind", "massage"), ("substance", "kaffe"), ("age", "tolv")]), &[], &KINDS, &SUBSTANCES);
        assert_eq!(f, Filter::default());
        assert_eq!(errors, vec![FilterError::UnknownKommune, FilterError::UnknownKind, FilterError::UnknownSubstance, FilterError::BadAge]);
        let (_, errors) = parse(&raw(&[("age", "-3")]), &[], &KINDS, &SUBSTANCES);
        assert_eq!(errors, vec![FilterError::BadAge]);
        let (_, errors) = parse(&raw(&[("age", "99999999999999")]), &[], &KINDS, &SUBSTANCES);
        assert_eq!(errors, vec![FilterError::BadAge]);
    }

    #[test]
    fn ages_count_the_services_own_limits_then_its_documents() {
        let (f, errors) = parse(&raw(&[("age", "12")]), &[], &KINDS, &SUBSTANCES);
        assert!(errors.is_empty());
        // Own age limit from 12: in; from 13: out.
        assert!(matches(&service("odsherred", "ambulant", Some(12), None, None).offer(), &f, Some(12)));
        assert!(!matches(&service("ishoj", "ambulant", Some(13), None, None).offer(), &f, None));
        // No own limit: the document's target group decides (from 12: in; from 13: out).
        assert!(matches(&service("odsherred", "day", None, None, None).offer(), &f, Some(12)));
        assert!(!matches(&service("ishoj", "day", None, None, None).offer(), &f, Some(13)));
        // Upper limits count too (Pitstop's youth offer: under 30).
        let (f, _) = parse(&raw(&[("age", "30")]), &[], &KINDS, &SUBSTANCES);
        assert!(!matches(&service("ishoj", "ambulant", None, Some(29), None).offer(), &f, None));
    }

    #[test]
    fn kind_substance_and_anonymity_filter() {
        let (f, _) = parse(&raw(&[("kind", "day")]), &[], &KINDS, &SUBSTANCES);
        assert!(matches(&service("thisted", "day", None, None, None).offer(), &f, None));
        assert!(!matches(&service("thisted", "ambulant", None, None, None).offer(), &f, None));
        let (f, _) = parse(&raw(&[("substance", "alcohol")]), &[], &KINDS, &SUBSTANCES);
        assert!(!matches(&service("thisted", "day", None, None, None).offer(), &f, None), "drugs only");
        let (f, _) = parse(&raw(&[("anonym", "ja")]), &[], &KINDS, &SUBSTANCES);
        assert!(matches(&service("thisted", "anonymous-counselling", None, None, Some(true)).offer(), &f, None));
        assert!(!matches(&service("thisted", "ambulant", None, None, None).offer(), &f, None), "unknown is not anonymous");
    }
}
