//! The content checker against planted faults: the reviewed content with one mistake put in each
//! of several files, as a municipality's first draft might have them. Each must be reported with
//! the file and the line to fix, and nothing may be reported for the files that are right.

use app::content::check::check;
use app::content::files::{ContentFiles, Problem};

/// The portal's own first path segments, as the server passes them (server/src/content_dir.rs).
fn reserved() -> Vec<String> {
    ["katalog", "personale", "standarder", "sammenlign"].map(String::from).to_vec()
}

/// The compiled content with `from` replaced by `to` in `file` (exactly once, or the test itself
/// is wrong).
fn plant(files: &mut ContentFiles, file: &str, from: &str, to: &str) {
    let text = files.get(file).unwrap_or_else(|| panic!("{file} is not in the content"));
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur exactly once in {file}");
    let changed = text.replacen(from, to, 1);
    files.set(file, changed);
}

/// The 1-based line of `needle` in the planted file (the line a reviewer must open).
fn line(files: &ContentFiles, file: &str, needle: &str) -> usize {
    line_after(files, file, "", needle)
}

/// The line of the first `needle` after `anchor`: a quote often stands in a rule and again in
/// the params table that computes with it.
fn line_after(files: &ContentFiles, file: &str, anchor: &str, needle: &str) -> usize {
    let text = files.get(file).unwrap();
    let start = text.find(anchor).unwrap_or_else(|| panic!("{anchor:?} is not in {file}"));
    let at = start + text[start..].find(needle).unwrap_or_else(|| panic!("{needle:?} is not in {file} after {anchor:?}"));
    text[..at].matches('\n').count() + 1
}

fn listing(problems: &[Problem]) -> String {
    problems.iter().map(Problem::to_string).collect::<Vec<_>>().join("\n")
}

/// Asserts one problem in `file` at `at` whose message contains `says`.
fn reported(problems: &[Problem], file: &str, at: usize, says: &str) {
    assert!(
        problems.iter().any(|p| p.file == file && p.line == Some(at) && p.message.contains(says)),
        "expected {file}:{at}: …{says}… among:\n{}",
        listing(problems)
    );
}

#[test]
fn the_reviewed_content_passes() {
    let problems = check(&ContentFiles::compiled(), &reserved());
    assert!(problems.is_empty(), "{}", listing(&problems));
}

#[test]
fn a_rule_without_its_citation_is_reported_at_the_rule() {
    let mut files = ContentFiles::compiled();
    plant(
        &mut files,
        "rights/thisted.toml",
        "doc = \"thisted\"\nsection = \"Hvem kan modtage indsatsen og hvilke kriterier indgår for tildeling af indsatsen?\"\nquote = \"er motiveret",
        "quote = \"er motiveret",
    );
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/thisted.toml", "quote = \"er motiveret");
    reported(&problems, "rights/thisted.toml", at, "reglen \"maalgruppe-motivation\": kildehenvisningen mangler");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
}

#[test]
fn a_quote_the_source_does_not_contain_is_reported() {
    let mut files = ContentFiles::compiled();
    let invented = "Målgruppen er borgere fra 10 år og opefter, der har et alkohol- og/eller stofproblem.";
    plant(
        &mut files,
        "rights/odsherred.toml",
        "title = \"Behandling fra 12 år\"\ntext = \"Rusmiddelteamet er for borgere fra 12 år, der har et problem med alkohol og/eller stoffer – også hvis du samtidig har en psykisk sygdom. Pårørende er også i målgruppen.\"\ndoc = \"odsherred-2025\"\nsection = \"Målgruppe\"\nquote = \"Målgruppen er borgere fra 12 år og opefter, der har et alkohol- og/eller stofproblem.\"",
        &format!("title = \"Behandling fra 12 år\"\ntext = \"Rusmiddelteamet er for borgere fra 12 år, der har et problem med alkohol og/eller stoffer – også hvis du samtidig har en psykisk sygdom. Pårørende er også i målgruppen.\"\ndoc = \"odsherred-2025\"\nsection = \"Målgruppe\"\nquote = \"{invented}\""),
    );
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/odsherred.toml", invented);
    reported(&problems, "rights/odsherred.toml", at, "citatet findes ikke i kilden \"odsherred-2025\"");
}

