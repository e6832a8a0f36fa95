//! Issue 18: what each municipality's standard asks a person about, when, and which of its
//! outcome targets the answers measure (`app/content/evaluation.toml`). Every moment, question,
//! follow-up point and target carries its source; the loader checks each one against the
//! documents, the municipalities and the outcome targets it names.

use super::catalogue::{Outcome, SectionAnchors};
use super::files::ContentFiles;
use super::{parse_file, Citation, Content, ContentError, SourceDocument};
use crate::domain::evaluation::{AnswerSet, Moment, MAX_POINT, UNANSWERED};
use serde::Deserialize;

/// The evaluation file's path among the content files.
pub const FILE: &str = "evaluation.toml";

/// A question as one municipality asks it, with the source that asks for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub answers: AnswerSet,
    pub quote: String,
    pub source: Citation,
}

/// One moment a municipality evaluates at, its source and its questions in order.
#[derive(Clone, Debug, PartialEq)]
pub struct MomentPlan {
    pub moment: Moment,
    pub quote: String,
    pub source: Citation,
    pub questions: Vec<Question>,
}

/// The follow-up points (months after discharge) the standard names.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUpPlan {
    pub points: Vec<u32>,
    pub quote: String,
    pub source: Citation,
}

/// How the follow-up's answers measure an outcome target.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub percent: u32,
    /// At least (`true`) or at most the percentage.
    pub at_least: bool,
    /// The "forbrug-nu" answers the target counts.
    pub counts: Vec<String>,
}

/// An outcome target of the municipality, and how the follow-up measures it (`None`: it does not).
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub outcome: Outcome,
    pub measure: Option<Measure>,
}

/// What one municipality evaluates.
#[derive(Clone, Debug, PartialEq)]
pub struct KommuneEvaluation {
    pub kommune: String,
    pub moments: Vec<MomentPlan>,
    pub follow_up: Option<FollowUpPlan>,
    /// Every numeric target of the municipality (a `%` in its value), measured or not.
    pub targets: Vec<Target>,
}

impl KommuneEvaluation {
    pub fn moment(&self, moment: Moment) -> Option<&MomentPlan> {
        self.moments.iter().find(|m| m.moment == moment)
    }