#[test]
fn a_section_heading_the_source_does_not_have_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/ishoj.toml", "days = 14\nclock_starts = \"contact\"\ndoc = \"ishoj-2024\"\nsection = \"Behandlingsgaranti\"", "days = 14\nclock_starts = \"contact\"\ndoc = \"ishoj-2024\"\nsection = \"Garantien\"");
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/ishoj.toml", "section = \"Garantien\"");
    reported(&problems, "rights/ishoj.toml", at, "afsnittet \"Garantien\" findes ikke i kilden \"ishoj-2024\"");
}

#[test]
fn a_number_its_quote_does_not_state_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/ishoj.toml", "days = 14\nclock_starts", "days = 10\nclock_starts");
    let problems = check(&files, &reserved());
    let at = line_after(&files, "rights/ishoj.toml", "[params.guarantee]", "quote = ");
    reported(&problems, "rights/ishoj.toml", at, "[params.guarantee]: days = 10, men citatet nævner ikke 10");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
}

#[test]
fn a_deadline_in_days_that_contradicts_its_wording_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/thisted.toml", "deadline_days = 28\ndeadline_wording = \"28 dage\"", "deadline_days = 30\ndeadline_wording = \"28 dage\"");
    let problems = check(&files, &reserved());
    let at = line_after(&files, "rights/thisted.toml", "[params.complaint]", "deadline_wording = \"28 dage\"");
    reported(&problems, "rights/thisted.toml", at, "deadline_days = 30 svarer ikke til \"28 dage\"");
}

#[test]
fn a_site_for_a_municipality_that_is_not_there_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "booking.toml", "kommuner = [\"odsherred\"]", "kommuner = [\"odsherred\", \"atlantis\"]");
    let problems = check(&files, &reserved());
    let at = line(&files, "booking.toml", "\"atlantis\"");
    reported(&problems, "booking.toml", at, "stedet \"rusmiddelteamet-odsherred\": kommunen \"atlantis\" findes ikke i kommuner.toml");
}

#[test]
fn what_a_booking_page_says_first_must_name_rules_that_exist() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "booking.toml", "duty_to_notify = \"odsherred/boern-underretningspligt\"", "duty_to_notify = \"odsherred/findes-ikke\"");
    let problems = check(&files, &reserved());
    let at = line_after(&files, "booking.toml", "[before_talking.odsherred]", "\"odsherred/findes-ikke\"");
    reported(&problems, "booking.toml", at, "[before_talking.odsherred] duty_to_notify: reglen \"odsherred/findes-ikke\" findes ikke i rights/");
}

#[test]
fn a_municipality_whose_pages_would_say_nothing_first_is_reported() {
    let mut files = ContentFiles::compiled();
    let booking = files.get("booking.toml").unwrap().to_string();
    let start = booking.find("[before_talking.thisted]").unwrap();
    files.set("booking.toml", booking[..start].to_string());
    let problems = check(&files, &reserved());
    assert!(
        problems.iter().any(|p| p.file == "booking.toml" && p.message.contains("kommunen \"thisted\" har ingen [before_talking.thisted]")),
        "{}",
        listing(&problems)
    );
}

#[test]
fn a_standard_for_a_municipality_that_is_not_there_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "standards/thisted.toml", "kommuner = [\"thisted\"]", "kommuner = [\"thisted\", \"atlantis\"]");
    let problems = check(&files, &reserved());
    let at = line(&files, "standards/thisted.toml", "\"atlantis\"");
    reported(&problems, "standards/thisted.toml", at, "kommunen \"atlantis\" findes ikke i kommuner.toml");
}

/// A second municipality entry: everything a municipality needs, so only the planted slug is wrong.
fn another_municipality(slug: &str) -> String {
    format!(
        "\n[[kommune]]\nslug = \"{slug}\"\nname = \"Prøve Kommune\"\nshort_name = \"Prøve\"\ngoverning_doc = \"thisted\"\nsite_name = \"Prøvestedet\"\n"
    )
}

#[test]
fn a_slug_given_twice_is_reported_at_the_second() {
    let mut files = ContentFiles::compiled();
    let text = files.get("kommuner.toml").unwrap().to_string() + &another_municipality("thisted");
    files.set("kommuner.toml", text);
    let problems = check(&files, &reserved());
    let at = files.get("kommuner.toml").unwrap().lines().count() - 4;
    reported(&problems, "kommuner.toml", at, "slug \"thisted\" står der to gange");
}

#[test]
fn a_slug_that_is_a_page_of_the_portal_is_reported() {
    let mut files = ContentFiles::compiled();
    let text = files.get("kommuner.toml").unwrap().to_string() + &another_municipality("katalog");
    files.set("kommuner.toml", text);
    let problems = check(&files, &reserved());
    let at = line(&files, "kommuner.toml", "slug = \"katalog\"");
    reported(&problems, "kommuner.toml", at, "slug \"katalog\" er allerede en fast adresse i portalen (/katalog)");
    // …and what the new municipality still lacks, without a line (a file is missing).
    assert!(problems.iter().any(|p| p.file == "rights/katalog.toml" && p.message.contains("ingen rettighedsfil")), "{}", listing(&problems));
    assert!(problems.iter().any(|p| p.file == "booking.toml" && p.message.contains("\"katalog\" har intet sted")), "{}", listing(&problems));
}

#[test]
fn a_slug_that_is_no_plain_url_segment_is_reported() {
    let mut files = ContentFiles::compiled();
    let text = files.get("kommuner.toml").unwrap().to_string() + &another_municipality("Prøve Kommune");
    files.set("kommuner.toml", text);
    let problems = check(&files, &reserved());
    let at = line(&files, "kommuner.toml", "slug = \"Prøve Kommune\"");
    reported(&problems, "kommuner.toml", at, "skal være små bogstaver a–z, tal og bindestreg");
}

#[test]
fn a_file_that_is_not_toml_is_reported_at_the_broken_line() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "standards/thisted.toml", "kommuner = [\"thisted\"]\n", "kommuner = [\"thisted\"]\nheading = \"uden slut\n");
    let problems = check(&files, &reserved());
    let at = line(&files, "standards/thisted.toml", "heading = \"uden slut");
    assert!(problems.iter().any(|p| p.file == "standards/thisted.toml" && p.line == Some(at)), "expected standards/thisted.toml:{at} among:\n{}", listing(&problems));
}

#[test]
fn every_planted_fault_at_once_is_reported_each_in_its_own_place() {
    // A reviewer gets the whole list in one run, not one fault per attempt.
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/ishoj.toml", "days = 14\nclock_starts", "days = 10\nclock_starts");
    plant(&mut files, "booking.toml", "kommuner = [\"odsherred\"]", "kommuner = [\"odsherred\", \"atlantis\"]");
    plant(&mut files, "rights/thisted.toml", "deadline_days = 28\ndeadline_wording = \"28 dage\"", "deadline_days = 30\ndeadline_wording = \"28 dage\"");
    let problems = check(&files, &reserved());
    let files_named: std::collections::BTreeSet<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files_named.into_iter().collect::<Vec<_>>(), ["booking.toml", "rights/ishoj.toml", "rights/thisted.toml"], "{}", listing(&problems));
    assert!(problems.iter().all(|p| p.line.is_some()), "{}", listing(&problems));
    // How the command prints them: file:line: message.
    assert!(problems.iter().any(|p| p.to_string().starts_with("booking.toml:")), "{}", listing(&problems));
}

#[test]
fn a_limit_naming_no_rule_is_reported_at_the_limit() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/thisted.toml", "  \"faelles/sel101a-anonym-henvendelse\",\n", "  \"faelles/sel101a-anonym-henvendlse\",\n");
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/thisted.toml", "faelles/sel101a-anonym-henvendlse");
    reported(&problems, "rights/thisted.toml", at, "limits \"faelles/sel101a-anonym-henvendlse\" findes ikke");
}