    /// The follow-up points; empty where there is no follow-up.
    pub fn points(&self) -> &[u32] {
        self.follow_up.as_ref().map_or(&[], |f| f.points.as_slice())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    question: Vec<RawQuestion>,
    #[serde(default)]
    kommune: Vec<RawKommune>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    text: String,
    answers: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    doc: String,
    section: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKommune {
    slug: String,
    follow_up: Option<RawFollowUp>,
    #[serde(default)]
    moment: Vec<RawMoment>,
    #[serde(default)]
    target: Vec<RawTarget>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFollowUp {
    points: Vec<u32>,
    #[serde(flatten)]
    source: RawSource,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoment {
    moment: String,
    doc: String,
    section: String,
    quote: String,
    questions: Vec<RawAsked>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAsked {
    id: String,
    doc: String,
    section: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    quote: String,
    percent: u32,
    direction: String,
    counts: Vec<String>,
}

fn invalid(msg: String) -> ContentError {
    ContentError::Invalid(format!("{FILE}: {msg}"))
}

/// Reads and checks `evaluation.toml`. A content set without the file evaluates nowhere.
pub fn parse(files: &ContentFiles, content: &Content, outcomes: &[Outcome], anchors: &SectionAnchors) -> Result<Vec<KommuneEvaluation>, ContentError> {
    if files.get(FILE).is_none() {
        return Ok(Vec::new());
    }
    let raw: RawFile = parse_file(files, FILE)?;
    let docs = content.documents();
    let cite = |doc: &str, section: &str, quote: &str, what: &str| -> Result<Citation, ContentError> {
        let d: &SourceDocument = docs.iter().find(|d| d.id == doc).ok_or_else(|| invalid(format!("{what}: unknown document {doc:?}")))?;
        if section.trim().is_empty() || quote.trim().is_empty() {
            return Err(invalid(format!("{what}: a source needs a section and a quote")));
        }
        let anchor = anchors.anchor(doc, section).or_else(|| anchors.containing(doc, quote));
        Ok(Citation { doc_id: d.id.clone(), doc_title: d.short.clone(), section: section.to_string(), law: None, anchor, expired: anchors.expired(&d.id), statute: false })
    };
    let mut questions: Vec<(String, String, AnswerSet)> = Vec::new();
    for q in raw.question {
        let answers = AnswerSet::from_slug(&q.answers).ok_or_else(|| invalid(format!("question {:?}: unknown answers {:?}", q.id, q.answers)))?;
        if q.text.trim().is_empty() || questions.iter().any(|(id, _, _)| *id == q.id) {
            return Err(invalid(format!("question {:?}: empty, or the id twice", q.id)));
        }
        questions.push((q.id, q.text.trim().to_string(), answers));
    }
    let mut out: Vec<KommuneEvaluation> = Vec::new();
    for k in raw.kommune {
        if !content.kommune_pages().iter().any(|p| p.slug == k.slug) {
            return Err(invalid(format!("unknown municipality {:?}", k.slug)));
        }
        if out.iter().any(|e| e.kommune == k.slug) {
            return Err(invalid(format!("municipality {:?} twice", k.slug)));
        }
        let follow_up = match k.follow_up {
            None => None,
            Some(f) => {
                let mut sorted = f.points.clone();
                sorted.sort_unstable();
                sorted.dedup();
                if f.points.is_empty() || sorted != f.points || f.points.iter().any(|p| *p == 0 || *p > MAX_POINT) {
                    return Err(invalid(format!("{}: follow_up.points must rise, from 1 to {MAX_POINT} months", k.slug)));
                }
                let source = cite(&f.source.doc, &f.source.section, &f.source.quote, &format!("{}: follow_up", k.slug))?;
                Some(FollowUpPlan { points: f.points, quote: f.source.quote, source })
            }
        };
        let mut moments: Vec<MomentPlan> = Vec::new();
        for m in k.moment {
            let what = format!("{}: moment {:?}", k.slug, m.moment);
            let moment = Moment::from_slug(&m.moment).ok_or_else(|| invalid(format!("{what}: unknown moment")))?;
            if moments.iter().any(|x| x.moment == moment) {
                return Err(invalid(format!("{what}: twice")));
            }
            if moment == Moment::FollowUp && follow_up.is_none() {
                return Err(invalid(format!("{what}: follow-up without follow_up.points")));
            }
            if m.questions.is_empty() {
                return Err(invalid(format!("{what}: no questions")));
            }
            let mut asked = Vec::new();
            for a in m.questions {
                let (_, text, answers) = questions.iter().find(|(id, _, _)| *id == a.id).ok_or_else(|| invalid(format!("{what}: unknown question {:?}", a.id)))?;
                if asked.iter().any(|q: &Question| q.id == a.id) {
                    return Err(invalid(format!("{what}: question {:?} twice", a.id)));
                }
                let source = cite(&a.doc, &a.section, &a.quote, &format!("{what}: question {:?}", a.id))?;
                asked.push(Question { id: a.id, text: text.clone(), answers: *answers, quote: a.quote, source });
            }
            let source = cite(&m.doc, &m.section, &m.quote, &what)?;
            moments.push(MomentPlan { moment, quote: m.quote, source, questions: asked });
        }
        if follow_up.is_some() && !moments.iter().any(|m| m.moment == Moment::FollowUp) {
            return Err(invalid(format!("{}: follow_up.points but no follow-up moment", k.slug)));
        }
        let own: Vec<&Outcome> = outcomes.iter().filter(|o| o.kommuner.contains(&k.slug)).collect();
        let mut targets: Vec<Target> = own
            .iter()
            .filter(|o| o.value.as_deref().is_some_and(|v| v.contains('%')))
            .map(|o| Target { outcome: (*o).clone(), measure: None })
            .collect();
        for t in k.target {
            let what = format!("{}: target {:?}", k.slug, t.quote);
            let found = targets.iter_mut().find(|x| x.outcome.quote == t.quote).ok_or_else(|| invalid(format!("{what}: no outcome target of the municipality with this quote")))?;
            let at_least = match t.direction.as_str() {
                "mindst" => true,
                "hoejst" => false,
                other => return Err(invalid(format!("{what}: direction {other:?} is neither \"mindst\" nor \"hoejst\""))),
            };
            if t.percent > 100 || t.counts.is_empty() || t.counts.iter().any(|c| !AnswerSet::UseNow.has(c) || c == UNANSWERED) {
                return Err(invalid(format!("{what}: a percentage up to 100, and answers of \"forbrug-nu\" to count")));
            }
            let measured = moments.iter().any(|m| m.moment == Moment::FollowUp && m.questions.iter().any(|q| q.answers == AnswerSet::UseNow));
            if !measured {
                return Err(invalid(format!("{what}: no follow-up question asks about use now")));
            }
            found.measure = Some(Measure { percent: t.percent, at_least, counts: t.counts });
        }
        out.push(KommuneEvaluation { kommune: k.slug, moments, follow_up, targets });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::check::letters;
    use crate::content::{catalogue, content};

    fn seed(doc_id: &str) -> String {
        let doc = content().documents().iter().find(|d| d.id == doc_id).unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/seeds").join(&doc.seed);
        letters(&std::fs::read_to_string(path).unwrap())
    }

    #[test]
    fn every_source_is_quoted_from_its_seed_and_finds_its_section() {
        let all = catalogue().evaluations();
        assert_eq!(all.len(), 4, "every municipality of the seeds evaluates at follow-up");
        let check = |what: String, source: &Citation, quote: &str| {
            let text = seed(&source.doc_id);
            assert!(text.contains(&letters(&source.section)), "{what}: section {:?} not in {}", source.section, source.doc_id);
            assert!(text.contains(&letters(quote)), "{what}: quote not in {}: {quote:?}", source.doc_id);
            assert!(source.anchor.is_some(), "{what}: the section has no place on the standard's page");
        };
        for e in all {
            let f = e.follow_up.as_ref().unwrap();
            check(format!("{} follow-up", e.kommune), &f.source, &f.quote);
            // The points are the ones the quote itself names.
            for p in &f.points {
                assert!(f.quote.contains(&p.to_string()), "{}: point {p} not in {:?}", e.kommune, f.quote);
            }
            for m in &e.moments {
                check(format!("{} {:?}", e.kommune, m.moment), &m.source, &m.quote);
                for q in &m.questions {
                    check(format!("{} {:?} {}", e.kommune, m.moment, q.id), &q.source, &q.quote);
                }
            }
            for t in e.targets.iter().filter(|t| t.measure.is_some()) {
                let m = t.measure.as_ref().unwrap();
                assert!(t.outcome.quote.contains(&m.percent.to_string()), "{}: {} % not in {:?}", e.kommune, m.percent, t.outcome.quote);
            }
        }
    }

    #[test]
    fn each_municipality_has_the_follow_up_points_its_standard_names() {
        let points = |k: &str| catalogue().evaluation(k).unwrap().points().to_vec();
        assert_eq!(points("ishoj"), [1, 3, 6, 12]);
        assert_eq!(points("vallensbaek"), [1, 6]);
        assert_eq!(points("odsherred"), [1, 3]);
        assert_eq!(points("thisted"), [1, 6]);
        // The follow-up asks about use now everywhere, and Vallensbæk alone evaluates a group course.
        for e in catalogue().evaluations() {
            let f = e.moment(Moment::FollowUp).unwrap();
            assert!(f.questions.iter().any(|q| q.answers == AnswerSet::UseNow), "{}", e.kommune);
            assert_eq!(e.moment(Moment::GroupCourse).is_some(), e.kommune == "vallensbaek");
        }
        // Thisted's and Odsherred's two targets count the two answers apart; the third (coming
        // back within 12 months) is listed, not measured.
        let thisted = catalogue().evaluation("thisted").unwrap();
        let measured: Vec<(u32, Vec<String>)> = thisted.targets.iter().filter_map(|t| t.measure.as_ref().map(|m| (m.percent, m.counts.clone()))).collect();
        assert_eq!(measured, vec![(40, vec!["ingen".to_string()]), (20, vec!["mindre".to_string()])]);
        assert_eq!(thisted.targets.len(), 3);
        assert!(catalogue().evaluation("ishoj").unwrap().targets.iter().all(|t| t.measure.is_none()));
    }

    fn with_file(text: &str) -> Result<Vec<KommuneEvaluation>, ContentError> {
        let mut files: std::collections::BTreeMap<String, String> = ContentFiles::compiled().paths().map(|p| (p.to_string(), ContentFiles::compiled().get(p).unwrap().to_string())).collect();
        files.insert(FILE.to_string(), text.to_string());
        let files = ContentFiles::from_map(files);
        let anchors = crate::content::catalogue::section_anchors(&files).unwrap();
        parse(&files, content(), catalogue().outcomes(), &anchors)
    }

    #[test]
    fn a_free_text_question_or_a_wrong_reference_is_refused() {
        let base = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join(FILE)).unwrap();
        assert!(with_file(&base).is_ok());
        let free_text = base.replacen("answers = \"enighed\"", "answers = \"fritekst\"", 1);
        assert!(with_file(&free_text).unwrap_err().to_string().contains("unknown answers \"fritekst\""));
        let falling = base.replace("points = [1, 3, 6, 12]", "points = [3, 1]");
        assert!(with_file(&falling).unwrap_err().to_string().contains("must rise"));
        let wrong_target = base.replace("quote = \"Minimum 20 % af personer", "quote = \"Minimum 25 % af personer");
        assert!(with_file(&wrong_target).unwrap_err().to_string().contains("no outcome target"));
        let unknown_question = base.replacen("{ id = \"kontakt\"", "{ id = \"fritekst\"", 1);
        assert!(with_file(&unknown_question).unwrap_err().to_string().contains("unknown question \"fritekst\""));
        let bad_answer = base.replacen("counts = [\"ingen\"]", "counts = [\"ubesvaret\"]", 1);
        assert!(with_file(&bad_answer).is_err());
    }
}