#[test]
fn rules_that_limit_each_other_in_a_circle_are_reported() {
    let mut files = ContentFiles::compiled();
    // Thisted's age limit limits the law's anonymous contact; now that one limits it back.
    plant(
        &mut files,
        "rights/thisted.toml",
        "limits = [\n  \"faelles/sel101a-anonym-henvendelse\",\n]",
        "limits = [\n  \"thisted/anonymitet-101a-over-18\",\n]",
    );
    plant(&mut files, "rights/thisted.toml", "  \"faelles/sel101a-ingen-klageadgang\",\n", "  \"faelles/sel101a-ingen-klageadgang\",\n  \"thisted/anonymitet-raadgivning\",\n");
    let problems = check(&files, &reserved());
    assert!(problems.iter().any(|p| p.file == "rights/thisted.toml" && p.message.contains("i ring")), "{}", listing(&problems));
}

#[test]
fn a_rule_no_answer_can_make_apply_is_reported() {
    let mut files = ContentFiles::compiled();
    // From 18 and at most 17: nobody.
    plant(&mut files, "rights/thisted.toml", "when = { anonymous = true, min_age = 18, other_help = false }", "when = { anonymous = true, min_age = 18, max_age = 17 }");
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/thisted.toml", "id = \"anonymitet-raadgivning\"");
    reported(&problems, "rights/thisted.toml", at, "kan aldrig gælde for nogen");
}

#[test]
fn text_that_shows_the_portals_internals_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(
        &mut files,
        "rights/thisted.toml",
        "text = \"Behandling for stoffer skal tilbydes inden for 14 dage.\"",
        "text = \"Behandling for stoffer skal tilbydes inden for 14 dage (se regler-thisted.toml).\"",
    );
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/thisted.toml", "(se regler-thisted.toml)");
    reported(&problems, "rights/thisted.toml", at, "portalens indre");
}

// Claims and precedence (issue 37).

#[test]
fn two_rules_that_say_different_things_with_no_precedence_are_reported_at_the_municipalitys_rule() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/thisted.toml", "overrides = [{ rule = \"faelles/sel101-gavekort\", because = \"municipality\" }]\n", "");
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/thisted.toml", "id = \"behandlingstilbud-ingen-gavekort\"");
    reported(&problems, "rights/thisted.toml", at, "reglerne thisted/behandlingstilbud-ingen-gavekort og faelles/sel101-gavekort siger hver sit om gift_cards");
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
}

#[test]
fn a_precedence_on_a_ground_that_does_not_hold_is_reported_where_it_is_written() {
    let mut files = ContentFiles::compiled();
    plant(
        &mut files,
        "rights/thisted.toml",
        "overrides = [{ rule = \"faelles/sel101-gavekort\", because = \"municipality\" }]",
        "overrides = [{ rule = \"faelles/sel101-gavekort\", because = \"current\" }]",
    );
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/thisted.toml", "overrides = [{ rule = \"faelles/sel101-gavekort\", because = \"current\" }]");
    reported(&problems, "rights/thisted.toml", at, "grunden passer ikke: \"current\"");
}

#[test]
fn a_claim_whose_number_the_quote_contradicts_is_reported_at_the_claim() {
    let mut files = ContentFiles::compiled();
    plant(
        &mut files,
        "rights/ishoj.toml",
        "quote = \"Behandlingen skal iværksættes senest 14 dage efter at du har henvendt dig.\"\nclaims = { guarantee_days = 14,",
        "quote = \"Behandlingen skal iværksættes senest 14 dage efter at du har henvendt dig.\"\nclaims = { guarantee_days = 10,",
    );
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/ishoj.toml", "claims = { guarantee_days = 10,");
    reported(&problems, "rights/ishoj.toml", at, "reglen \"garanti-14-dage\": claims guarantee_days = 10, men citatet siger ikke 10");
    // Ten days also contradict the law's fourteen: reported as conflicts at the same rule.
    assert!(problems.iter().all(|p| p.message.contains("garanti-14-dage")), "{}", listing(&problems));
}

#[test]
fn an_age_the_quote_does_not_state_or_the_guide_does_not_ask_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/odsherred.toml", "claims = { age = { from = 12 } }", "claims = { age = { from = 14 } }");
    let problems = check(&files, &reserved());
    let at = line(&files, "rights/odsherred.toml", "claims = { age = { from = 14 } }");
    reported(&problems, "rights/odsherred.toml", at, "claims age.from = 14, men citatet siger ikke 14");
}

#[test]
fn a_rule_without_claims_or_with_a_word_outside_the_vocabulary_is_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "rights/thisted.toml", "claims = { transport = \"citizen-pays\" }", "claims = { transport = \"the-bus\" }");
    plant(&mut files, "rights/odsherred.toml", "quote = \"Klager over personalet skal sendes til lederen af Rusmiddelteamet.\"\nclaims = {}\n", "quote = \"Klager over personalet skal sendes til lederen af Rusmiddelteamet.\"\n");
    let problems = check(&files, &reserved());
    reported(&problems, "rights/thisted.toml", line(&files, "rights/thisted.toml", "claims = { transport = \"the-bus\" }"), "claims kan ikke læses");
    reported(&problems, "rights/odsherred.toml", line(&files, "rights/odsherred.toml", "id = \"klage-personale\""), "reglen \"klage-personale\": claims mangler");
}

/// Today's content with every declared precedence taken out: the conflicts the checker finds
/// are the ones the content resolves (listed in the commit that added them). Printed with
/// `--nocapture` for the reviewer.
#[test]
fn without_its_precedence_todays_content_has_the_conflicts_it_resolves() {
    let mut files = ContentFiles::compiled();
    let rights: Vec<String> = files.tomls_in("rights").map(|(_, path, _)| path.to_string()).collect();
    for path in rights {
        let text = files.get(&path).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("overrides = ") && !l.starts_with("yields_to = ")).collect();
        let stripped = kept.join("\n");
        files.set(&path, stripped);
    }
    let problems = check(&files, &reserved());
    let conflicts: Vec<&Problem> = problems.iter().filter(|p| p.message.contains("siger hver sit")).collect();
    for p in &conflicts {
        println!("{p}");
    }
    assert_eq!(conflicts.len(), problems.len(), "only conflicts:\n{}", listing(&problems));
    for expected in [
        "faelles/sel101a-ingen-klageadgang",
        "vallensbaek/klage-alkohol-ingen-klageadgang",
        "odsherred/garanti-regnes-fra-fremmoede",
        "thisted/garanti-regnes-fra-ansoegning",
        "thisted/garanti-andet-tilbud",
        "thisted/behandlingstilbud-ingen-gavekort",
        "odsherred/anonymitet-stof-som-hovedregel-ikke",
        "odsherred/anonymitet-alkohol-medicin",
    ] {
        assert!(conflicts.iter().any(|p| p.message.contains(expected)), "{expected} not among:\n{}", listing(&problems));
    }
}

#[test]
fn a_sites_ages_or_who_answers_its_phone_that_the_source_does_not_say_are_reported() {
    let mut files = ContentFiles::compiled();
    plant(&mut files, "kommuner.toml", "site_ages = { from = 18 }", "site_ages = { from = 21 }");
    let problems = check(&files, &reserved());
    let at = line(&files, "kommuner.toml", "site_ages = { from = 21 }");
    reported(&problems, "kommuner.toml", at, "thisted: site_ages 21 står ikke i site_about");

    let mut files = ContentFiles::compiled();
    plant(&mut files, "kommuner.toml", "phone_reaches = \"visitationen for Handicap og Socialpsykiatri\"", "phone_reaches = \"Rusmiddelcentrets døgnvagt\"");
    let problems = check(&files, &reserved());
    let at = line(&files, "kommuner.toml", "phone_reaches = ");
    reported(&problems, "kommuner.toml", at, "thisted: phone_reaches \"Rusmiddelcentrets døgnvagt\" står ikke i telefonnummerets kilde");
}
